package vn.ocop.portal.showroom;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.http.server.util.locale.HttpLocaleResolver;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.views.ModelAndView;
import java.net.URI;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import vn.ocop.portal.shared.Language;

/**
 * {@code /display-points}: where to find OCOP products, as a list that works without JavaScript and a map that
 * enhances it; filters by province, kind and product; "near me" sorts by distance from the {@code lat} / {@code lon}
 * the browser sends on a click (or anyone types into the address). {@code /display-points/{id}}: one point, its
 * products and hours, whether it is open now.
 */
@Controller
@Produces(MediaType.TEXT_HTML)
@ExecuteOn(TaskExecutors.BLOCKING)
class DisplayPointPageController {

    /** Map groups: points within one cell of this many degrees are one marker while the map is zoomed out. */
    static final double GROUP_CELL_DEGREES = 1.0;

    private final PointDirectory directory;
    private final HttpLocaleResolver locales;
    private final MapTiles tiles;

    DisplayPointPageController(PointDirectory directory, HttpLocaleResolver locales, MapTiles tiles) {
        this.directory = directory;
        this.locales = locales;
        this.tiles = tiles;
    }

    /** A point as the list shows it. */
    record Listed(
            long id,
            String name,
            String kind,
            String addressLine,
            String place,
            String status,
            boolean openNow,
            @Nullable String distanceShown,
            double latitude,
            double longitude) {
        public long getId() {
            return id;
        }

        public String getName() {
            return name;
        }

        public String getKind() {
            return kind;
        }

        public String getAddressLine() {
            return addressLine;
        }

        public String getPlace() {
            return place;
        }

        public String getStatus() {
            return status;
        }

        public boolean isOpenNow() {
            return openNow;
        }

        public String getDistanceShown() {
            return distanceShown;
        }

        public String getLatitude() {
            return Double.toString(latitude);
        }

        public String getLongitude() {
            return Double.toString(longitude);
        }
    }

    /** A marker standing for several points of one cell on a zoomed-out map. */
    record Group(double latitude, double longitude, int count) {
        public String getLatitude() {
            return Double.toString(latitude);
        }

        public String getLongitude() {
            return Double.toString(longitude);
        }

        public int getCount() {
            return count;
        }
    }

    @Get(uris = {"/display-points", "/en/display-points"})
    HttpResponse<?> list(
            HttpRequest<?> request,
            @QueryValue @Nullable String province,
            @QueryValue @Nullable String type,
            @QueryValue @Nullable String product,
            @QueryValue @Nullable String lat,
            @QueryValue @Nullable String lon) {
        Locale locale = locales.resolveOrDefault(request);
        boolean english = "en".equals(locale.getLanguage());
        Map<String, Object> model = new HashMap<>();
        Map<String, String> values = new HashMap<>();
        values.put("province", province == null ? "" : province);
        values.put("type", type == null ? "" : type);
        values.put("product", product == null ? "" : product);
        values.put("lat", lat == null ? "" : lat);
        values.put("lon", lon == null ? "" : lon);
        List<String> problems = new ArrayList<>();
        String provinceCode = null;
        if (province != null && !province.isBlank()) {
            if (province.matches("^\\d{2}$")) {
                provinceCode = province;
            } else {
                problems.add("province");
            }
        }
        DisplayPoint.Kind kind = null;
        if (type != null && !type.isBlank()) {
            kind = DisplayPoint.Kind.parse(type).orElse(null);
            if (kind == null) {
                problems.add("type");
            }
        }
        Long productId = null;
        if (product != null && !product.isBlank()) {
            Optional<PointDirectory.Product> found =
                    product.length() > 200 ? Optional.empty() : directory.product(product);
            if (found.isPresent()) {
                productId = found.get().id();
                model.put("productName", productName(found.get(), english));
            } else {
                problems.add("product");
            }
        }
        Double latitude = null;
        Double longitude = null;
        boolean locationGiven = (lat != null && !lat.isBlank()) || (lon != null && !lon.isBlank());
        if (locationGiven) {
            latitude = coordinate(lat);
            longitude = coordinate(lon);
            if (!Distances.valid(latitude, longitude)) {
                problems.add("location");
                latitude = null;
                longitude = null;
            }
        }
        boolean unknownProduct = problems.contains("product");
        List<PointDirectory.Found> found = unknownProduct
                ? List.of()
                : directory.search(
                        new PointDirectory.Query(provinceCode, kind, productId, latitude, longitude, null, false));
        List<Listed> listed = found.stream().map(f -> listed(f, english)).toList();
        model.put("points", listed);
        model.put("groups", groups(found));
        model.put("near", latitude != null);
        model.put("values", values);
        model.put("problems", problems);
        model.put("kinds", DisplayPointDeskController.names(DisplayPoint.Kind.values()));
        model.put("provinces", provinces(english));
        model.put(
                "products",
                directory.products().stream()
                        .map(p -> Map.of("slug", p.slug(), "name", productName(p, english)))
                        .toList());
        return page("showroom/points", model, HttpStatus.OK);
    }

