package vn.ocop.portal.support;

import io.micronaut.transaction.TransactionOperations;
import java.sql.Connection;
import java.sql.ResultSet;

/** One-value queries against the test database, for tests that check what a page or a loader left there. */
public final class Sql {

    private Sql() {}

    /** The first column of the first row as a number, e.g. of {@code select count(*) ...}. */
    public static long number(TransactionOperations<Connection> transactions, String sql) {
        return transactions.executeRead(status -> {
            try (ResultSet row = status.getConnection().createStatement().executeQuery(sql)) {
                row.next();
                return row.getLong(1);
            }
        });
    }

    /** The first column of the first row as text. */
    public static String text(TransactionOperations<Connection> transactions, String sql) {
        return transactions.executeRead(status -> {
            try (ResultSet row = status.getConnection().createStatement().executeQuery(sql)) {
                row.next();
                return row.getString(1);
            }
        });
    }

    /** Runs a statement that changes rows; returns how many it changed. */
    public static int update(TransactionOperations<Connection> transactions, String sql) {
        return transactions.executeWrite(status -> {
            try (var statement = status.getConnection().createStatement()) {
                return statement.executeUpdate(sql);
            }
        });
    }
}
