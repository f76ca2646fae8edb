package vn.ocop.portal.fair;

import io.micronaut.transaction.TransactionOperations;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Fairs, producers and products made for one test (fresh names, so tests share nothing with the demo data or each
 * other). Products are ornamental plants (group 05) with their own product stamp and no certificate, as other
 * tests' products are, so the catalogue's counts do not move.
 */
public final class FairFixtures {

    /** A producer made for a test and its products. */
    public record Maker(long producerId, String registration, String name, long[] products) {}

    private final TransactionOperations<Connection> transactions;

    public FairFixtures(TransactionOperations<Connection> transactions) {
        this.transactions = transactions;
    }

    public static LocalDate today() {
        return FairDeskController.today();
    }

    /** A fair of a venue province, kept by {@code managedBy} (null: national). */
    public long fair(
            String name,
            String province,
            String managedBy,
            String status,
            LocalDate startsOn,
            LocalDate endsOn,
            LocalDate applicationsUntil) {
        return transactions.executeWrite(tx -> {
            try (PreparedStatement insert = tx.getConnection().prepareStatement("""
                    insert into fair (name, kind, organiser, venue, address_line, province_code, managed_by_province,
                        latitude, longitude, starts_on, ends_on, applications_until, description, status)
                    values (?, 'FAIR', 'Sở Công Thương Kiểm Thử', 'Nhà thi đấu Kiểm Thử', 'Số 1 đường Kiểm Thử', ?,
                        ?, 21.03, 105.85, ?, ?, ?, 'Một hội chợ để kiểm thử.', ?) returning id
                    """)) {
                insert.setString(1, name);
                insert.setString(2, province);
                insert.setString(3, managedBy);
                insert.setObject(4, startsOn);
                insert.setObject(5, endsOn);
                insert.setObject(6, applicationsUntil);
                insert.setString(7, status);
                return single(insert);
            }
        });
    }

    /** An announced fair of the province, kept by it, taking applications for ten more days. */
    public long openFair(String name, String province) {
        LocalDate today = today();
        return fair(name, province, province, "ANNOUNCED", today.plusDays(20), today.plusDays(23), today.plusDays(10));
    }

    /** A producer of the province with {@code count} products. */
    public Maker producer(String province, int count) {
        String word = "fq" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        return transactions.executeWrite(tx -> {
            Connection connection = tx.getConnection();
            long producer;
            try (PreparedStatement insert = connection.prepareStatement("""
                    insert into producer (name, type, registration_number, address_line, province_code,
                                          representative)
                    values (?, 'COOPERATIVE', ?, 'Số 1 đường Kiểm Thử', ?, 'Người Kiểm Thử') returning id
                    """)) {
                insert.setString(1, "HTX hội chợ " + word);
                insert.setString(2, "F" + word);
                insert.setString(3, province);
                producer = single(insert);
            }
            long[] products = new long[count];
            for (int i = 0; i < count; i++) {
                try (PreparedStatement insert = connection.prepareStatement("""
                        insert into product (producer_id, group_code, name, slug, description)
                        values (?, '05', ?, ?, '') returning id
                        """)) {
                    insert.setLong(1, producer);
                    insert.setString(2, "Cây cảnh hội chợ " + word + " " + (i + 1));
                    insert.setString(3, "cay-canh-hoi-cho-" + word + "-" + (i + 1));
                    products[i] = single(insert);
                }
                try (PreparedStatement insert = connection.prepareStatement(
                        "insert into stamp (serial, kind, product_id) values (?, 'PRODUCT', ?)")) {
                    insert.setLong(1, ThreadLocalRandom.current().nextLong() >>> 4);
                    insert.setLong(2, products[i]);
                    insert.executeUpdate();
                }
            }
            return new Maker(producer, "F" + word, "HTX hội chợ " + word, products);
        });
    }

    /** A participant in a state, with a booth (or null) and products. */
    public long participant(long fairId, long producerId, String state, String booth, long... products) {
        return transactions.executeWrite(tx -> {
            Connection connection = tx.getConnection();
            long id;
            try (PreparedStatement insert = connection.prepareStatement(
                    "insert into fair_participant (fair_id, producer_id, state, booth, applied_by)"
                            + " values (?, ?, ?, ?, 'test') returning id")) {
                insert.setLong(1, fairId);
                insert.setLong(2, producerId);
                insert.setString(3, state);
                insert.setString(4, booth);
                id = single(insert);
            }
            for (long product : products) {
                try (PreparedStatement insert = connection.prepareStatement(
                        "insert into fair_participant_product (participant_id, product_id) values (?, ?)")) {
                    insert.setLong(1, id);
                    insert.setLong(2, product);
                    insert.executeUpdate();
                }
            }
            return id;
        });
    }

    /** A row of results of a participant. */
    public void result(long participantId, long salesVnd, int contracts, int memoranda, Integer visitors) {
        transactions.executeWrite(tx -> {
            try (PreparedStatement insert = tx.getConnection()
                    .prepareStatement(
                            "insert into fair_result (participant_id, sales_vnd, contracts, memoranda, visitors,"
                                    + " recorded_by) values (?, ?, ?, ?, ?, 'test')")) {
                insert.setLong(1, participantId);
                insert.setLong(2, salesVnd);
                insert.setInt(3, contracts);
                insert.setInt(4, memoranda);
                insert.setObject(5, visitors);
                return insert.executeUpdate();
            }
        });
    }

    private static long single(PreparedStatement statement) throws SQLException {
        try (ResultSet row = statement.executeQuery()) {
            row.next();
            return row.getLong(1);
        }
    }
}
