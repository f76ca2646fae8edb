package vn.ocop.portal.staff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Password rules of ASVS 2.1: length and guessability, no composition rules; Argon2id hashes. */
class PasswordsTest {

    private final Passwords passwords = new Passwords(new StaffSettings(
            Duration.ofMinutes(30),
            Duration.ofHours(12),
            8192,
            1,
            1,
            12,
            35,
            10,
            30,
            Duration.ofMinutes(15),
            Duration.ofHours(24),
            Duration.ofDays(365)));

    @Test
    void shouldRefuseShortCommonAndPersonalPasswords() {
        assertEquals(Optional.of(Passwords.Weakness.TOO_SHORT), passwords.weakness("ngắn quá", List.of()));
        assertEquals(Optional.of(Passwords.Weakness.TOO_GUESSABLE), passwords.weakness("password1234", List.of()));
        assertEquals(Optional.of(Passwords.Weakness.TOO_GUESSABLE), passwords.weakness("123456789012", List.of()));
        assertEquals(
                Optional.of(Passwords.Weakness.TOO_GUESSABLE),
                passwords.weakness("nguyenvanan2026", List.of("nguyen.van.an@ocop.vn", "Nguyễn Văn An")));
        assertEquals(
                Optional.of(Passwords.Weakness.TOO_GUESSABLE),
                passwords.weakness("correct horse battery staple", List.of()),
                "a famous passphrase is in the dictionaries");
        assertEquals(Optional.of(Passwords.Weakness.TOO_LONG), passwords.weakness("x".repeat(129), List.of()));
    }

    @Test
    void shouldAcceptALongPassphraseWithoutDigitsOrCapitals() {
        assertEquals(Optional.empty(), passwords.weakness("mây trắng bay qua đồi chè", List.of()));
        assertEquals(Optional.empty(), passwords.weakness("seven purple lanterns above the river", List.of()));
    }

    @Test
    void shouldHashWithArgon2idAndASaltOfItsOwn() {
        String hash = passwords.hash("mây trắng bay qua đồi chè");
        assertTrue(hash.startsWith("$argon2id$"), hash);
        assertTrue(passwords.matches("mây trắng bay qua đồi chè", hash));
        assertFalse(passwords.matches("mây trắng bay qua đồi chè ", hash));
        assertFalse(hash.equals(passwords.hash("mây trắng bay qua đồi chè")), "a new salt every time");
        assertFalse(passwords.matches("anything", "not a hash"), "a damaged hash is a failed check, not an error");
    }
}
