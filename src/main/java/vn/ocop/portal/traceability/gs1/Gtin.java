package vn.ocop.portal.traceability.gs1;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** GS1 identifiers as GS1 Digital Link writes them. */
final class Gtin {

    private Gtin() {}

    /** A GTIN-8, -12, -13 or -14 with a correct check digit, as the 14 digits Digital Link uses; else empty. */
    static Optional<String> normalise(String gtin) {
        if (gtin == null || !gtin.matches("[0-9]{8}|[0-9]{12,14}")) {
            return Optional.empty();
        }
        String gtin14 = "0".repeat(14 - gtin.length()) + gtin;
        int sum = 0;
        for (int i = 0; i < 13; i++) {
            sum += (gtin14.charAt(i) - '0') * (i % 2 == 0 ? 3 : 1);
        }
        int check = (10 - sum % 10) % 10;
        return check == gtin14.charAt(13) - '0' ? Optional.of(gtin14) : Optional.empty();
    }

    /** A lot or serial as one path segment: unreserved characters as they are, the rest percent-encoded. */
    static String pathSegment(String value) {
        StringBuilder segment = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || "-._~".indexOf(c) >= 0) {
                segment.append(c);
            } else {
                segment.append('%').append(String.format("%02X", b & 0xff));
            }
        }
        return segment.toString();
    }
}
