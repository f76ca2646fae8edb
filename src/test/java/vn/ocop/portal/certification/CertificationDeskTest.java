package vn.ocop.portal.certification;

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
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.ocop.portal.staff.Role;
import vn.ocop.portal.staff.Scope;
import vn.ocop.portal.staff.SignedInClient;
import vn.ocop.portal.staff.TestStaff;
import vn.ocop.portal.support.Pages;
import vn.ocop.portal.support.Sql;

/**
 * The certification desk as an officer uses it: an evaluation recorded with the stars computed on the server and
 * the level checked against the rules of 1 July 2025, bad input returned with the input kept, the lifecycle's
 * actions and their refusals, renewal superseding, the history with who and when, the filters, the landing page's
 * count and the printable certificate.
 */
@MicronautTest(transactional = false)
class CertificationDeskTest {

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    ApplicationContext context;

    @Inject
    TransactionOperations<Connection> transactions;

    CertificationFixtures fixtures;
    SignedInClient officer;
    TestStaff.Made officerAccount;

    @BeforeEach
    void signIn() {
        fixtures = new CertificationFixtures(transactions);
        officerAccount = TestStaff.account(context, Role.OCOP_OFFICER, Scope.province("68"), false);
        officer = new SignedInClient(http, context).signIn(officerAccount);
    }

    static Map<String, String> evaluation(String a, String b, String c, String number, LocalDate date, String level) {
        Map<String, String> form = new HashMap<>();
        form.put("scoreA", a);
        form.put("scoreB", b);
        form.put("scoreC", c);
        form.put("decisionNumber", number);
        form.put("decisionDate", date.toString());
        form.put("issuingBody", "UBND tỉnh Lâm Đồng");
        form.put("issuingLevel", level);
        form.put("validFrom", "");
        form.put("validUntil", "");
        return form;
    }

    private HttpResponse<String> record(long product, Map<String, String> fields) {
        Document page = Pages.html(officer.get("/admin/certificates/new?product=" + product));
        Map<String, String> all = new HashMap<>(fields);
        all.put("product", Long.toString(product));
        return officer.post("/admin/certificates/new", all, page);
    }

    private static long idOf(HttpResponse<String> redirect) {
        assertEquals(HttpStatus.SEE_OTHER, redirect.getStatus(), redirect.body());
        return Long.parseLong(redirect.getHeaders().get("Location").replaceAll(".*/", ""));
    }

    @Test
    void shouldRecordAnEvaluationWithTheStarsComputedOnTheServerAndAuditIt() {
        CertificationFixtures.Made product = fixtures.product("68");
        LocalDate today = CertificationFixtures.today();
        Document form = Pages.html(officer.get("/admin/certificates/new?product=" + product.productId()));
        assertNotNull(form.selectFirst("script[src^=/static/js/certification-score.js]"), "the live total's script");
        assertNotNull(form.selectFirst("output#score-total"));

        Map<String, String> fields = evaluation("35", "20", "30", "77/QĐ-UBND", today, "PROVINCE");
        fields.put("stars", "5"); // typed stars are not read
        long id = idOf(record(product.productId(), fields));

        assertEquals("4", Sql.text(transactions, "select stars from certification where id = " + id));
        assertEquals(
                today.plusMonths(36).toString(),
                Sql.text(transactions, "select valid_until from certification where id = " + id),
                "36 months by default");
        assertEquals(
                officerAccount.email(),
                Sql.text(transactions, "select recorded_by_email from certification where id = " + id));
        assertEquals(
                1,
                Sql.number(
                        transactions,
                        "select count(*) from audit_log where action = 'certificate.record' and entity_id = '" + id
                                + "' and after->>'stars' = '4' and actor_id = " + officerAccount.id()));
        Document page = Pages.html(officer.get("/admin/certificates/" + id));
        assertEquals("VALID", page.selectFirst("main").attr("data-state"));
        assertTrue(page.text().contains("85/100"), page.text());
        assertTrue(page.text().contains(officerAccount.email()), "who recorded it");
    }

    @Test
    void shouldSayClearlyThatBelowThreeStarsIsNoCertificateAndKeepTheInput() {
        CertificationFixtures.Made product = fixtures.product("68");
        HttpResponse<String> refused = record(
                product.productId(),
                evaluation("20", "15", "10", "78/QĐ-UBND", CertificationFixtures.today(), "PROVINCE"));
        assertEquals(HttpStatus.UNPROCESSABLE_ENTITY, refused.getStatus());
        Document page = Pages.html(refused);
        assertNotNull(page.selectFirst("[data-problem=score]"));
        assertTrue(page.selectFirst("[data-problem=score]").text().contains("45/100"), page.text());
        assertTrue(page.selectFirst("[data-problem=score]").text().contains("2 sao"), page.text());
        assertTrue(page.selectFirst("#score-total").text().contains("không đủ điều kiện"), "the total says so too");
        assertEquals("20", page.selectFirst("#score-a").val(), "the input is kept");
        assertEquals("78/QĐ-UBND", page.selectFirst("#decision-number").val());
        assertEquals(
                0,
                Sql.number(
                        transactions, "select count(*) from certification where product_id = " + product.productId()));
    }

