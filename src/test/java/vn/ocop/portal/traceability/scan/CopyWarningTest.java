package vn.ocop.portal.traceability.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;
import vn.ocop.portal.traceability.StampSettings;

/** The copy-warning rule (3 provinces, or 5 networks on 3 days) and what staff's review does to it. */
class CopyWarningTest {

    private static final StampSettings RULE = new StampSettings(null, 3, 5, 3, null, 1000, 0, 60);

    @Test
    void shouldWarnOnProvincesOrOnManyNetworksOverSeveralDays() {
        assertNull(CopyWarning.ofEvidence(4, 2, 2, RULE), "home, work, a shop: no warning");
        assertEquals(CopyWarning.PROVINCES, CopyWarning.ofEvidence(3, 3, 1, RULE));
        assertNull(CopyWarning.ofEvidence(20, 0, 1, RULE), "many networks on one day: a proxy, not copies");
        assertEquals(CopyWarning.NETWORKS, CopyWarning.ofEvidence(5, 0, 3, RULE));
    }

    @Test
    void shouldKeepAClearedWarningAwayUntilTheEvidenceGrows() {
        CopyWarning.Review cleared = new CopyWarning.Review(false, 4, 3);
        assertNull(CopyWarning.shown(4, 3, 2, cleared, RULE), "what the reviewer saw");
        assertNull(CopyWarning.shown(8, 3, 5, cleared, RULE), "four networks more: fewer than the rule asks for");
        assertEquals(CopyWarning.PROVINCES, CopyWarning.shown(5, 4, 2, cleared, RULE), "a fourth province");
        assertEquals(CopyWarning.NETWORKS, CopyWarning.shown(9, 2, 5, new CopyWarning.Review(false, 4, 2), RULE));
    }

    @Test
    void shouldAlwaysWarnAboutAConfirmedCopy() {
        CopyWarning.Review confirmed = new CopyWarning.Review(true, 5, 3);
        assertEquals(CopyWarning.CONFIRMED, CopyWarning.shown(5, 3, 1, confirmed, RULE));
        assertEquals(CopyWarning.CONFIRMED, CopyWarning.shown(1, 0, 1, confirmed, RULE), "whatever the figures");
    }

    @Test
    void shouldWarnWithoutAReviewAsTheRuleSays() {
        assertNull(CopyWarning.shown(2, 2, 2, null, RULE));
        assertEquals(CopyWarning.PROVINCES, CopyWarning.shown(3, 3, 1, null, RULE));
    }
}
