package vn.ocop.portal.catalogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
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
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.ocop.portal.support.Pages;
import vn.ocop.portal.support.SearchSync;

@MicronautTest(transactional = false)
class ProductApiTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    TransactionOperations<Connection> transactions;

    @Inject
    ElasticsearchClient elasticsearch;

    @Value("${ocop.public-base-url}")
    String baseUrl;

    @BeforeEach
    void synced() {
        SearchSync.awaitSynced(transactions, elasticsearch);
    }

    @Test
    void shouldAnswerTheDocumentedShape() throws Exception {
        JsonNode answer = get("/api/v1/products");
        assertEquals(Set.of("total", "items", "facets", "partial", "formerProvinces"), fields(answer));
        assertEquals(
                slugs(CataloguePageTest.LISTABLE).size(), answer.get("total").asLong());
        assertEquals(ProductApiController.DEFAULT_SIZE, answer.get("items").size());
        JsonNode item = answer.get("items").get(0);
        assertEquals(
                Set.of(
                        "id",
                        "slug",
                        "name",
                        "producerName",
                        "stars",
                        "groupCode",
                        "provinceCode",
                        "provinceName",
                        "certificateStatus",
                        "url"),
                fields(item));
        assertEquals(
                baseUrl + "/products/" + item.get("slug").asText(),
                item.get("url").asText());
        assertTrue(Set.of("VALID", "EXPIRING")
                .contains(item.get("certificateStatus").asText()));
        assertEquals(Set.of("group", "stars", "province", "producerType"), fields(answer.get("facets")));
        for (JsonNode facet : answer.get("facets")) {
            assertTrue(facet.size() > 0);
            for (JsonNode value : facet) {
                assertEquals(Set.of("key", "label", "count"), fields(value));
            }
        }
        JsonNode food = answer.get("facets").get("group").get(0);
        assertEquals("01", food.get("key").asText());
        assertEquals("Thực phẩm", food.get("label").asText());
    }

    @Test
    void shouldTellHowLongTheSearchEngineTookOnPagesAndAnswers() {
        Map<String, String> timings = Map.of(
                "/api/v1/products?q=ca+phe", "^search;dur=([0-9]+\\.[0-9]{2})$",
                // Pages also say how long their HTML took to render.
                "/products?q=ca+phe", "^search;dur=([0-9]+\\.[0-9]{2}), render;dur=([0-9]+\\.[0-9]{2})$");
        timings.forEach((path, format) -> {
            HttpResponse<String> response = Pages.fetch(client, HttpRequest.GET(path));
            String timing = response.getHeaders().get("Server-Timing");
            assertNotNull(timing, path);
            Matcher duration = Pattern.compile(format).matcher(timing);
            assertTrue(duration.matches(), path + ": " + timing);
            for (int i = 1; i <= duration.groupCount(); i++) {
                assertTrue(Double.parseDouble(duration.group(i)) > 0, path + ": " + timing);
            }
        });
    }

    @Test
    void shouldCountEachFacetValueAsTheSearchItFiltersTo() throws Exception {
        JsonNode answer = get("/api/v1/products?q=ca+phe");
        int checked = 0;
        for (String facet : List.of("group", "stars", "province", "producerType")) {
            for (JsonNode value : answer.get("facets").get(facet)) {
                JsonNode filtered = get("/api/v1/products?q=ca+phe&" + facet + "="
                        + value.get("key").asText());
                assertEquals(value.get("count").asLong(), filtered.get("total").asLong(), facet + " " + value);
                checked++;
            }
        }
        assertTrue(checked >= 4);
    }

    @Test
    void shouldSearchPageAndFilter() throws Exception {
        JsonNode dakLak = get("/api/v1/products?q=dak%20lak&size=100");
        Set<String> slugs = new HashSet<>();
        dakLak.get("items").forEach(item -> {
            slugs.add(item.get("slug").asText());
            assertEquals("Đắk Lắk", item.get("provinceName").asText());
            assertEquals("66", item.get("provinceCode").asText());
        });
        assertEquals(slugs(CataloguePageTest.LISTABLE + " and pr.province_code = '66'"), slugs);

        List<String> first = ids(get("/api/v1/products?sort=newest&size=10"));
        List<String> second = ids(get("/api/v1/products?sort=newest&size=10&page=2"));
        assertEquals(10, first.size());
        assertTrue(second.stream().noneMatch(first::contains));

        JsonNode fiveStarFood = get("/api/v1/products?group=01&stars=5&producerType=ENTERPRISE&size=100");
        assertEquals(
                slugs(CataloguePageTest.LISTABLE
                                + " and p.group_code = '01' and c.stars = 5 and pr.type = 'ENTERPRISE'")
                        .size(),
                fiveStarFood.get("total").asLong());
        fiveStarFood
                .get("items")
                .forEach(item -> assertEquals(5, item.get("stars").asInt()));
    }

    @Test
    void shouldSayWhenOnlySomeWordsMatchedAndWhichFormerProvinceTheWordsNamed() throws Exception {
        JsonNode partial = get("/api/v1/products?q=cafe+robusta+krong+nang+loai+ngon");
        assertTrue(partial.get("partial").asBoolean());
        assertEquals(0, partial.get("formerProvinces").size());
        JsonNode former = get("/api/v1/products?q=kon+tum");
        assertFalse(former.get("partial").asBoolean());
        assertEquals("Kon Tum", former.get("formerProvinces").get(0).get("name").asText());
        assertEquals(
                "51", former.get("formerProvinces").get(0).get("provinceCode").asText());
        assertEquals(
                java.util.Set.of("sam-ngoc-linh-cu-tuoi", "ruou-sam-ngoc-linh", "tra-tui-loc-la-sam-ngoc-linh"),
                java.util.stream.StreamSupport.stream(former.get("items").spliterator(), false)
                        .limit(3)
                        .map(item -> item.get("slug").asText())
                        .collect(java.util.stream.Collectors.toSet()),
                "the products whose address is in Kon Tum come first");
    }

    @Test
    void shouldAnswer400WithAProblemToBadParameters() throws Exception {
        for (String query : List.of(
                "stars=9",
                "stars=abc",
                "group=zz",
                "province=99",
                "producerType=FARM",
                "sort=sideways",
                "page=0",
                "page=abc",
                "page=100000",
                "size=0",
                "size=1000",
                "size=-5",
                "q=" + "a".repeat(300))) {
            HttpResponse<String> response = Pages.fetch(
                    client, HttpRequest.GET("/api/v1/products?" + query).accept("application/json"));
            assertEquals(HttpStatus.BAD_REQUEST, response.getStatus(), query);
            assertEquals(
                    "application/problem+json",
                    response.getContentType().orElseThrow().toString(),
                    query);
            JsonNode problem = JSON.readTree(response.body());
            assertEquals(400, problem.get("status").asInt());
            assertTrue(problem.get("detail").asText().contains(query.substring(0, query.indexOf('='))), query);
        }
    }

    @Test
    void shouldGiveOneProductWithItsCertificateAndProducer() throws Exception {
        long id = Long.parseLong(ids(get("/api/v1/products?q=ca+phe+robusta+rang+xay+krong+nang&size=1"))
                .getFirst());
        JsonNode product = get("/api/v1/products/" + id);
        assertEquals("ca-phe-robusta-rang-xay-krong-nang", product.get("slug").asText());
        assertEquals(
                "2315/QĐ-UBND", product.get("certificate").get("decisionNumber").asText());
        assertEquals("PROVINCE", product.get("certificate").get("issuingLevel").asText());
        assertEquals(79, product.get("certificate").get("totalScore").asInt());
        assertEquals(4, product.get("certificate").get("stars").asInt());
        assertEquals("VALID", product.get("certificate").get("status").asText());
        assertEquals(
                "Hợp tác xã Nông nghiệp Dịch vụ Cà phê Krông Năng",
                product.get("producer").get("name").asText());
        assertEquals("Đắk Lắk", product.get("producer").get("provinceName").asText());
        assertTrue(product.get("photos").get(0).asText().startsWith(baseUrl + "/photos/"));

        HttpResponse<String> missing = Pages.fetch(client, HttpRequest.GET("/api/v1/products/987654321"));
        assertEquals(HttpStatus.NOT_FOUND, missing.getStatus());
        assertEquals(
                "application/problem+json",
                missing.getContentType().orElseThrow().toString());
        for (String bad : List.of("abc", "-1", "99999999999999999999999", "1.5")) {
            HttpResponse<String> response = Pages.fetch(client, HttpRequest.GET("/api/v1/products/" + bad));
            assertEquals(HttpStatus.BAD_REQUEST, response.getStatus(), bad);
            assertEquals(400, JSON.readTree(response.body()).get("status").asInt());
        }
    }

    private JsonNode get(String path) throws Exception {
        HttpResponse<String> response =
                Pages.fetch(client, HttpRequest.GET(path).accept("application/json"));
        assertEquals(HttpStatus.OK, response.getStatus(), path + ": " + response.body());
        return JSON.readTree(response.body());
    }

    private static Set<String> fields(JsonNode node) {
        Set<String> names = new HashSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static List<String> ids(JsonNode answer) {
        List<String> ids = new ArrayList<>();
        answer.get("items").forEach(item -> ids.add(item.get("id").asText()));
        return ids;
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
