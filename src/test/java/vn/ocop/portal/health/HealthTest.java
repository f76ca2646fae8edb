package vn.ocop.portal.health;

import static org.junit.jupiter.api.Assertions.assertEquals;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.jdbc.DataSourceResolver;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.ServerSocket;
import javax.sql.DataSource;
import org.apache.http.HttpHost;
import org.elasticsearch.client.RestClient;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

@MicronautTest(transactional = false)
class HealthTest {

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    DataSource contextual;

    @Inject
    DataSourceResolver pool;

    @Inject
    ElasticsearchClient search;

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
            HttpResponse<HealthController.Health> response =
                    new HealthController(pool.resolve(contextual), search).health();
            assertEquals(HttpStatus.OK, response.getStatus(), "the portal still serves, from PostgreSQL");
            HealthController.Health health = response.body();
            assertEquals("DEGRADED", health.status());
            assertEquals("UP", health.database().status());
            assertEquals("DOWN", health.search().status());
        }
    }

    @Test
    void shouldReport503WhenTheDatabaseDoesNotAnswer() throws Exception {
        PGSimpleDataSource nowhere = new PGSimpleDataSource();
        nowhere.setURL("jdbc:postgresql://127.0.0.1:" + closedPort() + "/ocop");
        nowhere.setConnectTimeout(2);
        HttpResponse<HealthController.Health> response = new HealthController(nowhere, search).health();
        assertEquals(HttpStatus.SERVICE_UNAVAILABLE, response.getStatus());
        assertEquals("DOWN", response.body().status());
        assertEquals("DOWN", response.body().database().status());
        assertEquals("UP", response.body().search().status());
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
