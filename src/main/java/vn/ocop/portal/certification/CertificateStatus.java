package vn.ocop.portal.certification;

import java.time.LocalDate;

/** The status a consumer must be able to tell apart, derived from the recorded status and the dates. */
public enum CertificateStatus {
    VALID,
    EXPIRING,
    EXPIRED,
    SUSPENDED,
    REVOKED;

    /** How many days before expiry a certificate counts as expiring (the issuer must notify 30 days ahead). */
    public static final int EXPIRING_WITHIN_DAYS = 30;

    public static CertificateStatus of(RecordedStatus recorded, LocalDate validUntil, LocalDate today) {
        return switch (recorded) {
            case REVOKED -> REVOKED;
            case SUSPENDED -> SUSPENDED;
            // A renewed certificate is no longer in force; the product's current one is its renewal.
            case SUPERSEDED -> EXPIRED;
            case VALID -> {
                if (today.isAfter(validUntil)) {
                    yield EXPIRED;
                }
                yield today.plusDays(EXPIRING_WITHIN_DAYS).isBefore(validUntil) ? VALID : EXPIRING;
            }
        };
    }

    /** Whether the product may carry the OCOP mark and stars today. */
    public boolean allowsMark() {
        return this == VALID || this == EXPIRING;
    }
}
