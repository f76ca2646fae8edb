package vn.ocop.portal.certification;

/** Who certified: districts until 1 July 2025, provinces, and the ministry for 5 stars. */
public enum IssuingLevel {
    DISTRICT,
    PROVINCE,
    MINISTRY
}
