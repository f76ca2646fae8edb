package vn.ocop.portal.search;

import io.micronaut.context.annotation.Value;
import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.transaction.TransactionOperations;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.ocop.portal.staff.Csv;

/**
 * Catalogue searches that found nothing, counted per day by their folded text (nothing else about the visitor) for
 * staff to read ({@link #day}). Counting happens on the event loop that answered, in memory; the counts reach
 * PostgreSQL ({@code search_miss}) every few seconds on the scheduler's thread, and at shutdown. Days older than
 * {@code ocop.search.miss-retention-days} ({@code OCOP_SEARCH_MISS_RETENTION_DAYS}, 400 by default) are deleted.
 */
@Singleton
public class SearchMisses {

    /** A text that found nothing and how often, on one day. */
    public record Miss(String query, int searches) {}

    /** Texts counted before the next write at most; more distinct texts wait for it (a flood of junk stays cheap). */
    static final int MAX_PENDING = 10_000;

    private static final Logger LOG = LoggerFactory.getLogger(SearchMisses.class);

    private final TransactionOperations<Connection> transactions;
    private final int retentionDays;
    private volatile Map<Key, LongAdder> pending = new ConcurrentHashMap<>();

    private record Key(LocalDate day, String query) {}

    SearchMisses(
            TransactionOperations<Connection> transactions,
            @Value("${ocop.search.miss-retention-days:400}") int retentionDays) {
        this.transactions = transactions;
        this.retentionDays = retentionDays;
    }

    /** Counts a search whose folded text ({@link QueryWords#folded()}) found nothing today. */
    void count(String folded) {
        if (folded == null || folded.isBlank()) {
            return;
        }
        String query = folded.length() > QueryWords.MAX_CHARS ? folded.substring(0, QueryWords.MAX_CHARS) : folded;
        Map<Key, LongAdder> counts = pending;
        Key key = new Key(SearchZone.today(), query);
        LongAdder count = counts.get(key);
        if (count == null) {
            if (counts.size() >= MAX_PENDING) {
                return;
            }
            count = counts.computeIfAbsent(key, k -> new LongAdder());
        }
        count.increment();
    }

    /** Writes the counts gathered since the last write. */
    @Scheduled(fixedDelay = "15s", initialDelay = "15s")
    @PreDestroy
    public void write() {
        Map<Key, LongAdder> counts = pending;
        if (counts.isEmpty()) {
            return;
        }
        pending = new ConcurrentHashMap<>();
        try {
            transactions.executeWrite(status -> {
                try (PreparedStatement upsert = status.getConnection().prepareStatement("""
                        insert into search_miss (day, query, searches) values (?, ?, ?)
                        on conflict (day, query) do update set searches = search_miss.searches + excluded.searches
                        """)) {
                    Map<Key, Long> sorted = new HashMap<>();
                    counts.forEach((key, count) -> sorted.put(key, count.sum()));
                    for (var entry : sorted.entrySet().stream()
                            .sorted(Map.Entry.comparingByKey(
                                    java.util.Comparator.comparing(Key::day).thenComparing(Key::query)))
                            .toList()) {
                        upsert.setObject(1, entry.getKey().day());
                        upsert.setString(2, entry.getKey().query());
                        upsert.setInt(3, (int) Math.min(Integer.MAX_VALUE, entry.getValue()));
                        upsert.addBatch();
                    }
                    upsert.executeBatch();
                }
                return null;
            });
        } catch (RuntimeException e) {
            LOG.warn("Could not write {} counts of searches that found nothing ({})", counts.size(), e.toString());
        }
    }

    /** The texts that found nothing on {@code day}, most searched first. */
    public List<Miss> day(LocalDate day, int limit) {
        return period(day, day, 0, limit).stream()
                .map(text -> new Miss(text.query(), (int) Math.min(Integer.MAX_VALUE, text.searches())))
                .toList();
    }

    /** A text that found nothing over a period: how often, on how many days, and the last of them. */
    public record PeriodMiss(String query, long searches, int days, LocalDate lastDay) {}

    /** One day of a period: searches that found nothing and how many different texts they were. */
    public record DayTotal(LocalDate day, long searches, int queries) {}