    @Test
    void shouldRefuseAPartAboveItsMaximumAndALevelAgainstTheRules() {
        CertificationFixtures.Made product = fixtures.product("68");
        LocalDate today = CertificationFixtures.today();
        Document tooMany =
                Pages.html(record(product.productId(), evaluation("41", "20", "30", "79/QĐ-UBND", today, "PROVINCE")));
        assertNotNull(tooMany.selectFirst("[data-problem=scoreA]"), tooMany.text());
        Document notANumber = Pages.html(
                record(product.productId(), evaluation("ba mươi", "20", "30", "79/QĐ-UBND", today, "PROVINCE")));
        assertNotNull(notANumber.selectFirst("[data-problem=scoreA]"));
        assertEquals("ba mươi", notANumber.selectFirst("#score-a").val());

        // After 1 July 2025 there are no districts.
        Document district =
                Pages.html(record(product.productId(), evaluation("25", "15", "20", "80/QĐ-UBND", today, "DISTRICT")));
        assertNotNull(district.selectFirst("[data-problem=issuingLevel]"), district.text());
        // Before it, a district certified 3 stars only; 4 stars was the province's.
        LocalDate before = LocalDate.of(2025, 3, 1);
        Document district4 =
                Pages.html(record(product.productId(), evaluation("35", "20", "25", "81/QĐ-UBND", before, "DISTRICT")));
        assertNotNull(district4.selectFirst("[data-problem=issuingLevel]"));
        // 5 stars is the ministry's.
        Document province5 =
                Pages.html(record(product.productId(), evaluation("40", "25", "30", "82/QĐ-UBND", today, "PROVINCE")));
        assertNotNull(province5.selectFirst("[data-problem=issuingLevel]"));
        Document future = Pages.html(
                record(product.productId(), evaluation("30", "20", "25", "83/QĐ-UBND", today.plusDays(3), "PROVINCE")));
        assertNotNull(future.selectFirst("[data-problem=decisionDate]"));
        assertEquals(
                0,
                Sql.number(
                        transactions, "select count(*) from certification where product_id = " + product.productId()));

        long district3 =
                idOf(record(product.productId(), evaluation("25", "15", "20", "84/QĐ-UBND", before, "DISTRICT")));
        assertEquals(
                "DISTRICT", Sql.text(transactions, "select issuing_level from certification where id = " + district3));
    }

