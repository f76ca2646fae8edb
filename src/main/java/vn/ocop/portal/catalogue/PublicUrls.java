package vn.ocop.portal.catalogue;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

/** Absolute URLs of public pages, from {@code ocop.public-base-url} (the address people reach the portal at). */
@Singleton
class PublicUrls {

    private final String base;

    PublicUrls(@Value("${ocop.public-base-url}") String base) {
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    String of(String path) {
        return base + path;
    }

    String product(String slug) {
        return of("/products/" + slug);
    }

    String photo(long id) {
        return of("/photos/" + id);
    }
}
