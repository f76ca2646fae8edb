package vn.ocop.portal.product;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.ocop.portal.certification.CertificateStatus;
import vn.ocop.portal.certification.RecordedStatus;
import vn.ocop.portal.search.SearchZone;
import vn.ocop.portal.shared.Database;
import vn.ocop.portal.shared.VietnameseText;
import vn.ocop.portal.staff.AuditLog;
import vn.ocop.portal.staff.Scope;
import vn.ocop.portal.staff.Staff;

/**
 * The products as the desk lists, reads and writes them. Every read takes the caller's scope (a product's province
 * is its producer's); every write is audited in its transaction and checks the version the form was read at.
 */
@Singleton
class ProductDesk {

    /** What officers decide: who makes it, its group, its certified name, its barcode. */
    static final List<String> REGISTERED_FIELDS = List.of("producer", "group", "subgroup", "name", "gtin");

    /** What a producer account may change too: how the product is described. */
    static final List<String> DESCRIPTIVE_FIELDS =
            List.of("nameEn", "description", "descriptionEn", "specifications", "ingredientOrigin");

    static final List<String> FIELDS = concat(REGISTERED_FIELDS, DESCRIPTIVE_FIELDS);

    private static final String WITHIN = Scope.condition("pr.province_code", "p.producer_id");

    /** The product's current certificate (its latest decision), kept by triggers in its own table (V041). */
    private static final String CURRENT_CERTIFICATE = " left join product_current_certificate c on c.product_id = p.id";

    private static final String FROM = " from product p join producer pr on pr.id = p.producer_id";

    enum Sort {
        NAME("p.name_folded, p.id"),
        UPDATED("p.updated_at desc, p.id desc"),
        STARS("c.stars desc nulls last, p.name_folded, p.id"),
        PRODUCER("pr.name_folded, p.name_folded, p.id");

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

    /** The certificate states the list filters by: the public ones, and none at all. */
    enum State {
        VALID,
        EXPIRING,
        EXPIRED,
        SUSPENDED,
        REVOKED,
        NONE;

        static Optional<State> of(@Nullable String text) {
            for (State state : values()) {
                if (state.name().equals(text)) {
                    return Optional.of(state);
                }
            }
            return Optional.empty();
        }
    }

    record Filter(
            @Nullable String query,
            @Nullable String province,
            @Nullable String group,
            @Nullable Integer stars,
            @Nullable State state,
            @Nullable ProducerType producerType,
            @Nullable Long producer,
            Sort sort) {

        boolean needsCertificate() {
            return stars != null || state != null || sort == Sort.STARS;
        }
    }

    record Row(
            long id,
            String name,
            String slug,
            @Nullable String gtin,
            String groupCode,
            String producerName,
            String provinceName,
            @Nullable Integer stars,
            @Nullable String state,
            Instant updatedAt) {
        public long getId() {
            return id;
        }

        public String getName() {
            return name;
        }

        public String getSlug() {
            return slug;
        }

        public String getGtin() {
            return gtin;
        }

        public String getGroupCode() {
            return groupCode;
        }

        public String getProducerName() {
            return producerName;
        }

        public String getProvinceName() {
            return provinceName;
        }

        public Integer getStars() {
            return stars;
        }

        public String getState() {
            return state;
        }

        public String getUpdatedShown() {
            return DeskText.shown(updatedAt);
        }
    }

    record Record(
            long id,
            long producerId,
            String producerName,
            String provinceCode,
            String groupCode,
            @Nullable Long subgroupId,
            String name,
            String slug,
            @Nullable String nameEn,
            String description,
            @Nullable String descriptionEn,
            String specifications,
            String ingredientOrigin,
            @Nullable String gtin,
            int version,
            Instant updatedAt) {

        Map<String, String> values() {
            Map<String, String> values = new LinkedHashMap<>();
            values.put("producer", Long.toString(producerId));
            values.put("group", groupCode);
            values.put("subgroup", subgroupId == null ? "" : subgroupId.toString());
            values.put("name", name);
            values.put("gtin", gtin == null ? "" : gtin);
            values.put("nameEn", nameEn == null ? "" : nameEn);
            values.put("description", description);
            values.put("descriptionEn", descriptionEn == null ? "" : descriptionEn);
            values.put("specifications", specifications);
            values.put("ingredientOrigin", ingredientOrigin);
            return values;
        }

        public long getId() {
            return id;
        }

        public String getName() {
            return name;
        }

        public String getSlug() {
            return slug;
        }

        public String getProducerName() {
            return producerName;
        }

        public int getVersion() {
            return version;
        }

        public String getUpdatedShown() {
            return DeskText.shown(updatedAt);
        }
    }

