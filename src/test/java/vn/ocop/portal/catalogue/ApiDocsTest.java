package vn.ocop.portal.catalogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.ocop.portal.support.Pages;
import vn.ocop.portal.support.SearchSync;

/** The OpenAPI document tells the truth about the API: its parameters are accepted, its schemas are the answers. */
@MicronautTest(transactional = false)
class ApiDocsTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    TransactionOperations<Connection> transactions;

    @Inject
    ElasticsearchClient elasticsearch;

    @BeforeEach
    void synced() {
        SearchSync.awaitSynced(transactions, elasticsearch);
    }

    @Test
    void shouldDocumentEveryParameterValueTheApiAccepts() throws Exception {
        JsonNode document = document();
        assertEquals("3.1.0", document.get("openapi").asText());
        JsonNode search = document.at("/paths/~1api~1v1~1products/get");
        Set<String> names = new HashSet<>();
        for (JsonNode parameter : search.get("parameters")) {
            String name = parameter.get("name").asText();
            names.add(name);
            JsonNode schema = parameter.get("schema");
            JsonNode values = schema.has("items") ? schema.get("items").get("enum") : schema.get("enum");
            if (values != null) {
                for (JsonNode value : values) {
                    assertEquals(
                            HttpStatus.OK,
                            status("/api/v1/products?" + name + "=" + value.asText()),
                            name + "=" + value);
                }
                assertEquals(HttpStatus.BAD_REQUEST, status("/api/v1/products?" + name + "=undocumented"), name);
            }
        }
        assertEquals(Set.of("q", "group", "stars", "province", "producerType", "sort", "page", "size"), names);
        int maxSize = search.at("/parameters/7/schema/maximum").asInt();
        assertEquals(HttpStatus.OK, status("/api/v1/products?size=" + maxSize));
        assertEquals(HttpStatus.BAD_REQUEST, status("/api/v1/products?size=" + (maxSize + 1)));
    }

    @Test
    void shouldDescribeTheAnswersFieldByField() throws Exception {
        JsonNode document = document();
        JsonNode answer = get("/api/v1/products?size=1");
        assertEquals(required(document, "SearchAnswer"), fields(answer));
        assertEquals(required(document, "Item"), fields(answer.get("items").get(0)));
        assertEquals(
                required(document, "FacetCount"),
                fields(answer.get("facets").get("group").get(0)));
        JsonNode product =
                get("/api/v1/products/" + answer.get("items").get(0).get("id").asText());
        assertEquals(required(document, "Product"), fields(product));
        assertEquals(required(document, "Certificate"), fields(product.get("certificate")));
        assertEquals(required(document, "Producer"), fields(product.get("producer")));
        assertEquals(
                required(document, "Suggestion"),
                fields(get("/api/v1/suggestions?q=ca").get(0)));
    }

    @Test
    void shouldRenderTheDocumentForPeople() {
        HttpResponse<String> response = Pages.fetch(client, "/api");
        assertEquals(HttpStatus.OK, response.getStatus());
        Document page = Pages.html(response);
        assertEquals("OCOP catalogue API", page.selectFirst("h1").text());
        for (String operation :
                List.of("GET /api/v1/products", "GET /api/v1/products/{id}", "GET /api/v1/suggestions")) {
            assertTrue(page.selectFirst("[data-operation='" + operation + "']") != null, operation);
        }
        assertEquals(
                8,
                page.select("[data-operation='GET /api/v1/products'] [data-parameter]")
                        .size());
        assertEquals("Tham số", page.selectFirst(".operation h3").text());
        assertEquals("/api/v1/openapi.json", page.selectFirst("a[data-openapi]").attr("href"));
    }

    private JsonNode document() throws Exception {
        return get("/api/v1/openapi.json");
    }

    private static Set<String> required(JsonNode document, String schema) {
        Set<String> names = new HashSet<>();
        document.at("/components/schemas/" + schema + "/required").forEach(name -> names.add(name.asText()));
        return names;
    }

    private static Set<String> fields(JsonNode node) {
        Set<String> names = new HashSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private HttpStatus status(String path) {
        return Pages.fetch(client, HttpRequest.GET(path)).getStatus();
    }

    private JsonNode get(String path) throws Exception {
        HttpResponse<String> response = Pages.fetch(client, HttpRequest.GET(path));
        assertEquals(HttpStatus.OK, response.getStatus(), path);
        return JSON.readTree(response.body());
    }
}
