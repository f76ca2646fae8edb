package vn.ocop.portal.traceability.scan;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.util.locale.HttpLocaleResolver;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicInteger;
import vn.ocop.portal.shared.Language;
import vn.ocop.portal.shared.VietnamTime;
import vn.ocop.portal.showroom.WhereToBuy;
import vn.ocop.portal.traceability.StampSettings;

/**
 * Answers a scan, whichever address it came by ({@code /q/{code}} or a GS1 Digital Link): logs it, counts it and
 * sends the stamp's page. A scan of a stamp and page already in memory needs neither the database nor a template
 * ({@link #respondFromMemory}), so it can be answered on the event loop; anything else is read and rendered on a
 * blocking thread ({@link #respond}). A stamp this portal never issued ends as {@link NotGenuineStamp}.
 */
@Singleton
public class ScanPages {

    private static final MediaType HTML = MediaType.of("text/html;charset=utf-8");

    private final IssuedStamps stamps;
    private final ScanPageCache pages;
    private final ScanWhereToBuy whereToBuy;
    private final ScanLog scanLog;
    private final ScanNetwork networks;
    private final StampSettings settings;
    private final HttpLocaleResolver locales;
    /** Scans of codes never issued per network in the current minute (each entry lives one minute). */
    private final Cache<String, AtomicInteger> refusedThisMinute = Caffeine.newBuilder()
            .maximumSize(100_000)
            .expireAfterWrite(Duration.ofMinutes(1))
            .build();

    ScanPages(
            IssuedStamps stamps,
            ScanPageCache pages,
            ScanWhereToBuy whereToBuy,
            ScanLog scanLog,
            ScanNetwork networks,
            StampSettings settings,
            HttpLocaleResolver locales) {
        this.stamps = stamps;
        this.pages = pages;
        this.whereToBuy = whereToBuy;
        this.scanLog = scanLog;
        this.networks = networks;
        this.settings = settings;
        this.locales = locales;
    }

    /** The answer from memory alone, or null when the stamp or its page must first be read (then {@link #respond}). */
    @Nullable
    MutableHttpResponse<?> respondFromMemory(long serial, String scanned, HttpRequest<?> request) {
        IssuedStamps.IssuedStamp stamp = stamps.inMemory(serial);
        if (stamp == null) {
            return null;
        }
        Language language = language(request);
        LocalDate today = LocalDate.now(VietnamTime.ZONE);
        ScanPageCache.Template page = pages.inMemory(stamp, language, today);
        if (page == null) {
            return null;
        }
        ScanPageCache.Template places =
                whereToBuy.inMemory(stamp.productId(), ScanWhereToBuy.Place.of(request), language);
        return places == null ? null : answer(stamp, page, places, language, scanned, request);
    }

    /**
     * The answer, reading and rendering what is not in memory (blocking).
     *
     * @param serial the stamp's serial, empty when the scanned text is not a code of this portal
     * @param scanned what was scanned, for the log
     */
    public MutableHttpResponse<?> respond(OptionalLong serial, String scanned, HttpRequest<?> request) {
        Optional<IssuedStamps.IssuedStamp> stamp =
                serial.isPresent() ? stamps.find(serial.getAsLong()) : Optional.empty();
        if (stamp.isEmpty()) {
            throw notGenuine(scanned, request);
        }
        Language language = language(request);
        LocalDate today = LocalDate.now(VietnamTime.ZONE);
        Optional<ScanPageCache.Template> page = pages.page(stamp.get(), language, today, request);
        if (page.isEmpty()) {
            throw notGenuine(scanned, request);
        }
        ScanPageCache.Template places =
                whereToBuy.part(stamp.get().productId(), ScanWhereToBuy.Place.of(request), language, request);
        return answer(stamp.get(), page.get(), places, language, scanned, request);
    }

    /**
     * Counts the scan of something this portal never issued (per day and network, not a row each); the exception to
     * throw for its page. A network past {@link StampSettings#notGenuinePerMinute} such scans in a minute is told to
     * slow down (429): a script inventing codes, not a person misreading one.
     */
    NotGenuineStamp notGenuine(String scanned, HttpRequest<?> request) {
        return notGenuine(scanned, request, false);
    }