    @Get(uris = {"/display-points/{id}", "/en/display-points/{id}"})
    HttpResponse<?> point(HttpRequest<?> request, String id) {
        if (!id.matches("^\\d{1,18}$")) {
            throw new HttpStatusException(HttpStatus.NOT_FOUND, "no such display point");
        }
        PointDirectory.Point point = directory
                .point(Long.parseLong(id))
                .orElseThrow(() -> new HttpStatusException(HttpStatus.NOT_FOUND, "no such display point"));
        Locale locale = locales.resolveOrDefault(request);
        boolean english = "en".equals(locale.getLanguage());
        LocalDateTime now = directory.now();
        Map<String, Object> model = new HashMap<>();
        model.put("point", listed(new PointDirectory.Found(point, null, point.openAt(now)), english));
        model.put("phone", point.phone());
        model.put(
                "phoneLink",
                point.phone() == null ? null : "tel:" + point.phone().replaceAll("[^0-9+]", ""));
        model.put("email", point.email());
        model.put("website", point.website());
        model.put("meetsCriteria", point.meetsCriteria());
        model.put("statusSince", point.statusSince().format(Language.of(locale).dates()));
        Map<String, String> week = new LinkedHashMap<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            week.put(day.name(), point.hours().weekdayText(day));
        }
        model.put("week", week);
        model.put("today", now.getDayOfWeek().name());
        LocalDate today = now.toLocalDate();
        model.put(
                "exceptions",
                point.hours().exceptions().values().stream()
                        .filter(e -> !e.day().isBefore(today) && e.day().isBefore(today.plusDays(60)))
                        .map(e -> Map.of(
                                "day", e.day().format(Language.of(locale).dates()),
                                "hours", e.hours() == null ? "" : e.hours().toString(),
                                "note", e.note()))
                        .toList());
        model.put(
                "products",
                point.stock().stream()
                        .map(s -> {
                            Map<String, Object> line = new HashMap<>();
                            line.put("slug", s.productSlug());
                            line.put(
                                    "name", english && s.productNameEn() != null ? s.productNameEn() : s.productName());
                            line.put("price", s.priceVnd());
                            line.put("inStock", s.inStock());
                            return line;
                        })
                        .toList());
        model.put(
                "osmUrl",
                URI.create("https://www.openstreetmap.org/?mlat=" + point.latitude() + "&mlon=" + point.longitude()
                                + "#map=17/" + point.latitude() + "/" + point.longitude())
                        .toString());
        return page("showroom/point", model, HttpStatus.OK);
    }

    private Listed listed(PointDirectory.Found found, boolean english) {
        PointDirectory.Point point = found.point();
        String commune = english && point.communeNameEn() != null ? point.communeNameEn() : point.communeName();
        String province = english ? point.provinceNameEn() : point.provinceName();
        return new Listed(
                point.id(),
                point.name(),
                point.kind().name(),
                point.addressLine(),
                commune == null ? province : commune + ", " + province,
                point.status().name(),
                found.openNow(),
                found.distanceKm() == null ? null : Distances.shown(found.distanceKm()),
                point.latitude(),
                point.longitude());
    }

    private List<Map<String, String>> provinces(boolean english) {
        Map<String, String> byCode = new LinkedHashMap<>();
        for (PointDirectory.Point point : directory.all()) {
            byCode.putIfAbsent(point.provinceCode(), english ? point.provinceNameEn() : point.provinceName());
        }
        return byCode.entrySet().stream()
                .sorted(Map.Entry.comparingByValue())
                .map(e -> Map.of("code", e.getKey(), "name", e.getValue()))
                .toList();
    }

    static List<Group> groups(List<PointDirectory.Found> found) {
        Map<String, double[]> cells = new LinkedHashMap<>();
        for (PointDirectory.Found f : found) {
            String cell = Math.floor(f.point().latitude() / GROUP_CELL_DEGREES) + ":"
                    + Math.floor(f.point().longitude() / GROUP_CELL_DEGREES);
            double[] sum = cells.computeIfAbsent(cell, c -> new double[3]);
            sum[0] += f.point().latitude();
            sum[1] += f.point().longitude();
            sum[2]++;
        }
        return cells.values().stream()
                .map(sum -> new Group(sum[0] / sum[2], sum[1] / sum[2], (int) sum[2]))
                .toList();
    }

    private static String productName(PointDirectory.Product product, boolean english) {
        return english && product.nameEn() != null ? product.nameEn() : product.name();
    }

    private static @Nullable Double coordinate(@Nullable String text) {
        if (text == null || !text.strip().matches("^-?\\d{1,3}(\\.\\d{1,10})?$")) {
            return null;
        }
        return Double.parseDouble(text.strip());
    }

    private HttpResponse<?> page(String view, Map<String, Object> model, HttpStatus status) {
        tiles.addTo(model, "/static/css/showroom.css", "/static/js/display-points.js");
        return HttpResponse.status(status)
                .contentType(MediaType.TEXT_HTML_TYPE)
                .header("Content-Security-Policy", tiles.contentSecurityPolicy())
                .header(WhereToBuy.PERMISSIONS_HEADER, WhereToBuy.NEAR_ME_PERMISSIONS)
                .body(new ModelAndView<>(view, model));
    }
}
