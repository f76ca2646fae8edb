package vn.ocop.portal.shared;

import io.micronaut.core.annotation.Nullable;
import java.util.Optional;

/** Reading an enum's constant from the text of a form, a query or a column. */
public final class Enums {

    private Enums() {}

    /** The constant of that exact name; empty for null or any other text (never an exception). */
    public static <E extends Enum<E>> Optional<E> named(Class<E> type, @Nullable String name) {
        if (name != null) {
            for (E constant : type.getEnumConstants()) {
                if (constant.name().equals(name)) {
                    return Optional.of(constant);
                }
            }
        }
        return Optional.empty();
    }
}
