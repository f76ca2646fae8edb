package vn.ocop.portal.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.text.Normalizer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VietnameseTextTest {

    @ParameterizedTest
    @CsvSource({
        "Đắk Lắk, dak lak",
        "Cà phê, ca phe",
        "ĐƯỜNG, duong",
        "Chè Shan tuyết  Phong Thổ, che shan tuyet phong tho",
        "Sâm Ngọc Linh, sam ngoc linh",
        "Thổ cẩm, tho cam"
    })
    void shouldFoldVietnameseToPlainLowerCase(String text, String folded) {
        assertEquals(folded, VietnameseText.fold(text));
    }

    @Test
    void shouldFoldDecomposedInputTheSameAsComposed() {
        String decomposed = Normalizer.normalize("Cà phê Buôn Ma Thuột", Normalizer.Form.NFD);
        assertEquals("ca phe buon ma thuot", VietnameseText.fold(decomposed));
    }

    @Test
    void shouldStoreTextInNfc() {
        String decomposed = Normalizer.normalize("Mật ong rừng", Normalizer.Form.NFD);
        String stored = VietnameseText.nfc(decomposed);
        assertEquals(Normalizer.normalize("Mật ong rừng", Normalizer.Form.NFC), stored);
        assertEquals(12, stored.length());
    }

    @ParameterizedTest
    @CsvSource({
        "Cà phê Robusta Krông Năng, ca-phe-robusta-krong-nang",
        "'  Mật ong rừng (500 g) ', mat-ong-rung-500-g",
        "Đường phèn – Quảng Ngãi!, duong-phen-quang-ngai"
    })
    void shouldMakeUrlSlugs(String text, String slug) {
        assertEquals(slug, VietnameseText.slug(text));
    }
}
