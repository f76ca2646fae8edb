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
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.ocop.portal.support.Pages;
import vn.ocop.portal.support.SearchSync;

@MicronautTest(transactional = false)
class SuggestionTest {

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
    void shouldSuggestProductsForTheFirstLettersWithOrWithoutDiacritics() throws Exception {
        for (String typed : List.of("ca ph", "Cà ph", "CA PHE ROB")) {
            List<String> names = names(typed);
            assertTrue(!names.isEmpty(), typed);
            assertTrue(
                    names.stream().allMatch(name -> name.contains("Cà phê") || name.contains("cà phê")),
                    typed + " " + names);
        }
        assertTrue(names("robus").stream().anyMatch(name -> name.startsWith("Cà phê Robusta")), "a later word too");
        assertTrue(names("nuoc mma").stream().anyMatch(name -> name.startsWith("Nước mắm")), "a typo");
        assertTrue(
                names("ca phe krong na").stream().allMatch(name -> name.contains("Krông Năng")),
                "words out of the name's order, the last half typed");
        assertTrue(!names("ca phe krong na").isEmpty());
        assertTrue(names("cafe robu").stream().anyMatch(name -> name.startsWith("Cà phê Robusta")), "cafe");
        assertTrue(names("fish sau").stream().allMatch(name -> name.startsWith("Nước mắm")), "English");
        assertTrue(!names("fish sau").isEmpty());
        assertTrue(names("zzzz").isEmpty());
        assertTrue(names("").isEmpty());
    }

    @Test
    void shouldLinkEachSuggestionToTheSearchThatFindsIt() throws Exception {
        JsonNode first = get("phu quoc").get(0);
        HttpResponse<String> search = Pages.fetch(client, first.get("search").asText());
        assertEquals(HttpStatus.OK, search.getStatus());
        assertTrue(Pages.html(search)
                .select(".product-name")
                .eachText()
                .contains(first.get("name").asText()));
        assertEquals(
                HttpStatus.OK, Pages.fetch(client, first.get("url").asText()).getStatus());
    }

    @Test
    void shouldRefuseAnOverlongPrefix() {
        HttpResponse<String> response =
                Pages.fetch(client, HttpRequest.GET("/api/v1/suggestions?q=" + "a".repeat(101)));
        assertEquals(HttpStatus.BAD_REQUEST, response.getStatus());
    }

    private List<String> names(String typed) throws Exception {
        List<String> names = new ArrayList<>();
        get(typed).forEach(s -> names.add(s.get("name").asText()));
        return names;
    }

    private JsonNode get(String typed) throws Exception {
        HttpResponse<String> response = Pages.fetch(
                client, HttpRequest.GET("/api/v1/suggestions?q=" + URLEncoder.encode(typed, StandardCharsets.UTF_8)));
        assertEquals(HttpStatus.OK, response.getStatus());
        return new ObjectMapper().readTree(response.body());
    }
}
