package vn.ocop.portal.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The {@code Server-Timing} metric the benchmarks read: milliseconds, two decimals, rounded half up. */
class ServerTimingTest {

    @Test
    void shouldWriteMillisecondsWithTwoDecimals() {
        assertEquals("search;dur=2.05", ServerTiming.metric("search", 2_045_000));
        assertEquals("search;dur=2.04", ServerTiming.metric("search", 2_044_999));
        assertEquals("render;dur=0.07", ServerTiming.metric("render", 70_000));
        assertEquals("render;dur=0.00", ServerTiming.metric("render", 0));
        assertEquals("search;dur=10.00", ServerTiming.metric("search", 9_999_999));
        assertEquals("search;dur=1234.50", ServerTiming.metric("search", 1_234_500_000L));
    }
}
