package vn.ocop.portal.certification;

import java.time.LocalDate;

/** Who certified: districts until 1 July 2025, provinces, and the ministry for 5 stars. */
public enum IssuingLevel {
    DISTRICT,
    PROVINCE,
    MINISTRY;

    /** Districts were abolished on this day (Decision 1489/QĐ-TTg): from it the province certifies 3★ and 4★. */
    public static final LocalDate DISTRICTS_ABOLISHED = LocalDate.of(2025, 7, 1);

    /**
     * The level that certifies a product of these stars by a decision of this date: before 1 July 2025 the district
     * 3★, the province 4★, the ministry 5★; from that day the province 3★ and 4★, the ministry 5★.
     */
    public static IssuingLevel requiredFor(int stars, LocalDate decisionDate) {
        if (stars < 3) {
            throw new IllegalArgumentException("only 3 stars and up are certified, not " + stars);
        }
        if (stars == 5) {
            return MINISTRY;
        }
        if (stars == 3 && decisionDate.isBefore(DISTRICTS_ABOLISHED)) {
            return DISTRICT;
        }
        return PROVINCE;
    }

    /** The message key of its name. */
    public String messageKey() {
        return "certification.level." + name();
    }
}
