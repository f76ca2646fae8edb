package vn.ocop.portal.health;

import static org.junit.jupiter.api.Assertions.assertEquals;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import java.net.ServerSocket;
import java.sql.Connection;
import org.apache.http.HttpHost;
import org.elasticsearch.client.RestClient;
import org.junit.jupiter.api.Test;

@MicronautTest(transactional = false)
class HealthTest {

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    TransactionOperations<Connection> database;

    @Test
    void shouldReportUpWhenTheDatabaseAndElasticsearchAnswer() {
        HttpResponse<String> response = client.toBlocking().exchange("/health", String.class);
        assertEquals(HttpStatus.OK, response.getStatus());
        String body = response.body();
        assertEquals(true, body.contains("\"status\":\"UP\",\"database\":{\"status\":\"UP\""), body);
        assertEquals(true, body.contains("\"search\":{\"status\":\"UP\""), body);
    }

    @Test
    void shouldReportDegradedWhenElasticsearchDoesNotAnswer() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        try (RestClient nowhere =
                RestClient.builder(new HttpHost("127.0.0.1", closedPort)).build()) {
            var search = new ElasticsearchClient(new RestClientTransport(nowhere, new JacksonJsonpMapper()));
            HttpResponse<HealthController.Health> response = new HealthController(database, search).health();
            assertEquals(HttpStatus.OK, response.getStatus(), "the portal still serves, from PostgreSQL");
            HealthController.Health health = response.body();
            assertEquals("DEGRADED", health.status());
            assertEquals("UP", health.database().status());
            assertEquals("DOWN", health.search().status());
        }
    }
}
