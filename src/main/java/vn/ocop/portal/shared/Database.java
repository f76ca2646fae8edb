package vn.ocop.portal.shared;

import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Array;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Time;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Plain JDBC for the desks and the staff tables: one statement at a time, each joining the transaction around it
 * when there is one ({@link #inTransaction}), so that a write, its version check and its audit row commit together
 * or not at all. Parameters may be {@code null}, {@link Instant}, {@link LocalDate}, {@link LocalTime}, an enum (its
 * name), {@code byte[]}, {@link Json}, {@link TextArray} or anything the driver takes as it is.
 */
@Singleton
public class Database {

    /** Reads one row. */
    @FunctionalInterface
    public interface RowMapper<T> {
        T map(ResultSet row) throws SQLException;
    }

    /** A {@code jsonb} parameter. */
    public record Json(String text) {}

    /** A {@code text[]} parameter. */
    public record TextArray(List<String> values) {}

    private final TransactionOperations<Connection> transactions;

    Database(TransactionOperations<Connection> transactions) {
        this.transactions = transactions;
    }

    public <T> T inTransaction(Supplier<T> work) {
        return transactions.executeWrite(status -> work.get());
    }

    public <T> List<T> list(String sql, RowMapper<T> mapper, Object... parameters) {
        return transactions.executeRead(status -> {
            try (PreparedStatement statement = status.getConnection().prepareStatement(sql)) {
                bind(status.getConnection(), statement, parameters);
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

    public <T> Optional<T> one(String sql, RowMapper<T> mapper, Object... parameters) {
        List<T> rows = list(sql, mapper, parameters);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.getFirst());
    }

    public long count(String sql, Object... parameters) {
        return one(sql, row -> row.getLong(1), parameters).orElse(0L);
    }

    public int update(String sql, Object... parameters) {
        return transactions.executeWrite(status -> {
            try (PreparedStatement statement = status.getConnection().prepareStatement(sql)) {
                bind(status.getConnection(), statement, parameters);
                return statement.executeUpdate();
            }
        });
    }

    /** Runs an {@code insert ... returning id}. */
    public long insert(String sql, Object... parameters) {
        return transactions.executeWrite(status -> {
            try (PreparedStatement statement = status.getConnection().prepareStatement(sql)) {
                bind(status.getConnection(), statement, parameters);
                try (ResultSet result = statement.executeQuery()) {
                    result.next();
                    return result.getLong(1);
                }
            }
        });
    }

    public static Instant instant(ResultSet row, String column) throws SQLException {
        Timestamp value = row.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    public static LocalDate date(ResultSet row, String column) throws SQLException {
        Date value = row.getDate(column);
        return value == null ? null : value.toLocalDate();
    }

    public static LocalTime time(ResultSet row, String column) throws SQLException {
        Time value = row.getTime(column);
        return value == null ? null : value.toLocalTime();
    }

    public static Long nullableLong(ResultSet row, String column) throws SQLException {
        long value = row.getLong(column);
        return row.wasNull() ? null : value;
    }

    public static Integer nullableInt(ResultSet row, String column) throws SQLException {
        int value = row.getInt(column);
        return row.wasNull() ? null : value;
    }

    public static List<String> texts(ResultSet row, String column) throws SQLException {
        Array array = row.getArray(column);
        return array == null ? List.of() : List.of((String[]) array.getArray());
    }

    private static void bind(Connection connection, PreparedStatement statement, Object... parameters)
            throws SQLException {
        for (int i = 0; i < parameters.length; i++) {
            Object value = parameters[i];
            switch (value) {
                case null -> statement.setNull(i + 1, Types.NULL);
                case Instant at -> statement.setTimestamp(i + 1, Timestamp.from(at));
                case LocalDate day -> statement.setObject(i + 1, day);
                case LocalTime time -> statement.setObject(i + 1, time);
                case byte[] bytes -> statement.setBytes(i + 1, bytes);
                case Enum<?> constant -> statement.setString(i + 1, constant.name());
                case Json json -> statement.setObject(i + 1, json.text(), Types.OTHER);
                case TextArray array ->
                    statement.setArray(
                            i + 1,
                            connection.createArrayOf("text", array.values().toArray()));
                default -> statement.setObject(i + 1, value);
            }
        }
    }
}
