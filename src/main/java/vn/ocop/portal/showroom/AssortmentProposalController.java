package vn.ocop.portal.showroom;

import io.micronaut.core.annotation.Nullable;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.ocop.portal.staff.Permission;
import vn.ocop.portal.staff.Staff;
import vn.ocop.portal.staff.StaffDenied;
import vn.ocop.portal.staff.StaffOnly;
import vn.ocop.portal.staff.UnknownRecord;

/**
 * A producer's account proposes its own products for display points ({@code /admin/assortment}); commerce staff of
 * the point's province confirm them on their desk. Only the account's own products can be proposed, and only to a
 * point that is not closed.
 */
@Controller("/admin/assortment")
@Produces(MediaType.TEXT_HTML)
@ExecuteOn(TaskExecutors.BLOCKING)
class AssortmentProposalController {

    private final DisplayPoints points;

    AssortmentProposalController(DisplayPoints points) {
        this.points = points;
    }

    @Get
    @StaffOnly(Permission.PROPOSE_ASSORTMENT)
    HttpResponse<?> initProposalForm(Staff staff, @QueryValue @Nullable String proposed) {
        Map<String, Object> values = Map.of("point", "", "product", "", "price", "", "inStock", true);
        return page(staff, values, null, proposed != null, HttpStatus.OK);
    }

    @Post
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @StaffOnly(Permission.PROPOSE_ASSORTMENT)
    HttpResponse<?> processProposalForm(Staff staff, @Body Map<String, String> posted) {
        Long producerId = staff.scope().producerId();
        if (producerId == null) {
            throw new StaffDenied(); // an account without a producer has no products of its own
        }
        Map<String, Object> values = new HashMap<>();
        values.put("point", posted.getOrDefault("point", ""));
        values.put("product", posted.getOrDefault("product", ""));
        values.put("price", posted.getOrDefault("price", ""));
        values.put("inStock", posted.containsKey("inStock"));
        Optional<DisplayPoints.Row> point = number(posted.get("point"))
                .flatMap(id -> points.openPoints().stream()
                        .filter(row -> row.id() == id)
                        .findFirst());
        if (point.isEmpty()) {
            return page(staff, values, "point", false, HttpStatus.UNPROCESSABLE_ENTITY);
        }
        Optional<DisplayPoints.ProductRef> product = number(posted.get("product"))
                .flatMap(id -> points.productsOf(producerId).stream()
                        .filter(p -> p.id() == id)
                        .findFirst());
        if (product.isEmpty()) {
            return page(staff, values, "product", false, HttpStatus.UNPROCESSABLE_ENTITY);
        }
        Optional<Long> price = Prices.parse(posted.get("price"));
        if (price == null) {
            return page(staff, values, "price", false, HttpStatus.UNPROCESSABLE_ENTITY);
        }
        String province = points.one(point.get().id(), vn.ocop.portal.staff.Scope.national())
                .orElseThrow(UnknownRecord::new)
                .provinceCode();
        points.propose(
                staff, point.get().id(), province, product.get(), price.orElse(null), posted.containsKey("inStock"));
        return DisplayPointDeskController.seeOther("/admin/assortment?proposed=1");
    }

    private static Optional<Long> number(String text) {
        return text != null && text.matches("^\\d{1,18}$") ? Optional.of(Long.parseLong(text)) : Optional.empty();
    }

    private HttpResponse<?> page(
            Staff staff, Map<String, Object> values, @Nullable String error, boolean proposed, HttpStatus status) {
        Long producerId = staff.scope().producerId();
        Map<String, Object> model = new HashMap<>();
        model.put("values", values);
        model.put("error", error);
        model.put("proposed", proposed);
        model.put("points", points.openPoints());
        model.put("products", producerId == null ? List.of() : points.productsOf(producerId));
        model.put("lines", producerId == null ? List.of() : points.linesOfProducer(producerId));
        return DisplayPointDeskController.page("admin/showroom/assortment", model, status);
    }
}
