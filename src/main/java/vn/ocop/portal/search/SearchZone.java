package vn.ocop.portal.search;

import java.time.LocalDate;
import java.time.ZoneId;

/** The programme's calendar: whether a certificate is in force is decided on the date in Vietnam. */
public final class SearchZone {

    public static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    private SearchZone() {}

    public static LocalDate today() {
        return LocalDate.now(VIETNAM);
    }
}
