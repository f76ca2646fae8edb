package vn.ocop.portal.shared;

import io.micronaut.core.convert.exceptions.ConversionErrorException;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Error;
import io.micronaut.http.codec.CodecException;
import io.micronaut.http.exceptions.ContentLengthExceededException;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.json.JsonSyntaxException;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.views.ModelAndView;
import io.micronaut.web.router.Router;
import io.micronaut.web.router.exceptions.UnsatisfiedRouteException;
import jakarta.validation.ConstraintViolationException;
import java.net.URISyntaxException;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every error ends here: people get a page in their language, API clients an RFC 9457 problem body, and nobody a
 * stack trace.
 */
@Controller
class ErrorPages {

    private final Router router;

    ErrorPages(Router router) {
        this.router = router;
    }

    private static final Logger LOG = LoggerFactory.getLogger(ErrorPages.class);
    /** At most ten stack traces a minute: a flood of one failure must not fill the disk nor bury the others. */
    private static final LogRateLimit UNEXPECTED_LOGS = new LogRateLimit(10, 60_000);

    static final MediaType PROBLEM_JSON = MediaType.of("application/problem+json");

    @Error(global = true, status = HttpStatus.NOT_FOUND)
    HttpResponse<?> notFound(HttpRequest<?> request) {
        return respond(request, HttpStatus.NOT_FOUND, null);
    }

    @Error(global = true, status = HttpStatus.BAD_REQUEST)
    HttpResponse<?> badRequest(HttpRequest<?> request) {
        return respond(request, HttpStatus.BAD_REQUEST, null);
    }

    /** A 405 says which methods the address does take (RFC 9110 requires {@code Allow}). */
    @Error(global = true, status = HttpStatus.METHOD_NOT_ALLOWED)
    HttpResponse<?> methodNotAllowed(HttpRequest<?> request) {
        Set<String> allowed = new TreeSet<>();
        router.findAny(request.getPath(), request)
                .forEach(match -> allowed.add(match.getHttpMethod().name()));
        if (allowed.contains("GET")) {
            allowed.add("HEAD");
        }
        MutableHttpResponse<?> response = respond(request, HttpStatus.METHOD_NOT_ALLOWED, null);
        if (!allowed.isEmpty()) {
            response.header(HttpHeaders.ALLOW, String.join(", ", allowed));
        }
        return response;
    }

    @Error(global = true, status = HttpStatus.REQUEST_ENTITY_TOO_LARGE)
    HttpResponse<?> tooLarge(HttpRequest<?> request) {
        return respond(request, HttpStatus.REQUEST_ENTITY_TOO_LARGE, "the request is too large");
    }

    // Details name what was wrong in the request's own terms (a parameter's name), never a Java type, a parser or
    // the value's class: the framework's messages do ("Failed to convert argument [id] ... For input string").

    @Error(global = true)
    HttpResponse<?> conversionFailed(HttpRequest<?> request, ConversionErrorException e) {
        LOG.debug("Could not convert {} on {} {}", e.getArgument().getName(), request.getMethodName(), e);
        return respond(request, HttpStatus.BAD_REQUEST, invalidArgument(e.getArgument()));
    }

    @Error(global = true)
    HttpResponse<?> malformedJson(HttpRequest<?> request, JsonSyntaxException e) {
        return respond(request, HttpStatus.BAD_REQUEST, "the request body is not valid JSON");
    }

    @Error(global = true)
    HttpResponse<?> unreadableBody(HttpRequest<?> request, CodecException e) {
        LOG.debug("Could not read the body of {} {}", request.getMethodName(), request.getPath(), e);
        return respond(request, HttpStatus.BAD_REQUEST, "the request body is not valid");
    }

    @Error(global = true)
    HttpResponse<?> missingParameter(HttpRequest<?> request, UnsatisfiedRouteException e) {
        return respond(
                request,
                HttpStatus.BAD_REQUEST,
                "missing or invalid parameter: " + e.getArgument().getName());
    }

    /** A body over the size limit, or a form with too many fields or too long a field. */
    @Error(global = true)
    HttpResponse<?> contentTooLong(HttpRequest<?> request, ContentLengthExceededException e) {
        LOG.debug("Refused {} {}: {}", request.getMethodName(), request.getPath(), e.getMessage());
        String message = String.valueOf(e.getMessage());
        if (message.contains("form fields")) {
            return respond(request, HttpStatus.BAD_REQUEST, "too many form fields");
        }
        return respond(request, HttpStatus.REQUEST_ENTITY_TOO_LARGE, "the request is too large");
    }

    /** A request line with raw non-ASCII or otherwise illegal characters (browsers percent-encode; bots may not). */
    @Error(global = true)
    HttpResponse<?> malformedUri(HttpRequest<?> request, URISyntaxException e) {
        return respond(request, HttpStatus.BAD_REQUEST, "malformed request URI");
    }

    @Error(global = true)
    HttpResponse<?> invalid(HttpRequest<?> request, ConstraintViolationException e) {
        String fields = e.getConstraintViolations().stream()
                .map(violation -> {
                    String path = String.valueOf(violation.getPropertyPath());
                    return path.substring(path.lastIndexOf('.') + 1);
                })
                .distinct()
                .sorted()
                .reduce((a, b) -> a + ", " + b)
                .orElse("");
        return respond(request, HttpStatus.BAD_REQUEST, "invalid: " + fields);
    }

    @Error(global = true)
    HttpResponse<?> status(HttpRequest<?> request, HttpStatusException e) {
        HttpStatus status = e.getStatus();
        return respond(request, status, status.getCode() < 500 ? e.getMessage() : null);
    }

    @Error(global = true)
    HttpResponse<?> unexpected(HttpRequest<?> request, Throwable e) {
        if (UNEXPECTED_LOGS.tryLog()) {
            long suppressed = UNEXPECTED_LOGS.suppressedSinceLast();
            LOG.error(
                    "Unexpected error on {} {}{}",
                    request.getMethodName(),
                    request.getPath(),
                    suppressed == 0 ? "" : " (" + suppressed + " more not logged in the last minute)",
                    e);
        }
        return respond(request, HttpStatus.INTERNAL_SERVER_ERROR, null);
    }

    private static String invalidArgument(Argument<?> argument) {
        if (argument.getAnnotationMetadata().hasAnnotation(Body.class)) {
            return "the request body is not valid";
        }
        return "invalid value for parameter: " + argument.getName();
    }

    private static MutableHttpResponse<?> respond(HttpRequest<?> request, HttpStatus status, String detail) {
        if (wantsJson(request)) {
            return HttpResponse.status(status)
                    .contentType(PROBLEM_JSON)
                    .body(new Problem("about:blank", status.getReason(), status.getCode(), detail));
        }
        int page = switch (status.getCode()) {
            case 400, 404, 413, 500 -> status.getCode();
            default -> status.getCode() >= 500 ? 500 : 400;
        };
        Map<String, Object> model = new HashMap<>();
        model.put("status", page);
        return HttpResponse.status(status)
                .contentType(MediaType.TEXT_HTML_TYPE)
                .body(new ModelAndView<>("error/page", model));
    }

    private static boolean wantsJson(HttpRequest<?> request) {
        if (request.getPath().startsWith("/api/")) {
            return true;
        }
        var accept = request.accept();
        return !accept.isEmpty()
                && accept.stream().noneMatch(type -> type.matches(MediaType.TEXT_HTML_TYPE))
                && accept.stream().anyMatch(type -> type.getSubtype().endsWith("json"));
    }

    /** An RFC 9457 problem body. */
    @Serdeable
    record Problem(String type, String title, int status, String detail) {}
}
