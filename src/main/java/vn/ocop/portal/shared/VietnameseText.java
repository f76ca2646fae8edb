package vn.ocop.portal.shared;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Vietnamese text as the portal stores and searches it.
 *
 * <p>Text is stored in Unicode NFC. Searching folds both the stored text and the query the same way, so "ca phe"
 * finds "Cà phê" and "dak lak" finds "Đắk Lắk". Canonical decomposition leaves đ/Đ alone (it is a letter of its own,
 * not d with a mark), so it is mapped explicitly.
 */
public final class VietnameseText {

    private static final Pattern COMBINING_MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern NOT_SLUG = Pattern.compile("[^a-z0-9]+");

    private VietnameseText() {}

    /** The text in Unicode NFC, the form every stored text takes; null stays null. */
    public static String nfc(String text) {
        return text == null ? null : Normalizer.normalize(text, Normalizer.Form.NFC);
    }

    /** Lower case, without diacritics, đ as d, white space collapsed: "Đắk  Lắk" becomes "dak lak". */
    public static String fold(String text) {
        if (text == null) {
            return "";
        }
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
        String unmarked = COMBINING_MARKS.matcher(decomposed).replaceAll("");
        String folded = unmarked.replace('đ', 'd').replace('Đ', 'd').toLowerCase(Locale.ROOT);
        return SPACES.matcher(folded).replaceAll(" ").strip();
    }

    /** A URL slug: folded, with every run of other characters turned into one hyphen ("Cà phê Robusta" → "ca-phe-robusta"). */
    public static String slug(String text) {
        String slug = NOT_SLUG.matcher(fold(text)).replaceAll("-");
        int start = 0;
        int end = slug.length();
        while (start < end && slug.charAt(start) == '-') {
            start++;
        }
        while (end > start && slug.charAt(end - 1) == '-') {
            end--;
        }
        return slug.substring(start, end);
    }
}
