package vn.ocop.portal.shared;

import java.time.ZoneId;

/** Vietnam's time zone (UTC+7, no daylight saving): the one in which the portal's days begin and end. */
public final class VietnamTime {

    public static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

    private VietnamTime() {}
}
