package vn.ocop.portal.showroom;

import io.micronaut.core.annotation.Nullable;
import java.util.Locale;

/** Distances as visitors read them, and the checks on a place a browser sent. */
final class Distances {

    private Distances() {}

    static boolean valid(@Nullable Double latitude, @Nullable Double longitude) {
        return latitude != null
                && longitude != null
                && Double.isFinite(latitude)
                && Double.isFinite(longitude)
                && Math.abs(latitude) <= 90
                && Math.abs(longitude) <= 180;
    }

    static String shown(double km) {
        if (km < 1) {
            return Math.round(km * 1000 / 10.0) * 10 + " m";
        }
        if (km < 10) {
            return String.format(Locale.ROOT, "%.1f km", km);
        }
        return Math.round(km) + " km";
    }
}
