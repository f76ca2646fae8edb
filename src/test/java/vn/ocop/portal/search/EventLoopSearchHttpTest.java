package vn.ocop.portal.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import com.sun.net.httpserver.HttpServer;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.netty.channel.EventLoopGroupRegistry;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import io.netty.channel.EventLoop;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import vn.ocop.portal.support.SearchSync;

/**
 * The catalogue's search transport on the real node: a search asked on an event loop is answered on that same loop
 * (the property the catalogue's speed rests on), a refused search fails as an {@link IOException}, and a secured
 * cluster gets its credentials.
 */
@MicronautTest(transactional = false)
class EventLoopSearchHttpTest {

    private static final byte[] MATCH_ALL =
            "{\"size\":1,\"query\":{\"match_all\":{}}}".getBytes(StandardCharsets.UTF_8);

    @Inject
    EventLoopSearchHttp http;

    @Inject
    EventLoopGroupRegistry eventLoops;

    @Inject
    TransactionOperations<Connection> transactions;

    @Inject
    ElasticsearchClient elasticsearch;

    @Test
    void shouldAnswerOnTheEventLoopThatAsked() throws Exception {
        SearchSync.awaitSynced(transactions, elasticsearch);
        EventLoop first = eventLoops.getDefaultEventLoopGroup().next();
        EventLoop second = eventLoops.getDefaultEventLoopGroup().next();
        assertTrue(first != second, "the server runs more than one event loop");
        // Alternating loops: without connection locality, a pooled connection of one loop would serve the other.
        for (int i = 0; i < 6; i++) {
            EventLoop loop = i % 2 == 0 ? first : second;
            CompletableFuture<Thread> answeredOn = new CompletableFuture<>();
            CompletableFuture<byte[]> answer = new CompletableFuture<>();
            Thread asker = loop.submit(() -> {
                        http.search(MATCH_ALL).whenComplete((bytes, failure) -> {
                            answeredOn.complete(Thread.currentThread());
                            if (failure == null) {
                                answer.complete(bytes);
                            } else {
                                answer.completeExceptionally(failure);
                            }
                        });
                        return Thread.currentThread();
                    })
                    .get(30, TimeUnit.SECONDS);

            assertTrue(
                    new String(answer.get(30, TimeUnit.SECONDS), StandardCharsets.UTF_8).contains("\"hits\""),
                    "a search answer");
            assertSame(asker, answeredOn.get(30, TimeUnit.SECONDS), "answered on the loop that asked");
        }
    }

    @Test
    void shouldFailARefusedSearchAsAnIoException() {
        SearchSync.awaitSynced(transactions, elasticsearch);
        byte[] nonsense = "{\"query\":{\"no_such_query\":{}}}".getBytes(StandardCharsets.UTF_8);

        ExecutionException refused = assertThrows(
                ExecutionException.class, () -> http.search(nonsense).get(30, TimeUnit.SECONDS));

        assertInstanceOf(IOException.class, refused.getCause());
        assertTrue(
                refused.getCause().getMessage().contains("status 400"),
                refused.getCause().getMessage());
    }

    @Test
    void shouldSendTheConfiguredCredentialsToTheAlias() throws Exception {
        HttpServer cluster = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        CompletableFuture<String> seen = new CompletableFuture<>();
        cluster.createContext("/", exchange -> {
            seen.complete(exchange.getRequestMethod() + " " + exchange.getRequestURI() + " "
                    + exchange.getRequestHeaders().getFirst("Authorization"));
            byte[] body = "{\"hits\":{\"total\":{\"value\":0},\"hits\":[]}}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        cluster.start();
        // Written with a trailing slash, as ELASTICSEARCH_URL may be.
        String url = "http://127.0.0.1:" + cluster.getAddress().getPort() + "/";
        try (HttpClient client = HttpClient.create(URI.create(url).toURL())) {
            var secured = new EventLoopSearchHttp(client, new ElasticsearchSettings(url, "portal", "mật khẩu"));

            secured.search(MATCH_ALL).get(30, TimeUnit.SECONDS);

            assertEquals("POST /products/_search Basic cG9ydGFsOm3huq10IGto4bqpdQ==", seen.get(30, TimeUnit.SECONDS));
        } finally {
            cluster.stop(0);
        }
    }
}
