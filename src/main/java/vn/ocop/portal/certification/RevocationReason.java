package vn.ocop.portal.certification;

import java.util.Optional;

/** Why a certificate is suspended or revoked ("thu hồi"): the grounds DOMAIN.md lists, and nothing else. */
public enum RevocationReason {
    /** No re-evaluation within the 36 months of validity. */
    NO_REEVALUATION,
    /** The declared production process is not followed. */
    PROCESS_NOT_FOLLOWED,
    /** A food-safety violation. */
    FOOD_SAFETY,
    /** The product no longer matches the certified quality or packaging. */
    QUALITY_OR_PACKAGING,
    /** The producer is no longer active. */
    PRODUCER_INACTIVE,
    /** The stamp or the OCOP mark was misused. */
    MARK_MISUSE;

    public static Optional<RevocationReason> parse(String text) {
        for (RevocationReason reason : values()) {
            if (reason.name().equals(text)) {
                return Optional.of(reason);
            }
        }
        return Optional.empty();
    }

    /** The message key of its label. */
    public String messageKey() {
        return "certification.reason." + name();
    }
}
