package vn.ocop.portal.catalogue;

import jakarta.inject.Singleton;
import java.util.concurrent.CompletableFuture;
import vn.ocop.portal.search.CatalogueQuery;
import vn.ocop.portal.search.CatalogueResult;
import vn.ocop.portal.search.ProductSearch;

/** Answers catalogue searches for the pages and the API (from PostgreSQL when Elasticsearch is away). */
@Singleton
class CatalogueService {

    private final ProductSearch search;

    CatalogueService(ProductSearch search) {
        this.search = search;
    }

    /** Completes on the event loop that asked, or on a blocking thread when PostgreSQL answers. */
    CompletableFuture<CatalogueResult> search(CatalogueQuery query) {
        return search.search(query);
    }
}
