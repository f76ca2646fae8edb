package vn.ocop.portal.showroom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.ocop.portal.support.Pages;

/** {@code /api/v1/display-points}: distance ordering and radius, filters, and problem bodies for bad parameters. */
@MicronautTest
class DisplayPointApiTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    @Client("/")
    HttpClient http;

    JsonNode get(String path) throws Exception {
        HttpResponse<String> response = Pages.fetch(http, path);
        assertEquals(HttpStatus.OK, response.getStatus(), response.body());
        return JSON.readTree(response.body());
    }

    @Test
    void shouldSortByDistanceAndKeepWithinTheRadius() throws Exception {
        JsonNode all = get("/api/v1/display-points?near=21.0285,105.8542");
        double previous = -1;
        for (JsonNode item : all.get("items")) {
            double km = item.get("distanceKm").asDouble();
            assertTrue(km >= previous, "nearest first");
            previous = km;
        }
        JsonNode near = get("/api/v1/display-points?near=21.0285,105.8542&radiusKm=30");
        assertTrue(near.get("total").asInt() >= 5, near.toString());
        for (JsonNode item : near.get("items")) {
            assertTrue(item.get("distanceKm").asDouble() <= 30);
            assertEquals("01", item.get("provinceCode").asText(), "within 30 km of Hoàn Kiếm is Hà Nội");
        }
        assertTrue(all.get("total").asInt() > near.get("total").asInt());
    }

    @Test
    void shouldGiveTheFirstPointsUpToTheLimitAndCountThemAll() throws Exception {
        JsonNode all = get("/api/v1/display-points?near=21.0285,105.8542");
        JsonNode two = get("/api/v1/display-points?near=21.0285,105.8542&limit=2");
        assertEquals(all.get("total").asInt(), two.get("total").asInt(), "the total counts every point");
        assertEquals(2, two.get("items").size());
        assertEquals(
                all.get("items").get(0).get("id").asLong(),
                two.get("items").get(0).get("id").asLong(),
                "the nearest first");
    }

    @Test
    void shouldFilterByProvinceKindAndProduct() throws Exception {
        JsonNode airports = get("/api/v1/display-points?type=STATION_AIRPORT&province=56");
        assertEquals(1, airports.get("total").asInt());
        assertTrue(airports.get("items").get(0).get("name").asText().contains("Cam Ranh"));
        JsonNode stocked = get("/api/v1/display-points?product=tra-atiso-tui-loc-langbiang");
        assertTrue(stocked.get("total").asInt() >= 2, "Lâm Đồng's points and others stock it");
        for (JsonNode item : stocked.get("items")) {
            boolean has = false;
            for (JsonNode line : item.get("products")) {
                has |= line.get("slug").asText().equals("tra-atiso-tui-loc-langbiang");
            }
            assertTrue(has);
        }
        assertEquals(
                0, get("/api/v1/display-points?product=khong-co").get("total").asInt());
    }

    @Test
    void shouldAnswerBadParametersWithAProblemBody() throws Exception {
        for (String query : List.of(
                "near=91,100",
                "near=abc",
                "near=21.0",
                "radiusKm=5",
                "near=21,105&radiusKm=-1",
                "province=1",
                "type=CASTLE",
                "openNow=yes",
                "limit=0",
                "limit=1001",
                "limit=ten")) {
            HttpResponse<String> response = Pages.fetch(http, "/api/v1/display-points?" + query);
            assertEquals(HttpStatus.BAD_REQUEST, response.getStatus(), query);
            assertTrue(response.getContentType().orElseThrow().toString().startsWith("application/problem+json"));
            assertEquals(400, JSON.readTree(response.body()).get("status").asInt(), query);
            // The problem says what is wrong with which parameter.
            String detail = JSON.readTree(response.body()).path("detail").asText();
            String last = query.substring(query.lastIndexOf('&') + 1);
            assertTrue(detail.startsWith(last.substring(0, last.indexOf('='))), query + ": " + response.body());
        }
    }

    @Test
    void shouldAnswerAnEmptyListWhenNoPointIsFound() throws Exception {
        HttpResponse<String> response = Pages.fetch(http, "/api/v1/display-points?product=no-such-product");
        assertEquals(HttpStatus.OK, response.getStatus());
        assertEquals(0, JSON.readTree(response.body()).get("total").asInt());
        assertTrue(JSON.readTree(response.body()).get("items").isArray(), response.body());
    }
}
