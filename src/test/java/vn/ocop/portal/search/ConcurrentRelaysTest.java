package vn.ocop.portal.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import vn.ocop.portal.support.Sql;

/**
 * Two relays (as in two portal instances) drain the outbox together while products keep changing: no change is
 * lost, no row is delivered twice, and the latest name wins in Elasticsearch. This context has no scheduled relay,
 * so the test's two relays are the only ones, and what they claimed adds up to what the outbox received.
 */
@MicronautTest(transactional = false)
@Property(name = "ocop.search.relay.enabled", value = "false")
class ConcurrentRelaysTest {

    private static final int PRODUCTS = 50;
    private static final int ROUNDS = 6;

    @Inject
    ProductIndex index;

    @Inject
    ProductDocuments documents;

    @Inject
    TransactionOperations<Connection> transactions;

    @Inject
    ElasticsearchClient client;

    @Test
    void shouldDeliverEveryChangeOnceAndTheLatestNameWhenTwoRelaysShareTheOutbox() throws Exception {
        index.ensureReady();
        SearchOutboxRelay first =
                new SearchOutboxRelay(index, documents, transactions, Integer.MAX_VALUE, java.time.Duration.ZERO);
        SearchOutboxRelay second =
                new SearchOutboxRelay(index, documents, transactions, Integer.MAX_VALUE, java.time.Duration.ZERO);
        drain(first);
        Map<Long, String> original = names(ProductSearchTest.LISTABLE + " order by p.id limit " + PRODUCTS);
        assertEquals(PRODUCTS, original.size(), "the demo catalogue has enough listed products");
        long before = Sql.number(transactions, "select coalesce(max(id), 0) from search_outbox");
        ExecutorService threads = Executors.newFixedThreadPool(3);
        try {
            CyclicBarrier start = new CyclicBarrier(3);
            AtomicBoolean writing = new AtomicBoolean(true);
            Future<Long> one = threads.submit(() -> relayUntilDrained(first, start, writing));
            Future<Long> two = threads.submit(() -> relayUntilDrained(second, start, writing));
            Future<?> writer = threads.submit(() -> {
                start.await();
                try {
                    for (int round = 1; round <= ROUNDS; round++) {
                        for (Map.Entry<Long, String> product : original.entrySet()) {
                            rename(product.getKey(), renamed(product.getValue(), round));
                        }
                    }
                } finally {
                    writing.set(false);
                }
                return null;
            });
            writer.get(2, TimeUnit.MINUTES);
            long claimedByFirst = one.get(2, TimeUnit.MINUTES);
            long claimedBySecond = two.get(2, TimeUnit.MINUTES);
            System.out.printf("Two relays delivered %d + %d outbox rows%n", claimedByFirst, claimedBySecond);

            String changes = "from search_outbox where id > " + before;
            long rows = Sql.number(transactions, "select count(*) " + changes);
            assertEquals((long) PRODUCTS * ROUNDS, rows, "one outbox row per change");
            assertEquals(0, Sql.number(transactions, "select count(*) " + changes + " and processed_at is null"));
            assertEquals(0, Sql.number(transactions, "select count(*) " + changes + " and attempts > 0"));
            assertEquals(
                    rows,
                    claimedByFirst + claimedBySecond,
                    "every row claimed exactly once (first " + claimedByFirst + ", second " + claimedBySecond + ")");
            assertTrue(
                    claimedByFirst > 0 && claimedBySecond > 0,
                    "both relays delivered (first " + claimedByFirst + ", second " + claimedBySecond + ")");

            List<String> stale = new ArrayList<>();
            for (Map.Entry<Long, String> product : original.entrySet()) {
                String expected = renamed(product.getValue(), ROUNDS);
                String indexed = client.get(
                                g -> g.index(ProductIndex.ALIAS).id(Long.toString(product.getKey())),
                                ProductDocument.class)
                        .source()
                        .name();
                if (!expected.equals(indexed)) {
                    stale.add(product.getKey() + ": " + indexed + " instead of " + expected);
                }
            }
            assertEquals(List.of(), stale, "every document carries the latest name");
        } finally {
            threads.shutdownNow();
            original.forEach(this::rename);
            drain(first);
        }
    }

    /**
     * Delivers until the writer has finished and a pass begun after that finds nothing due. A pass that finds
     * nothing while the other relay holds the last rows ends this relay only; the other one passes again.
     */
    private static long relayUntilDrained(SearchOutboxRelay relay, CyclicBarrier start, AtomicBoolean writing)
            throws Exception {
        start.await();
        long claimed = 0;
        while (true) {
            boolean lastPass = !writing.get();
            int delivered = relay.deliverBatch();
            claimed += delivered;
            if (delivered == 0) {
                if (lastPass) {
                    return claimed;
                }
                Thread.sleep(1);
            }
        }
    }

    private static String renamed(String name, int round) {
        return name + " (lần " + round + ")";
    }

    private static void drain(SearchOutboxRelay relay) {
        while (relay.deliverBatch() > 0) {
            // until nothing is due
        }
    }

    private void rename(long product, String name) {
        transactions.executeWrite(status -> {
            try (PreparedStatement update =
                    status.getConnection().prepareStatement("update product set name = ? where id = ?")) {
                update.setString(1, name);
                update.setLong(2, product);
                return update.executeUpdate();
            }
        });
    }

    private Map<Long, String> names(String productIds) {
        return transactions.executeRead(status -> {
            Map<Long, String> names = new LinkedHashMap<>();
            try (ResultSet rows = status.getConnection()
                    .createStatement()
                    .executeQuery("select id, name from product where id in (" + productIds + ") order by id")) {
                while (rows.next()) {
                    names.put(rows.getLong(1), rows.getString(2));
                }
            }
            return names;
        });
    }
}
