package vn.ocop.portal.catalogue;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Result counts as each language groups digits (the catalogue's "17.742 sản phẩm" / "17,742 products"). */
class LabelsTest {

    @Test
    void shouldGroupDigitsAsTheLanguageDoes() {
        Labels vietnamese = new Labels(null, null, Locale.of("vi"));
        Labels english = new Labels(null, null, Locale.ENGLISH);

        assertEquals("17.742", vietnamese.count(17_742));
        assertEquals("17,742", english.count(17_742));
        assertEquals("1.234.567", vietnamese.count(1_234_567));
        assertEquals("1.000", vietnamese.count(1_000));
        assertEquals("999", vietnamese.count(999));
        assertEquals("0", english.count(0));
    }
}
