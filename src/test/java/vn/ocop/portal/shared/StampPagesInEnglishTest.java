package vn.ocop.portal.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.context.annotation.Value;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.time.LocalDate;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.ocop.portal.support.Sql;
import vn.ocop.portal.traceability.TraceabilityDemo;

/**
 * A stamp's scan page, its report form and the GS1 Digital Link pages have an English address each
 * ({@code /en/q/…}, {@code /en/01/…}) like the catalogue's pages: a visitor who prefers English is sent there from the
 * Vietnamese address, the pages name both addresses as alternates and link on in their language; QR images and
 * linksets, the same in both languages, stay where they are.
 */
@MicronautTest(transactional = false)
class StampPagesInEnglishTest {

    @Inject
    EmbeddedServer server;

    @Inject
    TraceabilityDemo demo;

    @Inject
    TransactionOperations<Connection> transactions;

    @Value("${ocop.public-base-url}")
    String baseUrl;

    private final HttpClient http =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private String scan;
    private String gtin;

    @BeforeEach
    void stampAndGtin() {
        scan = demo.exampleUrls(LocalDate.now(VietnamTime.ZONE)).entrySet().stream()
                .filter(example -> example.getKey().startsWith("VALID"))
                .findFirst()
                .orElseThrow()
                .getValue()
                .replace(baseUrl, "");
        gtin = "0"
                + Sql.text(
                        transactions,
                        "select p.gtin from product p join batch b on b.product_id = p.id"
                                + " where length(p.gtin) = 13 order by p.id limit 1");
    }

    @Test
    void shouldShowTheScanPageInEnglishAtItsEnglishAddress() throws Exception {
        HttpResponse<String> english = get("/en" + scan, "text/html", null);
        assertEquals(200, english.statusCode());
        Document page = Jsoup.parse(english.body());
        assertEquals("en", page.selectFirst("html").attr("lang"));
        assertEquals(
                "Genuine OCOP stamp — certificate valid",
                page.selectFirst("#verdict h1").text());
        assertEquals(baseUrl + scan, page.selectFirst("link[hreflang=vi]").attr("href"));
        assertEquals(
                baseUrl + "/en" + scan, page.selectFirst("link[hreflang=en]").attr("href"));
        assertEquals(
                "/en" + scan + "/report", page.selectFirst(".report-link a").attr("href"));

        Document vietnamese = Jsoup.parse(get(scan, "text/html", "vi").body());
        assertEquals("vi", vietnamese.selectFirst("html").attr("lang"));
        assertEquals(scan + "/report", vietnamese.selectFirst(".report-link a").attr("href"));
        assertEquals(
                baseUrl + "/en" + scan,
                vietnamese.selectFirst("link[hreflang=en]").attr("href"));
    }

    @Test
    void shouldSendAVisitorWhoPrefersEnglishToTheEnglishAddress() throws Exception {
        HttpResponse<String> scanned = get(scan, "text/html", "en-GB,en;q=0.9");
        assertEquals(307, scanned.statusCode());
        assertEquals("/en" + scan, scanned.headers().firstValue("Location").orElseThrow());
        assertTrue(scanned.headers().firstValue("Vary").orElse("").contains("Accept-Language"));

        HttpResponse<String> image = get(scan + ".svg", "image/svg+xml", "en");
        assertEquals(200, image.statusCode(), "a QR image has one address");

        HttpResponse<String> report = get(scan + "/report", "text/html", "en");
        assertEquals(307, report.statusCode());
        assertEquals(
                "/en" + scan + "/report",
                report.headers().firstValue("Location").orElseThrow());
    }

    @Test
    void shouldOfferTheReportFormInEnglishPostingToItsEnglishAddress() throws Exception {
        HttpResponse<String> form = get("/en" + scan + "/report", "text/html", null);
        assertEquals(200, form.statusCode());
        Document page = Jsoup.parse(form.body());
        assertEquals("en", page.selectFirst("html").attr("lang"));
        assertEquals(
                "/en" + scan + "/report", page.selectFirst("form.report-form").attr("action"));
        assertTrue(
                form.headers().firstValue("Set-Cookie").orElse("").contains("Path=/en/q"),
                "the form's token cookie reaches the English address");
    }

    @Test
    void shouldServeDigitalLinkPagesInEnglishButTheLinksetAtItsOneAddress() throws Exception {
        HttpResponse<String> english = get("/en/01/" + gtin, "text/html", null);
        assertEquals(200, english.statusCode());
        assertEquals("en", Jsoup.parse(english.body()).selectFirst("html").attr("lang"));

        HttpResponse<String> preferred = get("/01/" + gtin, "text/html,application/xhtml+xml", "en");
        assertEquals(307, preferred.statusCode());
        assertEquals(
                "/en/01/" + gtin, preferred.headers().firstValue("Location").orElseThrow());

        HttpResponse<String> linkset = get("/01/" + gtin, "application/linkset+json", "en");
        assertEquals(200, linkset.statusCode(), "the linkset is the same in both languages");
        assertTrue(linkset.body().contains("\"linkset\""));
        HttpResponse<String> all = get("/01/" + gtin + "?linkType=all", "text/html", "en");
        assertEquals(200, all.statusCode());
        assertNull(Jsoup.parse(all.body()).selectFirst("html[lang=en]"), "JSON, not a page");
    }

    private HttpResponse<String> get(String path, String accept, String acceptLanguage) throws Exception {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(server.getURL() + path)).header("Accept", accept);
        if (acceptLanguage != null) {
            request.header("Accept-Language", acceptLanguage);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
