package vn.ocop.portal.staff;

import io.micronaut.core.annotation.Nullable;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** Times on staff screens: Vietnam's clock, to the minute, in one form for both languages (2026-12-01 09:30). */
final class StaffTime {

    private static final DateTimeFormatter SHOWN =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.of("Asia/Ho_Chi_Minh"));

    private StaffTime() {}

    static @Nullable String shown(@Nullable Instant at) {
        return at == null ? null : SHOWN.format(at);
    }
}
