package vn.ocop.portal.showroom;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Error;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * {@code GET /api/v1/display-points}: the display points that are not closed, filtered by province, kind, product
 * and "open now", and with {@code near=lat,lon} sorted by distance (within {@code radiusKm} when given); at most
 * {@code limit} of them (100 unless asked, up to 1,000), with the total that match. Answers from the in-memory
 * directory. Bad parameters get 400 with an RFC 9457 problem body.
 */
@Controller("/api/v1/display-points")
@Produces(MediaType.APPLICATION_JSON)
@ExecuteOn(TaskExecutors.BLOCKING)
class DisplayPointApiController {

    static final MediaType PROBLEM_JSON = MediaType.of("application/problem+json");

    /** Items in an answer unless {@code limit} says otherwise, and the most it may ask. */
    static final int DEFAULT_LIMIT = 100;

    static final int MAX_LIMIT = 1000;

    @Serdeable
    record Problem(String type, String title, int status, String detail) {}

    /** The list is there even when empty. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Answer(int total, List<Item> items) {}

    /** A parameter the API cannot take: answered 400 with a problem body saying which and how. */
    static final class BadParameter extends RuntimeException {
        BadParameter(String detail) {
            super(detail, null, false, false);
        }
    }

    @Serdeable
    record Item(
            long id,
            String name,
            String kind,
            String operator,
            String address,
            String provinceCode,
            String provinceName,
            @Nullable String communeName,
            double latitude,
            double longitude,
            String status,
            boolean openNow,
            @Nullable Double distanceKm,
            String url,
            List<Stocked> products) {}

    @Serdeable
    record Stocked(
            long id, String slug, String name, @Nullable Long priceVnd, boolean inStock) {}

    private final PointDirectory directory;

    DisplayPointApiController(PointDirectory directory) {
        this.directory = directory;
    }

    // The problem body through an error handler: answered from the route's own method, its detail was lost.
    @Error(exception = BadParameter.class)
    HttpResponse<Problem> badParameter(BadParameter e) {
        return HttpResponse.<Problem>status(HttpStatus.BAD_REQUEST)
                .contentType(PROBLEM_JSON)
                .body(new Problem("about:blank", "Bad Request", 400, e.getMessage()));
    }

    @Get
    HttpResponse<?> search(
            @QueryValue @Nullable String near,
            @QueryValue @Nullable String radiusKm,
            @QueryValue @Nullable String product,
            @QueryValue @Nullable String province,
            @QueryValue @Nullable String type,
            @QueryValue @Nullable String openNow,
            @QueryValue @Nullable String limit) {
        Double latitude = null;
        Double longitude = null;
        if (near != null) {
            String[] parts = near.split(",", -1);
            if (parts.length != 2 || !number(parts[0]) || !number(parts[1])) {
                throw new BadParameter("near is latitude,longitude in decimal degrees, e.g. near=21.0285,105.8542");
            }
            latitude = Double.parseDouble(parts[0].strip());
            longitude = Double.parseDouble(parts[1].strip());
            if (!Distances.valid(latitude, longitude)) {
                throw new BadParameter("near is out of range: latitude -90 to 90, longitude -180 to 180");
            }
        }
        Double radius = null;
        if (radiusKm != null) {
            if (!number(radiusKm)
                    || Double.parseDouble(radiusKm.strip()) <= 0
                    || Double.parseDouble(radiusKm.strip()) > 20_000) {
                throw new BadParameter("radiusKm is a number of kilometres above 0 and up to 20000");
            }
            if (latitude == null) {
                throw new BadParameter("radiusKm needs near=lat,lon");
            }
            radius = Double.parseDouble(radiusKm.strip());
        }
        if (province != null && !province.matches("^\\d{2}$")) {
            throw new BadParameter("province is a two-digit province code, e.g. 01");
        }
        DisplayPoint.Kind kind = null;
        if (type != null) {
            kind = DisplayPoint.Kind.parse(type).orElse(null);
            if (kind == null) {
                throw new BadParameter("type is one of "
                        + String.join(", ", DisplayPointDeskController.names(DisplayPoint.Kind.values())));
            }
        }
        boolean open = false;
        if (openNow != null) {
            if (!openNow.equals("true") && !openNow.equals("false")) {
                throw new BadParameter("openNow is true or false");
            }
            open = openNow.equals("true");
        }
        int most = DEFAULT_LIMIT;
        if (limit != null) {
            if (!limit.strip().matches("^\\d{1,4}$")
                    || Integer.parseInt(limit.strip()) < 1
                    || Integer.parseInt(limit.strip()) > MAX_LIMIT) {
                throw new BadParameter("limit is a whole number from 1 to " + MAX_LIMIT);
            }
            most = Integer.parseInt(limit.strip());
        }
        Long productId = null;
        if (product != null) {
            if (product.length() > 200) {
                throw new BadParameter("product is a product's slug or id");
            }
            if (product.matches("^\\d{1,18}$")) {
                productId = Long.parseLong(product);
            } else {
                PointDirectory.Product found = directory.product(product).orElse(null);
                if (found == null) {
                    return HttpResponse.ok(new Answer(0, List.of()));
                }
                productId = found.id();
            }
        }
        List<PointDirectory.Found> found = directory.search(
                new PointDirectory.Query(province, kind, productId, latitude, longitude, radius, open));
        return HttpResponse.ok(new Answer(
                found.size(),
                found.stream().limit(most).map(DisplayPointApiController::item).toList()));
    }

    private static Item item(PointDirectory.Found found) {
        PointDirectory.Point p = found.point();
        return new Item(
                p.id(),
                p.name(),
                p.kind().name(),
                p.operator(),
                p.addressLine(),
                p.provinceCode(),
                p.provinceName(),
                p.communeName(),
                p.latitude(),
                p.longitude(),
                p.status().name(),
                found.openNow(),
                found.distanceKm() == null ? null : Math.round(found.distanceKm() * 1000) / 1000.0,
                "/display-points/" + p.id(),
                p.stock().stream()
                        .map(s ->
                                new Stocked(s.productId(), s.productSlug(), s.productName(), s.priceVnd(), s.inStock()))
                        .toList());
    }

    private static boolean number(String text) {
        return text != null && text.strip().matches("^-?\\d{1,5}(\\.\\d{1,10})?$");
    }
}
