package vn.ocop.portal.traceability.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.ocop.portal.support.Pages;
import vn.ocop.portal.traceability.Stamp;
import vn.ocop.portal.traceability.StampCodes;
import vn.ocop.portal.traceability.StampFixtures;
import vn.ocop.portal.traceability.StampKind;

/** The page a phone opens on a scan: the verdict first and right for every certificate status. */
@MicronautTest(transactional = false)
class ScanPageTest {

    private static final DateTimeFormatter VI_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    TransactionOperations<Connection> transactions;

    @Inject
    StampCodes codes;

    private StampFixtures fixtures;

    @BeforeEach
    void fixtures() {
        fixtures = new StampFixtures(transactions);
    }

    @Test
    void shouldSayGreenForAGenuineStampOfAValidCertificate() {
        Stamp stamp = fixtures.stamp("VALID", StampKind.ITEM);
        HttpResponse<String> response = Pages.fetch(client, "/q/" + codes.codeOf(stamp.serial()));
        assertEquals(HttpStatus.OK, response.getStatus());
        Document page = Pages.html(response);

        Element verdict = verdict(page);
        assertEquals("VALID", verdict.attr("data-verdict"));
        assertEquals("green", verdict.attr("data-tone"));
        assertEquals(
                "Tem OCOP chính hãng — chứng nhận còn hiệu lực",
                verdict.selectFirst("h1").text());
        String validUntil =
                fixtures.value("select valid_until from current_certification where product_id = ?", stamp.productId());
        assertTrue(
                verdict.text().contains(LocalDate.parse(validUntil).format(VI_DATE)),
                "the verdict says until when: " + verdict.text());
        assertEquals(
                fixtures.value("select name from product where id = ?", stamp.productId()),
                page.selectFirst(".product-name").text());
        assertEquals(
                fixtures.value(
                        "select pr.name from producer pr join product p on p.producer_id = pr.id where p.id = ?",
                        stamp.productId()),
                page.selectFirst(".producer-name strong").text());
        assertEquals(
                fixtures.value("select lot_number from batch where id = ?", stamp.batchId()),
                page.selectFirst(".batch .lot").text());
        assertEquals(
                Integer.parseInt(
                        fixtures.value("select count(*) from trace_event where batch_id = ?", stamp.batchId())),
                page.select(".timeline li").size());
        assertEquals("HARVEST", page.selectFirst(".timeline li").attr("data-event"), "the timeline is in time order");
        assertNotNull(page.selectFirst(".scan-product img[src^=/photos/]"), "the product photo");
        assertEquals("no-store", response.getHeaders().get("Cache-Control"));
    }

    @Test
    void shouldSayAmberForAnExpiringCertificate() {
        Stamp stamp = fixtures.stamp("EXPIRING", StampKind.ITEM);
        Element verdict = verdict(Pages.html(Pages.fetch(client, "/q/" + codes.codeOf(stamp.serial()))));
        assertEquals("EXPIRING", verdict.attr("data-verdict"));
        assertEquals("amber", verdict.attr("data-tone"));
        assertEquals(
                "Tem chính hãng — chứng nhận OCOP sắp hết hiệu lực",
                verdict.selectFirst("h1").text());
    }

    @Test
    void shouldSayRedWithTheDateForAnExpiredCertificate() {
        Stamp stamp = fixtures.stamp("EXPIRED", StampKind.ITEM);
        Element verdict = verdict(Pages.html(Pages.fetch(client, "/q/" + codes.codeOf(stamp.serial()))));
        assertEquals("EXPIRED", verdict.attr("data-verdict"));
        assertEquals("red", verdict.attr("data-tone"));
        assertEquals(
                "Chứng nhận OCOP đã hết hiệu lực", verdict.selectFirst("h1").text());
        String validUntil =
                fixtures.value("select valid_until from current_certification where product_id = ?", stamp.productId());
        assertTrue(verdict.text().contains(LocalDate.parse(validUntil).format(VI_DATE)), verdict.text());
    }

    @ParameterizedTest
    @ValueSource(strings = {"SUSPENDED", "REVOKED"})
    void shouldSayRedWithDateDecisionAndReasonForASuspendedOrRevokedCertificate(String status) {
        for (StampKind kind : StampKind.values()) {
            Stamp stamp = fixtures.stamp(status, kind);
            Element verdict = verdict(Pages.html(Pages.fetch(client, "/q/" + codes.codeOf(stamp.serial()))));
            assertEquals(status, verdict.attr("data-verdict"));
            assertEquals("red", verdict.attr("data-tone"));
            String date = fixtures.value(
                    "select status_date from current_certification where product_id = ?", stamp.productId());
            assertTrue(verdict.text().contains(LocalDate.parse(date).format(VI_DATE)), verdict.text());
            assertTrue(
                    verdict.text()
                            .contains(fixtures.value(
                                    "select status_decision from current_certification where product_id = ?",
                                    stamp.productId())),
                    verdict.text());
            assertEquals(
                    "Lý do: "
                            + fixtures.value(
                                    "select status_reason from current_certification where product_id = ?",
                                    stamp.productId()),
                    verdict.selectFirst(".verdict-reason").text());
        }
        Element revoked = verdict(Pages.html(Pages.fetch(
                client,
                "/q/"
                        + codes.codeOf(
                                fixtures.stamp("REVOKED", StampKind.PRODUCT).serial()))));
        assertEquals("Chứng nhận OCOP đã bị thu hồi", revoked.selectFirst("h1").text());
    }

