package vn.ocop.portal.traceability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class StampCodesTest {

    private static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private final StampCodes codes = new StampCodes("a-test-key-that-is-long-enough-0123456789");

    @Test
    void shouldWriteTwentyCharacterCodesThatReadBackToTheirSerial() {
        for (int i = 0; i < 1000; i++) {
            long serial = codes.newSerial();
            String code = codes.codeOf(serial);
            assertEquals(20, code.length());
            assertTrue(code.chars().allMatch(c -> ALPHABET.indexOf(c) >= 0), code);
            assertEquals(OptionalLong.of(serial), codes.serialOf(code));
        }
    }

    @Test
    void shouldRefuseEveryCodeWithOneCharacterChanged() {
        String code = codes.codeOf(codes.newSerial());
        for (int position = 0; position < code.length(); position++) {
            for (char replacement : ALPHABET.toCharArray()) {
                if (replacement != code.charAt(position)) {
                    String altered = code.substring(0, position) + replacement + code.substring(position + 1);
                    assertTrue(codes.serialOf(altered).isEmpty(), altered);
                }
            }
        }
    }

    @Test
    void shouldRefuseCodesSignedWithAnotherKey() {
        StampCodes other = new StampCodes("another-key-that-is-long-enough-0123456789");
        long serial = codes.newSerial();
        assertNotEquals(codes.codeOf(serial), other.codeOf(serial));
        assertTrue(codes.serialOf(other.codeOf(serial)).isEmpty());
    }

    @Test
    void shouldReadCodesAsPeopleTypeThem() {
        long serial = codes.newSerial();
        String code = codes.codeOf(serial);
        assertEquals(OptionalLong.of(serial), codes.serialOf(code.toLowerCase()));
        assertEquals(OptionalLong.of(serial), codes.serialOf(StampCodes.grouped(code)));
        String withLookAlikes = code.replace('0', 'O').replace('1', 'l');
        assertEquals(OptionalLong.of(serial), codes.serialOf(withLookAlikes));
    }

    @Test
    void shouldRefuseGarbage() {
        for (String garbage : new String[] {
            "", "-", "ABC", "U".repeat(20), "0".repeat(21), "../../etc/passwd", "Ê".repeat(20), "x".repeat(500), null
        }) {
            assertTrue(codes.serialOf(garbage).isEmpty(), String.valueOf(garbage));
        }
    }

    @Test
    void shouldDrawDistinctSerials() {
        Set<Long> serials =
                IntStream.range(0, 10_000).mapToObj(i -> codes.newSerial()).collect(Collectors.toSet());
        assertEquals(10_000, serials.size());
        assertTrue(serials.stream().allMatch(s -> s >= 0 && s < (1L << 60)));
    }

    @Test
    void shouldRefuseToStartWithoutALongSecret() {
        IllegalStateException missing = assertThrows(IllegalStateException.class, () -> new StampCodes((String) null));
        assertTrue(missing.getMessage().contains("OCOP_STAMP_SECRET"), missing.getMessage());
        IllegalStateException blank = assertThrows(IllegalStateException.class, () -> new StampCodes("  "));
        assertTrue(blank.getMessage().contains("not set"), blank.getMessage());
        IllegalStateException shortSecret = assertThrows(IllegalStateException.class, () -> new StampCodes("secret"));
        assertTrue(shortSecret.getMessage().contains("too short"), shortSecret.getMessage());
    }
}
