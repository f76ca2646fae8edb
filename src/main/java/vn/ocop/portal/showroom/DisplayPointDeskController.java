package vn.ocop.portal.showroom;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.views.ModelAndView;
import java.net.URI;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.ocop.portal.shared.VietnameseText;
import vn.ocop.portal.staff.Permission;
import vn.ocop.portal.staff.Staff;
import vn.ocop.portal.staff.StaffOnly;
import vn.ocop.portal.staff.UnknownRecord;

/**
 * The commerce staff's desk of display points ({@code /admin/display-points}): the province's points, a form to
 * create and edit one (hours, exceptions, status, the Decision 950 checklist), and its assortment, where staff put
 * products on the shelves and confirm what producers proposed. A point of another province answers as if it did
 * not exist to this caller (403 denied, like every desk), and nothing is written.
 */
@Controller("/admin/display-points")
@Produces(MediaType.TEXT_HTML)
@ExecuteOn(TaskExecutors.BLOCKING)
class DisplayPointDeskController {

    static final int PAGE_SIZE = 50;

    private final DisplayPoints points;
    private final MapTiles tiles;

    DisplayPointDeskController(DisplayPoints points, MapTiles tiles) {
        this.points = points;
        this.tiles = tiles;
    }

    @Get
    @StaffOnly(Permission.MANAGE_DISPLAY_POINTS)
    HttpResponse<?> list(
            Staff staff,
            @QueryValue @Nullable String q,
            @QueryValue @Nullable String status,
            @QueryValue @Nullable Integer page) {
        String query = q == null ? "" : VietnameseText.nfc(q).strip();
        if (query.length() > 200) {
            query = query.substring(0, 200);
        }
        DisplayPoints.Filter filter = new DisplayPoints.Filter(
                query, DisplayPoint.Status.parse(status).orElse(null));
        int pageNumber = page == null || page < 1 ? 1 : Math.min(page, 100_000);
        long total = points.count(staff.scope(), filter);
        Map<String, Object> model = new HashMap<>();
        model.put("points", points.list(staff.scope(), filter, (pageNumber - 1) * PAGE_SIZE, PAGE_SIZE));
        model.put("q", query);
        model.put("status", filter.status() == null ? "" : filter.status().name());
        model.put("statuses", names(DisplayPoint.Status.values()));
        model.put("total", total);
        model.put("page", pageNumber);
        model.put("pages", Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE));
        return page("admin/showroom/points", model, HttpStatus.OK);
    }

    @Get("/new")
    @StaffOnly(Permission.MANAGE_DISPLAY_POINTS)
    HttpResponse<?> initCreationForm(Staff staff) {
        return form(
                staff, null, PointForm.blank(staff.getProvinceCode(), LocalDate.now(OpeningHours.ZONE)), HttpStatus.OK);
    }

    @Post("/new")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @StaffOnly(Permission.MANAGE_DISPLAY_POINTS)
    HttpResponse<?> processCreationForm(Staff staff, @Body Map<String, String> posted) {
        PointForm form = checked(staff, PointForm.read(posted));
        if (form.draft == null) {
            return form(staff, null, form, HttpStatus.UNPROCESSABLE_ENTITY);
        }
        long id = points.create(staff, form.draft);
        return seeOther("/admin/display-points/" + id + "?saved=1");
    }

    @Get("/{id}")
    @StaffOnly(Permission.MANAGE_DISPLAY_POINTS)
    HttpResponse<?> initUpdateForm(Staff staff, long id, @QueryValue @Nullable String saved) {
        DisplayPoint point = point(staff, id);
        Map<String, Object> extra = new HashMap<>();
        extra.put("saved", saved != null);
        return form(staff, point, PointForm.of(point), HttpStatus.OK, extra);
    }

    @Post("/{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @StaffOnly(Permission.MANAGE_DISPLAY_POINTS)
    HttpResponse<?> processUpdateForm(Staff staff, long id, @Body Map<String, String> posted) {
        DisplayPoint point = point(staff, id);
        PointForm form = checked(staff, PointForm.read(posted));
        if (form.draft == null) {
            return form(staff, point, form, HttpStatus.UNPROCESSABLE_ENTITY);
        }
        points.update(staff, point, form.draft);
        return seeOther("/admin/display-points/" + id + "?saved=1");
    }

    @Post("/{id}/products")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @StaffOnly(Permission.MANAGE_DISPLAY_POINTS)
    HttpResponse<?> stock(Staff staff, long id, @Body Map<String, String> posted) {
        DisplayPoint point = point(staff, id);
        String reference =
                VietnameseText.nfc(posted.getOrDefault("product", "")).strip();
        Optional<DisplayPoints.ProductRef> product = reference.isEmpty() || reference.length() > 300
                ? Optional.empty()
                : points.product(reference, vn.ocop.portal.staff.Scope.national());
        Optional<Long> price = Prices.parse(posted.get("price"));
        Map<String, Object> extra = new HashMap<>();
        extra.put(
                "line",
                Map.of(
                        "product",
                        reference,
                        "price",
                        posted.getOrDefault("price", ""),
                        "inStock",
                        posted.containsKey("inStock")));
        if (product.isEmpty()) {
            extra.put("lineError", "product");
            return form(staff, point, PointForm.of(point), HttpStatus.UNPROCESSABLE_ENTITY, extra);
        }
        if (price == null) {
            extra.put("lineError", "price");
            return form(staff, point, PointForm.of(point), HttpStatus.UNPROCESSABLE_ENTITY, extra);
        }
        points.stock(staff, point, product.get(), price.orElse(null), posted.containsKey("inStock"));
        return seeOther("/admin/display-points/" + id + "#assortment");
    }

    @Post("/{id}/products/{productId}/confirm")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @StaffOnly(Permission.MANAGE_DISPLAY_POINTS)
    HttpResponse<?> confirm(Staff staff, long id, long productId) {
        DisplayPoint point = point(staff, id);
        DisplayPoints.Line line = points.line(point.id(), productId).orElseThrow(UnknownRecord::new);
        points.confirm(staff, point, line);
        return seeOther("/admin/display-points/" + id + "#assortment");
    }

    @Post("/{id}/products/{productId}/remove")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @StaffOnly(Permission.MANAGE_DISPLAY_POINTS)
    HttpResponse<?> remove(Staff staff, long id, long productId) {
        DisplayPoint point = point(staff, id);
        DisplayPoints.Line line = points.line(point.id(), productId).orElseThrow(UnknownRecord::new);
        points.remove(staff, point, line);
        return seeOther("/admin/display-points/" + id + "#assortment");
    }

    /** Checks what only the database can tell: the province within the caller's scope, the commune within it. */
    private PointForm checked(Staff staff, PointForm form) {
        String province = form.value("province");
        if (!form.errors.contains("province")) {
            if (!points.provinceExists(province)) {
                form.errors.add("province");
            } else if (!staff.scope().covers(province, null)) {
                form.errors.add("province-scope");
            }
        }
        String commune = form.value("commune");
        if (!commune.isEmpty() && !form.errors.contains("commune") && !points.communeIn(commune, province)) {
            form.errors.add("commune");
        }
        if (!form.errors.isEmpty()) {
            form.draft = null;
        }
        return form;
    }

    private DisplayPoint point(Staff staff, long id) {
        return points.one(id, staff.scope()).orElseThrow(UnknownRecord::new);
    }

    private HttpResponse<?> form(Staff staff, @Nullable DisplayPoint point, PointForm form, HttpStatus status) {
        return form(staff, point, form, status, Map.of());
    }

    private HttpResponse<?> form(
            Staff staff, @Nullable DisplayPoint point, PointForm form, HttpStatus status, Map<String, Object> extra) {
        Map<String, Object> model = new HashMap<>(extra);
        model.put("point", point);
        model.put("values", form.values);
        model.put("errors", List.copyOf(form.errors));
        model.put("kinds", names(DisplayPoint.Kind.values()));
        model.put("statuses", names(DisplayPoint.Status.values()));
        model.put("criteriaGroups", DisplayPoint.Criterion.byGroup());
        model.put("weekdays", names(DayOfWeek.values()));
        model.put("provinces", points.provinces(staff.scope()));
        String province = form.value("province");
        model.put("communes", province.matches("^\\d{2}$") ? points.communes(province) : List.of());
        if (point != null) {
            model.put("lines", points.lines(point.id()));
        }
        model.putIfAbsent("line", Map.of("product", "", "price", "", "inStock", true));
        model.putIfAbsent("saved", false);
        // The coordinates can be picked on a map (an enhancement: the typed fields stay the way to give them).
        tiles.addTo(model, "/static/css/showroom.css", "/static/js/point-form-map.js");
        return HttpResponse.status(status)
                .contentType(MediaType.TEXT_HTML_TYPE)
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .header("Content-Security-Policy", tiles.contentSecurityPolicy())
                .body(new ModelAndView<>("admin/showroom/point", model));
    }

    static List<String> names(Enum<?>[] values) {
        return java.util.Arrays.stream(values).map(Enum::name).toList();
    }

    static HttpResponse<?> seeOther(String location) {
        return HttpResponse.seeOther(URI.create(location)).header(HttpHeaders.CACHE_CONTROL, "no-store");
    }

    static HttpResponse<?> page(String view, Map<String, Object> model, HttpStatus status) {
        return HttpResponse.status(status)
                .contentType(MediaType.TEXT_HTML_TYPE)
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(new ModelAndView<>(view, model));
    }
}
