package vn.ocop.portal.traceability.scan;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.Locale;
import java.util.regex.Pattern;

/** A scan's device class: coarse on purpose, the user agent itself is not kept. */
enum UserAgentClass {
    MOBILE,
    DESKTOP,
    BOT,
    OTHER;

    /** Crawlers, link previews in chat apps and scripts: they are logged but do not count as people scanning. */
    private static final Pattern AUTOMATED = Pattern.compile(
            "bot|crawl|spider|slurp|preview|facebookexternalhit|curl|wget|python|go-http-client|okhttp|java-http"
                    + "|whatsapp|telegram|headless|lighthouse|axios|node-fetch|httpclient|libwww|scrapy|postman|wrk");

    private static final Pattern MOBILE_DEVICE = Pattern.compile("mobi|android|iphone|ipad|ipod");

    /**
     * The classes of the user agents seen lately: a few browser versions make most scans, and a lookup costs far
     * less than the two searches of a long header (a script sending a new header each time only churns it).
     */
    private static final Cache<String, UserAgentClass> SEEN =
            Caffeine.newBuilder().maximumSize(2_000).build();

    /**
     * Whether a scan from this class counts as a person's for copy detection: a phone's or a computer's browser.
     * Crawlers, link previews, scripts and requests without a recognisable browser (no User-Agent at all) are logged
     * but not counted.
     */
    boolean isPerson() {
        return this == MOBILE || this == DESKTOP;
    }

    static UserAgentClass of(String userAgent) {
        if (userAgent == null || userAgent.isBlank()) {
            return OTHER;
        }
        if (userAgent.length() > 512) {
            return classify(userAgent);
        }
        return SEEN.get(userAgent, UserAgentClass::classify);
    }

    private static UserAgentClass classify(String userAgent) {
        String text = userAgent.toLowerCase(Locale.ROOT);
        if (AUTOMATED.matcher(text).find()) {
            return BOT;
        }
        if (MOBILE_DEVICE.matcher(text).find()) {
            return MOBILE;
        }
        return text.contains("mozilla") ? DESKTOP : OTHER;
    }
}
