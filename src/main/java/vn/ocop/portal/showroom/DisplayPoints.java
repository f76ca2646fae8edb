package vn.ocop.portal.showroom;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.ocop.portal.shared.Database;
import vn.ocop.portal.staff.AuditLog;
import vn.ocop.portal.staff.Scope;
import vn.ocop.portal.staff.Staff;

/**
 * The display points as the staff desk reads and writes them. Every read takes the caller's scope (a point belongs
 * to its province; a producer's account manages none); every write is audited in its own transaction and tells
 * the public directory to reload.
 */
@Singleton
class DisplayPoints {

    private static final java.time.format.DateTimeFormatter SHOWN =
            java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(OpeningHours.ZONE);

    /** Keeps a query within a scope: points have a province and no producer, so a producer scope sees none. */
    static final String WITHIN = " " + Scope.condition("dp.province_code", "cast(null as bigint)");

    /** A row of the desk's list. */
    record Row(
            long id,
            String name,
            DisplayPoint.Kind kind,
            String provinceName,
            DisplayPoint.Status status,
            int products,
            int proposals) {
        public long getId() {
            return id;
        }

        public String getName() {
            return name;
        }

        public String getKind() {
            return kind.name();
        }

        public String getProvinceName() {
            return provinceName;
        }

        public String getStatus() {
            return status.name();
        }

        public int getProducts() {
            return products;
        }

        public int getProposals() {
            return proposals;
        }
    }

    /** What the desk's list filters by. */
    record Filter(@Nullable String q, DisplayPoint.@Nullable Status status) {}

    /** One product a point stocks or was proposed for. */
    record Line(
            long productId,
            String productSlug,
            String productName,
            String producerName,
            long producerId,
            @Nullable Long priceVnd,
            boolean inStock,
            String state,
            @Nullable String proposedBy,
            @Nullable Instant lastConfirmedAt) {
        public long getProductId() {
            return productId;
        }

        public String getProductSlug() {
            return productSlug;
        }

        public String getProductName() {
            return productName;
        }

        public String getProducerName() {
            return producerName;
        }

        public Long getPriceVnd() {
            return priceVnd;
        }

        public boolean isInStock() {
            return inStock;
        }

        public String getState() {
            return state;
        }

        public String getProposedBy() {
            return proposedBy;
        }

        public boolean isProposed() {
            return "PROPOSED".equals(state);
        }

        public String getLastConfirmedShown() {
            return lastConfirmedAt == null ? "—" : SHOWN.format(lastConfirmedAt);
        }

        Map<String, Object> audited() {
            Map<String, Object> values = new LinkedHashMap<>();
            values.put("product", productId);
            values.put("price", priceVnd == null ? "" : priceVnd);
            values.put("inStock", inStock);
            values.put("state", state);
            return values;
        }
    }

    /** A product as the assortment forms find it. */
    record ProductRef(long id, String slug, String name, long producerId, String provinceCode) {}

    private static final String POINT_COLUMNS = """
            dp.id, dp.kind, dp.name, dp.operator, dp.address_line, dp.province_code, pv.name as province_name,
            dp.commune_code, cm.name as commune_name, dp.latitude, dp.longitude, dp.phone, dp.email, dp.website,
            dp.status, dp.opened_on, dp.status_since, dp.criteria, dp.criteria_checked_on
            """;
    private static final String POINT_FROM = " from display_point dp join province pv on pv.code = dp.province_code"
            + " left join commune cm on cm.code = dp.commune_code ";

    private final Database database;
    private final AuditLog audit;
    private final PointDirectory directory;

    DisplayPoints(Database database, AuditLog audit, PointDirectory directory) {
        this.database = database;
        this.audit = audit;
        this.directory = directory;
    }

