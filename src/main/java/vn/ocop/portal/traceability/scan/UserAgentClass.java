package vn.ocop.portal.traceability.scan;

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
