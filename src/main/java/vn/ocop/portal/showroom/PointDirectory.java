package vn.ocop.portal.showroom;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.ocop.portal.shared.Database;

/**
 * The public side of the display points, held in memory: every point that is not closed, with its hours and the
 * confirmed products it stocks, indexed by product. The public pages, the API and "where to buy" on the product
 * and scan pages read it without a database round trip; a staff change reloads it at the next read, and it is
 * reloaded at least every {@link #MAX_AGE} so that another instance's changes show too.
 */
@Singleton
class PointDirectory {

    static final Duration MAX_AGE = Duration.ofSeconds(60);
    private static final double EARTH_RADIUS_KM = 6371.0088;

    /** A confirmed product of a point. */
    record Stock(
            long productId,
            String productSlug,
            String productName,
            @Nullable String productNameEn,
            @Nullable Long priceVnd,
            boolean inStock,
            @Nullable Instant lastConfirmedAt) {}

    /** A point as visitors see it. */
    record Point(
            long id,
            DisplayPoint.Kind kind,
            String name,
            String operator,
            String addressLine,
            String provinceCode,
            String provinceName,
            String provinceNameEn,
            @Nullable String communeName,
            @Nullable String communeNameEn,
            double latitude,
            double longitude,
            @Nullable String phone,
            @Nullable String email,
            @Nullable String website,
            DisplayPoint.Status status,
            LocalDate statusSince,
            boolean meetsCriteria,
            OpeningHours hours,
            List<Stock> stock) {

        boolean openAt(LocalDateTime at) {
            return status == DisplayPoint.Status.OPEN && hours.openAt(at);
        }
    }

    /** A point found, with its distance from where the visitor is (null when unknown). */
    record Found(Point point, @Nullable Double distanceKm, boolean openNow) {}

    /** What a search of the directory asks; every part optional. */
    record Query(
            @Nullable String provinceCode,
            DisplayPoint.@Nullable Kind kind,
            @Nullable Long productId,
            @Nullable Double latitude,
            @Nullable Double longitude,
            @Nullable Double radiusKm,
            boolean openNow) {

        boolean near() {
            return latitude != null && longitude != null;
        }
    }

    /** A product some point stocks, for the product filter. */
    record Product(
            long id, String slug, String name, @Nullable String nameEn) {}

    private record Snapshot(
            Instant loadedAt,
            List<Point> points,
            Map<Long, Point> byId,
            Map<Long, List<Point>> byProduct,
            Map<String, Product> productsBySlug,
            List<Product> products) {}

    private final Database database;
    private final Clock clock;
    private volatile Snapshot snapshot;

    @jakarta.inject.Inject
    PointDirectory(Database database) {
        this(database, Clock.systemUTC());
    }

