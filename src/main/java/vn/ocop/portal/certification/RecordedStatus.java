package vn.ocop.portal.certification;

/**
 * What officers decided about a certificate; expiry is not recorded but follows from the dates. A certificate is
 * {@link #SUPERSEDED} once a renewal ("công nhận lại") replaced it: the history keeps it, the public pages show the
 * renewal.
 */
public enum RecordedStatus {
    VALID,
    SUSPENDED,
    REVOKED,
    SUPERSEDED
}
