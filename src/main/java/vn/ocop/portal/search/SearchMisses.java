package vn.ocop.portal.search;

import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.transaction.TransactionOperations;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Catalogue searches that found nothing, counted per day by their folded text (nothing else about the visitor) for
 * staff to read ({@link #day}). Counting happens on the event loop that answered, in memory; the counts reach
 * PostgreSQL ({@code search_miss}) every few seconds on the scheduler's thread, and at shutdown.
 */
@Singleton
public class SearchMisses {

    /** A text that found nothing and how often, on one day. */
    public record Miss(String query, int searches) {}

    /** Texts counted before the next write at most; more distinct texts wait for it (a flood of junk stays cheap). */
    static final int MAX_PENDING = 10_000;

    private static final Logger LOG = LoggerFactory.getLogger(SearchMisses.class);

    private final TransactionOperations<Connection> transactions;
    private volatile Map<Key, LongAdder> pending = new ConcurrentHashMap<>();

    private record Key(LocalDate day, String query) {}

    SearchMisses(TransactionOperations<Connection> transactions) {
        this.transactions = transactions;
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

    /** The texts that found nothing on {@code day}, most searched first (for the staff screen). */
    public List<Miss> day(LocalDate day, int limit) {
        return transactions.executeRead(status -> {
            List<Miss> misses = new ArrayList<>();
            try (PreparedStatement select = status.getConnection().prepareStatement("""
                    select query, searches from search_miss where day = ? order by searches desc, query limit ?
                    """)) {
                select.setObject(1, day);
                select.setInt(2, limit);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        misses.add(new Miss(rows.getString(1), rows.getInt(2)));
                    }
                }
            }
            return misses;
        });
    }
}
