package vn.ocop.portal.catalogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import io.micronaut.web.router.Router;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
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

    @Inject
    Router router;

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

    /**
     * The rule every API route follows: a route the router serves under {@code /api/} (any controller, any feature,
     * staff APIs included) is documented in {@code openapi/catalogue.json} with the same method and path; path
     * variables are compared by position, not by name. OPTIONS and HEAD are answered for every route and are not
     * listed.
     */
    @Test
    void shouldDocumentEveryRouteUnderApi() throws Exception {
        JsonNode paths = document().get("paths");
        Set<String> documented = new TreeSet<>();
        paths.fields()
                .forEachRemaining(path -> path.getValue()
                        .fieldNames()
                        .forEachRemaining(method -> documented.add(
                                method.toUpperCase(java.util.Locale.ROOT) + " " + normalised(path.getKey()))));
        Set<String> served = new TreeSet<>();
        router.uriRoutes()
                .filter(route -> !Set.of(HttpMethod.OPTIONS, HttpMethod.HEAD).contains(route.getHttpMethod()))
                .forEach(route -> served.add(route.getHttpMethodName() + " "
                        + normalised(route.getUriMatchTemplate().toPathString())));
        Set<String> api = new TreeSet<>();
        served.stream().filter(route -> route.contains(" /api/")).forEach(api::add);
        assertTrue(
                api.containsAll(Set.of(
                        "GET /api/v1/batches/{}/epcis",
                        "POST /api/v1/batches/{}/stamp-issues",
                        "GET /api/v1/stamp-issues/{}/sheet.pdf")),
                "the router is read: " + api);
        Set<String> missing = new TreeSet<>(api);
        missing.removeAll(documented);
        assertEquals(Set.of(), missing, "routes under /api/ missing from openapi/catalogue.json");
        Set<String> stale = new TreeSet<>(documented);
        stale.removeAll(served);
        assertEquals(Set.of(), stale, "documented operations the portal does not serve");
    }

    private static String normalised(String path) {
        return path.replaceAll("\\{[^}]*}", "{}");
    }

    @Test
    void shouldRenderTheDocumentForPeople() {
        HttpResponse<String> response = Pages.fetch(client, "/api");
        assertEquals(HttpStatus.OK, response.getStatus());
        Document page = Pages.html(response);
        assertEquals("OCOP portal API", page.selectFirst("h1").text());
        for (String operation : List.of(
                "GET /api/v1/products",
                "GET /api/v1/products/{id}",
                "GET /api/v1/suggestions",
                "GET /api/v1/batches/{id}/epcis",
                "POST /api/v1/batches/{id}/stamp-issues",
                "GET /01/{gtin}/10/{lot}")) {
            assertTrue(page.selectFirst("[data-operation='" + operation + "']") != null, operation);
        }
        assertEquals(
                8,
                page.select("[data-operation='GET /api/v1/products'] [data-parameter]")
                        .size());
        assertEquals("Tham số", page.selectFirst(".operation h3").text());
        assertTrue(
                page.selectFirst("[data-operation='POST /api/v1/batches/{id}/stamp-issues'] [data-secured]") != null,
                "the stamp-issuing API says it needs the token");
        assertTrue(page.selectFirst("[data-operation='GET /api/v1/products'] [data-secured]") == null);
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
