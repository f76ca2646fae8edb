package vn.ocop.portal.showroom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** "Open now" as a visitor reads it: intervals past midnight, days closed, exceptions that replace the week. */
class OpeningHoursTest {

    /** Friday 4 December 2026. */
    static final LocalDate FRIDAY = LocalDate.of(2026, 12, 4);

    @Test
    void shouldStayOpenPastMidnightIntoTheNextDay() {
        OpeningHours hours = new OpeningHours(
                Map.of(DayOfWeek.FRIDAY, OpeningHours.parseDay("hours.FRIDAY", "18:00-02:00")), Map.of());
        assertTrue(hours.openAt(FRIDAY.atTime(23, 30)));
        assertTrue(hours.openAt(FRIDAY.plusDays(1).atTime(1, 59)), "Saturday 01:59 is still Friday night");
        assertFalse(hours.openAt(FRIDAY.plusDays(1).atTime(2, 0)), "closed from 02:00");
        assertFalse(hours.openAt(FRIDAY.atTime(17, 59)));
        assertFalse(hours.openAt(FRIDAY.atTime(1, 0)), "Thursday night has no hours");
    }

    @Test
    void shouldOpenAroundTheClockWhenOpeningAndClosingAtMidnight() {
        OpeningHours hours = new OpeningHours(
                Map.of(
                        DayOfWeek.FRIDAY, OpeningHours.parseDay("f", "00:00-24:00"),
                        DayOfWeek.SATURDAY, OpeningHours.parseDay("s", "00:00-24:00")),
                Map.of());
        assertTrue(hours.openAt(FRIDAY.atTime(0, 0)));
        assertTrue(hours.openAt(FRIDAY.atTime(12, 0)));
        assertTrue(hours.openAt(FRIDAY.atTime(23, 59)));
    }

    @Test
    void shouldOpenInEitherIntervalOfADayAndCloseBetweenThem() {
        OpeningHours hours = new OpeningHours(
                Map.of(DayOfWeek.FRIDAY, OpeningHours.parseDay("f", "08:00-12:00, 13h30-21.00")), Map.of());
        assertTrue(hours.openAt(FRIDAY.atTime(8, 0)));
        assertFalse(hours.openAt(FRIDAY.atTime(12, 0)), "closing time is exclusive");
        assertFalse(hours.openAt(FRIDAY.atTime(13, 0)));
        assertTrue(hours.openAt(FRIDAY.atTime(20, 59)));
        assertEquals("08:00–12:00, 13:30–21:00", hours.weekdayText(DayOfWeek.FRIDAY));
    }

    @Test
    void shouldLetAnExceptionReplaceTheWeekIncludingTheNightBefore() {
        Map<LocalDate, OpeningHours.Exception> exceptions =
                OpeningHours.parseExceptions("2026-12-04 closed Kiểm kê\n2026-12-05 09:00-11:00 Giờ ngắn");
        OpeningHours hours = new OpeningHours(
                Map.of(
                        DayOfWeek.THURSDAY, OpeningHours.parseDay("t", "18:00-02:00"),
                        DayOfWeek.FRIDAY, OpeningHours.parseDay("f", "08:00-22:00"),
                        DayOfWeek.SATURDAY, OpeningHours.parseDay("s", "08:00-22:00")),
                exceptions);
        assertTrue(
                hours.openAt(FRIDAY.atTime(1, 0)),
                "Thursday's night runs into the closed Friday: the exception is about what starts on Friday");
        assertFalse(hours.openAt(FRIDAY.atTime(10, 0)), "closed all Friday");
        assertTrue(hours.openAt(FRIDAY.plusDays(1).atTime(10, 0)));
        assertFalse(hours.openAt(FRIDAY.plusDays(1).atTime(12, 0)), "Saturday's shorter hours");
        assertEquals("2026-12-04 closed Kiểm kê\n2026-12-05 09:00–11:00 Giờ ngắn", hours.exceptionsText());
    }

    @Test
    void shouldReadTheTextItWritesBack() {
        OpeningHours hours = new OpeningHours(
                Map.of(DayOfWeek.MONDAY, OpeningHours.parseDay("m", "07:30–19:00")),
                OpeningHours.parseExceptions("2027-02-06 nghỉ Tết"));
        OpeningHours again = new OpeningHours(
                Map.of(DayOfWeek.MONDAY, OpeningHours.parseDay("m", hours.weekdayText(DayOfWeek.MONDAY))),
                OpeningHours.parseExceptions(hours.exceptionsText()));
        assertEquals(hours.weekdayText(DayOfWeek.MONDAY), again.weekdayText(DayOfWeek.MONDAY));
        assertEquals(hours.exceptions(), again.exceptions());
    }

    @Test
    void shouldRefuseWhatItCannotRead() {
        for (String bad : List.of("8-12", "25:00-26:00", "08:00-12:61", "morning")) {
            OpeningHours.Invalid invalid =
                    assertThrows(OpeningHours.Invalid.class, () -> OpeningHours.parseDay("hours.MONDAY", bad), bad);
            assertEquals("hours.MONDAY", invalid.field);
        }
        for (String bad : List.of(
                "2027-02-30 closed", "tomorrow closed", "2027-02-06 soon", "2027-02-06 closed\n2027-02-06 closed")) {
            assertThrows(OpeningHours.Invalid.class, () -> OpeningHours.parseExceptions(bad), bad);
        }
    }

    @Test
    void shouldMeasureDistancesOnTheSphere() {
        // Hoàn Kiếm to Nội Bài airport: about 21 km as the crow flies.
        double km = PointDirectory.distanceKm(21.0285, 105.8542, 21.2187, 105.8042);
        assertTrue(km > 20 && km < 23, Double.toString(km));
        assertEquals(0, PointDirectory.distanceKm(10, 106, 10, 106), 1e-9);
        assertEquals("850 m", Distances.shown(0.848));
        assertEquals("3.2 km", Distances.shown(3.24));
        assertEquals("120 km", Distances.shown(119.6));
    }

    @Test
    void shouldReadPricesAsStaffTypeThem() {
        assertEquals(45_000L, Prices.parse("45.000 đ").orElseThrow());
        assertEquals(45_000L, Prices.parse("45,000").orElseThrow());
        assertTrue(Prices.parse("").isEmpty());
        assertEquals(null, Prices.parse("bốn lăm"));
        assertEquals(null, Prices.parse("-5"));
    }

    @Test
    void shouldKnowYesterdayFromTheDateNotTheClock() {
        // An interval of Sunday past midnight keeps Monday's small hours open: week wraps around.
        OpeningHours hours =
                new OpeningHours(Map.of(DayOfWeek.SUNDAY, OpeningHours.parseDay("s", "20:00-03:00")), Map.of());
        LocalDateTime monday = LocalDate.of(2026, 12, 7).atTime(2, 30);
        assertEquals(DayOfWeek.MONDAY, monday.getDayOfWeek());
        assertTrue(hours.openAt(monday));
    }
}