    @Test
    void shouldShowTheVerdictBeforeAnythingElse() {
        Stamp stamp = fixtures.stamp("REVOKED", StampKind.ITEM);
        Document page = Pages.html(Pages.fetch(client, "/q/" + codes.codeOf(stamp.serial())));
        Element first = page.selectFirst("main > section");
        assertEquals("verdict", first.id());
        // The page needs no JavaScript: the one script, deferred, only offers "near me" in "where to buy".
        assertEquals(
                List.of("/static/js/display-points.js"),
                page.select("script").stream()
                        .map(script -> script.attr("src").replaceAll("\\?.*$", ""))
                        .toList());
        assertTrue(page.selectFirst("script").hasAttr("defer"));
    }

    @Test
    void shouldShowEnglishWhenTheVisitorChoseIt() {
        Stamp stamp = fixtures.stamp("VALID", StampKind.BATCH);
        // The Vietnamese address sends an English visitor on to /en/q/… (StampPagesInEnglishTest): the page is there.
        Document page = Pages.html(Pages.fetch(
                client,
                HttpRequest.GET("/en/q/" + codes.codeOf(stamp.serial()))
                        .accept(Pages.BROWSER_ACCEPT)
                        .cookie(Cookie.of("lang", "en"))));
        assertEquals("en", page.selectFirst("html").attr("lang"));
        assertEquals(
                "Genuine OCOP stamp — certificate valid",
                verdict(page).selectFirst("h1").text());
        assertEquals("Production batch", page.selectFirst(".batch h2").text());
        assertNull(page.selectFirst(".scans"), "a batch stamp has no per-item scan count");

        Document forged = Pages.html(Pages.fetch(
                client,
                HttpRequest.GET("/en/q/" + "7".repeat(20))
                        .accept(Pages.BROWSER_ACCEPT)
                        .cookie(Cookie.of("lang", "en"))));
        assertEquals(
                "Not a genuine OCOP stamp of this portal",
                forged.selectFirst("h1").text());
    }

    @Test
    void shouldAcceptACodeTypedInLowerCaseWithHyphens() {
        Stamp stamp = fixtures.stamp("VALID", StampKind.PRODUCT);
        String typed = StampCodes.grouped(codes.codeOf(stamp.serial())).toLowerCase();
        HttpResponse<String> response = Pages.fetch(client, "/q/" + typed);
        assertEquals(HttpStatus.OK, response.getStatus());
        assertEquals(
                StampCodes.grouped(codes.codeOf(stamp.serial())),
                Pages.html(response).selectFirst(".stamp-code code").text());
    }

    @Test
    void shouldRefuseAlteredForgedAndUnissuedCodesWithTheNotGenuinePage() {
        String genuine = codes.codeOf(fixtures.stamp("VALID", StampKind.ITEM).serial());
        char last = genuine.charAt(19);
        String altered = genuine.substring(0, 19) + (last == 'A' ? 'B' : 'A');
        String serialAltered = (genuine.charAt(0) == '1' ? '2' : '1') + genuine.substring(1);
        String unissued = codes.codeOf(codes.newSerial());
        for (String code : new String[] {
            altered,
            serialAltered,
            unissued,
            "ABCDEFGHJKMNPQRSTVWX",
            "short",
            "x".repeat(300),
            "%E2%98%85%F0%9F%98%80",
            "..%2F..%2Fetc%2Fpasswd",
            "A'%20OR%201=1--"
        }) {
            HttpResponse<String> response = Pages.fetch(client, "/q/" + code);
            assertEquals(HttpStatus.NOT_FOUND, response.getStatus(), code);
            Document page = Pages.html(response);
            assertEquals("NOT_GENUINE", verdict(page).attr("data-verdict"), code);
            assertEquals(
                    "Không phải tem OCOP chính hãng của cổng thông tin này",
                    page.selectFirst("h1").text(),
                    code);
        }
    }

    @Test
    void shouldKeepTheCodeOfAForgedScanOutOfThePageMarkup() {
        HttpResponse<String> response = Pages.fetch(client, "/q/%3Cscript%3Ealert(1)%3C%2Fscript%3E");
        assertEquals(HttpStatus.NOT_FOUND, response.getStatus());
        assertFalse(response.body().contains("<script>alert(1)"), "the scanned text is escaped");
    }

    private static Element verdict(Document page) {
        Element verdict = page.getElementById("verdict");
        assertNotNull(verdict, "the page has a verdict");
        return verdict;
    }
}
