package vn.ocop.portal.traceability;

import io.micronaut.transaction.TransactionOperations;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.time.ZoneId;

/** Finds demo stamps by the status of their product's current certificate, counted independently of the page. */
public final class StampFixtures {

    public static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"));

    private final TransactionOperations<Connection> transactions;

    public StampFixtures(TransactionOperations<Connection> transactions) {
        this.transactions = transactions;
    }

    /** A demo stamp of the given kind whose product's latest certificate is in the given status. */
    public Stamp stamp(String status, StampKind kind) {
        String condition = switch (status) {
            case "VALID" -> "c.status = 'VALID' and c.valid_until > ?::date + 30";
            case "EXPIRING" -> "c.status = 'VALID' and c.valid_until between ?::date and ?::date + 30";
            case "EXPIRED" -> "c.status = 'VALID' and c.valid_until < ?::date";
            default -> "c.status = '" + status + "' and ?::date is not null";
        };
        String sql = "select s.id, s.serial, s.product_id, s.batch_id from stamp s"
                + " join current_certification c on c.product_id = s.product_id"
                + " where s.kind = '" + kind.name() + "' and " + condition + " order by s.id limit 1";
        return transactions.executeRead(tx -> {
            try (PreparedStatement select = tx.getConnection().prepareStatement(sql)) {
                select.setObject(1, TODAY);
                if (status.equals("EXPIRING")) {
                    select.setObject(2, TODAY);
                }
                try (ResultSet row = select.executeQuery()) {
                    if (!row.next()) {
                        throw new AssertionError("the demo data has no " + kind + " stamp of a " + status + " product");
                    }
                    return new Stamp(
                            row.getLong(1),
                            row.getLong(2),
                            kind,
                            row.getLong(3),
                            (Long) row.getObject(4),
                            null,
                            0,
                            null,
                            0);
                }
            }
        });
    }

    /** One value of a query, as text. */
    public String value(String sql, Object... parameters) {
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

    /** Runs a statement that changes rows. */
    public void update(String sql, Object... parameters) {
        transactions.executeWrite(tx -> {
            try (PreparedStatement statement = tx.getConnection().prepareStatement(sql)) {
                for (int i = 0; i < parameters.length; i++) {
                    statement.setObject(i + 1, parameters[i]);
                }
                return statement.executeUpdate();
            }
        });
    }

    /** The first column of every row of a query, as text. */
    public java.util.List<String> values(String sql) {
        return transactions.executeRead(tx -> {
            try (PreparedStatement select = tx.getConnection().prepareStatement(sql);
                    ResultSet row = select.executeQuery()) {
                java.util.List<String> values = new java.util.ArrayList<>();
                while (row.next()) {
                    values.add(row.getString(1));
                }
                return values;
            }
        });
    }

    /**
     * Removes batches a test recorded, with their events, stamps and stamp runs: other tests check that every batch
     * is a demo batch as the demo loaded it (six events, one batch stamp per product, EPCIS documents).
     */
    public void removeBatches(java.util.Collection<Long> ids) {
        if (ids.isEmpty()) {
            return;
        }
        transactions.executeWrite(tx -> {
            java.sql.Array array = tx.getConnection().createArrayOf("bigint", ids.toArray());
            for (String sql : new String[] {
                "delete from stamp_network where stamp_id in (select id from stamp where batch_id = any(?))",
                "delete from stamp where batch_id = any(?)",
                "delete from stamp_issue where batch_id = any(?)",
                "delete from trace_event where batch_id = any(?)",
                "delete from batch where id = any(?)"
            }) {
                try (PreparedStatement statement = tx.getConnection().prepareStatement(sql)) {
                    statement.setArray(1, array);
                    statement.executeUpdate();
                }
            }
            return null;
        });
    }
}
