package vn.ocop.portal.certification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class CertificateStatusTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

    @Test
    void shouldBeValidWhenExpiryIsMoreThanThirtyDaysAway() {
        assertEquals(CertificateStatus.VALID, CertificateStatus.of(RecordedStatus.VALID, TODAY.plusDays(31), TODAY));
    }

    @Test
    void shouldBeExpiringWithinThirtyDaysIncludingTheLastDay() {
        assertEquals(CertificateStatus.EXPIRING, CertificateStatus.of(RecordedStatus.VALID, TODAY.plusDays(30), TODAY));
        assertEquals(CertificateStatus.EXPIRING, CertificateStatus.of(RecordedStatus.VALID, TODAY, TODAY));
    }

    @Test
    void shouldBeExpiredTheDayAfterValidUntil() {
        assertEquals(CertificateStatus.EXPIRED, CertificateStatus.of(RecordedStatus.VALID, TODAY.minusDays(1), TODAY));
    }

    @Test
    void shouldLetRevocationAndSuspensionWinOverTheDates() {
        assertEquals(
                CertificateStatus.REVOKED, CertificateStatus.of(RecordedStatus.REVOKED, TODAY.plusYears(2), TODAY));
        assertEquals(
                CertificateStatus.SUSPENDED, CertificateStatus.of(RecordedStatus.SUSPENDED, TODAY.plusYears(2), TODAY));
    }

    @Test
    void shouldAllowTheMarkOnlyWhileValidOrExpiring() {
        assertTrue(CertificateStatus.VALID.allowsMark());
        assertTrue(CertificateStatus.EXPIRING.allowsMark());
        assertFalse(CertificateStatus.EXPIRED.allowsMark());
        assertFalse(CertificateStatus.SUSPENDED.allowsMark());
        assertFalse(CertificateStatus.REVOKED.allowsMark());
    }
}
