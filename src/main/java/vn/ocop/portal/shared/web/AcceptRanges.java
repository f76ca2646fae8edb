package vn.ocop.portal.shared.web;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Expands the partial wildcards of an {@code Accept} header ({@code image/*}, {@code text/*}, {@code application/*})
 * into the media types this portal serves, each with the range's parameters (its {@code q}), so a route that
 * produces one of them matches (Micronaut's router only knows {@code *}{@code /*}).
 */
final class AcceptRanges {

    private static final Map<String, List<String>> SERVED = Map.of(
            "image", List.of("image/png", "image/svg+xml", "image/jpeg", "image/webp"),
            "text", List.of("text/html", "text/plain", "text/csv"),
            "application",
                    List.of(
                            "application/json",
                            "application/problem+json",
                            "application/linkset+json",
                            "application/ld+json",
                            "application/xml",
                            "application/pdf"));

    private AcceptRanges() {}

    static String expand(String accept) {
        StringBuilder expanded = new StringBuilder(accept.length() * 2);
        for (String range : accept.split(",")) {
            String trimmed = range.strip();
            int semicolon = trimmed.indexOf(';');
            String type = (semicolon < 0 ? trimmed : trimmed.substring(0, semicolon))
                    .strip()
                    .toLowerCase(Locale.ROOT);
            String parameters = semicolon < 0 ? "" : trimmed.substring(semicolon);
            List<String> served = type.endsWith("/*") ? SERVED.get(type.substring(0, type.length() - 2)) : null;
            if (served == null) {
                append(expanded, trimmed);
            } else {
                for (String concrete : served) {
                    append(expanded, concrete + parameters);
                }
            }
        }
        return expanded.toString();
    }

    private static void append(StringBuilder header, String range) {
        if (!range.isEmpty()) {
            if (!header.isEmpty()) {
                header.append(", ");
            }
            header.append(range);
        }
    }
}
