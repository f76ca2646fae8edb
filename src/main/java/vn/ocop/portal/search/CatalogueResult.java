package vn.ocop.portal.search;

import java.util.List;
import java.util.Map;
import vn.ocop.portal.shared.ServerTiming;

/**
 * One page of catalogue results. {@code facets} maps each facet ({@link #FACETS}) to its values and counts, each
 * count taking every other facet's selection into account (multi-select facets). {@code correction} is a
 * respelled query that finds products when this one found none; {@code degraded} says the answer came from
 * PostgreSQL because Elasticsearch was unreachable; {@code searchNanos} is the time spent waiting for the search
 * engine (every round trip of this page, the client's own work included). {@code partial} says no product matched
 * every word and these match most of them (the page says so); {@code formerProvinces} are the provinces before
 * 1 July 2025 that the text named, with the province each is now part of (the page explains it); {@code stars} is a
 * star count the text asked for ("5 sao"), null if none.
 */
public record CatalogueResult(
        long total,
        List<ProductDocument> items,
        Map<String, Map<String, Long>> facets,
        String correction,
        boolean degraded,
        long searchNanos,
        boolean partial,
        List<FormerProvince> formerProvinces,
        Integer stars) {

    public CatalogueResult {
        formerProvinces = List.copyOf(formerProvinces);
    }

    /** A province that no longer exists, named by a search: its name and the code of the province it became part of. */
    public record FormerProvince(String name, String provinceCode) {}

    /** This answer's {@link ServerTiming#HEADER} metric: {@code search;dur=} in milliseconds. */
    public String serverTiming() {
        return ServerTiming.metric("search", searchNanos);
    }

    public static final String GROUP = "group";
    public static final String STARS = "stars";
    public static final String PROVINCE = "province";
    public static final String PRODUCER_TYPE = "producerType";
    public static final List<String> FACETS = List.of(GROUP, STARS, PROVINCE, PRODUCER_TYPE);
}