    List<Row> list(Scope scope, Filter filter, int offset, int limit) {
        return database.list(
                "select dp.id, dp.name, dp.kind, pv.name as province_name, dp.status,"
                        + " (select count(*) from display_point_product l where l.point_id = dp.id"
                        + "   and l.state = 'CONFIRMED') as products,"
                        + " (select count(*) from display_point_product l where l.point_id = dp.id"
                        + "   and l.state = 'PROPOSED') as proposals"
                        + POINT_FROM + " where" + WITHIN + filterCondition()
                        + " order by pv.name, dp.name, dp.id offset ? limit ?",
                row -> new Row(
                        row.getLong("id"),
                        row.getString("name"),
                        DisplayPoint.Kind.valueOf(row.getString("kind")),
                        row.getString("province_name"),
                        DisplayPoint.Status.valueOf(row.getString("status")),
                        row.getInt("products"),
                        row.getInt("proposals")),
                scope.bindings(new Object[0], filterBindings(filter, offset, limit)));
    }

    long count(Scope scope, Filter filter) {
        return database.count(
                "select count(*)" + POINT_FROM + " where" + WITHIN + filterCondition(),
                scope.bindings(new Object[0], filterBindings(filter)));
    }

    private static String filterCondition() {
        return " and (cast(? as text) is null or dp.name ilike ? or dp.operator ilike ? or dp.address_line ilike ?)"
                + " and (cast(? as text) is null or dp.status = ?)";
    }

    private static Object[] filterBindings(Filter filter, Object... more) {
        String q =
                filter.q() == null || filter.q().isBlank() ? null : filter.q().strip();
        String like = q == null
                ? null
                : "%" + q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        String status = filter.status() == null ? null : filter.status().name();
        List<Object> all = new ArrayList<>(java.util.Arrays.asList(q, like, like, like, status, status));
        all.addAll(java.util.Arrays.asList(more));
        return all.toArray();
    }

    Optional<DisplayPoint> one(long id, Scope scope) {
        return database.one(
                        "select " + POINT_COLUMNS + POINT_FROM + " where dp.id = ? and" + WITHIN,
                        DisplayPoints::point,
                        scope.bindings(new Object[] {id}))
                .map(point -> withHours(point, HoursTable.of(database, point.id())));
    }

    OpeningHours hours(long pointId) {
        return HoursTable.of(database, pointId);
    }

    /** Creates a point; the draft's province lies within the caller's scope (the desk checked). */
    long create(Staff staff, PointForm.Draft draft) {
        long id = database.inTransaction(() -> {
            long created = database.insert(
                    """
                    insert into display_point (kind, name, operator, address_line, province_code, commune_code,
                        latitude, longitude, phone, email, website, status, opened_on, status_since, criteria,
                        criteria_checked_on)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, current_date) returning id
                    """,
                    draft.kind(),
                    draft.name(),
                    draft.operator(),
                    draft.addressLine(),
                    draft.provinceCode(),
                    draft.communeCode(),
                    draft.latitude(),
                    draft.longitude(),
                    draft.phone(),
                    draft.email(),
                    draft.website(),
                    draft.status(),
                    draft.openedOn(),
                    draft.statusSince(),
                    criteria(draft.criteria()));
            writeHours(created, draft.hours());
            database.update(
                    "insert into display_point_status_change (point_id, status, effective_on) values (?, 'OPEN', ?)",
                    created,
                    draft.openedOn());
            if (draft.status() != DisplayPoint.Status.OPEN) {
                database.update(
                        "insert into display_point_status_change (point_id, status, effective_on) values (?, ?, ?)",
                        created,
                        draft.status(),
                        draft.statusSince());
            }
            audit.record(
                    staff,
                    "display-point.create",
                    "display_point",
                    created,
                    draft.provinceCode(),
                    null,
                    null,
                    draftPoint(created, draft).audited());
            return created;
        });
        directory.invalidate();
        return id;
    }

