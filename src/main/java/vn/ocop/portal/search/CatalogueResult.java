package vn.ocop.portal.search;

import java.util.List;
import java.util.Map;
import vn.ocop.portal.shared.ServerTiming;

/**
 * One page of catalogue results. {@code facets} maps each facet ({@link #FACETS}) to its values and counts, each
 * count taking every other facet's selection into account (multi-select facets). {@code correction} is a
 * respelled query that finds products when this one found none; {@code degraded} says the answer came from
 * PostgreSQL because Elasticsearch was unreachable; {@code searchNanos} is the time spent waiting for the search
 * engine (every round trip of this page, the client's own work included).
 */
public record CatalogueResult(
        long total,
        List<ProductDocument> items,
        Map<String, Map<String, Long>> facets,
        String correction,
        boolean degraded,
        long searchNanos) {

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
