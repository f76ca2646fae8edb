package vn.ocop.portal.catalogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.context.annotation.Value;
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
import java.sql.ResultSet;
import java.util.HashSet;
import java.util.Set;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import vn.ocop.portal.support.Pages;
import vn.ocop.portal.support.SearchSync;

@MicronautTest(transactional = false)
class ProductPageTest {

    private static final String SLUG = "ca-phe-robusta-rang-xay-krong-nang";

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    TransactionOperations<Connection> transactions;

    @Inject
    ElasticsearchClient elasticsearch;

    @Value("${ocop.public-base-url}")
    String baseUrl;

    @Test
    void shouldShowTheProductItsCertificateAndItsProducer() throws Exception {
        Document page = page("/products/" + SLUG);
        assertEquals(
                "Cà phê Robusta rang xay Krông Năng", page.selectFirst("h1").text());
        assertNull(page.selectFirst("[data-status-alert]"), "no alert on a valid product");
        Element photo = page.selectFirst(".gallery img");
        assertEquals(HttpStatus.OK, Pages.fetch(client, photo.attr("src")).getStatus());
        assertFalse(photo.attr("alt").isBlank());
        assertTrue(page.selectFirst(".description p").text().startsWith("Cà phê Robusta trồng trên đất đỏ bazan"));
        assertEquals("4", page.selectFirst(".headline .stars").attr("data-stars"));
        assertEquals("8936041000018", page.selectFirst("[data-gtin]").text());

        Element certificate = page.selectFirst("[data-certificate]");
        assertTrue(certificate.selectFirst("[data-decision]").text().startsWith("2315/QĐ-UBND ngày "));
        assertEquals(
                "UBND tỉnh Đắk Lắk", certificate.selectFirst("[data-issuer]").text());
        assertTrue(certificate.text().contains("Cấp tỉnh"));
        assertTrue(certificate.text().contains("Còn hiệu lực"));
        assertTrue(certificate.text().contains("79/100"));
        assertTrue(certificate
                .selectFirst("[data-validity]")
                .text()
                .matches("từ \\d\\d/\\d\\d/\\d{4} đến \\d\\d/\\d\\d/\\d{4}"));

        Element producer = page.selectFirst("[data-producer]");
        assertEquals(
                "Hợp tác xã Nông nghiệp Dịch vụ Cà phê Krông Năng",
                producer.selectFirst(".producer-name").text());
        assertEquals("tel:02623674215", producer.selectFirst("a[href^=tel:]").attr("href"));
        assertEquals(
                "mailto:lienhe@caphekrongnang.example.vn",
                producer.selectFirst("a[href^=mailto:]").attr("href"));
        assertEquals("Đắk Lắk", producer.selectFirst("[data-province]").text());
        assertEquals(
                "/products?province=66", producer.selectFirst("[data-province]").attr("href"));
        assertFalse(producer.selectFirst("[data-commune]").text().isBlank());
        assertTrue(producer.text().contains("Hợp tác xã"));
    }

    @Test
    void shouldDescribeItselfToSearchEnginesAndLinkPreviews() throws Exception {
        Document page = page("/products/" + SLUG);
        String canonical = baseUrl + "/products/" + SLUG;
        assertEquals(canonical, page.selectFirst("link[rel=canonical]").attr("href"));
        assertEquals(canonical, page.selectFirst("meta[property=og:url]").attr("content"));
        assertEquals("product", page.selectFirst("meta[property=og:type]").attr("content"));
        assertTrue(page.selectFirst("meta[property=og:title]").attr("content").startsWith("Cà phê Robusta rang xay"));
        assertTrue(page.selectFirst("meta[property=og:image]").attr("content").startsWith(baseUrl + "/photos/"));
        assertNull(page.selectFirst("meta[name=robots]"));
        JsonNode ld = new ObjectMapper()
                .readTree(page.selectFirst("script[type=application/ld+json]").data());
        assertEquals("https://schema.org", ld.get("@context").asText());
        assertEquals("Product", ld.get("@type").asText());
        assertEquals("Cà phê Robusta rang xay Krông Năng", ld.get("name").asText());
        assertEquals(canonical, ld.get("url").asText());
        assertEquals("8936041000018", ld.get("gtin").asText());
        assertEquals(
                "Hợp tác xã Nông nghiệp Dịch vụ Cà phê Krông Năng",
                ld.get("manufacturer").get("name").asText());
    }

