package vn.ocop.portal.traceability.issuing;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import vn.ocop.portal.staff.Scope;

/** The products and batches of a staff scope the desk offers to issue stamps for (the newest batches first). */
@Singleton
class StampTargets {

    private static final String WITHIN = Scope.condition("pr.province_code", "p.producer_id");
    private static final int OFFERED = 500;

    /** Something stamps may be issued for: a product, or a batch (its lot and product). */
    record Target(long id, String label) {}

    private final TransactionOperations<Connection> transactions;

    StampTargets(TransactionOperations<Connection> transactions) {
        this.transactions = transactions;
    }

    List<Target> products(Scope scope) {
        return targets(
                "select p.id, p.name from product p join producer pr on pr.id = p.producer_id where " + WITHIN
                        + " order by p.name, p.id limit " + OFFERED,
                scope.bindings(new Object[0]));
    }

    /** The newest batches of the scope, and {@code wanted} among them wherever it is in the order. */
    List<Target> batches(Scope scope, @Nullable Long wanted) {
        return targets(
                "select b.id, b.lot_number || ' — ' || p.name from batch b join product p on p.id = b.product_id"
                        + " join producer pr on pr.id = p.producer_id where " + WITHIN
                        + " order by (b.id = ?) desc, b.production_date desc, b.id desc limit " + OFFERED,
                scope.bindings(new Object[0], wanted == null ? -1L : wanted));
    }

    Optional<Target> product(long id, Scope scope) {
        return targets(
                        "select p.id, p.name from product p join producer pr on pr.id = p.producer_id"
                                + " where p.id = ? and " + WITHIN,
                        scope.bindings(new Object[] {id}))
                .stream()
                .findFirst();
    }

    Optional<Target> batch(long id, Scope scope) {
        return targets(
                        "select b.id, b.lot_number from batch b join product p on p.id = b.product_id"
                                + " join producer pr on pr.id = p.producer_id where b.id = ? and " + WITHIN,
                        scope.bindings(new Object[] {id}))
                .stream()
                .findFirst();
    }

    private List<Target> targets(String sql, Object[] parameters) {
        return transactions.executeRead(status -> {
            try (PreparedStatement select = status.getConnection().prepareStatement(sql)) {
                for (int i = 0; i < parameters.length; i++) {
                    select.setObject(i + 1, parameters[i]);
                }
                List<Target> targets = new ArrayList<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        targets.add(new Target(rows.getLong(1), rows.getString(2)));
                    }
                }
                return targets;
            }
        });
    }
}
