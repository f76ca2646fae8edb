package vn.ocop.portal.traceability;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Types;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reports of a problem from the public, stored for staff, with a rate limit per network (a few reports per network
 * per window) and one for the whole portal, so a flood cannot bury the real reports.
 */
@Singleton
class ProblemReports {

    static final int PER_NETWORK = 5;
    static final int OVERALL = 300;
    static final long WINDOW_MILLIS = 10 * 60_000L;

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
    private final Map<String, Deque<Long>> recent = new ConcurrentHashMap<>();
    private final Deque<Long> overall = new ArrayDeque<>();

    ProblemReports(TransactionOperations<Connection> transactions) {
        this.transactions = transactions;
    }

    /** Takes one report from the network's allowance; false when the network or the portal is over its limit. */
    boolean allow(String network, long now) {
        synchronized (overall) {
            prune(overall, now);
            if (overall.size() >= OVERALL) {
                return false;
            }
            Deque<Long> times = recent.computeIfAbsent(network, n -> new ArrayDeque<>());
            prune(times, now);
            if (times.size() >= PER_NETWORK) {
                return false;
            }
            times.addLast(now);
            overall.addLast(now);
            if (recent.size() > 10_000) {
                recent.values().removeIf(t -> {
                    prune(t, now);
                    return t.isEmpty();
                });
            }
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

    private static void prune(Deque<Long> times, long now) {
        while (!times.isEmpty() && times.peekFirst() < now - WINDOW_MILLIS) {
            times.pollFirst();
        }
    }
}
