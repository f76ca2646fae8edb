package vn.ocop.portal.traceability.report;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Types;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import vn.ocop.portal.traceability.scan.ScanLog;

/**
 * Reports of a problem from the public, stored for staff, with a rate limit per network: a few reports per network
 * per ten minutes and a few more per day, counted in memory (nothing is stored for a refused report). There is no cap
 * for the whole portal: one script could use it up and silence everyone else.
 */
@Singleton
class ProblemReports {

    static final int PER_NETWORK = 5;
    static final int PER_NETWORK_PER_DAY = 20;
    static final long WINDOW_MILLIS = 10 * 60_000L;
    private static final long DAY_MILLIS = 24 * 60 * 60_000L;

    enum Kind {
        COUNTERFEIT,
        QUALITY,
        OTHER
    }

    /** What a scan page knows about the stamp a report is about. */
    record Subject(
            @Nullable Long stampId,
            @Nullable Long productId,
            @Nullable String productName) {}

    private final TransactionOperations<Connection> transactions;
    /** Per network: its reports' times in the last day (at most {@link #PER_NETWORK_PER_DAY}). */
    private final Cache<String, Deque<Long>> recent = Caffeine.newBuilder()
            .maximumSize(100_000)
            .expireAfterAccess(Duration.ofDays(1))
            .build();

    ProblemReports(TransactionOperations<Connection> transactions) {
        this.transactions = transactions;
    }

    /** Takes one report from the network's allowance; false when the network is over its limit. */
    boolean allow(String network, long now) {
        Deque<Long> times = recent.get(network, n -> new ArrayDeque<>());
        synchronized (times) {
            while (!times.isEmpty() && times.peekFirst() < now - DAY_MILLIS) {
                times.pollFirst();
            }
            long inWindow = times.stream().filter(t -> t >= now - WINDOW_MILLIS).count();
            if (inWindow >= PER_NETWORK || times.size() >= PER_NETWORK_PER_DAY) {
                return false;
            }
            times.addLast(now);
            return true;
        }
    }

    Optional<Subject> subject(long serial) {
        return transactions.executeRead(status -> {
            try (PreparedStatement select = status.getConnection()
                    .prepareStatement(
                            "select s.id, p.id, p.name from stamp s join product p on p.id = s.product_id where s.serial = ?")) {
                select.setLong(1, serial);
                try (ResultSet row = select.executeQuery()) {
                    return row.next()
                            ? Optional.of(new Subject(row.getLong(1), row.getLong(2), row.getString(3)))
                            : Optional.<Subject>empty();
                }
            }
        });
    }

    long save(String code, Subject subject, Kind kind, String message, @Nullable String contact, String network) {
        return transactions.executeWrite(status -> {
            try (PreparedStatement insert = status.getConnection().prepareStatement("""
                    insert into problem_report (code, stamp_id, product_id, kind, message, contact, network)
                    values (?, ?, ?, ?, ?, ?, ?)
                    """, new String[] {"id"})) {
                insert.setString(1, ScanLog.clean(code));
                insert.setObject(2, subject.stampId(), Types.BIGINT);
                insert.setObject(3, subject.productId(), Types.BIGINT);
                insert.setString(4, kind.name());
                insert.setString(5, message);
                insert.setString(6, contact);
                insert.setString(7, network);
                insert.executeUpdate();
                try (ResultSet keys = insert.getGeneratedKeys()) {
                    keys.next();
                    return keys.getLong(1);
                }
            }
        });
    }
}