    @Test
    void shouldShowTheProductStampWhoseScanConfirmsTheCertificate() {
        Element stamp = page("/products/" + SLUG).selectFirst("[data-stamp] a");
        assertNotNull(stamp, "a certified product shows its OCOP stamp");
        String scanPage = stamp.attr("href");
        assertTrue(scanPage.startsWith("/q/"), scanPage);
        String image = stamp.selectFirst("img").attr("src");
        assertEquals(image, scanPage + ".svg");
        // What Chromium asks for when it loads an <img>, and when someone opens the image itself.
        for (String accept :
                new String[] {"image/avif,image/webp,image/apng,image/svg+xml,image/*,*/*;q=0.8", Pages.BROWSER_ACCEPT
                }) {
            HttpResponse<String> response =
                    Pages.fetch(client, HttpRequest.GET(image).accept(accept));
            assertEquals(HttpStatus.OK, response.getStatus(), accept);
            assertEquals(
                    "image/svg+xml", response.getContentType().orElseThrow().toString(), accept);
        }
        Document scan = page(scanPage);
        assertEquals("green", scan.selectFirst("#verdict").attr("data-tone"), "the stamp proves a valid certificate");
        assertTrue(scan.selectFirst("main").text().contains("Cà phê Robusta rang xay Krông Năng"));
    }

    @Test
    void shouldNotOfferAStampForAProductThatMayNotCarryTheMark() {
        for (String status : new String[] {"REVOKED", "SUSPENDED"}) {
            String slug = slugs("select p.slug from product p join current_certification c on c.product_id = p.id"
                            + " where c.status = '" + status + "' limit 1")
                    .iterator()
                    .next();
            assertNull(page("/products/" + slug).selectFirst("[data-stamp]"), status);
        }
    }

    @Test
    void shouldSayPlainlyFirstWhenTheCertificateIsNoLongerInForce() {
        for (String status : new String[] {"REVOKED", "SUSPENDED"}) {
            String slug = slugs("select p.slug from product p join current_certification c on c.product_id = p.id"
                            + " where c.status = '" + status + "' limit 1")
                    .iterator()
                    .next();
            Document page = page("/products/" + slug);
            Element first = page.selectFirst("main").child(0);
            assertEquals("alert", first.attr("role"), status + ": the alert comes first");
            assertTrue(first.hasClass("revoked"), "shown in red");
            assertEquals("noindex", page.selectFirst("meta[name=robots]").attr("content"));
            assertEquals(status, page.selectFirst(".headline [data-status]").attr("data-status"));
        }
        Document expired = page("/products/"
                + slugs(
                                "select p.slug from product p join current_certification c"
                                        + " on c.product_id = p.id where c.status = 'VALID' and c.valid_until < current_date limit 1")
                        .iterator()
                        .next());
        assertTrue(expired.selectFirst("[data-status-alert]").text().contains("hết hạn"));
    }

    @Test
    void shouldAnswer404ForAnUnknownProduct() {
        for (String path :
                new String[] {"/products/khong-co-san-pham-nay", "/products/%3Cscript%3E", "/products/A-B"}) {
            HttpResponse<String> response = Pages.fetch(client, path);
            assertEquals(HttpStatus.NOT_FOUND, response.getStatus(), path);
            assertTrue(Pages.html(response).text().contains("Không tìm thấy trang"));
        }
    }

    @Test
    void shouldShowEnglish() {
        Document page = Pages.html(Pages.fetch(
                client,
                HttpRequest.GET("/en/products/" + SLUG)
                        .accept(Pages.BROWSER_ACCEPT)
                        .cookie(Cookie.of("lang", "en"))));
        assertEquals(
                "OCOP certificate", page.selectFirst("[data-certificate] h2").text());
        assertTrue(page.selectFirst("[data-certificate]").text().contains("Province"));
        assertEquals("Cooperative", page.selectFirst("[data-producer] dd").text());
        assertEquals("en_US", page.selectFirst("meta[property=og:locale]").attr("content"));
        assertEquals(
                baseUrl + "/en/products/" + SLUG,
                page.selectFirst("link[rel=canonical]").attr("href"),
                "the English page is its own canonical URL");
        assertTrue(
                page.selectFirst("[data-validity]").text().matches(".*\\d{1,2} [A-Z][a-z]{2} \\d{4}.*"),
                "English dates as the scan page writes them: "
                        + page.selectFirst("[data-validity]").text());
        assertEquals("vi", page.selectFirst("h1").attr("lang"), "the product's Vietnamese name is marked as such");
        String revoked = slugs("select p.slug from product p join current_certification c on c.product_id = p.id"
                        + " where c.status = 'REVOKED' limit 1")
                .iterator()
                .next();
        Document alert = Pages.html(Pages.fetch(
                client,
                HttpRequest.GET("/en/products/" + revoked)
                        .accept(Pages.BROWSER_ACCEPT)
                        .cookie(Cookie.of("lang", "en"))));
        assertEquals(
                "This product’s OCOP certificate has been revoked: it is no longer an OCOP product.",
                alert.selectFirst("[data-status-alert]").text());
    }

