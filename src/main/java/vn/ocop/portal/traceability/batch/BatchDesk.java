package vn.ocop.portal.traceability.batch;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.ocop.portal.shared.VietnamTime;
import vn.ocop.portal.shared.VietnameseText;
import vn.ocop.portal.staff.AuditLog;
import vn.ocop.portal.staff.Scope;
import vn.ocop.portal.staff.Staff;
import vn.ocop.portal.traceability.TraceEventType;

/**
 * The batches and traceability events of a staff scope: every query takes the caller's scope (an officer's province,
 * a producer account's own producer), so another scope's batch is as unknown as a missing one; every write is
 * audited. What the public sees follows at once: the database announces every batch and event change to the scan
 * page caches (migration V006).
 */
@Singleton
class BatchDesk {

    private static final String WITHIN = Scope.condition("pr.province_code", "p.producer_id");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

    /** A batch as the desk shows it. */
    record BatchRow(
            long id,
            long productId,
            String productName,
            String lotNumber,
            LocalDate productionDate,
            @Nullable LocalDate expiryDate,
            int quantity,
            @Nullable String originCommuneCode,
            @Nullable String originCommuneName,
            String originText,
            String provinceCode,
            long producerId,
            long events) {

        public String productionDateShown() {
            return DAY.format(productionDate);
        }

        Map<String, Object> audited() {
            Map<String, Object> values = new LinkedHashMap<>();
            values.put("product", productId);
            values.put("lot", lotNumber);
            values.put("productionDate", productionDate.toString());
            values.put("expiryDate", expiryDate == null ? null : expiryDate.toString());
            values.put("quantity", quantity);
            values.put("originCommune", originCommuneCode);
            values.put("originText", originText);
            return values;
        }
    }

    /** A traceability event as the desk shows it, in Vietnam time. */
    record EventRow(
            long id,
            long batchId,
            TraceEventType type,
            Instant occurredAt,
            String what,
            String place,
            @Nullable String placeCommuneCode,
            @Nullable String placeCommuneName,
            String why) {

        public String occurredAtShown() {
            return SHOWN.format(occurredAt.atZone(VietnamTime.ZONE));
        }

        /** The value of a {@code datetime-local} field. */
        public String occurredAtLocal() {
            return occurredAt
                    .atZone(VietnamTime.ZONE)
                    .toLocalDateTime()
                    .withSecond(0)
                    .toString();
        }

        Map<String, Object> audited() {
            Map<String, Object> values = new LinkedHashMap<>();
            values.put("type", type.name());
            values.put("occurredAt", occurredAt.toString());
            values.put("what", what);
            values.put("place", place);
            values.put("placeCommune", placeCommuneCode);
            values.put("why", why);
            return values;
        }
    }

    /** A product a batch may be recorded for. */
    record ProductOption(long id, String name, String provinceCode) {}

    /** A commune offered for an origin or a place. */
    record CommuneOption(String code, String name) {}

    /** What the list is filtered by. */
    record Filter(
            String text,
            @Nullable Long productId,
            @Nullable LocalDate from,
            @Nullable LocalDate to) {}

    /** A batch's fields, as checked by {@link BatchForm}. */
    record BatchValues(
            long productId,
            String lotNumber,
            LocalDate productionDate,
            @Nullable LocalDate expiryDate,
            int quantity,
            @Nullable String originCommuneCode,
            String originText) {}

    /** An event's fields, as checked by {@link EventForm}. */
    record EventValues(
            TraceEventType type,
            LocalDateTime occurredAt,
            String what,
            String place,
            @Nullable String placeCommuneCode,
            String why) {

        Instant instant() {
            return occurredAt.atZone(VietnamTime.ZONE).toInstant();
        }
    }

    private final TransactionOperations<Connection> transactions;
    private final AuditLog audit;

    BatchDesk(TransactionOperations<Connection> transactions, AuditLog audit) {
        this.transactions = transactions;
        this.audit = audit;
    }

    private static final String SELECT_BATCH = """
            select b.id, b.product_id, p.name, b.lot_number, b.production_date, b.expiry_date, b.quantity,
                   b.origin_commune_code, c.name, b.origin_text, pr.province_code, p.producer_id,
                   (select count(*) from trace_event e where e.batch_id = b.id)
            from batch b join product p on p.id = b.product_id join producer pr on pr.id = p.producer_id
            left join commune c on c.code = b.origin_commune_code
            """;

    List<BatchRow> list(Scope scope, Filter filter, int offset, int limit) {
        List<Object> parameters = new ArrayList<>();
        String where = where(scope, filter, parameters);
        parameters.add(offset);
        parameters.add(limit);
        return rows(
                SELECT_BATCH + where + " order by b.production_date desc, b.id desc offset ? limit ?",
                BatchDesk::batch,
                parameters.toArray());
    }

