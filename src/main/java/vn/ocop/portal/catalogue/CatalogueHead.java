package vn.ocop.portal.catalogue;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.FilterPatternStyle;

/**
 * {@code HEAD} of the catalogue's searches answers with the headers of the answer (status, type) without searching:
 * a HEAD would otherwise cost a whole search and page only for its body to be thrown away, which makes it a cheap way
 * to load the search engine.
 */
@ServerFilter(patterns = "/products|/api/v1/products", patternStyle = FilterPatternStyle.REGEX)
final class CatalogueHead {

    @RequestFilter
    @Nullable
    HttpResponse<?> head(HttpRequest<?> request) {
        if (request.getMethod() != HttpMethod.HEAD) {
            return null;
        }
        MediaType type = request.getPath().startsWith("/api/")
                ? MediaType.APPLICATION_JSON_TYPE
                : MediaType.of("text/html;charset=utf-8");
        return HttpResponse.ok().contentType(type).header(HttpHeaders.CACHE_CONTROL, "no-cache");
    }
}