    /** A subgroup as the product form offers it. */
    record Subgroup(long id, String groupCode, String code, String name, String nameEn) {
        public long getId() {
            return id;
        }

        public String getGroupCode() {
            return groupCode;
        }

        public String getCode() {
            return code;
        }

        public String getName() {
            return name;
        }

        public String getNameEn() {
            return nameEn;
        }
    }

    private final Database database;
    private final AuditLog audit;

    ProductDesk(Database database, AuditLog audit) {
        this.database = database;
        this.audit = audit;
    }

    /**
     * A page of the list. The page's ids are found first (an index walk in the sort's order, joining only what the
     * filters and the sort name), then only those rows are read in full: a far page costs little more than the first.
     */
    List<Row> list(Scope scope, Filter filter, int offset, int limit) {
        List<Object> parameters = new ArrayList<>();
        String where = where(scope, filter, parameters);
        parameters.add(offset);
        parameters.add(limit);
        LocalDate today = SearchZone.today();
        return database.list(
                "select p.id, p.name, p.slug, p.gtin, p.group_code, p.updated_at, pr.name as producer_name,"
                        + " pv.name as province_name, c.stars, c.status, c.valid_until"
                        + " from (select p.id" + from(scope, filter) + CURRENT_CERTIFICATE + where + " order by "
                        + filter.sort().sql
                        + " offset ? limit ?) page join product p on p.id = page.id"
                        + " join producer pr on pr.id = p.producer_id join province pv on pv.code = pr.province_code"
                        + CURRENT_CERTIFICATE + " order by " + filter.sort().sql,
                row -> {
                    String status = row.getString("status");
                    String state = status == null
                            ? null
                            : CertificateStatus.of(
                                            RecordedStatus.valueOf(status),
                                            row.getObject("valid_until", LocalDate.class),
                                            today)
                                    .name();
                    return new Row(
                            row.getLong("id"),
                            row.getString("name"),
                            row.getString("slug"),
                            row.getString("gtin"),
                            row.getString("group_code"),
                            row.getString("producer_name"),
                            row.getString("province_name"),
                            Database.nullableInt(row, "stars"),
                            state,
                            Database.instant(row, "updated_at"));
                },
                parameters.toArray());
    }

    long count(Scope scope, Filter filter) {
        List<Object> parameters = new ArrayList<>();
        String where = where(scope, filter, parameters);
        return database.count(
                "select count(*)" + from(scope, filter) + (filter.needsCertificate() ? CURRENT_CERTIFICATE : "")
                        + where,
                parameters.toArray());
    }

    /** The products, joined with their producers only when the scope, a filter or the sort needs them. */
    private static String from(Scope scope, Filter filter) {
        boolean producer = scope.provinceCode() != null
                || (filter.province() != null && !filter.province().isBlank())
                || filter.producerType() != null
                || filter.sort() == Sort.PRODUCER;
        return producer ? FROM : " from product p";
    }

