package vn.ocop.portal.traceability.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * An item stamp's copy-detection figures in memory: the database's figures plus this instance's counted scans not
 * yet written; a network counts once a day.
 */
class ScanCounterTest {

    private static final Instant FIRST = Instant.parse("2026-11-01T03:00:00Z");
    private static final Instant NOW = Instant.parse("2026-11-28T03:00:00Z");
    private static final LocalDate TODAY = LocalDate.parse("2026-11-28");
    private static final LocalDate TOMORROW = TODAY.plusDays(1);

    @Test
    void shouldCountANetworkOnceADay() {
        ScanCounter counter = ScanCounter.fresh(TODAY);
        assertTrue(counter.evidence(TODAY, "home", null).counted());
        assertEquals(new ScanCounter.Tally(1, NOW, 1, 0, 1), counter.count(NOW, TODAY, "home", null));
        assertFalse(counter.evidence(TODAY, "home", null).counted(), "the same network again today");
        assertEquals(new ScanCounter.Tally(1, NOW, 1, 0, 1), counter.count(NOW, TODAY, "home", null));
        ScanCounter.Evidence tomorrow = counter.evidence(TOMORROW, "home", null);
        assertTrue(tomorrow.counted() && !tomorrow.newNetwork() && tomorrow.newDay());
        assertEquals(new ScanCounter.Tally(2, NOW, 1, 0, 2), counter.count(NOW, TOMORROW, "home", null));
    }

    @Test
    void shouldTellNewProvincesAndNetworks() {
        ScanCounter counter = ScanCounter.fresh(TODAY);
        counter.count(NOW, TODAY, "hanoi-shop", "01");
        ScanCounter.Evidence sameProvince = counter.evidence(TODAY, "hanoi-home", "01");
        assertTrue(sameProvince.counted() && sameProvince.newNetwork() && !sameProvince.newProvince());
        counter.count(NOW, TODAY, "hanoi-home", "01");
        assertEquals(new ScanCounter.Tally(2, NOW, 2, 1, 1), counter.tally());
        assertTrue(counter.evidence(TODAY, "saigon", "79").newProvince());
        assertEquals(new ScanCounter.Tally(3, NOW, 3, 2, 1), counter.count(NOW, TODAY, "saigon", "79"));
    }

    @Test
    void shouldTakeTheStoredFiguresOnceTheScansAreWrittenIncludingOtherInstancesScans() {
        ScanCounter counter = ScanCounter.fresh(TODAY);
        counter.count(NOW, TODAY, "shop", null);
        counter.count(NOW, TODAY, "home", null);
        assertEquals(new ScanCounter.Tally(2, NOW, 2, 0, 1), counter.tally());
        // The scan log wrote both; meanwhile another instance had written three scans from other places.
        counter.stored(2, 5, FIRST, 4, 2, 3);
        assertEquals(new ScanCounter.Tally(5, FIRST, 4, 2, 3), counter.tally());
        assertEquals(new ScanCounter.Tally(6, FIRST, 4, 2, 3), counter.count(NOW, TODAY, "office", null));
    }

    @Test
    void shouldNotCountAScanTwiceWhenItsWriteIsReportedBeforeItIsCounted() {
        ScanCounter counter =
                new ScanCounter(7, FIRST, 1, 0, 1, List.of("shop"), List.of(), List.of(TODAY), TODAY, List.of(), null);
        // The scan log may write a scan (and report it) before the page that queued it has counted it.
        counter.stored(1, 8, FIRST, 1, 0, 1);
        assertEquals(new ScanCounter.Tally(8, FIRST, 1, 0, 1), counter.count(NOW, TODAY, "shop", null));
    }

    @Test
    void shouldRememberWhatTheDatabaseCountedToday() {
        ScanCounter counter = new ScanCounter(
                3, FIRST, 2, 0, 2, List.of("shop"), List.of(), List.of(TODAY), TODAY, List.of("shop"), null);
        assertFalse(counter.evidence(TODAY, "shop", null).counted(), "counted today before this instance read it");
    }
}
