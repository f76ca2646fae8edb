package vn.ocop.portal.traceability.report;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.ocop.portal.shared.Database;
import vn.ocop.portal.staff.Attention;
import vn.ocop.portal.staff.AuditLog;
import vn.ocop.portal.staff.Csv;
import vn.ocop.portal.staff.Permission;
import vn.ocop.portal.staff.Scope;
import vn.ocop.portal.staff.Staff;
import vn.ocop.portal.staff.StaffTime;

/**
 * The consumer problem reports as staff triage them: new, in progress, closed, with notes. Every read takes the
 * caller's scope (a report about a product belongs to its producer and the producer's province; a report about a
 * code this portal never issued has no product and is seen by national staff only); every change is audited.
 */
@Singleton
class ReportTriage implements Attention.Source {

    enum Status {
        NEW,
        IN_PROGRESS,
        CLOSED
    }

    /** Keeps a query within a scope ({@link Scope#bindings}). */
    private static final String WITHIN = " " + Scope.condition("pr.province_code", "p.producer_id");

    private static final String FROM = " from problem_report r left join product p on p.id = r.product_id"
            + " left join producer pr on pr.id = p.producer_id ";

    /** A report as the triage screens show it. */
    record Report(
            long id,
            Instant createdAt,
            String code,
            String kind,
            String message,
            @Nullable String contact,
            Status status,
            @Nullable String productName,
            @Nullable String productSlug,
            @Nullable String producerName,
            @Nullable String provinceCode,
            @Nullable Long producerId,
            boolean genuineCode) {

        public long getId() {
            return id;
        }

        public String getCreatedAtShown() {
            return StaffTime.shown(createdAt);
        }

        public String getCode() {
            return code;
        }

        public String getKind() {
            return kind;
        }

        public String getMessage() {
            return message;
        }

        public String getContact() {
            return contact;
        }

        public String getStatus() {
            return status.name();
        }

        public String getProductName() {
            return productName;
        }

        public String getProductSlug() {
            return productSlug;
        }

        public String getProducerName() {
            return producerName;
        }

        public boolean isGenuineCode() {
            return genuineCode;
        }

        Map<String, Object> audited() {
            return Map.of("status", status.name());
        }
    }

    record Note(Instant at, String author, String text) {
        public String getAtShown() {
            return StaffTime.shown(at);
        }

        public String getAuthor() {
            return author;
        }

        public String getText() {
            return text;
        }
    }

    private final Database database;
    private final AuditLog audit;

    ReportTriage(Database database, AuditLog audit) {
        this.database = database;
        this.audit = audit;
    }

    List<Report> list(Scope scope, @Nullable Status status, int offset, int limit) {
        return database.list(
                "select " + COLUMNS + FROM + " where" + WITHIN + " and (cast(? as text) is null or r.status = ?)"
                        + " order by r.created_at desc, r.id desc offset ? limit ?",
                ReportTriage::read,
                scope.bindings(new Object[0], status, status, offset, limit));
    }

    long count(Scope scope, @Nullable Status status) {
        return database.count(
                "select count(*)" + FROM + " where" + WITHIN + " and (cast(? as text) is null or r.status = ?)",
                scope.bindings(new Object[0], status, status));
    }

    Optional<Report> one(long id, Scope scope) {
        return database.one(
                "select " + COLUMNS + FROM + " where r.id = ? and" + WITHIN,
                ReportTriage::read,
                scope.bindings(new Object[] {id}));
    }

    List<Note> notes(long reportId) {
        return database.list(
                "select at, author_email, text from problem_report_note where report_id = ? order by at, id",
                row -> new Note(Database.instant(row, "at"), row.getString("author_email"), row.getString("text")),
                reportId);
    }

    /** Sets the status (and adds the note, if any) of a report already read within the caller's scope. */
    void change(Staff staff, Report report, Status status, @Nullable String note) {
        database.inTransaction(() -> {
            if (status != report.status()) {
                database.update(
                        "update problem_report set status = ?, updated_at = now() where id = ?", status, report.id());
                audit.record(
                        staff,
                        "report.status",
                        "problem_report",
                        report.id(),
                        report.provinceCode(),
                        report.producerId(),
                        report.audited(),
                        Map.of("status", status.name()));
            }
            if (note != null && !note.isBlank()) {
                database.update(
                        "insert into problem_report_note (report_id, author_id, author_email, text) values (?, ?, ?, ?)",
                        report.id(),
                        staff.accountId(),
                        staff.email(),
                        note);
                audit.record(
                        staff,
                        "report.note",
                        "problem_report",
                        report.id(),
                        report.provinceCode(),
                        report.producerId(),
                        null,
                        Map.of("note", note));
            }
            return null;
        });
    }

    /** The reports of the scope (and status) as CSV for a spreadsheet: every free-text cell defused. */
    void writeCsv(Scope scope, @Nullable Status status, String baseUrl, Writer out) {
        try {
            out.write("id,created_at,status,kind,code,scan_page,product,producer,message,contact\r\n");
            int page = 1_000;
            long total = count(scope, status);
            for (int offset = 0; offset < total; offset += page) {
                for (Report report : list(scope, status, offset, page)) {
                    out.write(String.join(
                                    ",",
                                    Long.toString(report.id()),
                                    report.createdAt().toString(),
                                    report.status().name(),
                                    report.kind(),
                                    Csv.cell(report.code()),
                                    report.genuineCode() ? Csv.cell(baseUrl + "/q/" + report.code()) : "",
                                    Csv.cell(report.productName()),
                                    Csv.cell(report.producerName()),
                                    Csv.cell(report.message()),
                                    Csv.cell(report.contact()))
                            + "\r\n");
                }
            }
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Optional<Attention> attention(Staff staff) {
        if (!staff.may(Permission.READ_REPORTS)) {
            return Optional.empty();
        }
        return Optional.of(new Attention(
                "traceability.desk.attention.new-reports",
                count(staff.scope(), Status.NEW),
                "/admin/reports?status=NEW"));
    }

    private static final String COLUMNS = """
            r.id, r.created_at, r.code, r.kind, r.message, r.contact, r.status, p.name as product_name,
            p.slug as product_slug, pr.name as producer_name, pr.province_code, p.producer_id, r.stamp_id
            """;

    private static Report read(ResultSet row) throws SQLException {
        return new Report(
                row.getLong("id"),
                Database.instant(row, "created_at"),
                row.getString("code"),
                row.getString("kind"),
                row.getString("message"),
                row.getString("contact"),
                Status.valueOf(row.getString("status")),
                row.getString("product_name"),
                row.getString("product_slug"),
                row.getString("producer_name"),
                row.getString("province_code"),
                Database.nullableLong(row, "producer_id"),
                Database.nullableLong(row, "stamp_id") != null);
    }
}