    PointDirectory(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    /** Drops the snapshot: the next read loads the points again. */
    void invalidate() {
        snapshot = null;
    }

    LocalDateTime now() {
        return LocalDateTime.now(clock.withZone(OpeningHours.ZONE));
    }

    List<Point> all() {
        return current().points();
    }

    Optional<Point> point(long id) {
        return Optional.ofNullable(current().byId().get(id));
    }

    Optional<Product> product(String slug) {
        return Optional.ofNullable(current().productsBySlug().get(slug));
    }

    /** The products that some point stocks, by name. */
    List<Product> products() {
        return current().products();
    }

    List<Found> search(Query query) {
        Snapshot current = current();
        LocalDateTime now = now();
        List<Point> candidates = query.productId() == null
                ? current.points()
                : current.byProduct().getOrDefault(query.productId(), List.of());
        List<Found> found = new ArrayList<>();
        for (Point point : candidates) {
            if (query.provinceCode() != null && !query.provinceCode().equals(point.provinceCode())) {
                continue;
            }
            if (query.kind() != null && query.kind() != point.kind()) {
                continue;
            }
            boolean open = point.openAt(now);
            if (query.openNow() && !open) {
                continue;
            }
            Double distance = query.near()
                    ? distanceKm(query.latitude(), query.longitude(), point.latitude(), point.longitude())
                    : null;
            if (distance != null && query.radiusKm() != null && distance > query.radiusKm()) {
                continue;
            }
            found.add(new Found(point, distance, open));
        }
        if (query.near()) {
            found.sort(Comparator.comparingDouble(Found::distanceKm));
        }
        return found;
    }

    /**
     * The points that stock a product now and are open for business (status open, the product in stock), nearest
     * first when the visitor's place is known.
     */
    List<Found> stocking(long productId, @Nullable Double latitude, @Nullable Double longitude) {
        Snapshot current = current();
        LocalDateTime now = now();
        List<Found> found = new ArrayList<>();
        for (Point point : current.byProduct().getOrDefault(productId, List.of())) {
            if (point.status() != DisplayPoint.Status.OPEN) {
                continue;
            }
            boolean inStock = point.stock().stream().anyMatch(s -> s.productId() == productId && s.inStock());
            if (!inStock) {
                continue;
            }
            Double distance = latitude == null || longitude == null
                    ? null
                    : distanceKm(latitude, longitude, point.latitude(), point.longitude());
            found.add(new Found(point, distance, point.hours().openAt(now)));
        }
        if (latitude != null && longitude != null) {
            found.sort(Comparator.comparingDouble(Found::distanceKm));
        }
        return found;
    }

    /** Great-circle distance (haversine), in kilometres. */
    static double distanceKm(double lat1, double lon1, double lat2, double lon2) {
        double dLat = Math.toRadians(lat2 - lat1);
        double dLon = Math.toRadians(lon2 - lon1);
        double a = Math.sin(dLat / 2) * Math.sin(dLat / 2)
                + Math.cos(Math.toRadians(lat1))
                        * Math.cos(Math.toRadians(lat2))
                        * Math.sin(dLon / 2)
                        * Math.sin(dLon / 2);
        return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(a)));
    }

    private Snapshot current() {
        Snapshot current = snapshot;
        Instant now = clock.instant();
        if (current == null || current.loadedAt().plus(MAX_AGE).isBefore(now)) {
            synchronized (this) {
                current = snapshot;
                if (current == null || current.loadedAt().plus(MAX_AGE).isBefore(now)) {
                    current = load(now);
                    snapshot = current;
                }
            }
        }
        return current;
    }

    private Snapshot load(Instant at) {
        Map<Long, List<Stock>> stock = new HashMap<>();
        Map<String, Product> products = new HashMap<>();
        database.list("""
                select l.point_id, p.id, p.slug, p.name, p.name_en, l.price_vnd, l.in_stock, l.last_confirmed_at
                from display_point_product l join product p on p.id = l.product_id
                join display_point dp on dp.id = l.point_id
                where l.state = 'CONFIRMED' and dp.status <> 'CLOSED'
                order by l.point_id, p.name, p.id
                """, row -> {
            Stock line = new Stock(
                    row.getLong(2),
                    row.getString(3),
                    row.getString(4),
                    row.getString(5),
                    Database.nullableLong(row, "price_vnd"),
                    row.getBoolean("in_stock"),
                    Database.instant(row, "last_confirmed_at"));
            stock.computeIfAbsent(row.getLong(1), id -> new ArrayList<>()).add(line);
            products.putIfAbsent(
                    line.productSlug(),
                    new Product(line.productId(), line.productSlug(), line.productName(), line.productNameEn()));
            return null;
        });
        Map<Long, OpeningHours> hours = HoursTable.all(database);
        List<Point> points = database.list(
                """
                select dp.id, dp.kind, dp.name, dp.operator, dp.address_line, dp.province_code, pv.name as pname,
                       pv.name_en as pname_en, cm.name as cname, cm.name_en as cname_en, dp.latitude, dp.longitude,
                       dp.phone, dp.email, dp.website, dp.status, dp.status_since, cardinality(dp.criteria) as met
                from display_point dp join province pv on pv.code = dp.province_code
                left join commune cm on cm.code = dp.commune_code
                where dp.status <> 'CLOSED'
                order by pv.name, dp.name, dp.id
                """,
                row -> new Point(
                        row.getLong("id"),
                        DisplayPoint.Kind.valueOf(row.getString("kind")),
                        row.getString("name"),
                        row.getString("operator"),
                        row.getString("address_line"),
                        row.getString("province_code"),
                        row.getString("pname"),
                        row.getString("pname_en"),
                        row.getString("cname"),
                        row.getString("cname_en"),
                        row.getDouble("latitude"),
                        row.getDouble("longitude"),
                        row.getString("phone"),
                        row.getString("email"),
                        row.getString("website"),
                        DisplayPoint.Status.valueOf(row.getString("status")),
                        Database.date(row, "status_since"),
                        row.getInt("met") == DisplayPoint.Criterion.values().length,
                        hours.getOrDefault(row.getLong("id"), OpeningHours.none()),
                        List.copyOf(stock.getOrDefault(row.getLong("id"), List.of()))));
        Map<Long, Point> byId = new LinkedHashMap<>();
        Map<Long, List<Point>> byProduct = new HashMap<>();
        for (Point point : points) {
            byId.put(point.id(), point);
            for (Stock line : point.stock()) {
                byProduct
                        .computeIfAbsent(line.productId(), id -> new ArrayList<>())
                        .add(point);
            }
        }
        List<Product> sorted = new ArrayList<>(products.values());
        sorted.sort(Comparator.comparing(Product::name).thenComparing(Product::id));
        return new Snapshot(at, List.copyOf(points), byId, byProduct, Map.copyOf(products), List.copyOf(sorted));
    }
}