    @Test
    void shouldSuspendReinstateAndRevokeWithWhoAndWhenAndRefuseWrongTransitions() {
        CertificationFixtures.Made product = fixtures.product("68");
        LocalDate today = CertificationFixtures.today();
        long id = fixtures.certificate(product.productId(), "90/QĐ-UBND", today.minusYears(1), today.plusYears(2));
        String path = "/admin/certificates/" + id;

        Document page = Pages.html(officer.get(path));
        assertNotNull(page.selectFirst("form[data-action=suspend]"));
        assertTrue(page.select("form[data-action=reinstate]").isEmpty(), "nothing to reinstate yet");

        HttpResponse<String> noReason =
                officer.post(path + "/suspend", decision("91/QĐ-UBND", today, "", "nhãn thiếu hạn dùng"), page);
        assertEquals(HttpStatus.UNPROCESSABLE_ENTITY, noReason.getStatus());
        Document kept = Pages.html(noReason);
        assertEquals("reason-required", kept.selectFirst("[data-problem]").attr("data-problem"));
        assertEquals("91/QĐ-UBND", kept.selectFirst("#suspend-number").val(), "the input is kept");
        assertEquals("nhãn thiếu hạn dùng", kept.selectFirst("#suspend-note").text());

        assertEquals(
                HttpStatus.SEE_OTHER,
                officer.post(path + "/suspend", decision("91/QĐ-UBND", today, "QUALITY_OR_PACKAGING", ""), page)
                        .getStatus());
        assertEquals("SUSPENDED", Sql.text(transactions, "select status from certification where id = " + id));
        assertEquals(
                "QUALITY_OR_PACKAGING",
                Sql.text(transactions, "select status_reason_code from certification where id = " + id));

        HttpResponse<String> twice =
                officer.post(path + "/suspend", decision("92/QĐ-UBND", today, "FOOD_SAFETY", ""), page);
        assertEquals(HttpStatus.CONFLICT, twice.getStatus());
        assertEquals(
                "already-suspended",
                Pages.html(twice).selectFirst("[data-refused]").attr("data-refused"));

        assertEquals(
                HttpStatus.SEE_OTHER,
                officer.post(path + "/reinstate", decision("93/QĐ-UBND", today, "", "Đã khắc phục nhãn"), page)
                        .getStatus());
        assertEquals("VALID", Sql.text(transactions, "select status from certification where id = " + id));
        assertEquals(
                HttpStatus.SEE_OTHER,
                officer.post(path + "/revoke", decision("94/QĐ-UBND", today, "FOOD_SAFETY", ""), page)
                        .getStatus());
        assertEquals("REVOKED", Sql.text(transactions, "select status from certification where id = " + id));
        assertTrue(
                Sql.text(transactions, "select status_reason from certification where id = " + id)
                        .startsWith("Vi phạm an toàn thực phẩm"),
                "the public pages show the reason in words");

        HttpResponse<String> reinstateRevoked =
                officer.post(path + "/reinstate", decision("95/QĐ-UBND", today, "", "thử lại"), page);
        assertEquals(HttpStatus.CONFLICT, reinstateRevoked.getStatus());
        Document refusal = Pages.html(reinstateRevoked);
        assertEquals("revoked", refusal.selectFirst("[data-refused]").attr("data-refused"));
        assertTrue(refusal.selectFirst("[data-refused]").text().contains("đã bị thu hồi"));
        assertEquals("REVOKED", Sql.text(transactions, "select status from certification where id = " + id));

        Document history = Pages.html(officer.get(path));
        List<String> changes = history.select("[data-change]").eachAttr("data-to");
        assertEquals(List.of("SUSPENDED", "VALID", "REVOKED"), changes);
        assertTrue(history.selectFirst("[data-change]").text().contains(officerAccount.email()), "who");
        assertTrue(history.select("form[data-action]").isEmpty(), "no action is offered on a revoked certificate");
        for (String action : List.of("suspend", "reinstate", "revoke")) {
            assertEquals(
                    1,
                    Sql.number(
                            transactions,
                            "select count(*) from audit_log where action = 'certificate." + action
                                    + "' and entity_id = '" + id + "' and actor_id = " + officerAccount.id()));
        }
    }

    @Test
    void shouldRenewSoThatTheNewCertificateSupersedesTheOldOne() {
        CertificationFixtures.Made product = fixtures.product("68");
        LocalDate today = CertificationFixtures.today();
        long old = fixtures.certificate(product.productId(), "100/QĐ-UBND", today.minusYears(3), today.plusDays(10));
        Document renewForm = Pages.html(officer.get("/admin/certificates/" + old + "/renew"));
        assertEquals(
                "UBND tỉnh Kiểm Thử", renewForm.selectFirst("#issuing-body").val(), "starts from the old body");

        // A second certificate beside one in force is refused: the product is renewed instead.
        HttpResponse<String> twice =
                record(product.productId(), evaluation("30", "20", "25", "101/QĐ-UBND", today, "PROVINCE"));
        assertEquals(HttpStatus.CONFLICT, twice.getStatus());
        assertNotNull(Pages.html(twice).selectFirst("[data-live] a[href$=/renew]"));

        Map<String, String> fields = evaluation("38", "22", "32", "102/QĐ-UBND", today, "MINISTRY");
        fields.put("issuingBody", "Bộ Nông nghiệp và Môi trường");
        long renewal = idOf(officer.post("/admin/certificates/" + old + "/renew", fields, renewForm));

        assertEquals("SUPERSEDED", Sql.text(transactions, "select status from certification where id = " + old));
        assertEquals(
                Long.toString(renewal),
                Sql.text(transactions, "select superseded_by from certification where id = " + old));
        assertEquals(
                Long.toString(renewal),
                Sql.text(
                        transactions,
                        "select id from current_certification where product_id = " + product.productId()));
        Document page = Pages.html(officer.get("/admin/certificates/" + renewal));
        assertEquals(
                List.of("VALID", "SUPERSEDED"), page.select("[data-history]").eachAttr("data-state"));

        Document oldPage = Pages.html(officer.get("/admin/certificates/" + old));
        assertEquals("SUPERSEDED", oldPage.selectFirst("main").attr("data-state"));
        HttpResponse<String> suspendOld = officer.post(
                "/admin/certificates/" + old + "/suspend", decision("103/QĐ-UBND", today, "FOOD_SAFETY", ""), oldPage);
        assertEquals(HttpStatus.CONFLICT, suspendOld.getStatus());
        assertEquals(
                "superseded",
                Pages.html(suspendOld).selectFirst("[data-refused]").attr("data-refused"));
        assertEquals(
                HttpStatus.CONFLICT,
                officer.get("/admin/certificates/" + old + "/renew").getStatus(),
                "nor renewed twice");
        assertEquals(
                1,
                Sql.number(
                        transactions,
                        "select count(*) from audit_log where action = 'certificate.renew' and entity_id = '" + renewal
                                + "' and after->>'supersedes' = '" + old + "'"));
    }

