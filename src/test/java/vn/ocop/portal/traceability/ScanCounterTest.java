package vn.ocop.portal.traceability;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** An item stamp's counter in memory: the database's figures plus this instance's scans not yet written. */
class ScanCounterTest {

    private static final Instant FIRST = Instant.parse("2026-11-01T03:00:00Z");
    private static final Instant NOW = Instant.parse("2026-11-28T03:00:00Z");

    @Test
    void shouldCountScansNotYetWrittenOnTopOfTheStoredFigures() {
        ScanCounter counter = new ScanCounter(4, FIRST, 1, List.of("shop"));
        assertEquals(new ScanCounter.Tally(5, FIRST, 1), counter.count(NOW, "shop"));
        assertEquals(new ScanCounter.Tally(6, FIRST, 2), counter.count(NOW, "elsewhere"));
        assertEquals(new ScanCounter.Tally(6, FIRST, 2), counter.tally(), "a bot's visit counts nothing");
    }

    @Test
    void shouldTakeTheStoredFiguresOnceTheScansAreWrittenIncludingOtherInstancesScans() {
        ScanCounter counter = new ScanCounter(0, null, 0, List.of());
        counter.count(NOW, "shop");
        counter.count(NOW, "shop");
        assertEquals(new ScanCounter.Tally(2, NOW, 1), counter.tally(), "first scan: the earliest not yet written");
        // The scan log wrote both; meanwhile another instance had written three scans from two other networks.
        counter.stored(2, 5, FIRST, 3);
        assertEquals(new ScanCounter.Tally(5, FIRST, 3), counter.tally());
        assertEquals(new ScanCounter.Tally(6, FIRST, 3), counter.count(NOW, "shop"));
    }

    @Test
    void shouldNotCountAScanTwiceWhenItsWriteIsReportedBeforeItIsCounted() {
        ScanCounter counter = new ScanCounter(7, FIRST, 1, List.of("shop"));
        // The scan log may write a scan (and report it) before the page that queued it has counted it.
        counter.stored(1, 8, FIRST, 1);
        assertEquals(new ScanCounter.Tally(8, FIRST, 1), counter.count(NOW, "shop"));
    }
}
