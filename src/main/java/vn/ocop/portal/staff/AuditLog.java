package vn.ocop.portal.staff;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import vn.ocop.portal.shared.Database;

/**
 * The audit log: one append-only row per write (who, when, from which network, what, before and after). Write it in
 * the transaction of the change it records, so that both commit or neither does. The table refuses updates and
 * deletes (migration V009), whoever asks.
 */
@Singleton
public class AuditLog {

    /** Dates of the filters are days in Vietnam. */
    static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

    /** Who made a change: a signed-in person, or someone signing in (no staff request yet). */
    record Actor(@Nullable Long accountId, @Nullable String email, String network) {
        static Actor of(Staff staff) {
            return new Actor(staff.accountId(), staff.email(), staff.network());
        }
    }

    /** A row as the audit screen shows it. */
    record Entry(
            long id,
            Instant at,
            @Nullable String actorEmail,
            @Nullable String network,
            String action,
            String entity,
            @Nullable String entityId,
            @Nullable String provinceCode,
            @Nullable String before,
            @Nullable String after) {

        public long getId() {
            return id;
        }

        public String getAtShown() {
            return StaffTime.shown(at);
        }

        public String getActorEmail() {
            return actorEmail;
        }

        public String getNetwork() {
            return network;
        }

        public String getAction() {
            return action;
        }

        public String getEntity() {
            return entity;
        }

        public String getEntityId() {
            return entityId;
        }

        public String getProvinceCode() {
            return provinceCode;
        }

        public String getBefore() {
            return before;
        }

        public String getAfter() {
            return after;
        }
    }

    /** What the audit screen filters by; every part optional. */
    record Filter(
            @Nullable String actor,
            @Nullable String action,
            @Nullable String entity,
            @Nullable LocalDate from,
            @Nullable LocalDate to) {}

    private final Database database;
    private final JsonMapper json;

    AuditLog(Database database, JsonMapper json) {
        this.database = database;
        this.json = json;
    }

    /**
     * Records a write by a staff request.
     *
     * @param action what was done, as {@code entity.verb} ({@code account.invite}, {@code stamps.issue})
     * @param provinceCode the province of the record written (its producer's, for a producer's record)
     * @param producerId the producer the record belongs to, if any
     */
    public void record(
            Staff actor,
            String action,
            String entity,
            @Nullable Object entityId,
            @Nullable String provinceCode,
            @Nullable Long producerId,
            @Nullable Map<String, ?> before,
            @Nullable Map<String, ?> after) {
        record(Actor.of(actor), action, entity, entityId, provinceCode, producerId, before, after);
    }

    void record(
            Actor actor,
            String action,
            String entity,
            @Nullable Object entityId,
            @Nullable String provinceCode,
            @Nullable Long producerId,
            @Nullable Map<String, ?> before,
            @Nullable Map<String, ?> after) {
        database.insert(
                """
                insert into audit_log (actor_id, actor_email, network, action, entity, entity_id, province_code,
                                       producer_id, before, after)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id
                """,
                actor.accountId(),
                actor.email(),
                actor.network(),
                action,
                entity,
                entityId == null ? null : entityId.toString(),
                provinceCode,
                producerId,
                jsonb(before),
                jsonb(after));
    }

    List<Entry> list(Scope scope, Filter filter, int offset, int limit) {
        List<Object> parameters = new ArrayList<>();
        String where = where(scope, filter, parameters);
        parameters.add(offset);
        parameters.add(limit);
        return database.list(
                "select id, at, actor_email, network, action, entity, entity_id, province_code, before::text,"
                        + " after::text from audit_log" + where + " order by id desc offset ? limit ?",
                row -> new Entry(
                        row.getLong("id"),
                        Database.instant(row, "at"),
                        row.getString("actor_email"),
                        row.getString("network"),
                        row.getString("action"),
                        row.getString("entity"),
                        row.getString("entity_id"),
                        row.getString("province_code"),
                        row.getString("before"),
                        row.getString("after")),
                parameters.toArray());
    }

    long count(Scope scope, Filter filter) {
        List<Object> parameters = new ArrayList<>();
        return database.count(
                "select count(*) from audit_log" + where(scope, filter, parameters), parameters.toArray());
    }

    /** Every row of the filter, oldest first, as CSV (cells that a spreadsheet would run as formulas are defused). */
    void writeCsv(Scope scope, Filter filter, Writer out) {
        try {
            out.write("id,at,actor,network,action,entity,entity_id,province,before,after\r\n");
            int page = 1_000;
            long total = count(scope, filter);
            for (long offset = 0; offset < total; offset += page) {
                for (Entry entry : list(scope, filter, (int) offset, page)) {
                    out.write(String.join(
                                    ",",
                                    Long.toString(entry.id()),
                                    entry.at().toString(),
                                    Csv.cell(entry.actorEmail()),
                                    Csv.cell(entry.network()),
                                    Csv.cell(entry.action()),
                                    Csv.cell(entry.entity()),
                                    Csv.cell(entry.entityId()),
                                    Csv.cell(entry.provinceCode()),
                                    Csv.cell(entry.before()),
                                    Csv.cell(entry.after()))
                            + "\r\n");
                }
            }
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String where(Scope scope, Filter filter, List<Object> parameters) {
        StringBuilder where = new StringBuilder(" where true");
        if (scope.provinceCode() != null) {
            where.append(" and province_code = ?");
            parameters.add(scope.provinceCode());
        }
        if (scope.producerId() != null) {
            where.append(" and producer_id = ?");
            parameters.add(scope.producerId());
        }
        if (filter.actor() != null && !filter.actor().isBlank()) {
            where.append(" and actor_email = ?");
            parameters.add(Accounts.normalEmail(filter.actor()));
        }
        if (filter.action() != null && !filter.action().isBlank()) {
            where.append(" and action = ?");
            parameters.add(filter.action().strip());
        }
        if (filter.entity() != null && !filter.entity().isBlank()) {
            where.append(" and entity = ?");
            parameters.add(filter.entity().strip());
        }
        if (filter.from() != null) {
            where.append(" and at >= ?");
            parameters.add(filter.from().atStartOfDay(ZONE).toInstant());
        }
        if (filter.to() != null) {
            where.append(" and at < ?");
            parameters.add(filter.to().plusDays(1).atStartOfDay(ZONE).toInstant());
        }
        return where.toString();
    }

    private Database.Json jsonb(@Nullable Map<String, ?> values) {
        if (values == null) {
            return null;
        }
        try {
            return new Database.Json(json.writeValueAsString(values));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