    @Test
    void shouldFilterTheListAndCountExpiringCertificatesOnTheLandingPage() {
        CertificationFixtures.Made soon = fixtures.product("68");
        CertificationFixtures.Made later = fixtures.product("68");
        LocalDate today = CertificationFixtures.today();
        long expiring = fixtures.certificate(soon.productId(), "110/QĐ-UBND", today.minusYears(2), today.plusDays(12));
        long valid = fixtures.certificate(later.productId(), "111/QĐ-UBND", today.minusYears(1), today.plusYears(2));

        Document within = Pages.html(officer.get("/admin/certificates?within=30"));
        List<String> listed = within.select("[data-certificate]").eachAttr("data-certificate");
        assertTrue(listed.contains(Long.toString(expiring)));
        assertFalse(listed.contains(Long.toString(valid)));
        Document byState = Pages.html(officer.get("/admin/certificates?state=EXPIRING&q=" + soon.word()));
        assertEquals(
                List.of(Long.toString(expiring)),
                byState.select("tr[data-certificate]").eachAttr("data-certificate"));
        Document byDecision = Pages.html(officer.get("/admin/certificates?q="
                + java.net.URLEncoder.encode("111/QĐ-UBND", java.nio.charset.StandardCharsets.UTF_8) + "&stars=4"));
        assertTrue(byDecision
                .select("tr[data-certificate]")
                .eachAttr("data-certificate")
                .contains(Long.toString(valid)));
        Document noMatch = Pages.html(officer.get("/admin/certificates?q=" + later.word() + "&stars=5"));
        assertTrue(noMatch.select("tr[data-certificate]").isEmpty());
        HttpResponse<String> badWithin = officer.get("/admin/certificates?within=abc&page=-4");
        assertEquals(HttpStatus.OK, badWithin.getStatus());
        assertEquals("abc", Pages.html(badWithin).selectFirst("#filter-within").val());

        Document home = Pages.html(officer.get("/admin"));
        assertNotNull(home.selectFirst("[data-attention='/admin/certificates?within=30']"), home.text());
        assertNotNull(home.selectFirst("nav.admin-nav a[href='/admin/certificates']"), "the menu entry");
    }

    @Test
    void shouldPrintACertificateWhoseVietnameseTextExtractsIntact() throws Exception {
        CertificationFixtures.Made product = fixtures.product("68");
        LocalDate today = CertificationFixtures.today();
        long id = fixtures.certificate(product.productId(), "120/QĐ-UBND", today.minusMonths(2), today.plusYears(2));
        HttpResponse<byte[]> answer = http.toBlocking()
                .exchange(
                        io.micronaut.http.HttpRequest.GET("/admin/certificates/" + id + "/certificate.pdf")
                                .cookie(io.micronaut.http.cookie.Cookie.of(
                                        "__Host-ocop_session", officer.cookie("__Host-ocop_session"))),
                        byte[].class);
        assertEquals("application/pdf", answer.getContentType().orElseThrow().getName());
        byte[] pdf = answer.body();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document);
            assertTrue(text.contains("GIẤY CHỨNG NHẬN SẢN PHẨM OCOP"), text);
            assertTrue(text.contains(product.name()), text);
            assertTrue(text.contains("Tổ kiểm thử " + product.word()), text);
            assertTrue(text.contains("Số 120/QĐ-UBND"), text);
            assertTrue(text.contains("UBND tỉnh Kiểm Thử"), text);
            assertTrue(text.contains("75/100 điểm"), text);
            assertTrue(text.contains("★★★★"), text);
            assertTrue(text.contains("Sản phẩm đạt hạng 4 sao"), text);
            PDFont font = document.getPage(0)
                    .getResources()
                    .getFont(document.getPage(0)
                            .getResources()
                            .getFontNames()
                            .iterator()
                            .next());
            assertTrue(font.isEmbedded(), "the font travels with the file");
        }
    }

    static Map<String, String> decision(String number, LocalDate date, String reason, String note) {
        Map<String, String> form = new HashMap<>();
        form.put("decisionNumber", number);
        form.put("decisionDate", date.toString());
        form.put("reason", reason);
        form.put("note", note);
        return form;
    }
}
