package vn.ocop.portal.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.ElasticsearchTransportBase;
import co.elastic.clients.transport.http.TransportHttpClient;
import io.micronaut.context.annotation.Value;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.http.client.methods.HttpRequestBase;
import org.junit.jupiter.api.Test;

/**
 * The portal's HTTP layer under the Elasticsearch Java client, on the real node: bodies of several buffers (bulk),
 * query parameters, Vietnamese text both ways, error answers decoded into the client's exceptions, asynchronous
 * calls, and a node that is not there.
 */
@MicronautTest(transactional = false)
class BlockingElasticsearchHttpTest {

    @Inject
    ElasticsearchClient client;

    @Value("${elasticsearch.url}")
    String url;

    @Test
    void shouldCarryTheJavaClientsRequestsAndAnswers() throws Exception {
        String index = "transport-test-" + System.nanoTime();
        try {
            BulkRequest.Builder bulk = new BulkRequest.Builder().index(index).refresh(Refresh.WaitFor);
            List.of("Cà phê Buôn Ma Thuột", "Nước mắm Phú Quốc", "Chè Tân Cương")
                    .forEach(name -> bulk.operations(o -> o.index(i -> i.document(Map.of("name", name)))));
            assertFalse(client.bulk(bulk.build()).errors());

            var found = client.search(
                    s -> s.index(index).query(q -> q.match(m -> m.field("name").query("nước mắm"))), Map.class);

            assertEquals(1, found.hits().total().value(), "refresh=wait_for (a query parameter) took effect");
            assertEquals(
                    "Nước mắm Phú Quốc", found.hits().hits().getFirst().source().get("name"));
            assertFalse(client.exists(e -> e.index(index).id("none")).value(), "a 404 is an answer");
        } finally {
            client.indices().delete(d -> d.index(index).ignoreUnavailable(true));
        }
    }

    @Test
    void shouldTurnAnErrorAnswerIntoTheClientsException() {
        ElasticsearchException refused = assertThrows(
                ElasticsearchException.class,
                () -> client.search(s -> s.index("no-such-index-" + System.nanoTime()), Map.class));

        assertEquals(404, refused.status());
        assertEquals("index_not_found_exception", refused.error().type());
    }

    @Test
    void shouldAnswerAsynchronousCalls() throws Exception {
        try (var http = new BlockingElasticsearchHttp(new ElasticsearchSettings(url, null, null))) {
            var async = new ElasticsearchAsyncClient(transport(http));

            assertEquals(
                    1, async.cluster().health().get(30, TimeUnit.SECONDS).numberOfNodes(), "the embedded node answers");
        }
    }

    @Test
    void shouldFailWithAnIoErrorWhenNoNodeListens() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        try (var http = new BlockingElasticsearchHttp(
                new ElasticsearchSettings("http://127.0.0.1:" + closedPort, null, null))) {
            var nowhere = new ElasticsearchClient(transport(http));

            assertThrows(IOException.class, () -> nowhere.cluster().health());
        }
    }

    @Test
    void shouldSendTheConfiguredCredentialsWithEveryRequest() throws Exception {
        try (var http = new BlockingElasticsearchHttp(
                new ElasticsearchSettings("https://search.example.vn:9243/", "ocop", "mật-khẩu"))) {
            var request = new TransportHttpClient.Request(
                    "GET", "/products/_count", Map.of("q", "cà phê"), Map.of("Accept", "application/json"), null);

            HttpRequestBase message = http.message(request, null);

            assertEquals(
                    "Basic " + Base64.getEncoder().encodeToString("ocop:mật-khẩu".getBytes(StandardCharsets.UTF_8)),
                    message.getFirstHeader("Authorization").getValue());
            assertEquals(
                    "https://search.example.vn:9243/products/_count?q=c%C3%A0+ph%C3%AA",
                    message.getURI().toString());
            assertEquals("GET", message.getMethod());
        }
    }

    private static ElasticsearchTransportBase transport(BlockingElasticsearchHttp http) {
        return new ElasticsearchTransportBase(http, null, new JacksonJsonpMapper()) {};
    }
}
