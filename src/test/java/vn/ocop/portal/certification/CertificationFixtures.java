package vn.ocop.portal.certification;

import io.micronaut.transaction.TransactionOperations;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Producers, products and certificates made for one test (fresh names, so tests share nothing with the demo data or
 * each other). Every product gets its own product stamp, as the demo's products do, so its scan page exists.
 */
public final class CertificationFixtures {

    /** A product made for a test, and the address words that find it. */
    public record Made(long productId, long producerId, String slug, String name, String word) {}

    private final TransactionOperations<Connection> transactions;

    public CertificationFixtures(TransactionOperations<Connection> transactions) {
        this.transactions = transactions;
    }

    public static LocalDate today() {
        return CertificationDesk.today();
    }

    /** A producer of the province with one ornamental-plant product (group 05), and its product stamp. */
    public Made product(String province) {
        String word = "zqx" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        String name = "Kiểm thử " + word;
        return transactions.executeWrite(status -> {
            Connection connection = status.getConnection();
            long producer;
            try (PreparedStatement insert = connection.prepareStatement("""
                    insert into producer (name, type, registration_number, address_line, province_code,
                                          representative)
                    values (?, 'COOPERATIVE', ?, 'Số 1 đường Kiểm Thử', ?, 'Người Kiểm Thử') returning id
                    """)) {
                insert.setString(1, "Tổ kiểm thử " + word);
                insert.setString(2, "T" + word);
                insert.setString(3, province);
                producer = single(insert);
            }
            long product;
            try (PreparedStatement insert = connection.prepareStatement("""
                    insert into product (producer_id, group_code, name, slug, description)
                    values (?, '05', ?, ?, '') returning id
                    """)) {
                insert.setLong(1, producer);
                insert.setString(2, name);
                insert.setString(3, "kiem-thu-" + word);
                product = single(insert);
            }
            try (PreparedStatement insert = connection.prepareStatement(
                    "insert into stamp (serial, kind, product_id) values (?, 'PRODUCT', ?)")) {
                // Serials are 60 bits, as StampCodes draws them.
                insert.setLong(1, ThreadLocalRandom.current().nextLong() >>> 4);
                insert.setLong(2, product);
                insert.executeUpdate();
            }
            return new Made(product, producer, "kiem-thu-" + word, name, word);
        });
    }

    /** A valid certificate of the product (province level, 75 points: 4 stars) decided on {@code decided}. */
    public long certificate(long productId, String decisionNumber, LocalDate decided, LocalDate validUntil) {
        return transactions.executeWrite(status -> {
            try (PreparedStatement insert = status.getConnection().prepareStatement("""
                    insert into certification (product_id, decision_number, decision_date, issuing_body,
                                               issuing_level, score_a, score_b, score_c, valid_from, valid_until)
                    values (?, ?, ?, 'UBND tỉnh Kiểm Thử', 'PROVINCE', 30, 20, 25, ?, ?) returning id
                    """)) {
                insert.setLong(1, productId);
                insert.setString(2, decisionNumber);
                insert.setObject(3, decided);
                insert.setObject(4, decided);
                insert.setObject(5, validUntil);
                return single(insert);
            }
        });
    }

    private static long single(PreparedStatement statement) throws java.sql.SQLException {
        try (ResultSet row = statement.executeQuery()) {
            row.next();
            return row.getLong(1);
        }
    }
}
