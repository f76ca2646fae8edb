package vn.ocop.portal.catalogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
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
        assertEquals("API của cổng thông tin OCOP", page.selectFirst("h1").text());
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

    /**
     * Every text of the document is on the page in the page's language, from the bundle {@code i18n/api}: the
     * English bundle says what the document says (a text changed in one and not the other fails), the Vietnamese
     * one translates every text, and both pages show them whole (braces such as {gtin} and apostrophes survive).
     */
    @Test
    void shouldShowEveryTextOfTheDocumentInThePagesLanguage() throws Exception {
        Properties english = bundle("i18n/api_en.properties");
        Properties vietnamese = bundle("i18n/api_vi.properties");
        Map<String, String> texts = new LinkedHashMap<>();
        JsonNode document = document();
        texts.put("api.info.title", document.at("/info/title").asText());
        texts.put("api.info.description", document.at("/info/description").asText());
        document.get("paths")
                .forEach(methods -> methods.forEach(operation -> {
                    String key = "api.op." + operation.get("operationId").asText();
                    put(texts, key + ".summary", operation.get("summary"));
                    put(texts, key + ".description", operation.get("description"));
                    operation
                            .path("parameters")
                            .forEach(p ->
                                    put(texts, key + ".param." + p.get("name").asText(), p.get("description")));
                    operation
                            .get("responses")
                            .properties()
                            .forEach(r -> put(
                                    texts,
                                    key + ".response." + r.getKey(),
                                    r.getValue().get("description")));
                }));
        document.at("/components/schemas").properties().forEach(schema -> {
            String key = "api.schema." + schema.getKey();
            put(texts, key + ".description", schema.getValue().get("description"));
            schema.getValue()
                    .path("properties")
                    .properties()
                    .forEach(f -> put(
                            texts, key + ".field." + f.getKey(), f.getValue().get("description")));
        });
        assertTrue(texts.size() > 100, "the document is read: " + texts.size());
        String vi = Pages.html(Pages.fetch(client, "/api")).selectFirst("main").text();
        String en =
                Pages.html(Pages.fetch(client, "/en/api")).selectFirst("main").text();
        for (var text : texts.entrySet()) {
            String expected = text.getValue().replace('\'', '’');
            assertEquals(expected, english.getProperty(text.getKey()), "English bundle = document: " + text.getKey());
            String translated = vietnamese.getProperty(text.getKey());
            assertTrue(translated != null && !translated.equals(expected), "translated: " + text.getKey());
            assertTrue(en.contains(expected), "on the English page: " + expected);
            assertTrue(vi.contains(translated), "on the Vietnamese page: " + translated);
            assertFalse(
                    expected.length() > 30 && vi.contains(expected), "no English on the Vietnamese page: " + expected);
        }
        assertTrue(vi.contains("mảng FacetCount") || vi.contains("mảng Item"), "types in Vietnamese");
        assertTrue(en.contains("array of Item"));
    }

    private static void put(Map<String, String> texts, String key, JsonNode text) {
        if (text != null) {
            texts.put(key, text.asText());
        }
    }

    private static Properties bundle(String resource) throws Exception {
        Properties properties = new Properties();
        try (var in = new InputStreamReader(
                ApiDocsTest.class.getClassLoader().getResourceAsStream(resource), StandardCharsets.UTF_8)) {
            properties.load(in);
        }
        return properties;
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
