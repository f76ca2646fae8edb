package vn.ocop.portal.traceability;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.TransactionOperations;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The log of every scan, written without slowing the scan page: a page only puts its scan in a bounded in-memory
 * queue; one background thread writes the queue in batches (one transaction each, at most about 10 a second) and,
 * in the same transaction, the stamps' scan counts, first-scan times and network counts. Closing the application
 * context writes what is left, so a normal shutdown loses nothing. When the queue is full (the database far behind)
 * a scan is dropped from the log and counted, never delaying the page.
 */
@Singleton
class ScanLog implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ScanLog.class);
    private static final int BATCH = 20_000;
    private static final long LINGER_MILLIS = 100;
    private static final int WRITE_ATTEMPTS = 3;
    private static final long RETRY_PAUSE_MILLIS = 200;
    static final int MAX_CODE_LENGTH = 40;

    /**
     * One scan. {@code stampId}, {@code kind} and {@code productId} are null for a code this portal never issued;
     * {@code counter} is the item stamp's counter in memory, told the stored figures once the scan is written;
     * {@code newNetwork} is false when the stamp is known to have been scanned from this network before (then the
     * network need not be written again).
     */
    record Scan(
            Instant at,
            String code,
            @Nullable Long stampId,
            @Nullable StampKind kind,
            @Nullable Long productId,
            UserAgentClass userAgent,
            String network,
            @Nullable ScanCounter counter,
            boolean newNetwork) {

        Scan(
                Instant at,
                String code,
                @Nullable Long stampId,
                @Nullable StampKind kind,
                @Nullable Long productId,
                UserAgentClass userAgent,
                String network) {
            this(at, code, stampId, kind, productId, userAgent, network, null, true);
        }

        Scan(Instant at, String code, IssuedStamps.IssuedStamp stamp, UserAgentClass userAgent, String network) {
            this(
                    at,
                    code,
                    stamp.id(),
                    stamp.kind(),
                    stamp.productId(),
                    userAgent,
                    network,
                    stamp.counter(),
                    stamp.counter() == null || !stamp.counter().knows(network));
        }

        boolean countsForStamp() {
            return stampId != null && userAgent != UserAgentClass.BOT;
        }
    }

    private final ArrayBlockingQueue<Scan> queue;
    private final TransactionOperations<Connection> transactions;
    /** One writer at a time: the background thread, or a caller of {@link #flush()}. */
    private final ReentrantLock writing = new ReentrantLock(true);

    private final AtomicLong written = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    /** The most scans ever found waiting by the writer: how close the log came to dropping any. */
    private volatile int mostWaiting;

    private final Thread writer;
    private volatile boolean running = true;

    ScanLog(StampSettings settings, TransactionOperations<Connection> transactions) {
        this.queue = new ArrayBlockingQueue<>(Math.max(100, settings.scanQueueCapacity()));
        this.transactions = transactions;
        this.writer = Thread.ofPlatform().name("scan-log-writer").daemon().start(this::writeWhileRunning);
    }

    /** Queues a scan; never blocks. False when the queue is full and the scan is dropped from the log. */
    boolean record(Scan scan) {
        if (queue.offer(scan)) {
            return true;
        }
        if (dropped.incrementAndGet() % 1000 == 1) {
            LOG.warn("The scan log queue is full: {} scans dropped from the log so far", dropped.get());
        }
        return false;
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
        LOG.info(
                "Scan log closed: {} scans written, {} dropped, at most {} waiting at once",
                written.get(),
                dropped.get(),
                mostWaiting);
    }

    private void writeWhileRunning() {
        List<Scan> batch = new ArrayList<>(BATCH);
        while (running) {
            try {
                // The lock is held from the first scan taken to the write, so a flush() that follows a scan always
                // finds it written (the lock is fair: the writer cannot take it back before a waiting flush).
                writing.lock();
                try {
                    Scan first = queue.poll(100, TimeUnit.MILLISECONDS);
                    if (first == null) {
                        continue;
                    }
                    batch.add(first);
                    mostWaiting = Math.max(mostWaiting, queue.size() + 1);
                    // Busy or not, a scan waits a moment for others: one transaction per few scans would cost the
                    // database (and the pages sharing its cores) far more than the same scans written together.
                    if (queue.size() < BATCH) {
                        Thread.sleep(LINGER_MILLIS);
                    }
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

    /** Writes a batch, trying again a few times when the database refuses it (a deadlock, a restart). */
    private void write(List<Scan> batch) {
        for (int attempt = 1; ; attempt++) {
            try {
                writeOnce(batch);
                return;
            } catch (RuntimeException e) {
                if (attempt == WRITE_ATTEMPTS) {
                    dropped.addAndGet(batch.size());
                    throw e;
                }
                LOG.warn("Could not write {} scans ({}); trying again", batch.size(), e.toString());
                try {
                    Thread.sleep(RETRY_PAUSE_MILLIS * attempt);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    private void writeOnce(List<Scan> batch) {
        List<Stored> stored = transactions.executeWrite(status -> {
            Connection connection = status.getConnection();
            insertScans(connection, batch);
            return updateStamps(connection, batch);
        });
        written.addAndGet(batch.size());
        for (Stored stamp : stored) {
            if (stamp.counter() != null) {
                stamp.counter().stored(stamp.written(), stamp.count(), stamp.first(), stamp.networks());
            }
        }
    }

    /** A stamp's figures as the database holds them after a write, and how many of this write's scans were its. */
    private record Stored(
            @Nullable ScanCounter counter,
            long written,
            long count,
            @Nullable Instant first,
            int networks) {}

    private static void insertScans(Connection connection, List<Scan> batch) throws SQLException {
        // COPY: the fastest way into PostgreSQL, one stream for the whole batch. Times as ISO-8601 instants,
        // unambiguous whatever the session's time zone.
        StringBuilder rows = new StringBuilder(batch.size() * 120);
        for (Scan scan : batch) {
            rows.append(scan.at()).append('\t');
            copyText(rows, clean(scan.code())).append('\t');
            copyValue(rows, scan.stampId()).append('\t');
            copyValue(rows, scan.kind()).append('\t');
            copyValue(rows, scan.productId()).append('\t');
            rows.append(scan.userAgent().name()).append('\t');
            copyText(rows, scan.network()).append('\n');
        }
        try {
            connection
                    .unwrap(PGConnection.class)
                    .getCopyAPI()
                    .copyIn(
                            "copy scan (scanned_at, code, stamp_id, kind, product_id, user_agent_class, network)"
                                    + " from stdin",
                            new StringReader(rows.toString()));
        } catch (IOException e) {
            throw new SQLException("Could not stream scans to PostgreSQL", e);
        }
    }

    private static StringBuilder copyValue(StringBuilder rows, @Nullable Object value) {
        return value == null ? rows.append("\\N") : rows.append(value);
    }

    /** Text in COPY's text format: backslashes doubled (tabs and line ends never occur: {@link #clean}). */
    private static StringBuilder copyText(StringBuilder rows, String text) {
        return text.indexOf('\\') < 0 ? rows.append(text) : rows.append(text.replace("\\", "\\\\"));
    }

    private static List<Stored> updateStamps(Connection connection, List<Scan> batch) throws SQLException {
        // Per stamp: scans counted, earliest scan, its counter; in id order, so concurrent writers (several
        // portal instances) lock the stamps in the same order.
        Map<Long, StampScans> byStamp = new TreeMap<>();
        List<Long> networkStamps = new ArrayList<>();
        List<String> networks = new ArrayList<>();
        for (Scan scan : batch) {
            if (scan.countsForStamp()) {
                byStamp.computeIfAbsent(scan.stampId(), id -> new StampScans(scan.counter()))
                        .add(scan.at());
                if (scan.newNetwork()) {
                    networkStamps.add(scan.stampId());
                    networks.add(scan.network());
                }
            }
        }
        if (byStamp.isEmpty()) {
            return List.of();
        }
        Long[] ids = byStamp.keySet().toArray(Long[]::new);
        Long[] counts = new Long[ids.length];
        String[] firsts = new String[ids.length];
        for (int i = 0; i < ids.length; i++) {
            StampScans scans = byStamp.get(ids[i]);
            counts[i] = scans.count;
            firsts[i] = Instant.ofEpochMilli(scans.first).toString();
        }
        String[] networkIds = networks.toArray(String[]::new);
        Long[] networkStampIds = networkStamps.toArray(Long[]::new);
        // One statement: the new networks, then each stamp's counts, first scan and network count, locked in id
        // order; it answers the stored figures, which include what other instances wrote.
        List<Stored> stored = new ArrayList<>(ids.length);
        try (PreparedStatement update = connection.prepareStatement("""
                with scans as (
                    select * from unnest(?::bigint[], ?::bigint[], ?::timestamptz[]) as v (id, n, first)),
                locked as (select id from stamp where id in (select id from scans) order by id for no key update),
                new_network as (
                    insert into stamp_network (stamp_id, network)
                    select distinct * from unnest(?::bigint[], ?::text[])
                    on conflict do nothing
                    returning stamp_id),
                added as (select stamp_id, count(*) as n from new_network group by stamp_id)
                update stamp s set scan_count = s.scan_count + scans.n,
                                   first_scanned_at = coalesce(s.first_scanned_at, scans.first),
                                   network_count = s.network_count + coalesce(added.n, 0)
                from scans left join added on added.stamp_id = scans.id
                where s.id = scans.id and s.id in (select id from locked)
                returning s.id, s.scan_count, s.first_scanned_at, s.network_count
                """)) {
            update.setArray(1, connection.createArrayOf("bigint", ids));
            update.setArray(2, connection.createArrayOf("bigint", counts));
            update.setArray(3, connection.createArrayOf("timestamptz", firsts));
            update.setArray(4, connection.createArrayOf("bigint", networkStampIds));
            update.setArray(5, connection.createArrayOf("text", networkIds));
            try (ResultSet rows = update.executeQuery()) {
                while (rows.next()) {
                    StampScans scans = byStamp.get(rows.getLong(1));
                    Timestamp first = rows.getTimestamp(3);
                    stored.add(new Stored(
                            scans.counter,
                            scans.count,
                            rows.getLong(2),
                            first == null ? null : first.toInstant(),
                            rows.getInt(4)));
                }
            }
        }
        return stored;
    }

    /** One stamp's scans in a batch being written. */
    private static final class StampScans {

        private final ScanCounter counter;
        private long count;
        private long first = Long.MAX_VALUE;

        StampScans(@Nullable ScanCounter counter) {
            this.counter = counter;
        }

        void add(Instant at) {
            count++;
            first = Math.min(first, at.toEpochMilli());
        }
    }

    /** The scanned text as it can be stored: at most 40 characters, control characters (NUL) replaced. */
    static String clean(String code) {
        String cut = code.length() <= MAX_CODE_LENGTH ? code : code.substring(0, MAX_CODE_LENGTH);
        if (cut.chars().noneMatch(Character::isISOControl)) {
            return cut;
        }
        StringBuilder text = new StringBuilder(cut.length());
        cut.codePoints().forEach(c -> text.appendCodePoint(Character.isISOControl(c) ? '?' : c));
        return text.toString();
    }
}
