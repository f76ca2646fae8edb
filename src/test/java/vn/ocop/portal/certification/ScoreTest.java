package vn.ocop.portal.certification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ScoreTest {

    @ParameterizedTest(name = "{0} points give {1} stars")
    @CsvSource({"0, 1", "29, 1", "30, 2", "49, 2", "50, 3", "69, 3", "70, 4", "89, 4", "90, 5", "100, 5"})
    void shouldDeriveStarsFromTheBandsAtTheirEdges(int total, int stars) {
        assertEquals(stars, Score.starsFor(total));
    }

    @Test
    void shouldAddThePartsUpAndDeriveTheStars() {
        Score score = new Score(36, 22, 32);
        assertEquals(90, score.total());
        assertEquals(5, score.stars());
        assertTrue(score.certifiable());
    }

    @Test
    void shouldNotCertifyBelowThreeStars() {
        assertFalse(new Score(20, 10, 19).certifiable());
        assertTrue(new Score(20, 10, 20).certifiable());
    }

    @ParameterizedTest(name = "A={0} B={1} C={2} is refused")
    @CsvSource({"41, 0, 0", "0, 26, 0", "0, 0, 36", "-1, 10, 10", "10, -1, 10", "10, 10, -1"})
    void shouldRefusePartScoresOutsideTheirRange(int a, int b, int c) {
        InvalidScoreException refused = assertThrows(InvalidScoreException.class, () -> new Score(a, b, c));
        assertTrue(refused.points() < 0 || refused.points() > refused.max());
    }

    @Test
    void shouldAcceptEveryPartAtItsMaximum() {
        assertEquals(100, new Score(40, 25, 35).total());
    }

    @Test
    void shouldRefuseATotalOutsideZeroToHundred() {
        assertThrows(InvalidScoreException.class, () -> Score.starsFor(101));
        assertThrows(InvalidScoreException.class, () -> Score.starsFor(-1));
    }
}
