package vn.ocop.portal.traceability;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Error;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.util.locale.HttpLocaleResolver;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.views.ModelAndView;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import vn.ocop.portal.shared.Language;

/**
 * The page a phone opens when it scans a stamp, {@code /q/{code}}: the verdict first, then where the product comes
 * from. A code this portal never issued (invented, altered, mistyped) gets the "not a genuine stamp" page with
 * status 404; its MAC is checked before the database is asked.
 */
@Controller("/q")
@Produces(MediaType.TEXT_HTML)
@ExecuteOn(TaskExecutors.BLOCKING)
class ScanPageController {

    private final StampCodes codes;
    private final StampLookup lookup;
    private final ScanLog scanLog;
    private final ScanNetwork networks;
    private final StampSettings settings;
    private final HttpLocaleResolver locales;

    ScanPageController(
            StampCodes codes,
            StampLookup lookup,
            ScanLog scanLog,
            ScanNetwork networks,
            StampSettings settings,
            HttpLocaleResolver locales) {
        this.codes = codes;
        this.lookup = lookup;
        this.scanLog = scanLog;
        this.networks = networks;
        this.settings = settings;
        this.locales = locales;
    }

    @Get("/{code}")
    HttpResponse<?> scan(String code, HttpRequest<?> request) {
        Instant now = Instant.now();
        String network = networks.of(request);
        UserAgentClass userAgent = UserAgentClass.of(request.getHeaders().get(HttpHeaders.USER_AGENT));
        OptionalLong serial = codes.serialOf(code);
        Optional<StampFacts> found = serial.isPresent() ? lookup.find(serial.getAsLong(), network) : Optional.empty();
        if (found.isEmpty()) {
            scanLog.record(new ScanLog.Scan(now, code, null, null, null, userAgent, network));
            // Thrown, not returned: a returned 404 would be replaced by the site's generic "page not found".
            throw new NotGenuineStamp(code);
        }
        StampFacts facts = found.get();
        scanLog.record(
                new ScanLog.Scan(now, code, facts.stampId(), facts.kind(), facts.productId(), userAgent, network));
        List<StampFacts.Event> events =
                facts.batch() == null ? List.of() : lookup.events(facts.batch().id());
        Language language = Language.of(locales.resolveOrDefault(request));
        String canonical = codes.codeOf(serial.getAsLong());
        ScanPage page = ScanPage.of(canonical, facts, events, language, now, userAgent != UserAgentClass.BOT, settings);
        return HttpResponse.ok(new ModelAndView<>("traceability/scan", Map.of("page", page, "code", canonical)))
                .header(HttpHeaders.CACHE_CONTROL, "no-store");
    }

    @Error(NotGenuineStamp.class)
    HttpResponse<?> notGenuine(NotGenuineStamp e) {
        String code = e.code();
        String shown = code.length() > ScanLog.MAX_CODE_LENGTH ? code.substring(0, ScanLog.MAX_CODE_LENGTH) : code;
        return HttpResponse.status(HttpStatus.NOT_FOUND)
                .contentType(MediaType.TEXT_HTML_TYPE)
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(new ModelAndView<>("traceability/not-genuine", Map.of("code", shown)));
    }

    /** A code this portal never issued. */
    static final class NotGenuineStamp extends RuntimeException {

        private final String code;

        NotGenuineStamp(String code) {
            super(null, null, false, false);
            this.code = code;
        }

        String code() {
            return code;
        }
    }
}
