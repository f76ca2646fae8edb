package vn.ocop.portal.traceability;

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
import java.sql.Connection;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.ocop.portal.support.Pages;

/** GS1 Digital Link addresses answer with the stamp pages, or with an RFC 9264 linkset. */
@MicronautTest(transactional = false)
class DigitalLinkTest {

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
        int wrongCheckDigit = (gtin13.charAt(12) - '0' + 1) % 10;
        for (String path : new String[] {
            "/01/" + gtin13.substring(0, 12) + wrongCheckDigit,
            "/01/12345",
            "/01/abc",
            "/01/0" + gtin13 + "/10/NO-SUCH-LOT",
            "/01/0" + gtin13 + "/10/" + lot + "/21/" + otherItem,
            "/01/0" + gtin13 + "/10/" + lot + "/21/" + "ABCDEFGHJKMNPQRSTVWX"
        }) {
            Document page = page(path, HttpStatus.NOT_FOUND);
            assertEquals("NOT_GENUINE", page.getElementById("verdict").attr("data-verdict"), path);
        }
        // A control character is refused at the edge (shared/web/ControlCharacters), before any lookup.
        page("/01/0" + gtin13 + "/10/" + lot + "/21/%00", HttpStatus.BAD_REQUEST);
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
