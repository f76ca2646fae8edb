package vn.ocop.portal.certification;

/** What officers decided about a certificate; expiry is not recorded but follows from the dates. */
public enum RecordedStatus {
    VALID,
    SUSPENDED,
    REVOKED
}
