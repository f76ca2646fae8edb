package vn.ocop.portal.shared.web;

/**
 * Paths of the portal's server filters, as regular expressions ({@code FilterPatternStyle.REGEX}): Micronaut compiles
 * each once, where an Ant-style pattern ({@code /**}) and the request's path are split into segments again for every
 * filter on every request — a few percent of a scan page's time.
 */
public final class FilterPatterns {

    /** Every path. */
    public static final String ALL = ".*";

    private FilterPatterns() {}
}
