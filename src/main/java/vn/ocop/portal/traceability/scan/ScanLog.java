package vn.ocop.portal.traceability.scan;

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
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
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
import vn.ocop.portal.shared.VietnamTime;
import vn.ocop.portal.traceability.StampKind;
import vn.ocop.portal.traceability.StampSettings;

/**
 * The log of every scan, written without slowing the scan page: a page only puts its scan in a bounded in-memory
 * queue; one background thread writes the queue in batches (one transaction each, at most about 10 a second) and,
 * in the same transaction, the stamps' copy-detection figures (counted scans, first-scan times, networks, provinces
 * and days). Scans of codes this portal never issued are not journalled one row each: they are counted per day and
 * network ({@code refused_scan_daily}). Closing the application
 * context writes what is left, so a normal shutdown loses nothing. When the queue is full (the database far behind)
 * a scan is dropped from the log and counted, never delaying the page.
 */
@Singleton
public class ScanLog implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ScanLog.class);
    private static final int BATCH = 20_000;
    private static final long LINGER_MILLIS = 100;
    private static final int WRITE_ATTEMPTS = 3;
    private static final long RETRY_PAUSE_MILLIS = 200;
    static final int MAX_CODE_LENGTH = 40;

    /**
     * One scan. {@code stampId}, {@code kind} and {@code productId} are null for a code this portal never issued
     * (then only its day and network are counted, in {@code refused_scan_daily}); {@code counter} is the item stamp's
     * counter in memory, told the stored figures once the scan is written; {@code evidence} says whether the scan
     * counts for copy detection and which of its network, province and day are new for the stamp (those are written;
     * the rest need not be).
     */
    record Scan(
            Instant at,
            String code,
            @Nullable Long stampId,
            @Nullable StampKind kind,
            @Nullable Long productId,
            UserAgentClass userAgent,
            String network,
            @Nullable String province,
            @Nullable ScanCounter counter,
            ScanCounter.Evidence evidence) {

        /** A scan counted for copy detection (the database keeps it to one per network per day). */
        Scan(
                Instant at,
                String code,
                @Nullable Long stampId,
                @Nullable StampKind kind,
                @Nullable Long productId,
                UserAgentClass userAgent,
                String network) {
            this(
                    at,
                    code,
                    stampId,
                    kind,
                    productId,
                    userAgent,
                    network,
                    null,
                    null,
                    stampId == null || !userAgent.isPerson() ? ScanCounter.Evidence.NONE : ScanCounter.Evidence.ALL);
        }

        /** A scan of a code this portal never issued. */
        static Scan notGenuine(Instant at, String code, UserAgentClass userAgent, String network) {
            return new Scan(at, code, null, null, null, userAgent, network, null, null, ScanCounter.Evidence.NONE);
        }

        boolean countsForStamp() {
            return stampId != null && evidence.counted();
        }

        LocalDate day() {
            return LocalDate.ofInstant(at, VietnamTime.ZONE);
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
    /** The longest a batch took to write, in milliseconds. */
    private volatile long slowestWriteMillis;

    private final Thread writer;
    private volatile boolean running = true;

    private final StampSettings settings;

    ScanLog(StampSettings settings, TransactionOperations<Connection> transactions) {
        this.settings = settings;
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
                "Scan log closed: {} scans written, {} dropped, at most {} waiting at once, slowest write {} ms",
                written.get(),
                dropped.get(),
                mostWaiting,
                slowestWriteMillis);
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
        long started = System.nanoTime();
        List<Stored> stored = transactions.executeWrite(status -> {
            Connection connection = status.getConnection();
            plannedForThisBatch(connection);
            insertScans(connection, batch);
            countRefused(connection, batch);
            List<Stored> updated = updateStamps(connection, batch);
            listCopyWarnings(connection, updated);
            return updated;
        });
        written.addAndGet(batch.size());
        slowestWriteMillis = Math.max(slowestWriteMillis, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
        for (Stored stamp : stored) {
            if (stamp.counter() != null) {
                stamp.counter()
                        .stored(
                                stamp.written(),
                                stamp.count(),
                                stamp.first(),
                                stamp.networks(),
                                stamp.provinces(),
                                stamp.days());
            }
        }
    }

    /**
     * Plans this transaction's statements for the batch at hand. The JDBC driver prepares a statement on the server
     * once it has run a few times, and PostgreSQL then may plan it once for all batches, not knowing how long the
     * arrays are: it takes them for ten rows and joins the evidence with nested loops, which costs the square of the
     * batch. A batch of 10,000 scans then took 20 seconds instead of half of one, the writer fell behind, its
     * batches grew and each took longer (measured with bench/hostile/run.sh). A plan for each batch costs a
     * millisecond or two.
     */
    private static void plannedForThisBatch(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("set local plan_cache_mode = force_custom_plan");
        }
    }

    /** A stamp's figures as the database holds them after a write, and how many of this write's scans were its. */
    private record Stored(
            long stampId,
            @Nullable ScanCounter counter,
            long written,
            long count,
            @Nullable Instant first,
            int networks,
            int provinces,
            int days) {}

    /**
     * Puts the stamps whose evidence now meets the copy-warning rule on the desk's list (V035), in the transaction
     * that wrote the evidence. Rare: most writes have none, and cost nothing more.
     */
    private void listCopyWarnings(Connection connection, List<Stored> updated) throws SQLException {
        List<Long> warned = new ArrayList<>();
        for (Stored stamp : updated) {
            if (CopyWarning.ofEvidence(stamp.networks(), stamp.provinces(), stamp.days(), settings) != null) {
                warned.add(stamp.stampId());
            }
        }
        if (warned.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = connection.prepareStatement("""
                insert into stamp_copy_warning (stamp_id, product_id)
                select id, product_id from stamp where id = any(?::bigint[])
                on conflict do nothing
                """)) {
            insert.setArray(1, connection.createArrayOf("bigint", warned.toArray()));
            insert.executeUpdate();
        }
    }

    private static void insertScans(Connection connection, List<Scan> batch) throws SQLException {
        // COPY: the fastest way into PostgreSQL, one stream for the whole batch. Times as ISO-8601 instants,
        // unambiguous whatever the session's time zone.
        StringBuilder rows = new StringBuilder(batch.size() * 120);
        for (Scan scan : batch) {
            if (scan.stampId() == null) {
                continue;
            }
            rows.append(scan.at()).append('\t');
            copyText(rows, clean(scan.code())).append('\t');
            copyValue(rows, scan.stampId()).append('\t');
            copyValue(rows, scan.kind()).append('\t');
            copyValue(rows, scan.productId()).append('\t');
            rows.append(scan.userAgent().name()).append('\t');
            copyText(rows, scan.network()).append('\n');
        }
        if (rows.isEmpty()) {
            return;
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

    /** Scans of codes never issued: one count per day and network, added to. */
    private static void countRefused(Connection connection, List<Scan> batch) throws SQLException {
        Map<String, Long> counts = new HashMap<>();
        for (Scan scan : batch) {
            if (scan.stampId() == null) {
                counts.merge(scan.day() + "\t" + scan.network(), 1L, Long::sum);
            }
        }
        if (counts.isEmpty()) {
            return;
        }
        String[] days = new String[counts.size()];
        String[] networks = new String[counts.size()];
        Long[] scans = new Long[counts.size()];
        int i = 0;
        for (Map.Entry<String, Long> count : new TreeMap<>(counts).entrySet()) {
            int tab = count.getKey().indexOf('\t');
            days[i] = count.getKey().substring(0, tab);
            networks[i] = count.getKey().substring(tab + 1);
            scans[i] = count.getValue();
            i++;
        }
        try (PreparedStatement upsert = connection.prepareStatement("""
                insert into refused_scan_daily (day, network, scans)
                select * from unnest(?::date[], ?::text[], ?::bigint[])
                on conflict (day, network) do update set scans = refused_scan_daily.scans + excluded.scans
                """)) {
            upsert.setArray(1, connection.createArrayOf("date", days));
            upsert.setArray(2, connection.createArrayOf("text", networks));
            upsert.setArray(3, connection.createArrayOf("bigint", scans));
            upsert.executeUpdate();
        }
    }

    private static List<Stored> updateStamps(Connection connection, List<Scan> batch) throws SQLException {
        // Per stamp: counted scans and the earliest; in id order, so concurrent writers (several portal instances)
        // lock the stamps in the same order. Then the evidence each counted scan brings: its (network, day), and its
        // network, province and day where this instance did not know them for the stamp.
        Map<Long, StampScans> byStamp = new TreeMap<>();
        List<Long> dayStamps = new ArrayList<>();
        List<String> dayNetworks = new ArrayList<>();
        List<String> dayDays = new ArrayList<>();
        List<Long> networkStamps = new ArrayList<>();
        List<String> networks = new ArrayList<>();
        List<Long> provinceStamps = new ArrayList<>();
        List<String> provinces = new ArrayList<>();
        List<Long> newDayStamps = new ArrayList<>();
        List<String> newDays = new ArrayList<>();
        for (Scan scan : batch) {
            if (!scan.countsForStamp()) {
                continue;
            }
            byStamp.computeIfAbsent(scan.stampId(), id -> new StampScans(scan.counter()))
                    .add(scan.at());
            String day = scan.day().toString();
            dayStamps.add(scan.stampId());
            dayNetworks.add(scan.network());
            dayDays.add(day);
            ScanCounter.Evidence evidence = scan.evidence();
            if (evidence.newNetwork()) {
                networkStamps.add(scan.stampId());
                networks.add(scan.network());
            }
            if (evidence.newProvince() && scan.province() != null) {
                provinceStamps.add(scan.stampId());
                provinces.add(scan.province());
            }
            if (evidence.newDay()) {
                newDayStamps.add(scan.stampId());
                newDays.add(day);
            }
        }
        if (byStamp.isEmpty()) {
            return List.of();
        }
        Long[] ids = byStamp.keySet().toArray(Long[]::new);
        String[] firsts = new String[ids.length];
        for (int i = 0; i < ids.length; i++) {
            firsts[i] = Instant.ofEpochMilli(byStamp.get(ids[i]).first).toString();
        }
        // One statement: the new evidence rows (each kept once by its primary key), then each stamp's counts,
        // locked in id order; it answers the stored figures, which include what other instances wrote.
        List<Stored> stored = new ArrayList<>(ids.length);
        try (PreparedStatement update = connection.prepareStatement("""
                with scans as (select * from unnest(?::bigint[], ?::timestamptz[]) as v (id, first)),
                locked as (select id from stamp where id in (select id from scans) order by id for no key update),
                new_scan_day as (
                    insert into stamp_scan_day (stamp_id, network, day)
                    select distinct * from unnest(?::bigint[], ?::text[], ?::date[])
                    on conflict do nothing
                    returning stamp_id),
                new_network as (
                    insert into stamp_network (stamp_id, network)
                    select distinct * from unnest(?::bigint[], ?::text[])
                    on conflict do nothing
                    returning stamp_id),
                new_province as (
                    insert into stamp_province (stamp_id, province_code)
                    select distinct * from unnest(?::bigint[], ?::text[])
                    on conflict do nothing
                    returning stamp_id),
                new_day as (
                    insert into stamp_day (stamp_id, day)
                    select distinct * from unnest(?::bigint[], ?::date[])
                    on conflict do nothing
                    returning stamp_id),
                counted as (select stamp_id, count(*) as n from new_scan_day group by stamp_id),
                added_networks as (select stamp_id, count(*) as n from new_network group by stamp_id),
                added_provinces as (select stamp_id, count(*) as n from new_province group by stamp_id),
                added_days as (select stamp_id, count(*) as n from new_day group by stamp_id)
                update stamp s set scan_count = s.scan_count + coalesce(counted.n, 0),
                                   first_scanned_at = case when counted.n > 0
                                       then coalesce(s.first_scanned_at, scans.first) else s.first_scanned_at end,
                                   network_count = s.network_count + coalesce(added_networks.n, 0),
                                   province_count = s.province_count + coalesce(added_provinces.n, 0),
                                   day_count = s.day_count + coalesce(added_days.n, 0)
                from scans
                left join counted on counted.stamp_id = scans.id
                left join added_networks on added_networks.stamp_id = scans.id
                left join added_provinces on added_provinces.stamp_id = scans.id
                left join added_days on added_days.stamp_id = scans.id
                where s.id = scans.id and s.id in (select id from locked)
                returning s.id, s.scan_count, s.first_scanned_at, s.network_count, s.province_count, s.day_count
                """)) {
            update.setArray(1, connection.createArrayOf("bigint", ids));
            update.setArray(2, connection.createArrayOf("timestamptz", firsts));
            update.setArray(3, connection.createArrayOf("bigint", dayStamps.toArray()));
            update.setArray(4, connection.createArrayOf("text", dayNetworks.toArray()));
            update.setArray(5, connection.createArrayOf("date", dayDays.toArray()));
            update.setArray(6, connection.createArrayOf("bigint", networkStamps.toArray()));
            update.setArray(7, connection.createArrayOf("text", networks.toArray()));
            update.setArray(8, connection.createArrayOf("bigint", provinceStamps.toArray()));
            update.setArray(9, connection.createArrayOf("text", provinces.toArray()));
            update.setArray(10, connection.createArrayOf("bigint", newDayStamps.toArray()));
            update.setArray(11, connection.createArrayOf("date", newDays.toArray()));
            try (ResultSet rows = update.executeQuery()) {
                while (rows.next()) {
                    StampScans scans = byStamp.get(rows.getLong(1));
                    Timestamp first = rows.getTimestamp(3);
                    stored.add(new Stored(
                            rows.getLong(1),
                            scans.counter,
                            scans.count,
                            rows.getLong(2),
                            first == null ? null : first.toInstant(),
                            rows.getInt(4),
                            rows.getInt(5),
                            rows.getInt(6)));
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
    public static String clean(String code) {
        String cut = code.length() <= MAX_CODE_LENGTH ? code : code.substring(0, MAX_CODE_LENGTH);
        if (cut.chars().noneMatch(Character::isISOControl)) {
            return cut;
        }
        StringBuilder text = new StringBuilder(cut.length());
        cut.codePoints().forEach(c -> text.appendCodePoint(Character.isISOControl(c) ? '?' : c));
        return text.toString();
    }
}
