package vn.ocop.portal.staff;

import io.micronaut.core.annotation.Nullable;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import vn.ocop.portal.shared.VietnamTime;

/** Times on staff screens: Vietnam's clock, to the minute, in one form for both languages (2026-12-01 09:30). */
public final class StaffTime {

    private static final DateTimeFormatter SHOWN =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(VietnamTime.ZONE);

    private StaffTime() {}

    public static @Nullable String shown(@Nullable Instant at) {
        return at == null ? null : SHOWN.format(at);
    }
}
