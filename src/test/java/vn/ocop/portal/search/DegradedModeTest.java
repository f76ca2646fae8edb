package vn.ocop.portal.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.annotation.Property;
import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import java.net.URI;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import vn.ocop.portal.support.Pages;
import vn.ocop.portal.support.SearchSync;
import vn.ocop.portal.support.TcpProxy;

/**
 * Elasticsearch stops mid-way: a second portal instance reaches it through a proxy the test cuts. Pages, the API
 * and /health degrade instead of failing; the outbox keeps the changes; the index converges when it is back. (This
 * test's own context has no relay, so only the portal behind the proxy delivers the outbox.)
 */
@MicronautTest(transactional = false)
@Property(name = "ocop.search.relay.enabled", value = "false")
class DegradedModeTest {

    private static final String SLUG = "yen-sao-tinh-che-nha-trang";

    @Value("${elasticsearch.url}")
    String elasticsearchUrl;

    @Value("${datasources.default.url}")
    String databaseUrl;

    @Value("${datasources.default.username}")
    String databaseUser;

    @Inject
    TransactionOperations<Connection> transactions;

    @Inject
    ElasticsearchClient elasticsearch;

    @Test
    void shouldAnswerFromPostgresWhileElasticsearchIsAwayAndConvergeWhenItIsBack() throws Exception {
        URI target = URI.create(elasticsearchUrl);
        try (TcpProxy proxy = TcpProxy.to(target.getHost(), target.getPort());
                EmbeddedServer portal = startPortal("http://127.0.0.1:" + proxy.port());
                HttpClient client = HttpClient.create(portal.getURL())) {
            SearchSync.awaitSynced(transactions, elasticsearch);
            long id = ids("select id from product where slug = '" + SLUG + "'")
                    .iterator()
                    .next();
            Document before = page(client, "/products?q=yen+sao+nha+trang");
            assertNull(before.selectFirst(".notice.degraded"));
            assertTrue(cards(before).contains(SLUG));

            proxy.stop();
            execute("update certification set status = 'SUSPENDED', status_decision = '7/QĐ-SNN',"
                    + " status_date = current_date, status_reason = 'Kiểm tra chất lượng'"
                    + " where id = (select id from current_certification where product_id = " + id + ")");
            try {
                Document degraded = page(client, "/products?q=yen+sao+nha+trang");
                assertNotNull(degraded.selectFirst(".notice.degraded"), "the visitor is told");
                assertTrue(!cards(degraded).contains(SLUG), "PostgreSQL knows the suspension at once");
                Document dakLak = page(client, "/products?q=dak+lak&group=01");
                assertEquals(
                        ids(
                                "select p.slug from product p join producer pr on pr.id = p.producer_id"
                                        + " join current_certification c on c.product_id = p.id"
                                        + " where pr.province_code = '66' and p.group_code = '01'"
                                        + " and c.status = 'VALID' and c.valid_until >= current_date",
                                true),
                        cards(dakLak),
                        "folded matching on the stored columns");
                assertNotNull(dakLak.selectFirst("[data-facet=stars] a"), "facets still offered");

                HttpResponse<String> api = Pages.fetch(client, HttpRequest.GET("/api/v1/products?q=ca+phe"));
                assertEquals(HttpStatus.OK, api.getStatus());
                assertEquals("true", api.getHeaders().get("X-Search-Degraded"));
                assertTrue(api.body().contains("\"total\":"));

                HttpResponse<String> health = Pages.fetch(client, HttpRequest.GET("/health"));
                assertEquals(HttpStatus.OK, health.getStatus());
                assertTrue(health.body().contains("\"status\":\"DEGRADED\""), health.body());

                assertTrue(SearchSync.pending(transactions) > 0, "the change waits in the outbox");
                elasticsearch.indices().refresh(r -> r.index(ProductIndex.ALIAS));
                assertTrue(indexed(id), "Elasticsearch has not heard of it yet");

                proxy.start();
                SearchSync.await(Duration.ofSeconds(30), () -> SearchSync.pending(transactions) == 0);
                elasticsearch.indices().refresh(r -> r.index(ProductIndex.ALIAS));
                assertTrue(!indexed(id), "the index converged: the suspended product left it");
                SearchSync.await(
                        Duration.ofSeconds(15),
                        () -> page(client, "/products?q=yen+sao").selectFirst(".notice.degraded") == null);
            } finally {
                proxy.start();
                execute("update certification set status = 'VALID', status_decision = null, status_date = null,"
                        + " status_reason = null where id = (select id from current_certification where product_id = "
                        + id + ")");
                SearchSync.awaitSynced(transactions, elasticsearch);
            }
            assertTrue(indexed(id));
        }
    }

    private EmbeddedServer startPortal(String searchUrl) {
        // Both URLs set: the embedded services are not involved and the portal uses the proxy.
        System.setProperty("elasticsearch.url", searchUrl);
        System.setProperty("datasources.default.url", databaseUrl);
        System.setProperty("datasources.default.username", databaseUser);
        try {
            return ApplicationContext.run(EmbeddedServer.class, "test");
        } finally {
            System.clearProperty("elasticsearch.url");
            System.clearProperty("datasources.default.url");
            System.clearProperty("datasources.default.username");
        }
    }

    private boolean indexed(long id) {
        try {
            return elasticsearch
                    .exists(e -> e.index(ProductIndex.ALIAS).id(Long.toString(id)))
                    .value();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static Document page(HttpClient client, String path) {
        HttpResponse<String> response = Pages.fetch(client, path);
        assertEquals(HttpStatus.OK, response.getStatus(), path);
        return Pages.html(response);
    }

    private static Set<String> cards(Document page) {
        return page.select(".product-card").stream()
                .map(card -> card.attr("data-product"))
                .collect(Collectors.toSet());
    }

    private Set<Long> ids(String sql) {
        return ids(sql, false).stream().map(Long::valueOf).collect(Collectors.toSet());
    }

    private Set<String> ids(String sql, boolean asText) {
        return transactions.executeRead(status -> {
            Set<String> values = new HashSet<>();
            try (ResultSet rows = status.getConnection().createStatement().executeQuery(sql)) {
                while (rows.next()) {
                    values.add(rows.getString(1));
                }
            }
            return values;
        });
    }

    private void execute(String sql) {
        transactions.executeWrite(
                status -> status.getConnection().createStatement().executeUpdate(sql));
    }
}
