package vn.ocop.portal.support;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.micronaut.transaction.TransactionOperations;
import java.sql.Connection;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waits for the search index to have caught up with PostgreSQL, as a visitor would after a few seconds. */
public final class SearchSync {

    private SearchSync() {}

    /** Until the alias exists and the outbox has nothing pending, then refreshes the index. */
    public static void awaitSynced(TransactionOperations<Connection> transactions, ElasticsearchClient client) {
        await(Duration.ofSeconds(60), () -> {
            try {
                return client.indices().existsAlias(a -> a.name("products")).value() && pending(transactions) == 0;
            } catch (Exception e) {
                return false;
            }
        });
        try {
            client.indices().refresh(r -> r.index("products"));
        } catch (Exception e) {
            throw new AssertionError("could not refresh the index", e);
        }
    }

    public static long pending(TransactionOperations<Connection> transactions) {
        return Sql.number(transactions, "select count(*) from search_outbox where processed_at is null");
    }

    public static void await(Duration timeout, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within " + timeout);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
