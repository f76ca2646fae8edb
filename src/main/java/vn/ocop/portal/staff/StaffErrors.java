package vn.ocop.portal.staff;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Error;
import io.micronaut.http.uri.UriBuilder;
import io.micronaut.views.ModelAndView;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the staff gate's refusals look like: people are sent to sign in or shown a page that says they may not,
 * API clients get a problem body (401 with {@code WWW-Authenticate: Bearer}, or 403).
 */
@Controller
class StaffErrors {

    private static final MediaType PROBLEM = MediaType.of("application/problem+json");

    @Error(global = true)
    HttpResponse<?> notSignedIn(HttpRequest<?> request, NotSignedIn e) {
        if (isApi(request)) {
            return problem(HttpStatus.UNAUTHORIZED, "a valid personal API token or session is required")
                    .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        }
        String target = e.nextStep;
        if (target == null) {
            UriBuilder login = UriBuilder.of("/login");
            if (request.getMethod() == io.micronaut.http.HttpMethod.GET) {
                String path = request.getUri().getRawPath()
                        + (request.getUri().getRawQuery() == null
                                ? ""
                                : "?" + request.getUri().getRawQuery());
                login.queryParam("return", LoginController.adminPath(path));
            }
            target = login.toString();
        }
        return HttpResponse.seeOther(java.net.URI.create(target)).header(HttpHeaders.CACHE_CONTROL, "no-store");
    }

    @Error(global = true)
    HttpResponse<?> denied(HttpRequest<?> request, StaffDenied e) {
        return refused(request, "denied", "this account may not do this, or not with this record");
    }

    @Error(global = true)
    HttpResponse<?> csrf(HttpRequest<?> request, CsrfRefused e) {
        return refused(request, "csrf", "the form was not sent from this portal's page: reload the page and try again");
    }

    private static HttpResponse<?> refused(HttpRequest<?> request, String reason, String detail) {
        if (isApi(request)) {
            return problem(HttpStatus.FORBIDDEN, detail);
        }
        return HttpResponse.status(HttpStatus.FORBIDDEN)
                .contentType(MediaType.TEXT_HTML_TYPE)
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(new ModelAndView<>("admin/denied", Map.of("reason", reason)));
    }

    private static boolean isApi(HttpRequest<?> request) {
        return request.getPath().startsWith("/api/");
    }

    private static io.micronaut.http.MutableHttpResponse<?> problem(HttpStatus status, String detail) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", status.getReason());
        body.put("status", status.getCode());
        body.put("detail", detail);
        return HttpResponse.status(status)
                .contentType(PROBLEM)
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(body);
    }
}
