package vn.ocop.portal.shared;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.views.ModelAndView;
import java.util.Map;

/** Test-only pages: one that fails unexpectedly, one that renders the staff layout. */
@Controller("/test-only")
@Requires(env = "test")
@Produces(MediaType.TEXT_HTML)
class FailingController {

    @Get("/fail")
    @Produces({MediaType.TEXT_HTML, MediaType.APPLICATION_JSON})
    String fail() {
        throw new IllegalStateException("a bug deep inside");
    }

    @Get("/broken-template")
    ModelAndView<Map<String, Object>> brokenTemplate() {
        return new ModelAndView<>("test/broken", Map.of());
    }

    @Get("/admin-layout")
    ModelAndView<Map<String, Object>> adminLayout() {
        return new ModelAndView<>("test/admin-sample", Map.of());
    }
}
