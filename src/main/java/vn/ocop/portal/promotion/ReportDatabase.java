package vn.ocop.portal.promotion;

import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** The reports' reads through plain JDBC. */
@Singleton
class ReportDatabase {

    @FunctionalInterface
    interface RowMapper<T> {
        T map(ResultSet row) throws SQLException;
    }

    private final TransactionOperations<Connection> transactions;

    ReportDatabase(TransactionOperations<Connection> transactions) {
        this.transactions = transactions;
    }

    <T> List<T> list(String sql, RowMapper<T> mapper, Object... parameters) {
        return transactions.executeRead(status -> {
            try (PreparedStatement statement = status.getConnection().prepareStatement(sql)) {
                for (int i = 0; i < parameters.length; i++) {
                    switch (parameters[i]) {
                        case null -> statement.setNull(i + 1, Types.NULL);
                        case Instant at -> statement.setTimestamp(i + 1, Timestamp.from(at));
                        case LocalDate day -> statement.setObject(i + 1, day);
                        default -> statement.setObject(i + 1, parameters[i]);
                    }
                }
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

    static Instant instant(ResultSet row, String column) throws SQLException {
        Timestamp value = row.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    static Long nullableLong(ResultSet row, String column) throws SQLException {
        long value = row.getLong(column);
        return row.wasNull() ? null : value;
    }
}
