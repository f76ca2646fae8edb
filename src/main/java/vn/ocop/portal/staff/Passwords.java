package vn.ocop.portal.staff;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import me.gosimple.nbvcxz.Nbvcxz;
import me.gosimple.nbvcxz.resources.Configuration;
import me.gosimple.nbvcxz.resources.ConfigurationBuilder;
import me.gosimple.nbvcxz.resources.Dictionary;
import me.gosimple.nbvcxz.resources.DictionaryBuilder;
import me.gosimple.nbvcxz.scoring.Result;

/**
 * Passwords: hashed with Argon2id (password4j, parameters from {@link StaffSettings}), and judged by length and by
 * the nbvcxz strength estimator (its dictionaries of common passwords, names and words, plus the account's own
 * address and name), with no composition rules (ASVS 2.1).
 */
@Singleton
class Passwords {

    /** The longest password accepted: long passphrases, but not megabytes to hash. */
    static final int MAX_LENGTH = 128;

    /** Why a password is refused, as a message key of the staff bundle. */
    enum Weakness {
        TOO_SHORT("staff.password.too-short"),
        TOO_LONG("staff.password.too-long"),
        TOO_GUESSABLE("staff.password.too-guessable");

        final String messageKey;

        Weakness(String messageKey) {
            this.messageKey = messageKey;
        }
    }

    private final Argon2Function argon2;
    private final StaffSettings settings;
    /** A hash of nothing anyone knows, checked when an address is unknown, so that the answer takes as long. */
    private final String decoy;

    Passwords(StaffSettings settings) {
        this.settings = settings;
        this.argon2 = Argon2Function.getInstance(
                settings.argon2MemoryKib(), settings.argon2Iterations(), settings.argon2Parallelism(), 32, Argon2.ID);
        this.decoy = hash("decoy " + System.nanoTime() + " " + Math.random());
    }

    String hash(String password) {
        return Password.hash(password).addRandomSalt(16).with(argon2).getResult();
    }

    boolean matches(String password, String hash) {
        if (password == null || password.length() > MAX_LENGTH || hash == null) {
            return false;
        }
        try {
            return Password.check(password, hash).with(Argon2Function.getInstanceFromHash(hash));
        } catch (RuntimeException e) {
            // A damaged hash is a failed sign-in, never an error page.
            return false;
        }
    }

    /** Spends the time of a real check (for an unknown address, a disabled account, a pending invitation). */
    void checkDecoy(String password) {
        matches(password == null ? "" : password.substring(0, Math.min(password.length(), MAX_LENGTH)), decoy);
    }

    /** Whether a new password is acceptable; {@code personal} are words of the account (address, name). */
    Optional<Weakness> weakness(String password, List<String> personal) {
        if (password == null || password.codePointCount(0, password.length()) < settings.passwordMinLength()) {
            return Optional.of(Weakness.TOO_SHORT);
        }
        if (password.length() > MAX_LENGTH) {
            return Optional.of(Weakness.TOO_LONG);
        }
        List<String> words = new ArrayList<>();
        for (String value : personal) {
            if (value != null) {
                words.add(value.toLowerCase(java.util.Locale.ROOT));
                for (String word : value.toLowerCase(java.util.Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
                    if (word.length() >= 3) {
                        words.add(word);
                    }
                }
            }
        }
        words.add("ocop");
        DictionaryBuilder own =
                new DictionaryBuilder().setDictionaryName("account").setExclusion(true);
        words.forEach(word -> own.addWord(word, 0));
        List<Dictionary> dictionaries = new ArrayList<>(ConfigurationBuilder.getDefaultDictionaries());
        dictionaries.add(own.createDictionary());
        Configuration configuration = new ConfigurationBuilder()
                .setMinimumEntropy(settings.passwordMinEntropy())
                .setDictionaries(dictionaries)
                .createConfiguration();
        Result result = new Nbvcxz(configuration).estimate(password);
        return result.isMinimumEntropyMet() ? Optional.empty() : Optional.of(Weakness.TOO_GUESSABLE);
    }
}
