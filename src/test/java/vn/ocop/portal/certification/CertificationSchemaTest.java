package vn.ocop.portal.certification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The database keeps the certification rules even against a bypassing writer; every test rolls back. */
@MicronautTest(transactional = false)
class CertificationSchemaTest {

    @Inject
    TransactionOperations<Connection> transactions;

    @ParameterizedTest(name = "A={0} B={1} C={2} is stored with {3} stars")
    @CsvSource({"20, 10, 20, 3", "30, 19, 20, 3", "30, 20, 20, 4", "35, 24, 30, 4", "36, 24, 30, 5", "40, 25, 35, 5"})
    void shouldDeriveStoredStarsLikeTheDomain(int a, int b, int c, int stars) throws SQLException {
        int stored = inRolledBackTransaction(connection -> {
            String level = a + b + c >= 90 ? "MINISTRY" : "PROVINCE";
            long id = insertCertification(connection, a, b, c, level, LocalDate.of(2025, 9, 1));
            try (ResultSet row = connection
                    .createStatement()
                    .executeQuery("select stars, total_score from certification where id = " + id)) {
                row.next();
                assertEquals(a + b + c, row.getInt("total_score"));
                return row.getInt("stars");
            }
        });
        assertEquals(stars, stored);
        assertEquals(new Score(a, b, c).stars(), stored);
    }

    @ParameterizedTest(name = "A={0} B={1} C={2} is refused")
    @CsvSource({"41, 20, 30", "30, 26, 30", "30, 20, 36", "-1, 25, 35", "10, 10, 10"})
    void shouldRefusePartScoresOutOfRangeAndTotalsBelowThreeStars(int a, int b, int c) {
        SQLException refused = assertThrows(
                SQLException.class,
                () -> inRolledBackTransaction(
                        connection -> insertCertification(connection, a, b, c, "MINISTRY", LocalDate.of(2025, 9, 1))));
        assertEquals("23514", refused.getSQLState(), "a check constraint refuses it");
    }

    @Test
    void shouldRefuseDistrictCertificatesAfterTheReform() {
        SQLException refused = assertThrows(
                SQLException.class,
                () -> inRolledBackTransaction(connection ->
                        insertCertification(connection, 25, 15, 20, "DISTRICT", LocalDate.of(2025, 7, 1))));
        assertEquals("23514", refused.getSQLState());
    }

    @Test
    void shouldAcceptDistrictCertificatesBeforeTheReform() throws SQLException {
        long id = inRolledBackTransaction(
                connection -> insertCertification(connection, 25, 15, 20, "DISTRICT", LocalDate.of(2025, 6, 30)));
        assertTrue(id > 0);
    }

    @Test
    void shouldReserveFiveStarsForTheMinistry() {
        assertThrows(
                SQLException.class,
                () -> inRolledBackTransaction(connection ->
                        insertCertification(connection, 38, 24, 33, "PROVINCE", LocalDate.of(2025, 9, 1))));
    }

    private long insertCertification(Connection connection, int a, int b, int c, String level, LocalDate decided)
            throws SQLException {
        long productId = anyProductId(connection);
        try (PreparedStatement insert = connection.prepareStatement("""
                insert into certification (product_id, decision_number, decision_date, issuing_body, issuing_level,
                    score_a, score_b, score_c, valid_from, valid_until)
                values (?, ?, ?, 'Test body', ?, ?, ?, ?, ?, ?) returning id
                """)) {
            insert.setLong(1, productId);
            insert.setString(2, "TEST-" + System.nanoTime() + "/QĐ-UBND");
            insert.setObject(3, decided);
            insert.setString(4, level);
            insert.setInt(5, a);
            insert.setInt(6, b);
            insert.setInt(7, c);
            insert.setObject(8, decided);
            insert.setObject(9, decided.plusMonths(Certification.VALIDITY_MONTHS));
            try (ResultSet key = insert.executeQuery()) {
                key.next();
                return key.getLong(1);
            }
        }
    }

    private static long anyProductId(Connection connection) throws SQLException {
        try (ResultSet row = connection.createStatement().executeQuery("select min(id) from product")) {
            row.next();
            long id = row.getLong(1);
            assertTrue(id > 0, "the demo catalogue is loaded in tests");
            return id;
        }
    }

    private <T> T inRolledBackTransaction(SqlWork<T> work) throws SQLException {
        try {
            return transactions.executeWrite(status -> {
                try {
                    return work.apply(status.getConnection());
                } finally {
                    status.setRollbackOnly();
                }
            });
        } catch (RuntimeException e) {
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof SQLException sql) {
                    throw sql;
                }
            }
            throw e;
        }
    }

    @FunctionalInterface
    interface SqlWork<T> {
        T apply(Connection connection) throws SQLException;
    }
}
