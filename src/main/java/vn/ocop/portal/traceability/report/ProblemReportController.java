package vn.ocop.portal.traceability.report;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.http.uri.UriBuilder;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.views.ModelAndView;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import vn.ocop.portal.shared.FormTokens;
import vn.ocop.portal.shared.VietnameseText;
import vn.ocop.portal.shared.web.CleanText;
import vn.ocop.portal.traceability.StampCodes;
import vn.ocop.portal.traceability.Stamps;
import vn.ocop.portal.traceability.scan.ScanLog;
import vn.ocop.portal.traceability.scan.ScanNetwork;

/**
 * "Report a problem" from a scan page: a suspected counterfeit, a quality problem or something else, stored for
 * staff. The form is protected against cross-site posting ({@link FormTokens}), validated (errors shown with the
 * input kept, status 422) and rate-limited per network (429).
 */
@Controller("/q/{code}/report")
@Produces(MediaType.TEXT_HTML)
@ExecuteOn(TaskExecutors.BLOCKING)
class ProblemReportController {

    static final int MESSAGE_MIN = 10;
    static final int MESSAGE_MAX = 2000;
    static final int CONTACT_MAX = 200;

    private final StampCodes codes;
    private final ProblemReports reports;
    private final FormTokens tokens;
    private final ScanNetwork networks;
    private final boolean secureCookie;

    ProblemReportController(
            StampCodes codes, ProblemReports reports, FormTokens tokens, ScanNetwork networks, Stamps stamps) {
        this.codes = codes;
        this.reports = reports;
        this.tokens = tokens;
        this.networks = networks;
        this.secureCookie = stamps.baseUrl().startsWith("https:");
    }

    @Get
    HttpResponse<?> form(String code, HttpRequest<?> request) {
        return page(code, request, HttpStatus.OK, Map.of(), List.of());
    }

    @Post
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> submit(String code, @Body Map<String, String> form, HttpRequest<?> request) {
        // A control character (NUL above all, which PostgreSQL refuses) is nothing a person types: refused outright.
        form.forEach((name, value) -> {
            if (CleanText.controlAt(name, false) >= 0 || CleanText.controlAt(value, name.equals("message")) >= 0) {
                throw new HttpStatusException(HttpStatus.BAD_REQUEST, "control characters are not accepted");
            }
        });
        long now = System.currentTimeMillis();
        String browserValue = request.getCookies()
                .findCookie(FormTokens.COOKIE)
                .map(Cookie::getValue)
                .orElse(null);
        if (!tokens.valid(browserValue, form.get("token"), now)) {
            return refused(code, HttpStatus.FORBIDDEN, "expired");
        }
        String network = networks.of(request);
        String kindText = form.getOrDefault("kind", "");
        String message = VietnameseText.nfc(form.getOrDefault("message", "")).strip();
        String contact = VietnameseText.nfc(form.getOrDefault("contact", "")).strip();

        List<String> errors = new ArrayList<>();
        ProblemReports.Kind kind = null;
        try {
            kind = ProblemReports.Kind.valueOf(kindText);
        } catch (IllegalArgumentException e) {
            errors.add("kind");
        }
        int length = message.codePointCount(0, message.length());
        if (length < MESSAGE_MIN || length > MESSAGE_MAX) {
            errors.add("message");
        }
        if (contact.codePointCount(0, contact.length()) > CONTACT_MAX) {
            errors.add("contact");
        }
        if (!errors.isEmpty()) {
            Map<String, String> values = Map.of("kind", kindText, "message", message, "contact", contact);
            return page(code, request, HttpStatus.UNPROCESSABLE_ENTITY, values, errors);
        }
        if (!reports.allow(network, now)) {
            return refused(code, HttpStatus.TOO_MANY_REQUESTS, "too-many");
        }
        OptionalLong serial = codes.serialOf(code);
        ProblemReports.Subject subject = serial.isPresent()
                ? reports.subject(serial.getAsLong()).orElse(new ProblemReports.Subject(null, null, null))
                : new ProblemReports.Subject(null, null, null);
        reports.save(code, subject, kind, message, contact.isEmpty() ? null : contact, network);
        return HttpResponse.seeOther(
                UriBuilder.of("/q").path(code).path("report").path("thanks").build());
    }

    @Get("/thanks")
    ModelAndView<Map<String, Object>> thanks(String code) {
        return new ModelAndView<>("traceability/report-done", Map.of("code", shown(code)));
    }

    private MutableHttpResponse<?> page(
            String code, HttpRequest<?> request, HttpStatus status, Map<String, String> values, List<String> errors) {
        Optional<Cookie> existing = request.getCookies().findCookie(FormTokens.COOKIE);
        String browserValue = existing.map(Cookie::getValue).orElseGet(tokens::newBrowserValue);
        OptionalLong serial = codes.serialOf(code);
        Optional<ProblemReports.Subject> subject =
                serial.isPresent() ? reports.subject(serial.getAsLong()) : Optional.empty();
        Map<String, Object> model = new HashMap<>();
        model.put("code", shown(code));
        model.put(
                "productName", subject.map(ProblemReports.Subject::productName).orElse(null));
        model.put("token", tokens.token(browserValue, System.currentTimeMillis()));
        model.put("values", values);
        model.put("errors", errors);
        model.put(
                "kinds",
                List.of(ProblemReports.Kind.values()).stream().map(Enum::name).toList());
        model.put("messageMax", MESSAGE_MAX);
        model.put("contactMax", CONTACT_MAX);
        MutableHttpResponse<?> response = HttpResponse.status(status)
                .contentType(MediaType.TEXT_HTML_TYPE)
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(new ModelAndView<>("traceability/report", model));
        if (existing.isEmpty()) {
            response.cookie(Cookie.of(FormTokens.COOKIE, browserValue)
                    .path("/q")
                    .httpOnly(true)
                    .secure(secureCookie)
                    .sameSite(SameSite.Strict)
                    .maxAge(Duration.ofDays(1)));
        }
        return response;
    }

    private static MutableHttpResponse<?> refused(String code, HttpStatus status, String reason) {
        return HttpResponse.status(status)
                .contentType(MediaType.TEXT_HTML_TYPE)
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(new ModelAndView<>("traceability/report-refused", Map.of("code", shown(code), "reason", reason)));
    }

    private static String shown(String code) {
        return ScanLog.clean(code);
    }
}
