package vn.ocop.portal.shared.web;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpHeaders;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.FilterPatternStyle;
import io.micronaut.http.filter.ServerFilterPhase;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The security headers of every answer, pages, API, images and errors alike: a strict Content-Security-Policy (no
 * inline script or style, nothing framed, no plugins, forms only to this site), no MIME sniffing, no referrer sent to
 * other sites beyond the origin, no powerful browser features, HSTS when the portal is served over https; and the
 * {@code Vary} a cache needs, since pages depend on the language cookie and errors and GS1 Digital Links on
 * {@code Accept}.
 */
@ServerFilter(patterns = FilterPatterns.ALL, patternStyle = FilterPatternStyle.REGEX)
final class SecurityHeaders implements Ordered {

    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
            + " connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self';"
            + " frame-ancestors 'none'";

    /** Sent on every answer, also on the ones {@link ProtocolGuard} writes itself. */
    static final Map<String, String> BASE = Map.of(
            "Content-Security-Policy", CSP,
            "X-Content-Type-Options", "nosniff",
            "X-Frame-Options", "DENY",
            "Referrer-Policy", "strict-origin-when-cross-origin",
            "Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()");

    private final boolean https;

    SecurityHeaders(@Value("${ocop.public-base-url}") String baseUrl) {
        this.https = baseUrl.toLowerCase(Locale.ROOT).startsWith("https:");
    }

    @ResponseFilter
    void secure(HttpRequest<?> request, MutableHttpResponse<?> response) {
        MutableHttpHeaders headers = response.getHeaders();
        BASE.forEach((name, value) -> {
            if (!headers.contains(name)) {
                headers.add(name, value);
            }
        });
        if (https) {
            headers.set("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
        }
        Set<String> vary = new LinkedHashSet<>();
        headers.getAll(HttpHeaders.VARY).forEach(value -> {
            for (String part : value.split(",")) {
                if (!part.isBlank()) {
                    vary.add(part.strip());
                }
            }
        });
        int before = vary.size();
        boolean html = response.getContentType()
                .map(type -> type.getSubtype().equals(MediaType.TEXT_HTML_TYPE.getSubtype()))
                .orElse(false);
        if (html) {
            vary.add("Cookie");
        }
        String path = request.getPath();
        if (response.code() >= 400 || path.startsWith("/01/")) {
            vary.add("Accept");
        }
        if (vary.size() != before) {
            headers.remove(HttpHeaders.VARY);
            headers.add(HttpHeaders.VARY, String.join(", ", vary));
        }
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.FIRST.order();
    }
}