    private static String where(Scope scope, Filter filter, List<Object> parameters) {
        StringBuilder where = new StringBuilder(" where ")
                .append(DeskText.within(scope, parameters, "pr.province_code", "p.producer_id"));
        if (filter.query() != null && !filter.query().isBlank()) {
            String folded = "%" + DeskText.likeEscaped(VietnameseText.fold(filter.query())) + "%";
            where.append(" and (p.name_folded like ? or p.name_en_folded like ? or p.gtin = ?)");
            parameters.add(folded);
            parameters.add(folded);
            parameters.add(filter.query().strip());
        }
        if (filter.province() != null && !filter.province().isBlank()) {
            where.append(" and pr.province_code = ?");
            parameters.add(filter.province());
        }
        if (filter.group() != null && !filter.group().isBlank()) {
            where.append(" and p.group_code = ?");
            parameters.add(filter.group());
        }
        if (filter.producerType() != null) {
            where.append(" and pr.type = ?");
            parameters.add(filter.producerType().name());
        }
        if (filter.producer() != null) {
            where.append(" and p.producer_id = ?");
            parameters.add(filter.producer());
        }
        if (filter.stars() != null) {
            where.append(" and c.stars = ?");
            parameters.add(filter.stars());
        }
        if (filter.state() != null) {
            LocalDate today = SearchZone.today();
            LocalDate expiring = today.plusDays(CertificateStatus.EXPIRING_WITHIN_DAYS);
            switch (filter.state()) {
                case VALID -> {
                    where.append(" and c.status = 'VALID' and c.valid_until > ?");
                    parameters.add(expiring);
                }
                case EXPIRING -> {
                    where.append(" and c.status = 'VALID' and c.valid_until between ? and ?");
                    parameters.add(today);
                    parameters.add(expiring);
                }
                case EXPIRED -> {
                    where.append(" and c.status = 'VALID' and c.valid_until < ?");
                    parameters.add(today);
                }
                case SUSPENDED -> where.append(" and c.status = 'SUSPENDED'");
                case REVOKED -> where.append(" and c.status = 'REVOKED'");
                case NONE -> where.append(" and c.status is null");
            }
        }
        return where.toString();
    }

    Optional<Record> one(long id, Scope scope) {
        return database.one(
                "select p.*, pr.name as producer_name, pr.province_code" + FROM + " where p.id = ? and " + WITHIN,
                ProductDesk::record,
                scope.bindings(new Object[] {id}));
    }

    List<ProductGroup> groups() {
        return database.list(
                "select code, position, name, name_en from product_group order by position",
                row -> new ProductGroup(
                        row.getString("code"),
                        row.getInt("position"),
                        row.getString("name"),
                        row.getString("name_en")));
    }

    List<Subgroup> subgroups() {
        return database.list(
                "select id, group_code, code, name, name_en from product_subgroup order by group_code, code",
                row -> new Subgroup(
                        row.getLong("id"),
                        row.getString("group_code"),
                        row.getString("code"),
                        row.getString("name"),
                        row.getString("name_en")));
    }

    /** Checks a filled form; {@code current} is null for a new product. */
    void validate(DeskForm form, Scope scope, List<ProducerDesk.Place> producers, @Nullable Record current) {
        if (producers.stream().noneMatch(p -> p.code().equals(form.get("producer")))) {
            form.error("producer", "product.desk.error.choose");
        }
        String group = form.get("group");
        if (groups().stream().noneMatch(g -> g.code().equals(group))) {
            form.error("group", "product.desk.error.choose");
        }
        if (!form.get("subgroup").isEmpty()
                && subgroups().stream()
                        .noneMatch(s -> Long.toString(s.id()).equals(form.get("subgroup"))
                                && s.groupCode().equals(group))) {
            form.error("subgroup", "product.desk.error.subgroup");
        }
        form.required("name", 300);
        form.optional("nameEn", 300);
        form.optional("description", 5000);
        form.optional("descriptionEn", 5000);
        form.optional("specifications", 2000);
        form.optional("ingredientOrigin", 2000);
        String gtin = form.get("gtin");
        if (!gtin.isEmpty()) {
            if (!validGtin(gtin)) {
                form.error("gtin", "product.desk.error.gtin");
            } else if (database.count(
                            "select count(*) from product where gtin = ? and id <> ?",
                            gtin,
                            current == null ? -1L : current.id())
                    > 0) {
                form.error("gtin", "product.desk.error.gtin-taken");
            }
        }
    }

    /** A GTIN-8, -12, -13 or -14 whose check digit is right. */
    static boolean validGtin(String gtin) {
        if (!gtin.matches("[0-9]{8}|[0-9]{12,14}")) {
            return false;
        }
        String gtin14 = "0".repeat(14 - gtin.length()) + gtin;
        int sum = 0;
        for (int i = 0; i < 13; i++) {
            sum += (gtin14.charAt(i) - '0') * (i % 2 == 0 ? 3 : 1);
        }
        return (10 - sum % 10) % 10 == gtin14.charAt(13) - '0';
    }