    /** Changes a point already read within the caller's scope, into a province also within it. */
    void update(Staff staff, DisplayPoint before, PointForm.Draft draft) {
        database.inTransaction(() -> {
            database.update(
                    """
                    update display_point set kind = ?, name = ?, operator = ?, address_line = ?, province_code = ?,
                        commune_code = ?, latitude = ?, longitude = ?, phone = ?, email = ?, website = ?, status = ?,
                        opened_on = ?, status_since = ?, criteria = ?,
                        criteria_checked_on = case when criteria = ? then criteria_checked_on else current_date end,
                        updated_at = now()
                    where id = ?
                    """,
                    draft.kind(),
                    draft.name(),
                    draft.operator(),
                    draft.addressLine(),
                    draft.provinceCode(),
                    draft.communeCode(),
                    draft.latitude(),
                    draft.longitude(),
                    draft.phone(),
                    draft.email(),
                    draft.website(),
                    draft.status(),
                    draft.openedOn(),
                    draft.statusSince(),
                    criteria(draft.criteria()),
                    criteria(draft.criteria()),
                    before.id());
            database.update("delete from display_point_hours where point_id = ?", before.id());
            database.update("delete from display_point_exception where point_id = ?", before.id());
            writeHours(before.id(), draft.hours());
            if (draft.status() != before.status() || !draft.statusSince().equals(before.statusSince())) {
                database.update(
                        "insert into display_point_status_change (point_id, status, effective_on) values (?, ?, ?)",
                        before.id(),
                        draft.status(),
                        draft.statusSince());
            }
            audit.record(
                    staff,
                    "display-point.update",
                    "display_point",
                    before.id(),
                    draft.provinceCode(),
                    null,
                    before.audited(),
                    draftPoint(before.id(), draft).audited());
            return null;
        });
        directory.invalidate();
    }

    private void writeHours(long pointId, OpeningHours hours) {
        hours.week().forEach((day, intervals) -> {
            for (OpeningHours.Interval interval : intervals) {
                database.update(
                        "insert into display_point_hours (point_id, weekday, opens, closes) values (?, ?, ?, ?)"
                                + " on conflict do nothing",
                        pointId,
                        day.getValue(),
                        interval.opens(),
                        interval.closes());
            }
        });
        for (OpeningHours.Exception exception : hours.exceptions().values()) {
            database.update(
                    "insert into display_point_exception (point_id, day, opens, closes, note) values (?, ?, ?, ?, ?)",
                    pointId,
                    exception.day(),
                    exception.hours() == null ? null : exception.hours().opens(),
                    exception.hours() == null ? null : exception.hours().closes(),
                    exception.note());
        }
    }

    private static Database.TextArray criteria(List<DisplayPoint.Criterion> criteria) {
        return new Database.TextArray(criteria.stream().map(Enum::name).toList());
    }

    private static DisplayPoint draftPoint(long id, PointForm.Draft draft) {
        return new DisplayPoint(
                id,
                draft.kind(),
                draft.name(),
                draft.operator(),
                draft.addressLine(),
                draft.provinceCode(),
                "",
                draft.communeCode(),
                null,
                draft.latitude(),
                draft.longitude(),
                draft.phone(),
                draft.email(),
                draft.website(),
                draft.status(),
                draft.openedOn(),
                draft.statusSince(),
                draft.criteria(),
                null,
                draft.hours());
    }

    // The assortment.

    List<Line> lines(long pointId) {
        return database.list("""
                select l.product_id, p.slug, p.name, pr.name as producer_name, pr.id as producer_id, l.price_vnd,
                       l.in_stock, l.state, l.proposed_by, l.last_confirmed_at
                from display_point_product l join product p on p.id = l.product_id
                join producer pr on pr.id = p.producer_id
                where l.point_id = ? order by l.state desc, p.name, p.id
                """, DisplayPoints::line, pointId);
    }

    Optional<Line> line(long pointId, long productId) {
        return database.one("""
                select l.product_id, p.slug, p.name, pr.name as producer_name, pr.id as producer_id, l.price_vnd,
                       l.in_stock, l.state, l.proposed_by, l.last_confirmed_at
                from display_point_product l join product p on p.id = l.product_id
                join producer pr on pr.id = p.producer_id
                where l.point_id = ? and l.product_id = ?
                """, DisplayPoints::line, pointId, productId);
    }

    /** A product named by its address (slug), its page's URL or its number, if it lies within the scope. */
    Optional<ProductRef> product(String reference, Scope scope) {
        String text = reference.strip();
        String slug =
                text.replaceAll("^.*/products/", "").replaceAll("[?#].*$", "").replaceAll("/+$", "");
        Long id = text.matches("^\\d{1,18}$") ? Long.valueOf(text) : null;
        return database.one(
                "select p.id, p.slug, p.name, p.producer_id, pr.province_code from product p"
                        + " join producer pr on pr.id = p.producer_id where (p.slug = ? or p.id = ?) and "
                        + Scope.condition("pr.province_code", "p.producer_id") + " limit 1",
                row -> new ProductRef(
                        row.getLong("id"),
                        row.getString("slug"),
                        row.getString("name"),
                        row.getLong("producer_id"),
                        row.getString("province_code")),
                scope.bindings(new Object[] {slug, id}));
    }