    long count(Scope scope, Filter filter) {
        List<Object> parameters = new ArrayList<>();
        String where = where(scope, filter, parameters);
        return rows(
                        "select count(*) from batch b join product p on p.id = b.product_id"
                                + " join producer pr on pr.id = p.producer_id" + where,
                        row -> row.getLong(1),
                        parameters.toArray())
                .getFirst();
    }

    private static String where(Scope scope, Filter filter, List<Object> parameters) {
        StringBuilder where = new StringBuilder(" where ").append(WITHIN);
        parameters.addAll(java.util.Arrays.asList(scope.bindings(new Object[0])));
        if (!filter.text().isBlank()) {
            // The lot, or a part of the product's name (Vietnamese as typed, in NFC).
            where.append(" and (b.lot_number ilike ? or lower(p.name) like lower(?))");
            String like = "%" + escapeLike(VietnameseText.nfc(filter.text().strip())) + "%";
            parameters.add(like);
            parameters.add(like);
        }
        if (filter.productId() != null) {
            where.append(" and b.product_id = ?");
            parameters.add(filter.productId());
        }
        if (filter.from() != null) {
            where.append(" and b.production_date >= ?");
            parameters.add(filter.from());
        }
        if (filter.to() != null) {
            where.append(" and b.production_date <= ?");
            parameters.add(filter.to());
        }
        return where.toString();
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    Optional<BatchRow> one(long id, Scope scope) {
        return rows(SELECT_BATCH + " where b.id = ? and " + WITHIN, BatchDesk::batch, scope.bindings(new Object[] {id}))
                .stream()
                .findFirst();
    }

    /** The province of a producer (for a producer account's communes). */
    Optional<String> producerProvince(long producerId) {
        return rows("select province_code from producer where id = ?", row -> row.getString(1), producerId).stream()
                .findFirst();
    }

    Optional<ProductOption> product(long id, Scope scope) {
        return rows(
                        "select p.id, p.name, pr.province_code from product p join producer pr on pr.id = p.producer_id"
                                + " where p.id = ? and " + WITHIN,
                        row -> new ProductOption(row.getLong(1), row.getString(2), row.getString(3)),
                        scope.bindings(new Object[] {id}))
                .stream()
                .findFirst();
    }

    /** The communes of a province, by name (offered for origins and places; any commune may be typed). */
    List<CommuneOption> communes(@Nullable String provinceCode) {
        if (provinceCode == null) {
            return List.of();
        }
        return rows(
                "select code, name from commune where province_code = ? order by name",
                row -> new CommuneOption(row.getString(1), row.getString(2)),
                provinceCode);
    }

    boolean communeExists(String code) {
        return !rows("select 1 from commune where code = ?", row -> 1, code).isEmpty();
    }

    boolean lotTaken(long productId, String lot, @Nullable Long exceptBatch) {
        return !rows(
                        "select 1 from batch where product_id = ? and lot_number = ? and id is distinct from ?",
                        row -> 1,
                        productId,
                        lot,
                        exceptBatch)
                .isEmpty();
    }

    long create(Staff staff, BatchValues values, ProductOption product) {
        return transactions.executeWrite(status -> {
            long id;
            try (PreparedStatement insert = status.getConnection().prepareStatement("""
                    insert into batch (product_id, lot_number, production_date, expiry_date, quantity,
                                       origin_commune_code, origin_text)
                    values (?, ?, ?, ?, ?, ?, ?) returning id
                    """)) {
                bindBatch(insert, values);
                try (ResultSet row = insert.executeQuery()) {
                    row.next();
                    id = row.getLong(1);
                }
            }
            BatchRow created = one(status.getConnection(), id);
            audit.record(
                    staff,
                    "batch.create",
                    "batch",
                    id,
                    created.provinceCode(),
                    created.producerId(),
                    null,
                    created.audited());
            return id;
        });
    }

    void update(Staff staff, BatchRow before, BatchValues values) {
        transactions.executeWrite(status -> {
            try (PreparedStatement update = status.getConnection().prepareStatement("""
                    update batch set product_id = ?, lot_number = ?, production_date = ?, expiry_date = ?,
                                     quantity = ?, origin_commune_code = ?, origin_text = ?
                    where id = ?
                    """)) {
                bindBatch(update, values);
                update.setLong(8, before.id());
                update.executeUpdate();
            }
            BatchRow after = one(status.getConnection(), before.id());
            audit.record(
                    staff,
                    "batch.update",
                    "batch",
                    before.id(),
                    after.provinceCode(),
                    after.producerId(),
                    before.audited(),
                    after.audited());
            return null;
        });
    }

    /** The batch's events in the order they happened (recorded order among events of the same minute). */
    List<EventRow> events(long batchId) {
        return rows("""
                select e.id, e.batch_id, e.type, e.occurred_at, e.what, e.place, e.place_commune_code, c.name, e.why
                from trace_event e left join commune c on c.code = e.place_commune_code
                where e.batch_id = ? order by e.occurred_at, e.id
                """, BatchDesk::event, batchId);
    }

    Optional<EventRow> event(BatchRow batch, long eventId) {
        return events(batch.id()).stream().filter(e -> e.id() == eventId).findFirst();
    }

    long addEvent(Staff staff, BatchRow batch, EventValues values) {
        return transactions.executeWrite(status -> {
            long id;
            try (PreparedStatement insert = status.getConnection().prepareStatement("""
                    insert into trace_event (batch_id, type, occurred_at, what, place, place_commune_code, why)
                    values (?, ?, ?, ?, ?, ?, ?) returning id
                    """)) {
                insert.setLong(1, batch.id());
                bindEvent(insert, 2, values);
                try (ResultSet row = insert.executeQuery()) {
                    row.next();
                    id = row.getLong(1);
                }
            }
            Map<String, Object> after = new LinkedHashMap<>(eventValues(values));
            after.put("batch", batch.id());
            audit.record(
                    staff,
                    "trace_event.create",
                    "trace_event",
                    id,
                    batch.provinceCode(),
                    batch.producerId(),
                    null,
                    after);
            return id;
        });
    }

    void updateEvent(Staff staff, BatchRow batch, EventRow before, EventValues values) {
        transactions.executeWrite(status -> {
            try (PreparedStatement update = status.getConnection().prepareStatement("""
                    update trace_event set type = ?, occurred_at = ?, what = ?, place = ?, place_commune_code = ?,
                                           why = ?
                    where id = ? and batch_id = ?
                    """)) {
                bindEvent(update, 1, values);
                update.setLong(7, before.id());
                update.setLong(8, batch.id());
                update.executeUpdate();
            }
            audit.record(
                    staff,
                    "trace_event.update",
                    "trace_event",
                    before.id(),
                    batch.provinceCode(),
                    batch.producerId(),
                    before.audited(),
                    eventValues(values));
            return null;
        });
    }

    void deleteEvent(Staff staff, BatchRow batch, EventRow before) {
        transactions.executeWrite(status -> {
            try (PreparedStatement delete =
                    status.getConnection().prepareStatement("delete from trace_event where id = ? and batch_id = ?")) {
                delete.setLong(1, before.id());
                delete.setLong(2, batch.id());
                delete.executeUpdate();
            }
            audit.record(
                    staff,
                    "trace_event.delete",
                    "trace_event",
                    before.id(),
                    batch.provinceCode(),
                    batch.producerId(),
                    before.audited(),
                    null);
            return null;
        });
    }

    private static Map<String, Object> eventValues(EventValues values) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("type", values.type().name());
        map.put("occurredAt", values.instant().toString());
        map.put("what", values.what());
        map.put("place", values.place());
        map.put("placeCommune", values.placeCommuneCode());
        map.put("why", values.why());
        return map;
    }

