package vn.ocop.portal.traceability.gs1;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import java.net.URI;
import java.sql.Connection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.ocop.portal.support.Pages;
import vn.ocop.portal.traceability.StampCodes;
import vn.ocop.portal.traceability.StampFixtures;

/** GS1 Digital Link addresses answer with the stamp pages, or with an RFC 9264 linkset. */
@MicronautTest(transactional = false)
class DigitalLinkTest {

    private static final String LINKSET = "application/linkset+json";

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    TransactionOperations<Connection> transactions;

    @Inject
    StampCodes codes;

    @Value("${ocop.public-base-url}")
    String baseUrl;

    private StampFixtures fixtures;
    private String gtin13;
    private String lot;
    private long batchId;
    private String itemCode;

    @BeforeEach
    void demoProductWithGtin() {
        fixtures = new StampFixtures(transactions);
        String productId = fixtures.value("select p.id from product p join batch b on b.product_id = p.id"
                + " where p.gtin is not null and length(p.gtin) = 13 order by p.id limit 1");
        gtin13 = fixtures.value("select gtin from product where id = ?::bigint", productId);
        batchId = Long.parseLong(fixtures.value("select id from batch where product_id = ?::bigint", productId));
        lot = fixtures.value("select lot_number from batch where id = ?", batchId);
        itemCode = codes.codeOf(Long.parseLong(fixtures.value(
                "select serial from stamp where batch_id = ? and kind = 'ITEM' order by id limit 1", batchId)));
    }

    @Test
    void shouldAnswerTheProductBatchAndItemFormsWithTheStampPages() {
        Document product = page("/01/0" + gtin13, HttpStatus.OK);
        assertEquals("PRODUCT", product.selectFirst("main").attr("data-kind"));
        assertNotNull(product.getElementById("verdict"));
        assertEquals(
                "PRODUCT",
                page("/01/" + gtin13, HttpStatus.OK).selectFirst("main").attr("data-kind"));

        Document batch = page("/01/0" + gtin13 + "/10/" + lot, HttpStatus.OK);
        assertEquals("BATCH", batch.selectFirst("main").attr("data-kind"));
        assertEquals(lot, batch.selectFirst(".batch .lot").text());

        Document item = page("/01/0" + gtin13 + "/10/" + lot + "/21/" + itemCode, HttpStatus.OK);
        assertEquals("ITEM", item.selectFirst("main").attr("data-kind"));
        assertNotNull(item.selectFirst(".scans"));
    }

    @Test
    void shouldRefuseWhatThePortalDoesNotKnow() {
        String otherItem = codes.codeOf(Long.parseLong(fixtures.value(
                "select serial from stamp where kind = 'ITEM' and batch_id <> ? order by id limit 1", batchId)));
        for (String path : new String[] {
            "/01/0" + gtin13 + "/10/NO-SUCH-LOT",
            "/01/0" + gtin13 + "/10/" + lot + "/21/" + otherItem,
            "/01/0" + gtin13 + "/10/" + lot + "/21/" + "ABCDEFGHJKMNPQRSTVWX",
            "/01/09506000134352"
        }) {
            Document page = page(path, HttpStatus.NOT_FOUND);
            assertEquals("NOT_GENUINE", page.getElementById("verdict").attr("data-verdict"), path);
        }
    }

    @Test
    void shouldAnswerBadRequestForAMalformedGs1Key() {
        int wrongCheckDigit = (gtin13.charAt(12) - '0' + 1) % 10;
        for (String path : new String[] {
            "/01/" + gtin13.substring(0, 12) + wrongCheckDigit,
            "/01/12345",
            "/01/abc",
            "/01/0" + gtin13 + "/10/" + "L".repeat(21)
        }) {
            Document page = page(path, HttpStatus.BAD_REQUEST);
            assertEquals("NOT_GENUINE", page.getElementById("verdict").attr("data-verdict"), path);
            HttpResponse<String> linkset = Pages.fetch(client, HttpRequest.GET(path + "?linkType=all"));
            assertEquals(HttpStatus.BAD_REQUEST, linkset.getStatus(), path);
            assertEquals(
                    "application/problem+json",
                    linkset.getContentType().orElseThrow().toString(),
                    path
                            + linkset.getHeaders().asMap()
                            + linkset.getBody(String.class).orElse(""));
        }
        // A control character is refused at the edge (shared/web/ControlCharacters), before any lookup.
        page("/01/0" + gtin13 + "/10/" + lot + "/21/%00", HttpStatus.BAD_REQUEST);
    }

