package vn.ocop.portal.shared;

import io.micronaut.core.annotation.Nullable;
import java.util.regex.Pattern;

/** A latitude or longitude as staff type it in a form: decimal degrees, a comma taken for the point. */
public final class Coordinates {

    private static final Pattern DEGREES = Pattern.compile("^-?\\d{1,3}(\\.\\d{1,8})?$");

    private Coordinates() {}

    /** The degrees typed, or null when the text is not a number of degrees within ±{@code bound} (90 or 180). */
    public static @Nullable Double degrees(String text, double bound) {
        String typed = text.strip().replace(',', '.');
        if (!DEGREES.matcher(typed).matches()) {
            return null;
        }
        double value = Double.parseDouble(typed);
        return Math.abs(value) > bound ? null : value;
    }
}