    long create(Staff staff, DeskForm form, String province) {
        return database.inTransaction(() -> {
            String slug = freeSlug(VietnameseText.slug(form.get("name")));
            long producer = Long.parseLong(form.get("producer"));
            long id = database.insert(
                    """
                    insert into product (producer_id, group_code, subgroup_id, name, slug, gtin, name_en, description,
                                         description_en, specifications, ingredient_origin)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id
                    """,
                    producer,
                    form.get("group"),
                    form.get("subgroup").isEmpty() ? null : Long.parseLong(form.get("subgroup")),
                    form.get("name"),
                    slug,
                    form.orNull("gtin"),
                    form.orNull("nameEn"),
                    form.get("description"),
                    form.orNull("descriptionEn"),
                    form.get("specifications"),
                    form.get("ingredientOrigin"));
            Map<String, Object> after = new LinkedHashMap<>(form.getValues());
            after.put("slug", slug);
            audit.record(staff, "product.create", "product", id, province, producer, null, after);
            return id;
        });
    }

    private String freeSlug(String base) {
        String stem = base.isEmpty()
                ? "san-pham"
                : base.length() > 80 ? base.substring(0, 80).replaceAll("-+$", "") : base;
        String slug = stem;
        for (int n = 2; database.count("select count(*) from product where slug = ?", slug) > 0; n++) {
            slug = stem + "-" + n;
        }
        return slug;
    }

    /**
     * Writes the form's fields (only the descriptive ones for a producer account) over the record if nobody saved it
     * since {@code version}; false, and nothing written, when somebody did.
     */
    boolean update(Staff staff, Record current, DeskForm form, int version, String province, boolean descriptiveOnly) {
        Map<String, String> after = new LinkedHashMap<>(current.values());
        for (String field : descriptiveOnly ? DESCRIPTIVE_FIELDS : FIELDS) {
            after.put(field, form.get(field));
        }
        return database.inTransaction(() -> {
            int changed = database.update(
                    """
                    update product set producer_id = ?, group_code = ?, subgroup_id = ?, name = ?, gtin = ?,
                        name_en = ?, description = ?, description_en = ?, specifications = ?, ingredient_origin = ?,
                        version = version + 1, updated_at = now()
                    where id = ? and version = ?
                    """,
                    Long.parseLong(after.get("producer")),
                    after.get("group"),
                    after.get("subgroup").isEmpty() ? null : Long.parseLong(after.get("subgroup")),
                    after.get("name"),
                    emptyToNull(after.get("gtin")),
                    emptyToNull(after.get("nameEn")),
                    after.get("description"),
                    emptyToNull(after.get("descriptionEn")),
                    after.get("specifications"),
                    after.get("ingredientOrigin"),
                    current.id(),
                    version);
            if (changed == 0) {
                return false;
            }
            audit.record(
                    staff,
                    "product.update",
                    "product",
                    current.id(),
                    province,
                    Long.parseLong(after.get("producer")),
                    DeskText.changed(current.values(), after, true),
                    DeskText.changed(current.values(), after, false));
            return true;
        });
    }

    private static @Nullable String emptyToNull(@Nullable String text) {
        return text == null || text.isEmpty() ? null : text;
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return List.copyOf(all);
    }

    private static Record record(ResultSet row) throws SQLException {
        return new Record(
                row.getLong("id"),
                row.getLong("producer_id"),
                row.getString("producer_name"),
                row.getString("province_code"),
                row.getString("group_code"),
                Database.nullableLong(row, "subgroup_id"),
                row.getString("name"),
                row.getString("slug"),
                row.getString("name_en"),
                row.getString("description"),
                row.getString("description_en"),
                row.getString("specifications"),
                row.getString("ingredient_origin"),
                row.getString("gtin"),
                row.getInt("version"),
                Database.instant(row, "updated_at"));
    }
}