    /**
     * As {@link #notGenuine(String, HttpRequest)}, for any address a stamp can be scanned by (GS1 Digital Link too).
     *
     * @param malformed what was scanned is not even a well-formed identifier
     */
    public NotGenuineStamp notGenuine(String scanned, HttpRequest<?> request, boolean malformed) {
        String network = network(request);
        scanLog.record(ScanLog.Scan.notGenuine(Instant.now(), scanned, userAgent(request), network));
        AtomicInteger count = refusedThisMinute.get(network, n -> new AtomicInteger());
        return new NotGenuineStamp(scanned, count.incrementAndGet() > settings.notGenuinePerMinute(), malformed);
    }

    /**
     * Whether the caller's network is past {@link StampSettings#notGenuinePerMinute} scans of codes never issued this
     * minute: an address that must read the database to tell (GS1 Digital Link) refuses it before reading.
     */
    public boolean slowedDown(HttpRequest<?> request) {
        AtomicInteger count = refusedThisMinute.getIfPresent(network(request));
        return count != null && count.get() > settings.notGenuinePerMinute();
    }

    private MutableHttpResponse<?> answer(
            IssuedStamps.IssuedStamp stamp,
            ScanPageCache.Template page,
            ScanPageCache.Template places,
            Language language,
            String scanned,
            HttpRequest<?> request) {
        Instant now = Instant.now();
        LocalDate day = LocalDate.ofInstant(now, VietnamTime.ZONE);
        ScanNetwork.Place place = networks.place(request);
        UserAgentClass userAgent = userAgent(request);
        ScanCounter stampCounter = stamp.counter();
        // Counted for copy detection: a GET from a person's browser, the first of its network today (the rule of
        // StampSettings). HEAD requests, bots, link previews and scripts are logged, not counted.
        ScanCounter.Evidence evidence;
        if (!userAgent.isPerson() || request.getMethod() != HttpMethod.GET) {
            evidence = ScanCounter.Evidence.NONE;
        } else if (stampCounter == null) {
            evidence = ScanCounter.Evidence.ALL;
        } else {
            evidence = stampCounter.evidence(day, place.network(), place.province());
        }
        ScanLog.Scan scan = new ScanLog.Scan(
                now,
                scanned,
                stamp.id(),
                stamp.kind(),
                stamp.productId(),
                userAgent,
                place.network(),
                place.province(),
                stampCounter,
                evidence);
        // Counted only once the log holds it, so the counter never shows a scan the database will not have.
        boolean logged = scanLog.record(scan);
        List<byte[]> counter = null;
        if (stampCounter != null) {
            ScanCounter.Tally tally = logged && evidence.counted()
                    ? stampCounter.count(now, day, place.network(), place.province())
                    : stampCounter.tally();
            counter = pages.counter(ScanPage.Scans.of(tally, stampCounter.review(), now, language, settings), language);
        }
        return HttpResponse.ok(page.complete(stamp.code(), counter, places))
                .contentType(HTML)
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                // "Near me" in "where to buy" may ask for the browser's location (on a click only).
                .header(WhereToBuy.PERMISSIONS_HEADER, WhereToBuy.NEAR_ME_PERMISSIONS);
    }

    private Language language(HttpRequest<?> request) {
        return Language.of(locales.resolveOrDefault(request));
    }

    private String network(HttpRequest<?> request) {
        return networks.of(request);
    }

    private static UserAgentClass userAgent(HttpRequest<?> request) {
        return UserAgentClass.of(request.getHeaders().get(HttpHeaders.USER_AGENT));
    }

    /**
     * A code this portal never issued. Thrown, not returned as a 404: a returned 404 would be replaced by the site's
     * generic "page not found".
     */
    public static final class NotGenuineStamp extends RuntimeException {

        private final String code;
        private final boolean limited;
        private final boolean malformed;

        NotGenuineStamp(String code) {
            this(code, false, false);
        }

        /**
         * @param limited whether the network made too many such scans this minute (answered 429)
         * @param malformed whether what was scanned is not even a well-formed identifier (answered 400, not 404)
         */
        NotGenuineStamp(String code, boolean limited, boolean malformed) {
            super(null, null, false, false);
            this.code = code;
            this.limited = limited;
            this.malformed = malformed;
        }

        String code() {
            return code;
        }

        /** The network made too many such scans this minute. */
        public boolean limited() {
            return limited;
        }

        boolean malformed() {
            return malformed;
        }
    }
}