    /** The products a producer's account may propose: its own. */
    List<ProductRef> productsOf(long producerId) {
        return database.list(
                "select p.id, p.slug, p.name, p.producer_id, pr.province_code from product p"
                        + " join producer pr on pr.id = p.producer_id where p.producer_id = ? order by p.name, p.id",
                row -> new ProductRef(
                        row.getLong("id"),
                        row.getString("slug"),
                        row.getString("name"),
                        row.getLong("producer_id"),
                        row.getString("province_code")),
                producerId);
    }

    /** Staff put a product on a point's shelves (or change its line): confirmed at once. */
    void stock(Staff staff, DisplayPoint point, ProductRef product, @Nullable Long price, boolean inStock) {
        database.inTransaction(() -> {
            Optional<Line> before = line(point.id(), product.id());
            database.update("""
                    insert into display_point_product (point_id, product_id, price_vnd, in_stock, state,
                        last_confirmed_at)
                    values (?, ?, ?, ?, 'CONFIRMED', now())
                    on conflict (point_id, product_id) do update set price_vnd = excluded.price_vnd,
                        in_stock = excluded.in_stock, state = 'CONFIRMED', last_confirmed_at = now(), updated_at = now()
                    """, point.id(), product.id(), price, inStock);
            audit.record(
                    staff,
                    "display-point.stock",
                    "display_point",
                    point.id(),
                    point.provinceCode(),
                    product.producerId(),
                    before.map(Line::audited).orElse(null),
                    line(point.id(), product.id()).orElseThrow().audited());
            return null;
        });
        directory.invalidate();
    }

    /** Staff confirm a producer's proposal (or re-confirm a line as still true today). */
    void confirm(Staff staff, DisplayPoint point, Line line) {
        database.inTransaction(() -> {
            database.update(
                    "update display_point_product set state = 'CONFIRMED', last_confirmed_at = now(), updated_at = now()"
                            + " where point_id = ? and product_id = ?",
                    point.id(),
                    line.productId());
            audit.record(
                    staff,
                    "display-point.confirm",
                    "display_point",
                    point.id(),
                    point.provinceCode(),
                    line.producerId(),
                    line.audited(),
                    line(point.id(), line.productId()).orElseThrow().audited());
            return null;
        });
        directory.invalidate();
    }

    void remove(Staff staff, DisplayPoint point, Line line) {
        database.inTransaction(() -> {
            database.update(
                    "delete from display_point_product where point_id = ? and product_id = ?",
                    point.id(),
                    line.productId());
            audit.record(
                    staff,
                    "display-point.unstock",
                    "display_point",
                    point.id(),
                    point.provinceCode(),
                    line.producerId(),
                    line.audited(),
                    null);
            return null;
        });
        directory.invalidate();
    }

    /**
     * A producer's account proposes one of its own products for a point; a line staff confirmed stays confirmed
     * (the proposal then only updates price and stock, which staff see in the audit log).
     */
    void propose(
            Staff producer,
            long pointId,
            String pointProvince,
            ProductRef product,
            @Nullable Long price,
            boolean inStock) {
        database.inTransaction(() -> {
            Optional<Line> before = line(pointId, product.id());
            database.update("""
                    insert into display_point_product (point_id, product_id, price_vnd, in_stock, state, proposed_by)
                    values (?, ?, ?, ?, 'PROPOSED', ?)
                    on conflict (point_id, product_id) do update set price_vnd = excluded.price_vnd,
                        in_stock = excluded.in_stock, proposed_by = excluded.proposed_by, updated_at = now()
                    """, pointId, product.id(), price, inStock, producer.email());
            audit.record(
                    producer,
                    "display-point.propose",
                    "display_point",
                    pointId,
                    pointProvince,
                    product.producerId(),
                    before.map(Line::audited).orElse(null),
                    line(pointId, product.id()).orElseThrow().audited());
            return null;
        });
        directory.invalidate();
    }

