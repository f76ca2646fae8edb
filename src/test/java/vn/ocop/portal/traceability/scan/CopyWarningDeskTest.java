package vn.ocop.portal.traceability.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.ocop.portal.staff.Role;
import vn.ocop.portal.staff.Scope;
import vn.ocop.portal.staff.SignedInClient;
import vn.ocop.portal.staff.TestStaff;
import vn.ocop.portal.support.Pages;
import vn.ocop.portal.traceability.Batch;
import vn.ocop.portal.traceability.BatchRepository;
import vn.ocop.portal.traceability.Stamp;
import vn.ocop.portal.traceability.StampCodes;
import vn.ocop.portal.traceability.StampFixtures;
import vn.ocop.portal.traceability.StampKind;
import vn.ocop.portal.traceability.Stamps;

/**
 * The copy-warning desk: a stamp scanned in three provinces is listed for review; an officer of its province clears
 * it (the scan page stops warning at once) or confirms it (the page always warns); the decision is audited; another
 * province's officer finds no such warning (404) and a viewer cannot review it (403).
 */
@MicronautTest(transactional = false)
class CopyWarningDeskTest {

    private static final String PHONE =
            "Mozilla/5.0 (Linux; Android 14; SM-A155F) AppleWebKit/537.36 (KHTML, like Gecko) Mobile Safari/537.36";
    /** One network in each of Hà Nội, Đà Nẵng and Hồ Chí Minh City (network-provinces-test.csv). */
    private static final String[] THREE_PROVINCES = {"198.51.100.4", "192.0.2.10", "203.0.113.50"};

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    ApplicationContext context;

    @Inject
    TransactionOperations<Connection> transactions;

    @Inject
    StampCodes codes;

    @Inject
    Stamps stamps;

    @Inject
    BatchRepository batches;

    @Inject
    ScanLog scanLog;

    private StampFixtures fixtures;

    @BeforeEach
    void fixtures() {
        fixtures = new StampFixtures(transactions);
    }

    @Test
    void shouldListAStampScannedInThreeProvincesAndLetItsOfficerClearThenConfirmIt() {
        String code = warnedStamp();
        long stampId = stampId(code);
        String province = provinceOf(stampId);
        SignedInClient officer = new SignedInClient(client, context)
                .signIn(TestStaff.account(context, Role.OCOP_OFFICER, Scope.province(province), false));

        Document list = Pages.html(officer.get("/admin/copy-warnings?state=AWAITING"));
        Element row = list.selectFirst("tr[data-stamp=" + stampId + "]");
        assertNotNull(row, "the warned stamp is awaiting review");
        assertTrue(row.text().contains("3 tỉnh"), row.text());
        Document home = Pages.html(officer.get("/admin"));
        assertTrue(home.select("a[href='/admin/copy-warnings?state=AWAITING']")
                .text()
                .contains("chờ xem xét"));

        // A decision needs a choice and a note; the form comes back with what was typed.
        Document detail = Pages.html(officer.get("/admin/copy-warnings/" + stampId));
        HttpResponse<String> refused =
                officer.post("/admin/copy-warnings/" + stampId, Map.of("decision", "CLEARED", "note", " "), detail);
        assertEquals(HttpStatus.UNPROCESSABLE_ENTITY, refused.getStatus());
        Document again = Pages.html(refused);
        assertEquals("note-missing", again.selectFirst("[data-error]").attr("data-error"));
        assertNotNull(again.selectFirst("#decision-CLEARED[checked]"), "the choice is kept");
        refused = officer.post("/admin/copy-warnings/" + stampId, Map.of("note", "<script>alert(1)</script>"), detail);
        assertEquals(HttpStatus.UNPROCESSABLE_ENTITY, refused.getStatus());
        assertEquals(
                "<script>alert(1)</script>",
                Pages.html(refused).selectFirst("#copy-note").text());

        HttpResponse<String> cleared = officer.post(
                "/admin/copy-warnings/" + stampId,
                Map.of("decision", "CLEARED", "note", "Đoàn khách du lịch mua tại Hà Nội, quét ở ba nơi"),
                detail);
        assertEquals(HttpStatus.SEE_OTHER, cleared.getStatus());
        assertNull(scan(code, THREE_PROVINCES[0]).selectFirst(".copy-warning"), "cleared: the page stops warning");
        Document reviewed = Pages.html(officer.get("/admin/copy-warnings/" + stampId));
        assertEquals("CLEARED", reviewed.selectFirst("main").attr("data-state"));
        assertTrue(reviewed.selectFirst("[data-review]").text().contains("Đoàn khách du lịch"));
        assertEquals(
                "1",
                fixtures.value(
                        "select count(*) from audit_log where action = 'stamp.copy-review' and entity_id = ?",
                        String.valueOf(stampId)));

        officer.post(
                "/admin/copy-warnings/" + stampId,
                Map.of("decision", "CONFIRMED", "note", "Tem giả bán ở chợ, đã lập biên bản"),
                reviewed);
        Element warning = scan(code, THREE_PROVINCES[0]).selectFirst(".copy-warning");
        assertNotNull(warning, "confirmed: the page warns whatever the figures");
        assertEquals("CONFIRMED", warning.attr("data-basis"));
        assertTrue(warning.text().contains("xác nhận"), warning.text());
    }

