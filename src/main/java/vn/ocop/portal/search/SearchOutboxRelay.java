package vn.ocop.portal.search;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers the search outbox to Elasticsearch. Each pass claims due rows with {@code FOR UPDATE SKIP LOCKED} (so
 * several instances share the work), rebuilds each product's document from PostgreSQL, and sends one bulk request:
 * listable products are indexed, the others deleted, all with one fresh external version. Rows whose delivery
 * failed stay with a later due time (backoff), so nothing is lost while Elasticsearch is away.
 */
@Singleton
@Requires(property = "ocop.search.relay.enabled", notEquals = "false")
public class SearchOutboxRelay {

    private static final Logger LOG = LoggerFactory.getLogger(SearchOutboxRelay.class);
    static final int BATCH = 500;
    private static final int MAX_BACKOFF_SECONDS = 300;

    private final ProductIndex index;
    private final ProductDocuments documents;
    private final TransactionOperations<Connection> transactions;
    private final int compactAfterWrites;
    private final Duration compactWhenQuietFor;
    private final AtomicBoolean running = new AtomicBoolean();
    private volatile boolean ready;
    private volatile LocalDate sweptOn;
    /** Products written since the index was last merged ({@link ProductIndex#compact}); only the relay's thread. */
    private int writtenSinceCompaction;
    /** When the relay last wrote a product; only the relay's thread. */
    private Instant lastWrite = Instant.EPOCH;

    SearchOutboxRelay(
            ProductIndex index,
            ProductDocuments documents,
            TransactionOperations<Connection> transactions,
            @Value("${ocop.search.compact-after-writes:1000}") int compactAfterWrites,
            @Value("${ocop.search.compact-when-quiet-for:60s}") Duration compactWhenQuietFor) {
        this.index = index;
        this.documents = documents;
        this.transactions = transactions;
        this.compactAfterWrites = compactAfterWrites;
        this.compactWhenQuietFor = compactWhenQuietFor;
    }

    @Scheduled(fixedDelay = "${ocop.search.relay.interval:1s}", initialDelay = "1s")
    void tick() {
        if (!running.compareAndSet(false, true)) {
            return;
        }
        try {
            if (!ready) {
                index.ensureReady();
                ready = true;
            }
            sweepCalendar();
            int delivered;
            do {
                delivered = deliverBatch();
                if (delivered > 0) {
                    writtenSinceCompaction += delivered;
                    lastWrite = Instant.now();
                }
            } while (delivered == BATCH);
            // After many writes, once the index has had no write for a while, it is merged: searches then skip no
            // replaced documents (a day of ordinary edits is far from the threshold; a bulk import is not). The
            // quiet while lets Elasticsearch release the replaced documents it keeps for a time after a write
            // (soft deletes held for recovery until its retention lease moves on, every 30 s): merged before, they
            // would stay.
            if (writtenSinceCompaction >= compactAfterWrites
                    && Duration.between(lastWrite, Instant.now()).compareTo(compactWhenQuietFor) >= 0) {
                compact();
            }
        } catch (Exception e) {
            ready = false;
            LOG.warn("Search sync paused: {}", e.toString());
        } finally {
            running.set(false);
        }
    }

    /** A merge that fails is tried again after as many writes: searches work on either way, only slower. */
    private void compact() {
        try {
            index.compact(ProductIndex.ALIAS);
            LOG.info("Merged the search index after {} product writes", writtenSinceCompaction);
        } catch (IOException | RuntimeException e) {
            LOG.warn("Could not merge the search index ({}); trying again after more writes", e.toString());
        } finally {
            writtenSinceCompaction = 0;
        }
    }

    /**
     * Claims up to {@value #BATCH} due rows and delivers them. Returns how many rows it claimed.
     */
    int deliverBatch() {
        return transactions.executeWrite(status -> {
            Connection connection = status.getConnection();
            Map<Long, List<Long>> rowsByProduct = claim(connection);
            if (rowsByProduct.isEmpty()) {
                return 0;
            }
            int claimed = rowsByProduct.values().stream().mapToInt(List::size).sum();
            long version = ProductIndex.nextVersion(connection);
            Map<Long, String> failed = new HashMap<>();
            try {
                Map<Long, ProductDocument> listed =
                        documents.listable(connection, rowsByProduct.keySet(), SearchZone.today());
                Set<Long> unlisted = new LinkedHashSet<>(rowsByProduct.keySet());
                unlisted.removeAll(listed.keySet());
                failed.putAll(index.write(ProductIndex.ALIAS, listed.values(), unlisted, version));
            } catch (Exception e) {
                for (Long product : rowsByProduct.keySet()) {
                    failed.put(product, e.toString());
                }
            }
            List<Long> done = new ArrayList<>();
            List<Long> retry = new ArrayList<>();
            rowsByProduct.forEach((product, rows) -> (failed.containsKey(product) ? retry : done).addAll(rows));
            markDone(connection, done);
            if (!retry.isEmpty()) {
                String error = failed.values().iterator().next();
                markFailed(connection, retry, error);
                LOG.warn("Search sync: {} outbox rows will be retried: {}", retry.size(), error);
            }
            return claimed;
        });
    }

    private static Map<Long, List<Long>> claim(Connection connection) throws SQLException {
        Map<Long, List<Long>> rowsByProduct = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement("""
                select id, product_id from search_outbox
                where processed_at is null and next_attempt_at <= now()
                order by id limit ? for update skip locked
                """)) {
            select.setInt(1, BATCH);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    rowsByProduct
                            .computeIfAbsent(rows.getLong(2), k -> new ArrayList<>())
                            .add(rows.getLong(1));
                }
            }
        }
        return rowsByProduct;
    }

    private static void markDone(Connection connection, List<Long> rows) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        try (PreparedStatement update = connection.prepareStatement(
                "update search_outbox set processed_at = now(), last_error = null where id = any(?)")) {
            update.setArray(1, connection.createArrayOf("bigint", rows.toArray()));
            update.executeUpdate();
        }
    }

    private static void markFailed(Connection connection, List<Long> rows, String error) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("""
                update search_outbox set attempts = attempts + 1, last_error = left(?, 1000),
                       next_attempt_at = now() + least(power(2, attempts), ?) * interval '1 second'
                where id = any(?)
                """)) {
            update.setString(1, error);
            update.setInt(2, MAX_BACKOFF_SECONDS);
            update.setArray(3, connection.createArrayOf("bigint", rows.toArray()));
            update.executeUpdate();
        }
    }

    /**
     * Certificates change status with the calendar, not only with a write: once a day, products whose certificate
     * expired or started expiring lately are queued again, and old processed rows are cleared.
     */
    private void sweepCalendar() {
        LocalDate today = SearchZone.today();
        if (today.equals(sweptOn)) {
            return;
        }
        transactions.executeWrite(status -> {
            Connection connection = status.getConnection();
            try (PreparedStatement queue = connection.prepareStatement("""
                    insert into search_outbox (product_id)
                    select product_id from current_certification
                    where valid_until between ?::date - 3 and ?::date - 1
                       or valid_until between ?::date + 28 and ?::date + 30
                    """)) {
                for (int i = 1; i <= 4; i++) {
                    queue.setObject(i, today);
                }
                queue.executeUpdate();
            }
            try (PreparedStatement clear = connection.prepareStatement(
                    "delete from search_outbox where processed_at < now() - interval '1 day'")) {
                clear.executeUpdate();
            }
            return null;
        });
        sweptOn = today;
    }
}
