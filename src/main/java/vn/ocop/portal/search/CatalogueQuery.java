package vn.ocop.portal.search;

import java.util.Set;

/**
 * A catalogue search: free text (any spelling, with or without diacritics), selected facet values (values of one
 * facet are alternatives, facets combine), a sort and a page (1-based).
 */
public record CatalogueQuery(
        String text,
        Set<String> groups,
        Set<Integer> stars,
        Set<String> provinces,
        Set<String> producerTypes,
        Sort sort,
        int page,
        int size) {

    /** Elasticsearch pages no further than this many hits. */
    public static final int MAX_WINDOW = 10_000;

    public enum Sort {
        RELEVANCE,
        STARS,
        NEWEST
    }

    public CatalogueQuery {
        text = text == null ? "" : text.strip();
        groups = Set.copyOf(groups);
        stars = Set.copyOf(stars);
        provinces = Set.copyOf(provinces);
        producerTypes = Set.copyOf(producerTypes);
        if (page < 1 || size < 1 || (long) page * size > MAX_WINDOW) {
            throw new IllegalArgumentException("page " + page + " of size " + size + " is out of range");
        }
    }

    public boolean hasText() {
        return !text.isEmpty();
    }

    public int from() {
        return (page - 1) * size;
    }
}
