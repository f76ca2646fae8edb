package vn.ocop.portal.promotion;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.TransactionOperations;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Fairs, participants, results and display points written straight into the V060 and V061 tables, with the moments
 * they were recorded at, as the fair and display-point desks record them (a history row per state).
 */
public final class PromotionFixtures {

    private final TransactionOperations<Connection> transactions;

    public PromotionFixtures(TransactionOperations<Connection> transactions) {
        this.transactions = transactions;
    }

    /** An announced fair (its status history from {@code recorded}). */
    public long fair(
            String name, String province, @Nullable String keptBy, LocalDate starts, LocalDate ends, Instant recorded) {
        return fair(name, province, keptBy, starts, ends, "ANNOUNCED", recorded);
    }

    public long fair(
            String name,
            String province,
            @Nullable String keptBy,
            LocalDate starts,
            LocalDate ends,
            String status,
            Instant recorded) {
        long id = insert(
                "insert into fair (name, kind, organiser, venue, address_line, province_code, starts_on, ends_on,"
                        + " status, managed_by_province, created_at, updated_at) values (?, 'FAIR', 'Sở Công Thương',"
                        + " 'Trung tâm Hội chợ', 'Số 1 đường Hội Chợ', ?, ?, ?, ?, ?, ?, ?) returning id",
                name,
                province,
                starts,
                ends,
                status,
                keptBy,
                recorded,
                recorded);
        fairStatus(id, status, recorded);
        return id;
    }

    public void fairStatus(long fair, String status, Instant recorded) {
        insert(
                "insert into fair_status_change (fair_id, status, recorded_by, recorded_at) values (?, ?, 'test', ?)"
                        + " returning id",
                fair,
                status,
                recorded);
    }

    /** A participation that was applied for and then took {@code state}, both recorded at {@code recorded}. */
    public long participant(long fair, long producer, String state, Instant recorded, long... products) {
        long id = insert(
                "insert into fair_participant (fair_id, producer_id, state, booth, applied_by, applied_at, decided_by,"
                        + " decided_at) values (?, ?, ?, ?, 'test', ?, 'test', ?) returning id",
                fair,
                producer,
                state,
                // A booth of its own: one booth per fair (V062).
                state.equals("ACCEPTED") ? "B" + producer : null,
                recorded,
                recorded);
        state(id, "APPLIED", recorded);
        if (!state.equals("APPLIED")) {
            state(id, state, recorded);
        }
        for (long product : products) {
            insert(
                    "insert into fair_participant_product (participant_id, product_id) values (?, ?)"
                            + " returning participant_id",
                    id,
                    product);
        }
        return id;
    }

    public void state(long participant, String state, Instant recorded) {
        insert(
                "insert into fair_participant_state_change (participant_id, state, recorded_by, recorded_at)"
                        + " values (?, ?, 'test', ?) returning id",
                participant,
                state,
                recorded);
        insert("update fair_participant set state = ? where id = ? returning id", state, participant);
    }

    public long result(long participant, long sales, int contracts, int memoranda, int visitors, Instant recorded) {
        return insert(
                "insert into fair_result (participant_id, sales_vnd, contracts, memoranda, visitors, recorded_by,"
                        + " recorded_at) values (?, ?, ?, ?, ?, 'test', ?) returning id",
                participant,
                sales,
                contracts,
                memoranda,
                visitors,
                recorded);
    }

    /** A display point far out at sea (no visitor's "near me" finds it), with its opening recorded. */
    public long point(String name, String province, LocalDate opened, Instant recorded) {
        long id = insert(
                "insert into display_point (kind, name, operator, address_line, province_code, latitude, longitude,"
                        + " status, opened_on, status_since, created_at, updated_at) values ('OTHER', ?, 'Thử',"
                        + " 'Số 1 đường Thử', ?, 8.5, 112.5, 'OPEN', ?, ?, ?, ?) returning id",
                name,
                province,
                opened,
                opened,
                recorded,
                recorded);
        pointStatus(id, "OPEN", opened, recorded);
        return id;
    }

    public void pointStatus(long point, String status, LocalDate effective, Instant recorded) {
        insert(
                "insert into display_point_status_change (point_id, status, effective_on, recorded_at)"
                        + " values (?, ?, ?, ?) returning id",
                point,
                status,
                effective,
                recorded);
        insert(
                "update display_point set status = ?, status_since = ? where id = ? returning id",
                status,
                effective,
                point);
    }

    /** A shelf line: confirmed (at {@code confirmed}) or only proposed (null). */
    public void line(long point, long product, @Nullable Instant confirmed) {
        insert(
                "insert into display_point_product (point_id, product_id, price_vnd, in_stock, state, last_confirmed_at)"
                        + " values (?, ?, 50000, true, ?, ?) returning point_id",
                point,
                product,
                confirmed == null ? "PROPOSED" : "CONFIRMED",
                confirmed);
    }

    public void rename(String table, long id, String name) {
        insert("update " + table + " set name = ? where id = ? returning id", name, id);
    }

    private long insert(String sql, Object... parameters) {
        return transactions.executeWrite(status -> {
            try (PreparedStatement statement = status.getConnection().prepareStatement(sql)) {
                for (int i = 0; i < parameters.length; i++) {
                    switch (parameters[i]) {
                        case null -> statement.setNull(i + 1, Types.NULL);
                        case Instant at -> statement.setTimestamp(i + 1, Timestamp.from(at));
                        default -> statement.setObject(i + 1, parameters[i]);
                    }
                }
                try (ResultSet row = statement.executeQuery()) {
                    return row.next() ? row.getLong(1) : 0L;
                }
            } catch (SQLException e) {
                throw new IllegalStateException(sql, e);
            }
        });
    }
}
