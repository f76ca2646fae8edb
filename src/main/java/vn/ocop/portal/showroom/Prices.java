package vn.ocop.portal.showroom;

import io.micronaut.core.annotation.Nullable;
import java.util.Optional;

/** Prices in đồng as staff and producers type them: "45000", "45.000", "45,000 đ". */
final class Prices {

    private Prices() {}

    /** Empty for no price given; null for something that is not a price. */
    static @Nullable Optional<Long> parse(@Nullable String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String digits = text.strip().replaceAll("(?i)\\s*(đ|₫|vnd|vnđ)$", "").replaceAll("[\\s.,]", "");
        if (!digits.matches("^\\d{1,12}$")) {
            return null;
        }
        return Optional.of(Long.parseLong(digits));
    }
}
