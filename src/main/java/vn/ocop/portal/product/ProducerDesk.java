package vn.ocop.portal.product;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.ocop.portal.shared.Database;
import vn.ocop.portal.shared.VietnameseText;
import vn.ocop.portal.staff.AuditLog;
import vn.ocop.portal.staff.Scope;
import vn.ocop.portal.staff.Staff;

/**
 * The producers as the desk lists, reads and writes them. Every read takes the caller's scope; every write is
 * audited in its transaction and checks the version the form was read at (optimistic locking).
 */
@Singleton
class ProducerDesk {

    /** The fields of the producer form; a producer account may change only {@link #CONTACT_FIELDS}. */
    static final List<String> FIELDS = List.of(
            "name",
            "type",
            "registrationNumber",
            "addressLine",
            "province",
            "commune",
            "representative",
            "phone",
            "email",
            "website");

    static final List<String> CONTACT_FIELDS = List.of("phone", "email", "website");

    private static final String WITHIN = Scope.condition("pr.province_code", "pr.id");

    /** How a list is sorted: a key of the sort menu and its SQL. */
    enum Sort {
        NAME("pr.name_folded, pr.id"),
        UPDATED("pr.updated_at desc, pr.id desc"),
        PROVINCE("pv.name, pr.name_folded, pr.id");

        final String sql;

        Sort(String sql) {
            this.sql = sql;
        }

        static Sort of(@Nullable String text) {
            for (Sort sort : values()) {
                if (sort.name().equals(text)) {
                    return sort;
                }
            }
            return NAME;
        }
    }

    /** What the list is filtered by; each part optional. */
    record Filter(
            @Nullable String query,
            @Nullable String province,
            @Nullable ProducerType type,
            Sort sort) {}

    /** A row of the list. */
    record Row(
            long id,
            String name,
            String type,
            String registrationNumber,
            String provinceName,
            long products,
            Instant updatedAt) {
        public long getId() {
            return id;
        }

        public String getName() {
            return name;
        }

        public String getType() {
            return type;
        }

        public String getRegistrationNumber() {
            return registrationNumber;
        }

        public String getProvinceName() {
            return provinceName;
        }

        public long getProducts() {
            return products;
        }

        public String getUpdatedShown() {
            return DeskText.shown(updatedAt);
        }
    }

    /** A producer as its form shows it. */
    record Record(
            long id,
            String name,
            ProducerType type,
            String registrationNumber,
            String addressLine,
            String provinceCode,
            String provinceName,
            @Nullable String communeCode,
            String representative,
            @Nullable String phone,
            @Nullable String email,
            @Nullable String website,
            int version,
            Instant updatedAt) {

        Map<String, String> values() {
            Map<String, String> values = new LinkedHashMap<>();
            values.put("name", name);
            values.put("type", type.name());
            values.put("registrationNumber", registrationNumber);
            values.put("addressLine", addressLine);
            values.put("province", provinceCode);
            values.put("commune", communeCode == null ? "" : communeCode);
            values.put("representative", representative);
            values.put("phone", phone == null ? "" : phone);
            values.put("email", email == null ? "" : email);
            values.put("website", website == null ? "" : website);
            return values;
        }

        public long getId() {
            return id;
        }

        public String getName() {
            return name;
        }

        public String getProvinceName() {
            return provinceName;
        }

        public int getVersion() {
            return version;
        }

        public String getUpdatedShown() {
            return DeskText.shown(updatedAt);
        }
    }

    /** A province or commune of a select. */
    record Place(String code, String name) {
        public String getCode() {
            return code;
        }

        public String getName() {
            return name;
        }
    }

    private final Database database;
    private final AuditLog audit;

    ProducerDesk(Database database, AuditLog audit) {
        this.database = database;
        this.audit = audit;
    }

    List<Row> list(Scope scope, Filter filter, int offset, int limit) {
        List<Object> parameters = new ArrayList<>();
        String where = where(scope, filter, parameters);
        parameters.add(offset);
        parameters.add(limit);
        return database.list(
                "select pr.id, pr.name, pr.type, pr.registration_number, pv.name as province_name, pr.updated_at,"
                        + " (select count(*) from product p where p.producer_id = pr.id) as products"
                        + " from producer pr join province pv on pv.code = pr.province_code" + where + " order by "
                        + filter.sort().sql + " offset ? limit ?",
                row -> new Row(
                        row.getLong("id"),
                        row.getString("name"),
                        row.getString("type"),
                        row.getString("registration_number"),
                        row.getString("province_name"),
                        row.getLong("products"),
                        Database.instant(row, "updated_at")),
                parameters.toArray());
    }

    long count(Scope scope, Filter filter) {
        List<Object> parameters = new ArrayList<>();
        String where = where(scope, filter, parameters);
        return database.count("select count(*) from producer pr" + where, parameters.toArray());
    }

    private static String where(Scope scope, Filter filter, List<Object> parameters) {
        StringBuilder where =
                new StringBuilder(" where ").append(DeskText.within(scope, parameters, "pr.province_code", "pr.id"));
        if (filter.query() != null && !filter.query().isBlank()) {
            String folded = VietnameseText.fold(filter.query());
            where.append(" and (pr.name_folded like ? or pr.registration_number = ?)");
            parameters.add("%" + DeskText.likeEscaped(folded) + "%");
            parameters.add(filter.query().strip());
        }
        if (filter.province() != null && !filter.province().isBlank()) {
            where.append(" and pr.province_code = ?");
            parameters.add(filter.province());
        }
        if (filter.type() != null) {
            where.append(" and pr.type = ?");
            parameters.add(filter.type().name());
        }
        return where.toString();
    }

