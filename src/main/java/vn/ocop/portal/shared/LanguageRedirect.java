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
 * choice is still remembered. Such answers vary with the cookie and Accept-Language.
 */
@ServerFilter(patterns = "/|/products(/[^/]*)?|/api", patternStyle = FilterPatternStyle.REGEX)
class LanguageRedirect {

    @RequestFilter
    @Nullable
    HttpResponse<?> redirect(HttpRequest<?> request) {
        if (request.getMethod() != HttpMethod.GET
                || !LanguageUrls.hasEnglishTwin(request.getPath())
                || PortalLocaleResolver.chosen(request) != Language.EN) {
            return null;
        }
        String query = request.getUri().getRawQuery();
        String target = LanguageUrls.english(request.getPath() + (query == null ? "" : "?" + query));
        return HttpResponse.temporaryRedirect(URI.create(target)).header(HttpHeaders.VARY, "Cookie, Accept-Language");
    }

    @ResponseFilter
    void vary(HttpRequest<?> request, MutableHttpResponse<?> response) {
        if (request.getMethod() == HttpMethod.GET && LanguageUrls.hasEnglishTwin(request.getPath())) {
            response.getHeaders().add(HttpHeaders.VARY, "Cookie, Accept-Language");
        }
    }
}
