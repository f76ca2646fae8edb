package vn.ocop.portal.traceability.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import vn.ocop.portal.staff.Role;
import vn.ocop.portal.staff.Scope;
import vn.ocop.portal.staff.SignedInClient;
import vn.ocop.portal.staff.TestStaff;
import vn.ocop.portal.support.Pages;
import vn.ocop.portal.support.Sql;

/**
 * Consumer reports become a triage list for the officers of the product's province: hostile text is shown as text
 * and exported so that a spreadsheet does not run it, status changes and notes are audited, and the landing page
 * counts the new ones.
 */
@MicronautTest(transactional = false)
class ReportDeskTest {

    static final String SCRIPT = "<script>alert('xss')</script> tem này bị in lại";
    static final String FORMULA = "=HYPERLINK(\"http://evil.example\",\"bấm\")";

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    ApplicationContext context;

    @Inject
    TransactionOperations<Connection> transactions;

    @Test
    void shouldShowHostileTextAsTextAndExportItDefused() {
        long report = report("01", SCRIPT, FORMULA);
        SignedInClient officer = new SignedInClient(http, context)
                .signIn(TestStaff.account(context, Role.OCOP_OFFICER, Scope.province("01"), false));
        HttpResponse<String> list = officer.get("/admin/reports?status=NEW");
        assertEquals(HttpStatus.OK, list.getStatus());
        assertFalse(list.body().contains("<script>alert"), "never raw");
        assertNotNull(Pages.html(list).selectFirst("[data-report=" + report + "]"));
        Document page = Pages.html(officer.get("/admin/reports/" + report));
        assertEquals(SCRIPT, page.selectFirst("[data-message]").text(), "shown as the text it is");
        assertTrue(
                page.select("script").stream().noneMatch(script -> script.html().contains("xss")));

        String csv = officer.get("/admin/reports/export.csv?status=NEW").body();
        String line = csv.lines()
                .filter(row -> row.startsWith(report + ","))
                .findFirst()
                .orElseThrow();
        assertTrue(line.contains(",\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"bấm\"\")\""), line);
        assertTrue(line.contains("\"<script>alert('xss')</script> tem này bị in lại\""), line);
    }

    @Test
    void shouldAuditEveryStatusChangeAndNoteAndCountNewReportsOnTheLandingPage() {
        long report = report("01", "Sản phẩm bị mốc sau hai ngày mở nắp", null);
        SignedInClient officer = new SignedInClient(http, context)
                .signIn(TestStaff.account(context, Role.OCOP_OFFICER, Scope.province("01"), false));
        Document home = Pages.html(officer.get("/admin"));
        assertNotNull(home.selectFirst("[data-attention='/admin/reports?status=NEW']"), home.text());

        Document page = Pages.html(officer.get("/admin/reports/" + report));
        HttpResponse<String> saved = officer.post(
                "/admin/reports/" + report, Map.of("status", "IN_PROGRESS", "note", "Đã gọi cho chủ thể"), page);
        assertEquals(HttpStatus.SEE_OTHER, saved.getStatus(), saved.body());
        Document after = Pages.html(officer.get("/admin/reports/" + report));
        assertEquals("IN_PROGRESS", after.selectFirst("main").attr("data-status"));
        assertEquals(1, after.select("[data-note]").size());
        assertEquals(
                1,
                Sql.number(
                        transactions,
                        "select count(*) from audit_log where action = 'report.status'" + " and entity_id = '" + report
                                + "' and before->>'status' = 'NEW' and after->>'status' = 'IN_PROGRESS'"));
        assertEquals(
                1,
                Sql.number(
                        transactions,
                        "select count(*) from audit_log where action = 'report.note' and entity_id = '" + report
                                + "'"));

        HttpResponse<String> bad =
                officer.post("/admin/reports/" + report, Map.of("status", "DONE", "note", "giữ lại"), after);
        assertEquals(HttpStatus.UNPROCESSABLE_ENTITY, bad.getStatus());
        assertEquals("giữ lại", Pages.html(bad).selectFirst("#report-note").text(), "the note is kept");
    }

    @Test
    void shouldLetAViewerReadButNotTriage() {
        long report = report("68", "Tem không quét được, nghi tem giả", null);
        SignedInClient viewer = new SignedInClient(http, context)
                .signIn(TestStaff.account(context, Role.VIEWER, Scope.province("68"), false));
        Document page = Pages.html(viewer.get("/admin/reports/" + report));
        assertTrue(page.select("#report-status").isEmpty(), "no form to change it");
        HttpResponse<String> refused = viewer.post("/admin/reports/" + report, Map.of("status", "CLOSED"), page);
        assertEquals(HttpStatus.FORBIDDEN, refused.getStatus());
        assertEquals("NEW", Sql.text(transactions, "select status from problem_report where id = " + report));
    }

    /** A report about a product of the province, as the scan page's form stores one. */
    long report(String province, String message, String contact) {
        return transactions.executeWrite(status -> {
            long product;
            try (PreparedStatement select = status.getConnection()
                    .prepareStatement(
                            "select p.id from product p join producer pr on pr.id = p.producer_id where pr.province_code = ?"
                                    + " order by p.id limit 1")) {
                select.setString(1, province);
                try (ResultSet row = select.executeQuery()) {
                    row.next();
                    product = row.getLong(1);
                }
            }
            try (PreparedStatement insert = status.getConnection()
                    .prepareStatement("insert into problem_report (code, product_id, kind, message, contact, network)"
                            + " values ('TESTCODE', ?, 'QUALITY', ?, ?, 'test') returning id")) {
                insert.setLong(1, product);
                insert.setString(2, message);
                insert.setString(3, contact);
                try (ResultSet row = insert.executeQuery()) {
                    row.next();
                    return row.getLong(1);
                }
            }
        });
    }
}
