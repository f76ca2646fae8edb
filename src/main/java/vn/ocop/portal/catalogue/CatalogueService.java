package vn.ocop.portal.catalogue;

import io.micronaut.http.HttpParameters;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import vn.ocop.portal.search.CatalogueResult;
import vn.ocop.portal.search.ProductSearch;

/**
 * Answers a catalogue view for the pages and the API: reads its state from the query string and searches
 * (from PostgreSQL when Elasticsearch is away). Nothing here blocks the event loop that asks.
 */
@Singleton
class CatalogueService {

    private final CatalogueReference reference;
    private final ProductSearch search;

    CatalogueService(CatalogueReference reference, ProductSearch search) {
        this.reference = reference;
        this.search = search;
    }

    /** A catalogue view: the names behind its facet keys, its state and its results. */
    record View(CatalogueReference.Names names, CatalogueState state, CatalogueResult result) {

        /** A facet's values worth showing (found in the results, or selected), in the order they are shown. */
        List<String> shownValues(String facet, Labels labels) {
            Map<String, Long> counts = result.facets().getOrDefault(facet, Map.of());
            var selected = state.selected(facet);
            return labels.order(facet, counts).stream()
                    .filter(key -> counts.getOrDefault(key, 0L) > 0 || selected.contains(key))
                    .toList();
        }

        long count(String facet, String key) {
            return result.facets().getOrDefault(facet, Map.of()).getOrDefault(key, 0L);
        }
    }

    /**
     * The view a query string asks for, {@code pageSize} results a page. {@code strict}: a bad parameter fails the
     * future with {@link CatalogueState.BadParameter} (the API's 400); otherwise it is dropped (pages). Completes on
     * the event loop that asked, or on a blocking thread when the database answered.
     */
    CompletableFuture<View> search(HttpParameters parameters, int pageSize, boolean strict) {
        return reference.names().thenCompose(names -> {
            CatalogueState state = CatalogueState.parse(
                    parameters, names.groups().keySet(), names.provinces().keySet(), pageSize, strict);
            return search.search(state.query(pageSize)).thenApply(result -> new View(names, state, result));
        });
    }
}
