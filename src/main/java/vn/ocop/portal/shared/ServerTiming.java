package vn.ocop.portal.shared;

import java.util.Locale;

/**
 * The {@code Server-Timing} response header (W3C): where an answer's time went, shown by browsers' developer tools
 * and read by the benchmarks ({@code bench/catalogue.lua}).
 */
public final class ServerTiming {

    public static final String HEADER = "Server-Timing";

    private ServerTiming() {}

    /** One metric of the header: {@code name;dur=} in milliseconds. */
    public static String metric(String name, long nanos) {
        return String.format(Locale.ROOT, "%s;dur=%.2f", name, nanos / 1e6);
    }
}