    @Test
    void shouldNegotiateTheLinksetByTypeAndQuality() {
        String path = "/01/0" + gtin13 + "/10/" + lot;
        for (String accept : new String[] {
            "application/linkset+json",
            "application/linkset+json;q=0.9",
            "application/linkset+json; profile=\"https://www.gs1.org/voc/?show=linktypes\"",
            "application/json",
            "text/html;q=0.5, application/linkset+json",
            "application/json, text/*;q=0.1"
        }) {
            HttpResponse<String> response =
                    Pages.fetch(client, HttpRequest.GET(path).accept(accept));
            assertEquals(HttpStatus.OK, response.getStatus(), accept);
            assertEquals(LINKSET, response.getContentType().orElseThrow().toString(), accept);
            assertEquals("Accept", response.getHeaders().get("Vary"), accept);
        }
        for (String accept : new String[] {
            Pages.BROWSER_ACCEPT, "*/*", "text/html, application/linkset+json;q=0.5", "text/*, application/json;q=0"
        }) {
            HttpResponse<String> response =
                    Pages.fetch(client, HttpRequest.GET(path).accept(accept));
            assertEquals(HttpStatus.OK, response.getStatus(), accept);
            assertTrue(response.getContentType().orElseThrow().toString().startsWith("text/html"), accept);
            // The page also depends on the language cookie.
            assertEquals("Accept, Cookie", response.getHeaders().get("Vary"), accept);
        }
        for (String query : new String[] {"?linkType=all", "?linkType=linkset"}) {
            HttpResponse<String> response = Pages.fetch(client, path + query);
            assertEquals(LINKSET, response.getContentType().orElseThrow().toString(), query);
        }
    }

    @Test
    void shouldRedirectToTheLinkOfTheRequestedType() {
        String path = "/01/0" + gtin13 + "/10/" + lot;
        String anchor = baseUrl + path;
        Map<String, String> expected = Map.of(
                "gs1:certificationInfo", anchor + "#certificate",
                "https://gs1.org/voc/certificationInfo", anchor + "#certificate",
                "https://ref.gs1.org/voc/traceability", baseUrl + "/api/v1/batches/" + batchId + "/epcis",
                "gs1:pip", anchor,
                "gs1:recipeInfo", anchor);
        expected.forEach((linkType, location) -> {
            HttpResponse<String> response = Pages.fetch(
                    client, HttpRequest.GET(path + "?linkType=" + linkType).accept(Pages.BROWSER_ACCEPT));
            assertEquals(HttpStatus.TEMPORARY_REDIRECT, response.getStatus(), linkType);
            assertEquals(location, response.getHeaders().get("Location"), linkType);
        });
    }

    @Test
    void shouldAnswerThePreflightAndAllowAnyOrigin() {
        String path = "/01/0" + gtin13 + "/10/" + lot;
        HttpResponse<String> preflight = Pages.fetch(
                client,
                HttpRequest.OPTIONS(path)
                        .header("Origin", "https://scanner.example")
                        .header("Access-Control-Request-Method", "GET"));
        assertTrue(preflight.getStatus().getCode() < 300, preflight.getStatus().toString());
        assertEquals("https://scanner.example", preflight.getHeaders().get("Access-Control-Allow-Origin"));
        assertTrue(preflight.getHeaders().get("Access-Control-Allow-Methods").contains("GET"));
        HttpResponse<String> options = Pages.fetch(client, HttpRequest.OPTIONS(path));
        assertTrue(
                options.getHeaders().get("Allow").contains("GET"),
                options.getStatus().toString());

        HttpResponse<String> linkset =
                Pages.fetch(client, HttpRequest.GET(path).accept(LINKSET).header("Origin", "https://scanner.example"));
        assertEquals(List.of("https://scanner.example"), linkset.getHeaders().getAll("Access-Control-Allow-Origin"));
        assertTrue(linkset.getHeaders().get("Access-Control-Expose-Headers").contains("Link"));

        HttpResponse<String> head = Pages.fetch(client, HttpRequest.HEAD(path).accept(LINKSET));
        assertEquals(HttpStatus.OK, head.getStatus());
    }

