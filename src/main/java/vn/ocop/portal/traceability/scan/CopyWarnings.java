package vn.ocop.portal.traceability.scan;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.ocop.portal.shared.Database;
import vn.ocop.portal.staff.Attention;
import vn.ocop.portal.staff.AuditLog;
import vn.ocop.portal.staff.Permission;
import vn.ocop.portal.staff.Scope;
import vn.ocop.portal.staff.Staff;
import vn.ocop.portal.staff.StaffTime;
import vn.ocop.portal.traceability.StampCodes;
import vn.ocop.portal.traceability.StampSettings;

/**
 * The stamps whose scans met the copy-warning rule, as the desk lists them (V035): awaiting a review, confirmed as
 * copied, or cleared. A cleared warning comes back to "awaiting" once the evidence grows past what the reviewer saw,
 * by the same rule the scan page applies ({@link CopyWarning#shown}). Every read takes the caller's scope (the
 * stamp's product belongs to a producer and its province); every review is audited.
 */
@Singleton
class CopyWarnings implements Attention.Source {

    enum State {
        AWAITING,
        CONFIRMED,
        CLEARED
    }

    enum Decision {
        CONFIRMED,
        CLEARED
    }

    /** A listed warning with the stamp's evidence as the database holds it now. */
    record Warning(
            long stampId,
            String code,
            Instant raisedAt,
            State state,
            long scans,
            @Nullable Instant firstScan,
            int networks,
            int provinces,
            int days,
            long productId,
            String productName,
            String productSlug,
            String producerName,
            String provinceCode,
            long producerId,
            @Nullable String lotNumber) {

        public long getStampId() {
            return stampId;
        }

        public String getCode() {
            return code;
        }

        public String getRaisedAtShown() {
            return StaffTime.shown(raisedAt);
        }

        public String getState() {
            return state.name();
        }

        public long getScans() {
            return scans;
        }

        public String getFirstScanShown() {
            return firstScan == null ? "—" : StaffTime.shown(firstScan);
        }

        public int getNetworks() {
            return networks;
        }

        public int getProvinces() {
            return provinces;
        }

        public int getDays() {
            return days;
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

        public String getLotNumber() {
            return lotNumber;
        }

        Map<String, Object> evidence() {
            Map<String, Object> evidence = new LinkedHashMap<>();
            evidence.put("state", state.name());
            evidence.put("networks", networks);
            evidence.put("provinces", provinces);
            evidence.put("days", days);
            return evidence;
        }
    }

    /** A review as the desk shows it. */
    record Review(Instant at, String reviewer, Decision decision, String note, int networks, int provinces, int days) {

        public String getAtShown() {
            return StaffTime.shown(at);
        }

        public String getReviewer() {
            return reviewer;
        }

        public String getDecision() {
            return decision.name();
        }

        public String getNote() {
            return note;
        }

        public int getNetworks() {
            return networks;
        }

        public int getProvinces() {
            return provinces;
        }

        public int getDays() {
            return days;
        }
    }

    /** A province the stamp was counted in, by name in both languages. */
    record Place(String name, String nameEn) {

        public String getName() {
            return name;
        }

        public String getNameEn() {
            return nameEn;
        }
    }

    private static final String FROM = """
             from stamp_copy_warning w
             join stamp s on s.id = w.stamp_id
             join product p on p.id = w.product_id
             join producer pr on pr.id = p.producer_id
             left join batch b on b.id = s.batch_id
             left join lateral (select decision, networks, provinces from stamp_copy_review
                                where stamp_id = w.stamp_id order by id desc limit 1) r on true
            """;

    // The state as CopyWarning.shown decides it: the one bound parameter is the rule's number of networks.
    private static final String STATE = """
            case when r.decision = 'CONFIRMED' then 'CONFIRMED'
                 when r.decision = 'CLEARED' and s.province_count <= r.provinces
                      and s.network_count < r.networks + ? then 'CLEARED'
                 else 'AWAITING' end
            """;

    private static final String COLUMNS = "w.stamp_id, s.serial, w.raised_at, " + STATE + " as state,"
            + " s.scan_count, s.first_scanned_at, s.network_count, s.province_count, s.day_count, p.id as product_id,"
            + " p.name as product_name, p.slug, pr.name as producer_name, pr.province_code, pr.id as producer_id,"
            + " b.lot_number";

    private static final String WITHIN = " where " + Scope.condition("pr.province_code", "pr.id");

    private final Database database;
    private final AuditLog audit;
    private final StampCodes codes;
    private final StampSettings settings;
    private final IssuedStamps issued;

    CopyWarnings(Database database, AuditLog audit, StampCodes codes, StampSettings settings, IssuedStamps issued) {
        this.database = database;
        this.audit = audit;
        this.codes = codes;
        this.settings = settings;
        this.issued = issued;
    }

    List<Warning> list(Scope scope, @Nullable State state, int offset, int limit) {
        return database.list(
                "select * from (select " + COLUMNS + FROM + WITHIN + ") listed"
                        + " where cast(? as text) is null or state = ?"
                        + " order by raised_at desc, stamp_id desc offset ? limit ?",
                this::read,
                scope.bindings(new Object[] {settings.copyWarningNetworks()}, state, state, offset, limit));
    }

    long count(Scope scope, @Nullable State state) {
        return database.count(
                "select count(*) from (select " + STATE + " as state" + FROM + WITHIN + ") listed"
                        + " where cast(? as text) is null or state = ?",
                scope.bindings(new Object[] {settings.copyWarningNetworks()}, state, state));
    }

    Optional<Warning> one(long stampId, Scope scope) {
        return database.one(
                "select " + COLUMNS + FROM + WITHIN + " and w.stamp_id = ?",
                this::read,
                scope.bindings(new Object[] {settings.copyWarningNetworks()}, stampId));
    }

    List<Review> reviews(long stampId) {
        return database.list(
                """
                select r.decided_at, a.email, r.decision, r.note, r.networks, r.provinces, r.days
                from stamp_copy_review r join account a on a.id = r.decided_by
                where r.stamp_id = ? order by r.id desc
                """,
                row -> new Review(
                        Database.instant(row, "decided_at"),
                        row.getString("email"),
                        Decision.valueOf(row.getString("decision")),
                        row.getString("note"),
                        row.getInt("networks"),
                        row.getInt("provinces"),
                        row.getInt("days")),
                stampId);
    }

    /** The provinces the stamp's counted scans came from. */
    List<Place> provinces(long stampId) {
        return database.list("""
                select v.full_name, v.full_name_en from stamp_province sp
                join province v on v.code = sp.province_code
                where sp.stamp_id = ? order by v.full_name
                """, row -> new Place(row.getString("full_name"), row.getString("full_name_en")), stampId);
    }

    /** The latest days the stamp was counted on (at most 60), newest first, as yyyy-MM-dd. */
    List<String> days(long stampId) {
        return database.list(
                "select day::text from stamp_day where stamp_id = ? order by day desc limit 60",
                row -> row.getString(1),
                stampId);
    }

    /**
     * Records a review of a warning already read within the caller's scope, with the evidence as it is now; the
     * stamp's page follows at once (the review's trigger announces the product's change, V035).
     */
    void review(Staff staff, Warning warning, Decision decision, String note) {
        database.inTransaction(() -> {
            database.update("""
                    insert into stamp_copy_review
                        (stamp_id, product_id, decision, note, networks, provinces, days, decided_by)
                    select s.id, s.product_id, ?, ?, s.network_count, s.province_count, s.day_count, ?
                    from stamp s where s.id = ?
                    """, decision, note, staff.accountId(), warning.stampId());
            Map<String, Object> after = new LinkedHashMap<>();
            after.put("decision", decision.name());
            after.put("note", note);
            audit.record(
                    staff,
                    "stamp.copy-review",
                    "stamp",
                    warning.stampId(),
                    warning.provinceCode(),
                    warning.producerId(),
                    warning.evidence(),
                    after);
            return null;
        });
        issued.forget(warning.stampId());
    }

    @Override
    public Optional<Attention> attention(Staff staff) {
        if (!staff.may(Permission.READ_REPORTS)) {
            return Optional.empty();
        }
        return Optional.of(new Attention(
                "traceability.copies.attention",
                count(staff.scope(), State.AWAITING),
                "/admin/copy-warnings?state=AWAITING"));
    }

    private Warning read(ResultSet row) throws SQLException {
        return new Warning(
                row.getLong("stamp_id"),
                codes.codeOf(row.getLong("serial")),
                Database.instant(row, "raised_at"),
                State.valueOf(row.getString("state")),
                row.getLong("scan_count"),
                Database.instant(row, "first_scanned_at"),
                row.getInt("network_count"),
                row.getInt("province_count"),
                row.getInt("day_count"),
                row.getLong("product_id"),
                row.getString("product_name"),
                row.getString("slug"),
                row.getString("producer_name"),
                row.getString("province_code"),
                row.getLong("producer_id"),
                row.getString("lot_number"));
    }
}
