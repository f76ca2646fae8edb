package vn.ocop.portal.traceability;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.util.locale.HttpLocaleResolver;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import vn.ocop.portal.shared.Language;

/**
 * Answers a scan, whichever address it came by ({@code /q/{code}} or a GS1 Digital Link): logs it, looks the stamp
 * up and renders the page; a stamp this portal never issued ends as {@link NotGenuineStamp}.
 */
@Singleton
class ScanPages {

    private static final MediaType HTML = MediaType.of("text/html;charset=utf-8");

    private final StampCodes codes;
    private final StampLookup lookup;
    private final ScanLog scanLog;
    private final ScanNetwork networks;
    private final StampSettings settings;
    private final HttpLocaleResolver locales;
    private final ScanPageCache cache;

    ScanPages(
            StampCodes codes,
            StampLookup lookup,
            ScanLog scanLog,
            ScanNetwork networks,
            StampSettings settings,
            HttpLocaleResolver locales,
            ScanPageCache cache) {
        this.codes = codes;
        this.lookup = lookup;
        this.scanLog = scanLog;
        this.networks = networks;
        this.settings = settings;
        this.locales = locales;
        this.cache = cache;
    }

    /**
     * @param serial the stamp's serial, empty when the scanned text is not a code of this portal
     * @param scanned what was scanned, for the log
     */
    MutableHttpResponse<?> respond(OptionalLong serial, String scanned, HttpRequest<?> request) {
        Instant now = Instant.now();
        String network = networks.of(request);
        UserAgentClass userAgent = UserAgentClass.of(request.getHeaders().get(HttpHeaders.USER_AGENT));
        Optional<StampFacts> found = serial.isPresent() ? lookup.find(serial.getAsLong(), network) : Optional.empty();
        if (found.isEmpty()) {
            scanLog.record(new ScanLog.Scan(now, scanned, null, null, null, userAgent, network));
            throw new NotGenuineStamp(scanned);
        }
        StampFacts facts = found.get();
        scanLog.record(
                new ScanLog.Scan(now, scanned, facts.stampId(), facts.kind(), facts.productId(), userAgent, network));
        List<StampFacts.Event> events =
                facts.batch() == null ? List.of() : lookup.events(facts.batch().id());
        Language language = Language.of(locales.resolveOrDefault(request));
        String canonical = codes.codeOf(serial.getAsLong());
        ScanPage page = ScanPage.of(
                ScanPageCache.CODE, facts, events, language, now, userAgent != UserAgentClass.BOT, settings);
        // The language switch returns to this path: with the placeholder, one cached page serves every item.
        String path = pathOf(request).replace("/q/" + scanned, "/q/" + ScanPageCache.CODE);
        byte[] html = cache.html(page.withoutScans(), page.scans(), canonical, language, path, request);
        return HttpResponse.ok(html).contentType(HTML).header(HttpHeaders.CACHE_CONTROL, "no-store");
    }

    private static String pathOf(HttpRequest<?> request) {
        String query = request.getUri().getRawQuery();
        return request.getUri().getRawPath() + (query == null ? "" : "?" + query);
    }

    /**
     * A code this portal never issued. Thrown, not returned as a 404: a returned 404 would be replaced by the site's
     * generic "page not found".
     */
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
