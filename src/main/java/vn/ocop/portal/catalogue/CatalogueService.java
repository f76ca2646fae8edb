package vn.ocop.portal.catalogue;

import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import vn.ocop.portal.search.CatalogueQuery;
import vn.ocop.portal.search.CatalogueResult;
import vn.ocop.portal.search.ProductSearch;

/** Answers catalogue searches for the pages and the API. */
@Singleton
class CatalogueService {

    private final ProductSearch search;

    CatalogueService(ProductSearch search) {
        this.search = search;
    }

    CatalogueResult search(CatalogueQuery query) {
        try {
            return search.search(query);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
