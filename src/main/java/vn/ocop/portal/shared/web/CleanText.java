package vn.ocop.portal.shared.web;

import io.micronaut.core.annotation.Nullable;

/** Finds control characters in text from the internet (see {@link ControlCharacters}). */
public final class CleanText {

    private CleanText() {}

    /** Whether a URI as sent, raw or percent-encoded, holds a control character. */
    public static boolean inUri(String uri) {
        for (int i = 0; i < uri.length(); i++) {
            char c = uri.charAt(i);
            if (isControl(c)) {
                return true;
            }
            if (c == '%' && i + 2 < uri.length()) {
                int value = hex(uri.charAt(i + 1), uri.charAt(i + 2));
                if (value >= 0 && (value < 0x20 || value == 0x7f)) {
                    return true;
                }
                // U+0080..U+009F in UTF-8: C2 80..C2 9F
                if (value == 0xc2 && i + 5 < uri.length() && uri.charAt(i + 3) == '%') {
                    int next = hex(uri.charAt(i + 4), uri.charAt(i + 5));
                    if (next >= 0x80 && next <= 0x9f) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** The first control character of a text (line breaks and tabs allowed where {@code multiline}), or -1. */
    public static int controlAt(@Nullable String text, boolean multiline) {
        if (text == null) {
            return -1;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (isControl(c) && !(multiline && (c == '\n' || c == '\r' || c == '\t'))) {
                return i;
            }
        }
        return -1;
    }

    private static boolean isControl(char c) {
        return c < 0x20 || (c >= 0x7f && c <= 0x9f);
    }

    private static int hex(char high, char low) {
        int h = Character.digit(high, 16);
        int l = Character.digit(low, 16);
        return h < 0 || l < 0 ? -1 : h * 16 + l;
    }
}
