package vn.ocop.portal.product;

import io.micronaut.transaction.TransactionOperations;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/** Producers and products made for one test (fresh names and numbers each), written straight into PostgreSQL. */
final class DeskFixtures {

    private static final AtomicLong COUNTER = new AtomicLong();

    private final TransactionOperations<Connection> transactions;

    DeskFixtures(TransactionOperations<Connection> transactions) {
        this.transactions = transactions;
    }

    /** A word no other record has, to find a test's records by. */
    static String unique() {
        return "t" + COUNTER.incrementAndGet()
                + UUID.randomUUID().toString().substring(0, 6).replace('-', 'x');
    }

    long producer(String province, String name) {
        return insert(
                "insert into producer (name, type, registration_number, address_line, province_code, representative)"
                        + " values (?, 'COOPERATIVE', ?, 'Thôn Một', ?, 'Nguyễn Văn A') returning id",
                name,
                Long.toString(ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_999_999_999L)),
                province);
    }

    /** A product with a valid 4-star certificate (listed in the catalogue). */
    long product(long producer, String name) {
        String slug = "desk-" + unique();
        long id = insert(
                "insert into product (producer_id, group_code, name, slug, description) values (?, '01', ?, ?, ?)"
                        + " returning id",
                producer,
                name,
                slug,
                "Mô tả ban đầu");
        LocalDate today = LocalDate.now();
        insert(
                "insert into certification (product_id, decision_number, decision_date, issuing_body, issuing_level,"
                        + " score_a, score_b, score_c, valid_from, valid_until)"
                        + " values (?, ?, ?, 'UBND tỉnh', 'PROVINCE', 30, 20, 25, ?, ?) returning id",
                id,
                "D-" + unique() + "/QĐ-UBND",
                today.minusDays(30),
                today.minusDays(30),
                today.plusDays(900));
        return id;
    }

    /** Gives the product its product stamp (shown on its public page while its certificate is in force). */
    void productStamp(long product) {
        insert(
                "insert into stamp (serial, kind, product_id) values (?, 'PRODUCT', ?) returning id",
                ThreadLocalRandom.current().nextLong() >>> 4,
                product);
    }

    String text(String sql, Object... parameters) {
        return transactions.executeRead(tx -> {
            try (PreparedStatement select = tx.getConnection().prepareStatement(sql)) {
                for (int i = 0; i < parameters.length; i++) {
                    select.setObject(i + 1, parameters[i]);
                }
                try (ResultSet row = select.executeQuery()) {
                    return row.next() ? row.getString(1) : null;
                }
            }
        });
    }

    private long insert(String sql, Object... parameters) {
        return transactions.executeWrite(tx -> {
            try (PreparedStatement insert = tx.getConnection().prepareStatement(sql)) {
                for (int i = 0; i < parameters.length; i++) {
                    insert.setObject(i + 1, parameters[i]);
                }
                try (ResultSet row = insert.executeQuery()) {
                    row.next();
                    return row.getLong(1);
                }
            }
        });
    }
}
