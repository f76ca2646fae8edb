package vn.ocop.portal.shared;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.FilterPatternStyle;
import java.net.URI;

/**
 * Sends a visitor who chose English (the cookie) or whose browser prefers it (first visit) from a Vietnamese page URL
 * to its English URL, so that each URL shows one language (what {@code hreflang} promises search engines) and the
 * choice is still remembered. Such answers vary with the cookie and Accept-Language. A stamp's scan page is one
 * of them: scanned by a phone that prefers English, it answers a redirect to {@code /en/q/…} (no lookup, no
 * rendering), and the English address is what the page's links and the language switch lead to from then on.
 */
@ServerFilter(
        patterns =
                "/|/products(/[^/]*)?|/api|/q/[^/]+(/report(/thanks)?)?|/01/.*|/display-points(/[^/]*)?|/fairs(/[^/]*)?",
        patternStyle = FilterPatternStyle.REGEX)
class LanguageRedirect {

    @RequestFilter
    @Nullable
    HttpResponse<?> redirect(HttpRequest<?> request) {
        if (request.getMethod() != HttpMethod.GET
                || !LanguageUrls.hasEnglishTwin(request.getPath())
                || (request.getPath().startsWith("/01/") && !wantsPage(request))
                || PortalLocaleResolver.chosen(request) != Language.EN) {
            return null;
        }
        String query = request.getUri().getRawQuery();
        String target = LanguageUrls.english(request.getPath() + (query == null ? "" : "?" + query));
        return HttpResponse.temporaryRedirect(URI.create(target)).header(HttpHeaders.VARY, "Cookie, Accept-Language");
    }

    /**
     * A Digital Link request for a person's page, not for the linkset (which is the same in both languages): a
     * browser's Accept names HTML and no JSON, and no {@code linkType} is asked for.
     */
    private static boolean wantsPage(HttpRequest<?> request) {
        String accept = request.getHeaders().get(HttpHeaders.ACCEPT);
        return accept != null
                && accept.contains("text/html")
                && !accept.contains("json")
                && !request.getParameters().contains("linkType");
    }

    @ResponseFilter
    void vary(HttpRequest<?> request, MutableHttpResponse<?> response) {
        String path = request.getPath();
        // A linkset is the same whatever the language: it varies with Accept only.
        if (request.getMethod() == HttpMethod.GET
                && LanguageUrls.hasEnglishTwin(path)
                && (!path.startsWith("/01/") || wantsPage(request))) {
            // Joined to a Vary the answer has already (the Digital Link pages vary with Accept): one line.
            String vary = response.getHeaders().get(HttpHeaders.VARY);
            response.getHeaders()
                    .set(
                            HttpHeaders.VARY,
                            vary == null ? "Cookie, Accept-Language" : vary + ", Cookie, Accept-Language");
        }
    }
}