    @Test
    void shouldRefuseAnotherProvincesOfficerAndAViewer() {
        String code = warnedStamp();
        long stampId = stampId(code);
        String province = provinceOf(stampId);
        String elsewhere = province.equals("68") ? "01" : "68";
        SignedInClient stranger = new SignedInClient(client, context)
                .signIn(TestStaff.account(context, Role.OCOP_OFFICER, Scope.province(elsewhere), false));
        assertEquals(
                HttpStatus.FORBIDDEN,
                stranger.get("/admin/copy-warnings/" + stampId).getStatus());
        assertEquals(
                HttpStatus.FORBIDDEN,
                stranger.post("/admin/copy-warnings/" + stampId, Map.of("decision", "CLEARED", "note", "x"))
                        .getStatus());
        Document strangerList = Pages.html(stranger.get("/admin/copy-warnings"));
        assertNull(strangerList.selectFirst("tr[data-stamp=" + stampId + "]"), "not in another province's list");

        SignedInClient viewer = new SignedInClient(client, context)
                .signIn(TestStaff.account(context, Role.VIEWER, Scope.province(province), false));
        Document page = Pages.html(viewer.get("/admin/copy-warnings/" + stampId));
        assertNull(page.selectFirst("form[method=post][action*=copy-warnings]"), "a viewer reads, never reviews");
        assertEquals(
                HttpStatus.FORBIDDEN,
                viewer.post("/admin/copy-warnings/" + stampId, Map.of("decision", "CLEARED", "note", "x"))
                        .getStatus());
        assertEquals("0", fixtures.value("select count(*) from stamp_copy_review where stamp_id = ?", stampId));
        assertNotNull(scan(code, THREE_PROVINCES[0]).selectFirst(".copy-warning"), "still warns");
    }

    /** A new item stamp of a demo product, scanned from networks in three provinces: it warns and is listed. */
    private String warnedStamp() {
        Stamp demo = fixtures.stamp("VALID", StampKind.ITEM);
        Batch batch = batches.findById(demo.batchId()).orElseThrow();
        String code = stamps.code(stamps.issueItems(batch, 1).get(0));
        for (String address : THREE_PROVINCES) {
            scan(code, address);
            scanLog.flush();
        }
        assertNotNull(scan(code, THREE_PROVINCES[1]).selectFirst(".copy-warning"), "the rule warns");
        assertEquals(
                "1",
                fixtures.value("select count(*) from stamp_copy_warning where stamp_id = ?", stampId(code)),
                "listed by the scan log's writer");
        return code;
    }

    private Document scan(String code, String address) {
        return Pages.html(Pages.fetch(
                client,
                HttpRequest.GET("/q/" + code)
                        .header("User-Agent", PHONE)
                        .header("X-Forwarded-For", address)
                        .accept(Pages.BROWSER_ACCEPT)));
    }

    private long stampId(String code) {
        long serial = codes.serialOf(code).orElseThrow();
        return Long.parseLong(fixtures.value("select id from stamp where serial = ?", serial));
    }

    private String provinceOf(long stampId) {
        return fixtures.value(
                "select pr.province_code from stamp s join product p on p.id = s.product_id"
                        + " join producer pr on pr.id = p.producer_id where s.id = ?",
                stampId);
    }
}
