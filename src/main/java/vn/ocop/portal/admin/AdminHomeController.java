package vn.ocop.portal.admin;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.views.ModelAndView;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import vn.ocop.portal.staff.Attention;
import vn.ocop.portal.staff.Permission;
import vn.ocop.portal.staff.Staff;
import vn.ocop.portal.staff.StaffMenuEntry;
import vn.ocop.portal.staff.StaffOnly;

/**
 * The admin landing page ({@code /admin}): who is signed in, with what scope, what needs their attention (each desk
 * says, for the caller's scope) and the desks the role may use.
 */
@Controller("/admin")
@Produces(MediaType.TEXT_HTML)
@io.micronaut.scheduling.annotation.ExecuteOn(io.micronaut.scheduling.TaskExecutors.BLOCKING)
class AdminHomeController {

    private final List<StaffMenuEntry> entries;
    private final List<Attention.Source> attention;

    AdminHomeController(List<StaffMenuEntry> entries, List<Attention.Source> attention) {
        this.entries = entries.stream()
                .sorted(Comparator.comparingInt(StaffMenuEntry::position))
                .toList();
        this.attention = attention;
    }

    @Get
    @StaffOnly(Permission.ADMIN_HOME)
    HttpResponse<?> home(Staff staff) {
        Map<String, Object> model = new HashMap<>();
        model.put(
                "desks",
                entries.stream().filter(entry -> staff.may(entry.permission())).toList());
        model.put(
                "attention",
                attention.stream()
                        .map(source -> source.attention(staff))
                        .flatMap(java.util.Optional::stream)
                        .filter(item -> item.count() > 0)
                        .toList());
        return HttpResponse.ok(new ModelAndView<>("admin/home", model))
                .contentType(MediaType.TEXT_HTML_TYPE)
                .header(HttpHeaders.CACHE_CONTROL, "no-store");
    }
}