    /** The lines a producer proposed or stocks, over every point. */
    List<Map<String, Object>> linesOfProducer(long producerId) {
        return database.list(
                """
                select dp.id as point_id, dp.name as point_name, pv.name as province_name, p.name as product_name,
                       l.price_vnd, l.in_stock, l.state
                from display_point_product l join display_point dp on dp.id = l.point_id
                join province pv on pv.code = dp.province_code join product p on p.id = l.product_id
                where p.producer_id = ? order by dp.name, p.name
                """,
                row -> {
                    Map<String, Object> line = new HashMap<>();
                    line.put("pointId", row.getLong("point_id"));
                    line.put("pointName", row.getString("point_name"));
                    line.put("provinceName", row.getString("province_name"));
                    line.put("productName", row.getString("product_name"));
                    line.put("priceVnd", Database.nullableLong(row, "price_vnd"));
                    line.put("inStock", row.getBoolean("in_stock"));
                    line.put("state", row.getString("state"));
                    return line;
                },
                producerId);
    }

    /** Points a producer may propose to: every point that is not closed, by province. */
    List<Row> openPoints() {
        return list(Scope.national(), new Filter(null, null), 0, 10_000).stream()
                .filter(row -> row.status() != DisplayPoint.Status.CLOSED)
                .toList();
    }

    static DisplayPoint point(ResultSet row) throws SQLException {
        return new DisplayPoint(
                row.getLong("id"),
                DisplayPoint.Kind.valueOf(row.getString("kind")),
                row.getString("name"),
                row.getString("operator"),
                row.getString("address_line"),
                row.getString("province_code"),
                row.getString("province_name"),
                row.getString("commune_code"),
                row.getString("commune_name"),
                row.getDouble("latitude"),
                row.getDouble("longitude"),
                row.getString("phone"),
                row.getString("email"),
                row.getString("website"),
                DisplayPoint.Status.valueOf(row.getString("status")),
                Database.date(row, "opened_on"),
                Database.date(row, "status_since"),
                Database.texts(row, "criteria").stream()
                        .flatMap(name -> DisplayPoint.Criterion.parse(name).stream())
                        .toList(),
                Database.date(row, "criteria_checked_on"),
                OpeningHours.none());
    }

    static DisplayPoint withHours(DisplayPoint point, OpeningHours hours) {
        return new DisplayPoint(
                point.id(),
                point.kind(),
                point.name(),
                point.operator(),
                point.addressLine(),
                point.provinceCode(),
                point.provinceName(),
                point.communeCode(),
                point.communeName(),
                point.latitude(),
                point.longitude(),
                point.phone(),
                point.email(),
                point.website(),
                point.status(),
                point.openedOn(),
                point.statusSince(),
                point.criteria(),
                point.criteriaCheckedOn(),
                hours);
    }

    private static Line line(ResultSet row) throws SQLException {
        return new Line(
                row.getLong("product_id"),
                row.getString("slug"),
                row.getString("name"),
                row.getString("producer_name"),
                row.getLong("producer_id"),
                Database.nullableLong(row, "price_vnd"),
                row.getBoolean("in_stock"),
                row.getString("state"),
                row.getString("proposed_by"),
                Database.instant(row, "last_confirmed_at"));
    }

    /** Provinces and their communes for the forms. */
    List<Map<String, String>> provinces(Scope scope) {
        return database.list(
                "select code, name from province where cast(? as text) is null or code = ? order by name",
                row -> Map.of("code", row.getString("code"), "name", row.getString("name")),
                scope.provinceCode(),
                scope.provinceCode());
    }

    List<Map<String, String>> communes(String provinceCode) {
        return database.list(
                "select code, name from commune where province_code = ? order by name",
                row -> Map.of("code", row.getString("code"), "name", row.getString("name")),
                provinceCode);
    }

    boolean communeIn(String communeCode, String provinceCode) {
        return database.count(
                        "select count(*) from commune where code = ? and province_code = ?", communeCode, provinceCode)
                > 0;
    }

    boolean provinceExists(String code) {
        return database.count("select count(*) from province where code = ?", code) > 0;
    }
}