    Optional<Record> one(long id, Scope scope) {
        return database.one(
                "select pr.*, pv.name as province_name from producer pr join province pv on pv.code = pr.province_code"
                        + " where pr.id = ? and " + WITHIN,
                ProducerDesk::record,
                scope.bindings(new Object[] {id}));
    }

    /** The producers of the scope, for the product form's select (by name). */
    List<Place> choices(Scope scope) {
        return database.list(
                "select pr.id, pr.name from producer pr where " + WITHIN + " order by pr.name_folded, pr.id",
                row -> new Place(Long.toString(row.getLong("id")), row.getString("name")),
                scope.bindings(new Object[0]));
    }

    /** The provinces within the scope (a producer account: its producer's). */
    List<Place> provinces(Scope scope) {
        if (scope.isProducer()) {
            return database.list(
                    "select pv.code, pv.name from province pv join producer pr on pr.province_code = pv.code"
                            + " where pr.id = ?",
                    row -> new Place(row.getString("code"), row.getString("name")),
                    scope.producerId());
        }
        return database.list(
                "select code, name from province where cast(? as text) is null or code = ? order by name",
                row -> new Place(row.getString("code"), row.getString("name")),
                scope.provinceCode(),
                scope.provinceCode());
    }

    List<Place> communes(@Nullable String province) {
        if (province == null || province.isBlank()) {
            return List.of();
        }
        return database.list(
                "select code, name from commune where province_code = ? order by name",
                row -> new Place(row.getString("code"), row.getString("name")),
                province);
    }

    /** Checks a filled form; {@code current} is null for a new producer. */
    void validate(DeskForm form, Scope scope, @Nullable Record current, boolean contactOnly) {
        if (!contactOnly) {
            form.required("name", 300);
            if (ProducerDeskController.type(form.get("type")).isEmpty()) {
                form.error("type", "product.desk.error.choose");
            }
            form.required("registrationNumber", 30);
            if (!form.get("registrationNumber").isEmpty()
                    && !form.get("registrationNumber").matches("[0-9A-Za-z./-]{4,30}")) {
                form.error("registrationNumber", "product.desk.error.registration");
            }
            form.required("addressLine", 500);
            form.required("representative", 200);
            String province = form.get("province");
            if (provinces(scope).stream().noneMatch(p -> p.code().equals(province))) {
                form.error("province", "product.desk.error.choose");
            } else if (!form.get("commune").isEmpty()
                    && communes(province).stream().noneMatch(c -> c.code().equals(form.get("commune")))) {
                form.error("commune", "product.desk.error.commune");
            }
            if (form.valid()
                    && database.count(
                                    "select count(*) from producer where registration_number = ? and id <> ?",
                                    form.get("registrationNumber"),
                                    current == null ? -1L : current.id())
                            > 0) {
                form.error("registrationNumber", "product.desk.error.registration-taken");
            }
        }
        form.phone("phone");
        form.email("email");
        form.webAddress("website");
    }

    long create(Staff staff, DeskForm form) {
        return database.inTransaction(() -> {
            long id = database.insert(
                    """
                    insert into producer (name, type, registration_number, address_line, province_code, commune_code,
                                          representative, phone, email, website)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id
                    """,
                    form.get("name"),
                    form.get("type"),
                    form.get("registrationNumber"),
                    form.get("addressLine"),
                    form.get("province"),
                    form.orNull("commune"),
                    form.get("representative"),
                    form.orNull("phone"),
                    form.orNull("email"),
                    form.orNull("website"));
            audit.record(staff, "producer.create", "producer", id, form.get("province"), id, null, form.getValues());
            return id;
        });
    }

    /**
     * Writes the form over the record if nobody saved it since {@code version}; false (and nothing written) when
     * somebody did.
     */
    boolean update(Staff staff, Record current, DeskForm form, int version, boolean contactOnly) {
        Map<String, String> after = new LinkedHashMap<>(current.values());
        for (String field : contactOnly ? CONTACT_FIELDS : FIELDS) {
            after.put(field, form.get(field));
        }
        return database.inTransaction(() -> {
            int changed = database.update(
                    """
                    update producer set name = ?, type = ?, registration_number = ?, address_line = ?,
                        province_code = ?, commune_code = ?, representative = ?, phone = ?, email = ?, website = ?,
                        version = version + 1, updated_at = now()
                    where id = ? and version = ?
                    """,
                    after.get("name"),
                    after.get("type"),
                    after.get("registrationNumber"),
                    after.get("addressLine"),
                    after.get("province"),
                    blankToNull(after.get("commune")),
                    after.get("representative"),
                    blankToNull(after.get("phone")),
                    blankToNull(after.get("email")),
                    blankToNull(after.get("website")),
                    current.id(),
                    version);
            if (changed == 0) {
                return false;
            }
            audit.record(
                    staff,
                    "producer.update",
                    "producer",
                    current.id(),
                    after.get("province"),
                    current.id(),
                    DeskText.changed(current.values(), after, true),
                    DeskText.changed(current.values(), after, false));
            return true;
        });
    }

    private static @Nullable String blankToNull(@Nullable String text) {
        return text == null || text.isBlank() ? null : text;
    }

    private static Record record(ResultSet row) throws SQLException {
        return new Record(
                row.getLong("id"),
                row.getString("name"),
                ProducerType.valueOf(row.getString("type")),
                row.getString("registration_number"),
                row.getString("address_line"),
                row.getString("province_code"),
                row.getString("province_name"),
                row.getString("commune_code"),
                row.getString("representative"),
                row.getString("phone"),
                row.getString("email"),
                row.getString("website"),
                row.getInt("version"),
                Database.instant(row, "updated_at"));
    }
}
