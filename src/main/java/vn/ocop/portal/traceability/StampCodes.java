package vn.ocop.portal.traceability;

import io.micronaut.context.annotation.Context;
import jakarta.inject.Inject;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.OptionalLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Stamp codes: a random 60-bit serial and a 40-bit HMAC-SHA256 of it under {@code ocop.stamp.secret}, written as 20
 * Crockford base32 characters (12 for the serial, 8 for the MAC). A code is checked before any database lookup, so
 * an invented or altered code costs one HMAC; guessing a MAC takes about 10^12 tries.
 *
 * <p>Created at startup ({@link Context}): a missing or short secret stops the portal with a clear message instead
 * of printing stamps anyone could forge.
 */
@Context
public final class StampCodes {

    static final int LENGTH = 20;
    static final int MIN_SECRET_LENGTH = 32;
    private static final int SERIAL_CHARS = 12;
    private static final int MAC_CHARS = 8;
    private static final long SERIAL_LIMIT = 1L << 60;
    private static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private static final byte[] VALUES = new byte[128];
    /** Separates this key's uses: the network hash is keyed differently. */
    private static final byte[] CODE_DOMAIN = "ocop-stamp-code-1".getBytes(StandardCharsets.US_ASCII);

    private static final byte[] NETWORK_DOMAIN = "ocop-scan-network-1".getBytes(StandardCharsets.US_ASCII);

    static {
        java.util.Arrays.fill(VALUES, (byte) -1);
        for (int i = 0; i < ALPHABET.length(); i++) {
            VALUES[ALPHABET.charAt(i)] = (byte) i;
            VALUES[Character.toLowerCase(ALPHABET.charAt(i))] = (byte) i;
        }
        // Crockford: letters people confuse with digits read as those digits.
        VALUES['O'] = VALUES['o'] = 0;
        VALUES['I'] = VALUES['i'] = VALUES['L'] = VALUES['l'] = 1;
    }

    /** Initialised once and cloned for each use: a clone is thread-safe and skips the provider look-up. */
    private final Mac keyedMac;

    private final SecureRandom random = new SecureRandom();

    @Inject
    StampCodes(StampSettings settings) {
        this(settings.secret());
    }

    StampCodes(String secret) {
        if (secret == null || secret.isBlank()) {
            throw new IllegalStateException("ocop.stamp.secret is not set: set OCOP_STAMP_SECRET to a long random"
                    + " value (at least " + MIN_SECRET_LENGTH + " characters, e.g. `openssl rand -base64 48`)."
                    + " It signs every QR stamp; without it stamps could be forged.");
        }
        if (secret.length() < MIN_SECRET_LENGTH) {
            throw new IllegalStateException("ocop.stamp.secret (OCOP_STAMP_SECRET) is too short: " + secret.length()
                    + " characters; use at least " + MIN_SECRET_LENGTH + " random characters"
                    + " (e.g. `openssl rand -base64 48`).");
        }
        try {
            this.keyedMac = Mac.getInstance("HmacSHA256");
            keyedMac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }

    /** A fresh random serial (60 bits). */
    public long newSerial() {
        return random.nextLong() >>> 4;
    }

    /** The printed code of a serial: 20 characters of {@code 0-9A-Z} without I, L, O, U. */
    public String codeOf(long serial) {
        if (serial < 0 || serial >= SERIAL_LIMIT) {
            throw new IllegalArgumentException("serial out of range: " + serial);
        }
        char[] code = new char[LENGTH];
        write(serial, code, 0, SERIAL_CHARS);
        write(mac(serial), code, SERIAL_CHARS, MAC_CHARS);
        return new String(code);
    }

    /**
     * The serial of a code that carries a correct MAC, or empty for anything else. Accepts lower case, hyphens
     * between groups and Crockford's look-alikes (O for 0, I and L for 1). The MAC is compared in constant time.
     */
    public OptionalLong serialOf(String text) {
        if (text == null || text.length() > 2 * LENGTH) {
            return OptionalLong.empty();
        }
        char[] digits = new char[LENGTH];
        int n = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '-') {
                continue;
            }
            if (n == LENGTH || c >= 128 || VALUES[c] < 0) {
                return OptionalLong.empty();
            }
            digits[n++] = ALPHABET.charAt(VALUES[c]);
        }
        if (n != LENGTH) {
            return OptionalLong.empty();
        }
        long serial = read(digits, 0, SERIAL_CHARS);
        char[] expected = new char[MAC_CHARS];
        write(mac(serial), expected, 0, MAC_CHARS);
        byte[] given = new String(digits, SERIAL_CHARS, MAC_CHARS).getBytes(StandardCharsets.US_ASCII);
        boolean genuine = MessageDigest.isEqual(given, new String(expected).getBytes(StandardCharsets.US_ASCII));
        return genuine ? OptionalLong.of(serial) : OptionalLong.empty();
    }

    /** A code grouped for people to read and type: {@code XXXX-XXXX-XXXX-XXXX-XXXX}. */
    public static String grouped(String code) {
        StringBuilder text = new StringBuilder(LENGTH + 4);
        for (int i = 0; i < code.length(); i++) {
            if (i > 0 && i % 4 == 0) {
                text.append('-');
            }
            text.append(code.charAt(i));
        }
        return text.toString();
    }

    /** A keyed hash of a network prefix: stable, but no way back to the address without the secret. */
    public String networkId(byte[] prefix) {
        byte[] digest = hmac(NETWORK_DOMAIN, prefix);
        return java.util.HexFormat.of().formatHex(digest, 0, 8);
    }

    private long mac(long serial) {
        byte[] digest = hmac(CODE_DOMAIN, ByteBuffer.allocate(8).putLong(serial).array());
        long value = 0;
        for (int i = 0; i < 5; i++) {
            value = (value << 8) | (digest[i] & 0xff);
        }
        return value;
    }

    private byte[] hmac(byte[] domain, byte[] data) {
        try {
            Mac mac = (Mac) keyedMac.clone();
            mac.update(domain);
            return mac.doFinal(data);
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("HmacSHA256 cannot be cloned", e);
        }
    }

    private static void write(long value, char[] target, int offset, int chars) {
        for (int i = chars - 1; i >= 0; i--) {
            target[offset + i] = ALPHABET.charAt((int) (value & 31));
            value >>>= 5;
        }
    }

    private static long read(char[] digits, int offset, int chars) {
        long value = 0;
        for (int i = 0; i < chars; i++) {
            value = (value << 5) | VALUES[digits[offset + i]];
        }
        return value;
    }
}
