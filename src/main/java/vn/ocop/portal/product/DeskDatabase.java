package vn.ocop.portal.product;

import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The desks' SQL through plain JDBC, one statement at a time, each joining the transaction around it
 * ({@link #inTransaction}) so that a write, its audit row and its version check commit together or not at all.
 */
@Singleton
class DeskDatabase {

    @FunctionalInterface
    interface RowMapper<T> {
        T map(ResultSet row) throws SQLException;
    }

    private final TransactionOperations<Connection> transactions;

    DeskDatabase(TransactionOperations<Connection> transactions) {
        this.transactions = transactions;
    }

    <T> T inTransaction(Supplier<T> work) {
        return transactions.executeWrite(status -> work.get());
    }

    <T> List<T> list(String sql, RowMapper<T> mapper, Object... parameters) {
        return transactions.executeRead(status -> {
            try (PreparedStatement statement = status.getConnection().prepareStatement(sql)) {
                bind(statement, parameters);
                List<T> rows = new ArrayList<>();
                try (ResultSet result = statement.executeQuery()) {
                    while (result.next()) {
                        rows.add(mapper.map(result));
                    }
                }
                return rows;
            }
        });
    }

    <T> Optional<T> one(String sql, RowMapper<T> mapper, Object... parameters) {
        List<T> rows = list(sql, mapper, parameters);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.getFirst());
    }

    long count(String sql, Object... parameters) {
        return one(sql, row -> row.getLong(1), parameters).orElse(0L);
    }

    int update(String sql, Object... parameters) {
        return transactions.executeWrite(status -> {
            try (PreparedStatement statement = status.getConnection().prepareStatement(sql)) {
                bind(statement, parameters);
                return statement.executeUpdate();
            }
        });
    }

    /** Runs an {@code insert ... returning id}. */
    long insert(String sql, Object... parameters) {
        return transactions.executeWrite(status -> {
            try (PreparedStatement statement = status.getConnection().prepareStatement(sql)) {
                bind(statement, parameters);
                try (ResultSet result = statement.executeQuery()) {
                    result.next();
                    return result.getLong(1);
                }
            }
        });
    }

    static Instant instant(ResultSet row, String column) throws SQLException {
        Timestamp value = row.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    static Long nullableLong(ResultSet row, String column) throws SQLException {
        long value = row.getLong(column);
        return row.wasNull() ? null : value;
    }

    static Integer nullableInt(ResultSet row, String column) throws SQLException {
        int value = row.getInt(column);
        return row.wasNull() ? null : value;
    }

    private static void bind(PreparedStatement statement, Object... parameters) throws SQLException {
        for (int i = 0; i < parameters.length; i++) {
            Object value = parameters[i];
            switch (value) {
                case null -> statement.setNull(i + 1, Types.NULL);
                case Instant at -> statement.setTimestamp(i + 1, Timestamp.from(at));
                case byte[] bytes -> statement.setBytes(i + 1, bytes);
                case Enum<?> constant -> statement.setString(i + 1, constant.name());
                default -> statement.setObject(i + 1, value);
            }
        }
    }
}