    @Test
    void shouldShowTheEnglishNameAndDescriptionOnTheEnglishPage() {
        Document en = Pages.html(Pages.fetch(
                client,
                HttpRequest.GET("/en/products/xoai-say-deo-cao-lanh")
                        .accept(Pages.BROWSER_ACCEPT)
                        .cookie(Cookie.of("lang", "en"))));
        assertEquals("Cao Lãnh soft dried mango", en.selectFirst("h1").text());
        assertTrue(en.selectFirst(".description").text().contains("Chewy dried mango slices"));
        Document vi = Pages.html(Pages.fetch(
                client, HttpRequest.GET("/products/xoai-say-deo-cao-lanh").accept(Pages.BROWSER_ACCEPT)));
        assertEquals("Xoài sấy dẻo Cao Lãnh", vi.selectFirst("h1").text(), "Vietnamese first");
    }

    @Test
    void shouldListExactlyTheCertifiedProductsInTheSitemap() {
        SearchSync.awaitSynced(transactions, elasticsearch);
        HttpResponse<String> response = Pages.fetch(client, HttpRequest.GET("/sitemap.xml"));
        assertEquals(HttpStatus.OK, response.getStatus());
        assertTrue(response.getContentType().orElseThrow().toString().contains("xml"));
        Document sitemap = org.jsoup.Jsoup.parse(response.body(), "", org.jsoup.parser.Parser.xmlParser());
        Set<String> locations = new HashSet<>();
        sitemap.select("url > loc").forEach(loc -> locations.add(loc.text()));
        Set<String> expected = new HashSet<>();
        slugs("select p.slug from product p join current_certification c on c.product_id = p.id"
                        + " where c.status = 'VALID' and c.valid_until >= current_date")
                .forEach(slug -> {
                    expected.add(baseUrl + "/products/" + slug);
                    expected.add(baseUrl + "/en/products/" + slug);
                });
        expected.add(baseUrl + "/");
        expected.add(baseUrl + "/en/");
        expected.add(baseUrl + "/products");
        expected.add(baseUrl + "/en/products");
        // The fairs' pages (their own test checks which): the list, and public events only, never a draft.
        Set<String> fairs = new HashSet<>();
        locations.removeIf(location -> location.matches(".*/fairs(/\\d+)?$") && fairs.add(location));
        assertTrue(fairs.containsAll(Set.of(baseUrl + "/fairs", baseUrl + "/en/fairs")), fairs.toString());
        Set<String> drafts = new HashSet<>();
        slugs("select id::text from fair where status = 'DRAFT'").forEach(id -> drafts.add(baseUrl + "/fairs/" + id));
        assertTrue(fairs.stream().noneMatch(drafts::contains), "no draft in the sitemap");
        assertEquals(expected, locations, "every page in both languages");
        org.jsoup.nodes.Element english = sitemap.select("url")
                .select("loc:containsOwn(" + baseUrl + "/en/products)")
                .first()
                .parent();
        assertEquals(3, english.select("*|link[hreflang]").size(), "vi, en and x-default alternates");

        String robots = Pages.fetch(client, HttpRequest.GET("/robots.txt")).body();
        assertTrue(robots.contains("Sitemap: " + baseUrl + "/sitemap.xml"), robots);
        assertTrue(robots.contains("Disallow: /api/"));
    }

    @Test
    void shouldLinkTheHomePageFiguresToTheFilteredCatalogue() {
        SearchSync.awaitSynced(transactions, elasticsearch);
        Document home = page("/");
        Element food = home.selectFirst("[data-group=01] a");
        assertEquals("/products?group=01", food.attr("href"));
        assertEquals(
                food.selectFirst("strong").text(),
                page(food.attr("href")).selectFirst(".summary").attr("data-total"));
        Element fiveStars = home.selectFirst("[data-stars=5] a");
        assertEquals(
                fiveStars.selectFirst("strong").text(),
                page(fiveStars.attr("href")).selectFirst(".summary").attr("data-total"));
    }

    private Document page(String path) {
        HttpResponse<String> response = Pages.fetch(client, path);
        assertEquals(HttpStatus.OK, response.getStatus(), path);
        Document document = Pages.html(response);
        assertNotNull(document.selectFirst("main"));
        return document;
    }

    private Set<String> slugs(String sql) {
        return transactions.executeRead(status -> {
            Set<String> slugs = new HashSet<>();
            try (ResultSet rows = status.getConnection().createStatement().executeQuery(sql)) {
                while (rows.next()) {
                    slugs.add(rows.getString(1));
                }
            }
            return slugs;
        });
    }
}
