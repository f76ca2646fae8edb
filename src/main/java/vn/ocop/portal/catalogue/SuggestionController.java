package vn.ocop.portal.catalogue;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import vn.ocop.portal.search.ProductSearch;

/**
 * {@code GET /api/v1/suggestions?q=…}: up to eight products for the words typed so far, each with the catalogue
 * search that finds it ({@code search}) and its page ({@code url}).
 */
@Controller("/api/v1/suggestions")
@Produces(MediaType.APPLICATION_JSON)
@ExecuteOn(TaskExecutors.BLOCKING)
class SuggestionController {

    static final int SIZE = 8;
    static final int MAX_PREFIX = 100;

    private final ProductSearch search;

    SuggestionController(ProductSearch search) {
        this.search = search;
    }

    @Get
    HttpResponse<?> suggest(@Nullable @QueryValue("q") String q) {
        String prefix = q == null ? "" : q.strip();
        if (prefix.length() > MAX_PREFIX) {
            return ProductApiController.problem(
                    HttpStatus.BAD_REQUEST, "invalid value for 'q': longer than " + MAX_PREFIX + " characters");
        }
        List<Suggestion> suggestions = search.suggest(prefix, SIZE).stream()
                .map(s -> new Suggestion(
                        s.id(),
                        s.name(),
                        "/products?q=" + java.net.URLEncoder.encode(s.name(), java.nio.charset.StandardCharsets.UTF_8),
                        "/products/" + s.slug()))
                .toList();
        return HttpResponse.ok(suggestions).header(HttpHeaders.CACHE_CONTROL, "public, max-age=60");
    }

    @Serdeable
    record Suggestion(long id, String name, String search, String url) {}
}