    private static void bindBatch(PreparedStatement statement, BatchValues values) throws SQLException {
        statement.setLong(1, values.productId());
        statement.setString(2, values.lotNumber());
        statement.setObject(3, values.productionDate());
        statement.setObject(4, values.expiryDate());
        statement.setInt(5, values.quantity());
        statement.setString(6, values.originCommuneCode());
        statement.setString(7, values.originText());
    }

    private static void bindEvent(PreparedStatement statement, int first, EventValues values) throws SQLException {
        statement.setString(first, values.type().name());
        statement.setTimestamp(first + 1, Timestamp.from(values.instant()));
        statement.setString(first + 2, values.what());
        statement.setString(first + 3, values.place());
        statement.setString(first + 4, values.placeCommuneCode());
        statement.setString(first + 5, values.why());
    }

    private BatchRow one(Connection connection, long id) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(SELECT_BATCH + " where b.id = ?")) {
            select.setLong(1, id);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return batch(row);
            }
        }
    }

    private static BatchRow batch(ResultSet row) throws SQLException {
        return new BatchRow(
                row.getLong(1),
                row.getLong(2),
                row.getString(3),
                row.getString(4),
                row.getObject(5, LocalDate.class),
                row.getObject(6, LocalDate.class),
                row.getInt(7),
                row.getString(8),
                row.getString(9),
                row.getString(10),
                row.getString(11),
                row.getLong(12),
                row.getLong(13));
    }

    private static EventRow event(ResultSet row) throws SQLException {
        return new EventRow(
                row.getLong(1),
                row.getLong(2),
                TraceEventType.valueOf(row.getString(3)),
                row.getTimestamp(4).toInstant(),
                row.getString(5),
                row.getString(6),
                row.getString(7),
                row.getString(8),
                row.getString(9));
    }

    @FunctionalInterface
    private interface RowMapper<T> {
        T map(ResultSet row) throws SQLException;
    }

    private <T> List<T> rows(String sql, RowMapper<T> mapper, Object... parameters) {
        return transactions.executeRead(status -> {
            try (PreparedStatement select = status.getConnection().prepareStatement(sql)) {
                for (int i = 0; i < parameters.length; i++) {
                    select.setObject(i + 1, parameters[i]);
                }
                List<T> rows = new ArrayList<>();
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        rows.add(mapper.map(row));
                    }
                }
                return rows;
            }
        });
    }
}
