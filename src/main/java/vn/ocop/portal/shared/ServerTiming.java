package vn.ocop.portal.shared;

/**
 * The {@code Server-Timing} response header (W3C): where an answer's time went, shown by browsers' developer tools
 * and read by the benchmarks ({@code bench/catalogue.lua}).
 */
public final class ServerTiming {

    public static final String HEADER = "Server-Timing";

    private ServerTiming() {}

    /** One metric of the header: {@code name;dur=} in milliseconds, two decimals ({@code search;dur=2.05}). */
    public static String metric(String name, long nanos) {
        long hundredths = Math.max(0, (nanos + 5_000) / 10_000);
        long fraction = hundredths % 100;
        return name + ";dur=" + hundredths / 100 + (fraction < 10 ? ".0" : ".") + fraction;
    }
}
