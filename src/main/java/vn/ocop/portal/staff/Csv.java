package vn.ocop.portal.staff;

import io.micronaut.core.annotation.Nullable;

/**
 * CSV cells that are safe to open in a spreadsheet: always quoted, and a cell that a spreadsheet would run as a
 * formula (starting with =, +, -, @, a tab or a carriage return) is prefixed with an apostrophe (OWASP's advice
 * on CSV injection).
 */
public final class Csv {

    private Csv() {}

    public static String cell(@Nullable String value) {
        if (value == null) {
            return "";
        }
        String text = value;
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        return "\"" + text.replace("\"", "\"\"") + "\"";
    }
}