    @Test
    void shouldTitleEveryLinkInBothLanguagesWithGs1LinkTypesOnly() throws Exception {
        JsonNode vocabulary = new ObjectMapper().readTree(getClass().getResourceAsStream("/gs1/gs1-linktypes.json"));
        Map<String, String> statusByIri = new HashMap<>();
        for (JsonNode type : vocabulary.get("linkTypes")) {
            statusByIri.put(type.get("iri").asText(), type.get("status").asText());
            type.get("equivalentIris")
                    .forEach(iri ->
                            statusByIri.put(iri.asText(), type.get("status").asText()));
        }
        String productName = fixtures.value(
                "select p.name from product p join batch b on b.product_id = p.id where b.id = ?", batchId);
        JsonNode links = new ObjectMapper()
                .readTree(Pages.fetch(client, "/01/0" + gtin13 + "/10/" + lot + "?linkType=all")
                        .body())
                .get("linkset")
                .get(0);
        int relations = 0;
        for (Iterator<Map.Entry<String, JsonNode>> fields = links.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> relation = fields.next();
            if (relation.getKey().equals("anchor")) {
                continue;
            }
            relations++;
            assertEquals(
                    "stable", statusByIri.get(relation.getKey()), relation.getKey() + " is a stable GS1 link type");
            for (JsonNode target : relation.getValue()) {
                assertTrue(URI.create(target.get("href").asText()).isAbsolute());
                assertTrue(
                        target.get("title").asText().contains(productName)
                                || target.get("title").asText().contains(lot),
                        target.toString());
                Map<String, String> titles = new HashMap<>();
                target.get("title*")
                        .forEach(t -> titles.put(
                                t.get("language").asText(), t.get("value").asText()));
                assertEquals(Set.of("vi", "en"), titles.keySet(), relation.getKey());
                assertEquals(target.get("title").asText(), titles.get("vi"));
                assertTrue(!titles.get("en").equals(titles.get("vi")), "an English title: " + titles);
                assertTrue(target.get("hreflang").isArray());
            }
        }
        assertEquals(4, relations, "pip, defaultLink, certificationInfo, traceability");
    }

    @Test
    void shouldDescribeTheResolver() throws Exception {
        HttpResponse<String> response = Pages.fetch(
                client, HttpRequest.GET("/.well-known/gs1resolver").header("Origin", "https://scanner.example"));
        assertEquals("https://scanner.example", response.getHeaders().get("Access-Control-Allow-Origin"));
        assertEquals(HttpStatus.OK, response.getStatus());
        JsonNode description = new ObjectMapper().readTree(response.body());
        assertEquals(baseUrl, description.get("resolverRoot").asText());
        assertEquals("01", description.get("supportedPrimaryKeys").get(0).asText());
        assertEquals(
                "https://gs1.org/voc/",
                description.at("/supportedLinkType/0/namespace").asText());
    }

    @Test
    void shouldAnswerALinksetWhenAskedForOne() throws Exception {
        String anchor = baseUrl + "/01/0" + gtin13 + "/10/" + lot;
        for (HttpRequest<?> request : new HttpRequest<?>[] {
            HttpRequest.GET("/01/0" + gtin13 + "/10/" + lot + "?linkType=linkset"),
            HttpRequest.GET("/01/" + gtin13 + "/10/" + lot).accept("application/linkset+json")
        }) {
            HttpResponse<String> response = Pages.fetch(client, request);
            assertEquals(HttpStatus.OK, response.getStatus());
            assertEquals(
                    "application/linkset+json",
                    response.getContentType().orElseThrow().toString());
            JsonNode links =
                    new ObjectMapper().readTree(response.body()).get("linkset").get(0);
            assertEquals(anchor, links.get("anchor").asText());
            assertEquals(
                    anchor,
                    links.get("https://gs1.org/voc/pip").get(0).get("href").asText());
            assertTrue(links.get("https://gs1.org/voc/certificationInfo")
                    .get(0)
                    .get("href")
                    .asText()
                    .startsWith(anchor));
            assertEquals(
                    baseUrl + "/api/v1/batches/" + batchId + "/epcis",
                    links.get("https://gs1.org/voc/traceability")
                            .get(0)
                            .get("href")
                            .asText());
        }
        JsonNode product = new ObjectMapper()
                .readTree(Pages.fetch(client, HttpRequest.GET("/01/0" + gtin13 + "?linkType=linkset"))
                        .body())
                .get("linkset")
                .get(0);
        assertEquals(baseUrl + "/01/0" + gtin13, product.get("anchor").asText());
        assertTrue(product.get("https://gs1.org/voc/traceability") == null, "a product alone has no batch data");

        HttpResponse<String> page = Pages.fetch(client, "/01/0" + gtin13);
        assertTrue(page.getHeaders().get("Link").contains("rel=\"linkset\""), "the page announces its linkset");

        HttpResponse<String> unknown = Pages.fetch(
                client, HttpRequest.GET("/01/0" + gtin13 + "/10/NOPE").accept("application/linkset+json"));
        assertEquals(HttpStatus.NOT_FOUND, unknown.getStatus());
    }

    private Document page(String path, HttpStatus status) {
        HttpResponse<String> response = Pages.fetch(client, path);
        assertEquals(status, response.getStatus(), path);
        return Pages.html(response);
    }
}
