package vn.ocop.portal.certification;

/**
 * An evaluation's points in the three parts of the OCOP scoring sheet. The total and the stars are derived, never
 * entered on their own.
 *
 * @param productionAndDevelopment part A, production organisation and product development (0–40)
 * @param marketingAndStory part B, marketing and the product story (0–25)
 * @param qualityAndStandards part C, product quality, standards and export capability (0–35)
 */
public record Score(int productionAndDevelopment, int marketingAndStory, int qualityAndStandards) {

    public static final int MAX_A = 40;
    public static final int MAX_B = 25;
    public static final int MAX_C = 35;

    public Score {
        requirePart("A", productionAndDevelopment, MAX_A);
        requirePart("B", marketingAndStory, MAX_B);
        requirePart("C", qualityAndStandards, MAX_C);
    }

    public int total() {
        return productionAndDevelopment + marketingAndStory + qualityAndStandards;
    }

    public int stars() {
        return starsFor(total());
    }

    /** Only 3★ and up earn a certificate. */
    public boolean certifiable() {
        return stars() >= 3;
    }

    /** The star band of Decision 148 for a total of 0–100 points. */
    public static int starsFor(int total) {
        if (total < 0 || total > MAX_A + MAX_B + MAX_C) {
            throw new InvalidScoreException("total", total, MAX_A + MAX_B + MAX_C);
        }
        if (total >= 90) {
            return 5;
        }
        if (total >= 70) {
            return 4;
        }
        if (total >= 50) {
            return 3;
        }
        return total >= 30 ? 2 : 1;
    }

    private static void requirePart(String part, int points, int max) {
        if (points < 0 || points > max) {
            throw new InvalidScoreException(part, points, max);
        }
    }
}