    /** The texts that found nothing between two days (both included), most searched first, a page of them. */
    public List<PeriodMiss> period(LocalDate from, LocalDate to, int offset, int limit) {
        return transactions.executeRead(status -> {
            List<PeriodMiss> misses = new ArrayList<>();
            try (PreparedStatement select = status.getConnection().prepareStatement("""
                    select query, sum(searches), count(*), max(day) from search_miss where day between ? and ?
                    group by query order by sum(searches) desc, query offset ? limit ?
                    """)) {
                select.setObject(1, from);
                select.setObject(2, to);
                select.setInt(3, offset);
                select.setInt(4, limit);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        misses.add(new PeriodMiss(
                                rows.getString(1),
                                rows.getLong(2),
                                rows.getInt(3),
                                rows.getObject(4, LocalDate.class)));
                    }
                }
            }
            return misses;
        });
    }

    /** Each day of a period on which a search found nothing, latest first. */
    public List<DayTotal> days(LocalDate from, LocalDate to) {
        return transactions.executeRead(status -> {
            List<DayTotal> days = new ArrayList<>();
            try (PreparedStatement select = status.getConnection().prepareStatement("""
                    select day, sum(searches), count(*) from search_miss where day between ? and ?
                    group by day order by day desc
                    """)) {
                select.setObject(1, from);
                select.setObject(2, to);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        days.add(new DayTotal(rows.getObject(1, LocalDate.class), rows.getLong(2), rows.getInt(3)));
                    }
                }
            }
            return days;
        });
    }

    /** How many different texts found nothing between two days. */
    public long distinct(LocalDate from, LocalDate to) {
        return count("select count(distinct query) from search_miss where day between ? and ?", from, to);
    }

    /** Rows of the CSV export of a period: one per day and text. */
    public long rows(LocalDate from, LocalDate to) {
        return count("select count(*) from search_miss where day between ? and ?", from, to);
    }

    private long count(String sql, LocalDate from, LocalDate to) {
        return transactions.executeRead(status -> {
            try (PreparedStatement select = status.getConnection().prepareStatement(sql)) {
                select.setObject(1, from);
                select.setObject(2, to);
                try (ResultSet rows = select.executeQuery()) {
                    rows.next();
                    return rows.getLong(1);
                }
            }
        });
    }

    /**
     * Writes the counts of a period as CSV, one row per day and text (latest day first, most searched first), with
     * the {@code link} to run each text on the public catalogue. Every text cell goes through {@link Csv#cell}: the
     * texts are what anyone typed.
     */
    public void writeCsv(LocalDate from, LocalDate to, Function<String, String> link, Writer out) {
        transactions.executeRead(status -> {
            try (PreparedStatement select = status.getConnection().prepareStatement("""
                    select day, query, searches from search_miss where day between ? and ?
                    order by day desc, searches desc, query
                    """)) {
                select.setObject(1, from);
                select.setObject(2, to);
                select.setFetchSize(1_000);
                out.write("day,query,searches,catalogue\r\n");
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        String query = rows.getString(2);
                        out.write(rows.getObject(1, LocalDate.class) + "," + Csv.cell(query) + "," + rows.getInt(3)
                                + "," + Csv.cell(link.apply(query)) + "\r\n");
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return null;
        });
    }

    /** Deletes the counts of the days before {@code day}; how many rows. */
    long deleteBefore(LocalDate day) {
        return transactions.executeWrite(status -> {
            try (PreparedStatement delete =
                    status.getConnection().prepareStatement("delete from search_miss where day < ?")) {
                delete.setObject(1, day);
                return (long) delete.executeUpdate();
            }
        });
    }

    /** Keeps {@code ocop.search.miss-retention-days} whole days of counts (0 keeps all). */
    @Scheduled(initialDelay = "3m", fixedDelay = "6h")
    void forgetOldDays() {
        if (retentionDays > 0) {
            long deleted = deleteBefore(SearchZone.today().minusDays(retentionDays));
            if (deleted > 0) {
                LOG.info("Searches that found nothing: {} counts older than {} days deleted", deleted, retentionDays);
            }
        }
    }
}
