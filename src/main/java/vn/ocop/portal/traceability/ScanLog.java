package vn.ocop.portal.traceability;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.TransactionOperations;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The log of every scan, written without slowing the scan page: a page only puts its scan in a bounded in-memory
 * queue; one background thread writes the queue in batches (one transaction each) and, in the same transaction,
 * the stamps' scan counts, first-scan times and network counts. Closing the application context writes what is
 * left, so a normal shutdown loses nothing. When the queue is full (the database far behind) a scan is dropped
 * from the log and counted, never delaying the page.
 */
@Singleton
class ScanLog implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ScanLog.class);
    private static final int BATCH = 1000;
    static final int MAX_CODE_LENGTH = 40;

    /** One scan. {@code stampId}, {@code kind} and {@code productId} are null for a code this portal never issued. */
    record Scan(
            Instant at,
            String code,
            @Nullable Long stampId,
            @Nullable StampKind kind,
            @Nullable Long productId,
            UserAgentClass userAgent,
            String network) {

        boolean countsForStamp() {
            return stampId != null && userAgent != UserAgentClass.BOT;
        }
    }

    private final ArrayBlockingQueue<Scan> queue;
    private final TransactionOperations<Connection> transactions;
    /** One writer at a time: the background thread, or a caller of {@link #flush()}. */
    private final ReentrantLock writing = new ReentrantLock();

    private final AtomicLong written = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final Thread writer;
    private volatile boolean running = true;

    ScanLog(StampSettings settings, TransactionOperations<Connection> transactions) {
        this.queue = new ArrayBlockingQueue<>(Math.max(100, settings.scanQueueCapacity()));
        this.transactions = transactions;
        this.writer = Thread.ofPlatform().name("scan-log-writer").daemon().start(this::writeWhileRunning);
    }

    /** Queues a scan; never blocks. */
    void record(Scan scan) {
        if (!queue.offer(scan) && dropped.incrementAndGet() % 1000 == 1) {
            LOG.warn("The scan log queue is full: {} scans dropped from the log so far", dropped.get());
        }
    }

    /** Writes every queued scan now (tests, shutdown). */
    void flush() {
        writing.lock();
        try {
            List<Scan> batch = new ArrayList<>(BATCH);
            while (queue.drainTo(batch, BATCH) > 0) {
                write(batch);
                batch.clear();
            }
        } finally {
            writing.unlock();
        }
    }

    long written() {
        return written.get();
    }

    long dropped() {
        return dropped.get();
    }

    @PreDestroy
    @Override
    public void close() {
        running = false;
        try {
            writer.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        flush();
        LOG.info("Scan log closed: {} scans written, {} dropped", written.get(), dropped.get());
    }

    private void writeWhileRunning() {
        List<Scan> batch = new ArrayList<>(BATCH);
        while (running) {
            try {
                Scan first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                writing.lock();
                try {
                    batch.add(first);
                    queue.drainTo(batch, BATCH - 1);
                    write(batch);
                } finally {
                    batch.clear();
                    writing.unlock();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.error("Could not write {} scans to the scan log", batch.size(), e);
            }
        }
    }

    private void write(List<Scan> batch) {
        transactions.executeWrite(status -> {
            Connection connection = status.getConnection();
            insertScans(connection, batch);
            updateStamps(connection, batch);
            return null;
        });
        written.addAndGet(batch.size());
    }

    private static void insertScans(Connection connection, List<Scan> batch) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("""
                insert into scan (scanned_at, code, stamp_id, kind, product_id, user_agent_class, network)
                values (?, ?, ?, ?, ?, ?, ?)
                """)) {
            for (Scan scan : batch) {
                insert.setTimestamp(1, Timestamp.from(scan.at()));
                insert.setString(2, clean(scan.code()));
                insert.setObject(3, scan.stampId(), Types.BIGINT);
                insert.setString(4, scan.kind() == null ? null : scan.kind().name());
                insert.setObject(5, scan.productId(), Types.BIGINT);
                insert.setString(6, scan.userAgent().name());
                insert.setString(7, scan.network());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private static void updateStamps(Connection connection, List<Scan> batch) throws SQLException {
        // In id order, so concurrent writers (several portal instances) lock the stamps in the same order.
        Map<Long, long[]> counts = new TreeMap<>();
        for (Scan scan : batch) {
            if (scan.countsForStamp()) {
                long[] count = counts.computeIfAbsent(scan.stampId(), id -> new long[] {0, Long.MAX_VALUE});
                count[0]++;
                count[1] = Math.min(count[1], scan.at().toEpochMilli());
            }
        }
        if (counts.isEmpty()) {
            return;
        }
        try (PreparedStatement update = connection.prepareStatement("""
                update stamp set scan_count = scan_count + ?, first_scanned_at = coalesce(first_scanned_at, ?)
                where id = ?
                """)) {
            for (Map.Entry<Long, long[]> count : counts.entrySet()) {
                update.setLong(1, count.getValue()[0]);
                update.setTimestamp(2, new Timestamp(count.getValue()[1]));
                update.setLong(3, count.getKey());
                update.addBatch();
            }
            update.executeBatch();
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "insert into stamp_network (stamp_id, network) values (?, ?) on conflict do nothing")) {
            for (Scan scan : batch) {
                if (scan.countsForStamp()) {
                    insert.setLong(1, scan.stampId());
                    insert.setString(2, scan.network());
                    insert.addBatch();
                }
            }
            insert.executeBatch();
        }
        Array ids = connection.createArrayOf("bigint", counts.keySet().toArray());
        try (PreparedStatement update = connection.prepareStatement("""
                update stamp s set network_count = (select count(*) from stamp_network n where n.stamp_id = s.id)
                where s.id = any (?)
                """)) {
            update.setArray(1, ids);
            update.executeUpdate();
        }
    }

    /** The scanned text as it can be stored: at most 40 characters, control characters (NUL) replaced. */
    static String clean(String code) {
        String cut = code.length() <= MAX_CODE_LENGTH ? code : code.substring(0, MAX_CODE_LENGTH);
        StringBuilder text = new StringBuilder(cut.length());
        cut.codePoints().forEach(c -> text.appendCodePoint(Character.isISOControl(c) ? '?' : c));
        return text.toString();
    }
}
