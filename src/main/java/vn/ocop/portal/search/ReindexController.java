package vn.ocop.portal.search;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.views.ModelAndView;
import java.net.URI;
import java.util.Map;
import vn.ocop.portal.staff.Permission;
import vn.ocop.portal.staff.Staff;
import vn.ocop.portal.staff.StaffDenied;
import vn.ocop.portal.staff.StaffOnly;

/**
 * The search desk ({@code /admin/search}): a national administrator rebuilds the search index from PostgreSQL and
 * watches its progress (the page refreshes itself while it runs; no script needed).
 */
@Controller("/admin/search")
@Produces(MediaType.TEXT_HTML)
@StaffOnly(Permission.REINDEX_SEARCH)
class ReindexController {

    private final Reindexing reindexing;

    ReindexController(Reindexing reindexing) {
        this.reindexing = reindexing;
    }

    @Get
    HttpResponse<?> show(Staff staff) {
        national(staff);
        return HttpResponse.ok(new ModelAndView<>("admin/search/reindex", Map.of("state", reindexing.state())))
                .contentType(MediaType.TEXT_HTML_TYPE);
    }

    @Post("/reindex")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> reindex(Staff staff) {
        national(staff);
        if (!reindexing.start(staff)) {
            return HttpResponse.status(HttpStatus.CONFLICT)
                    .body(new ModelAndView<>(
                            "admin/search/reindex", Map.of("state", reindexing.state(), "alreadyRunning", true)))
                    .contentType(MediaType.TEXT_HTML_TYPE);
        }
        return HttpResponse.seeOther(URI.create("/admin/search")).header(HttpHeaders.CACHE_CONTROL, "no-store");
    }

    /** The index serves every province: only a national administrator rebuilds it. */
    private static void national(Staff staff) {
        if (!staff.isNational()) {
            throw new StaffDenied();
        }
    }
}
