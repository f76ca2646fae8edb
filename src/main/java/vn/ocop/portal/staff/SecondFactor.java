package vn.ocop.portal.staff;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import dev.samstevens.totp.code.CodeGenerator;
import dev.samstevens.totp.code.DefaultCodeGenerator;
import dev.samstevens.totp.code.HashingAlgorithm;
import dev.samstevens.totp.exceptions.CodeGenerationException;
import dev.samstevens.totp.qr.QrData;
import dev.samstevens.totp.secret.DefaultSecretGenerator;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The second factor: TOTP (RFC 6238: SHA-1, 6 digits, 30 s; codes by the totp library), enrolled from a QR code
 * drawn with ZXing, with one-time recovery codes. Secrets are kept encrypted (AES-GCM with a key derived from the
 * portal's secret), and a code is accepted once: the time step it matched must be later than the last one used.
 */
@Singleton
class SecondFactor {

    static final int PERIOD_SECONDS = 30;
    static final int RECOVERY_CODES = 10;
    private static final String ISSUER = "OCOP";
    /** Recovery codes: 10 letters and digits an authenticator-less person can type (no 0/O, 1/l). */
    private static final char[] RECOVERY_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789".toCharArray();

    private final SecretKeySpec key;
    private final CodeGenerator codes = new DefaultCodeGenerator(HashingAlgorithm.SHA1, 6);
    private final DefaultSecretGenerator secrets = new DefaultSecretGenerator(32);
    private final SecureRandom random = new SecureRandom();

    SecondFactor(@Value("${ocop.stamp.secret}") String secret) {
        this.key = new SecretKeySpec(Tokens.derivedKey(secret, "ocop-totp-secret-key-1"), "AES");
    }

    /** A new secret, base32 (160 bits), as people type it into an authenticator. */
    String newSecret() {
        return secrets.generate();
    }

    String otpauthUri(String secret, String email) {
        return new QrData.Builder()
                .label(email)
                .secret(secret)
                .issuer(ISSUER)
                .algorithm(HashingAlgorithm.SHA1)
                .digits(6)
                .period(PERIOD_SECONDS)
                .build()
                .getUri();
    }

    byte[] qrPng(String otpauthUri) {
        try {
            var matrix = new QRCodeWriter()
                    .encode(
                            otpauthUri,
                            BarcodeFormat.QR_CODE,
                            240,
                            240,
                            Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 2));
            ByteArrayOutputStream png = new ByteArrayOutputStream();
            MatrixToImageWriter.writeToStream(matrix, "PNG", png);
            return png.toByteArray();
        } catch (WriterException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The time step a code matches (one step of drift either way), if it is later than {@code lastStep}; empty when
     * the code is wrong or was already used.
     */
    OptionalLong matchingStep(String secret, String code, Long lastStep) {
        String given = code == null ? "" : code.replaceAll("\\s", "");
        if (!given.matches("[0-9]{6}")) {
            return OptionalLong.empty();
        }
        long now = currentStep();
        for (long step = now - 1; step <= now + 1; step++) {
            if (lastStep != null && step <= lastStep) {
                continue;
            }
            if (Tokens.sameText(codeAt(secret, step), given)) {
                return OptionalLong.of(step);
            }
        }
        return OptionalLong.empty();
    }

    static long currentStep() {
        return System.currentTimeMillis() / 1000 / PERIOD_SECONDS;
    }

    /** The code of a time step (what an authenticator shows then). */
    String codeAt(String secret, long step) {
        try {
            return codes.generate(secret, step);
        } catch (CodeGenerationException e) {
            throw new IllegalStateException(e);
        }
    }

    List<String> newRecoveryCodes() {
        List<String> list = new ArrayList<>(RECOVERY_CODES);
        for (int i = 0; i < RECOVERY_CODES; i++) {
            StringBuilder code = new StringBuilder(11);
            for (int c = 0; c < 10; c++) {
                if (c == 5) {
                    code.append('-');
                }
                code.append(RECOVERY_ALPHABET[random.nextInt(RECOVERY_ALPHABET.length)]);
            }
            list.add(code.toString());
        }
        return list;
    }

    /** What the table keeps of a recovery code: typed with or without the dash, in any case. */
    static byte[] recoveryHash(String code) {
        String normal =
                code == null ? "" : code.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]", "");
        return Tokens.sha256("recovery:" + normal);
    }

    String encrypt(String secret) {
        try {
            byte[] iv = new byte[12];
            random.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, iv));
            byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.US_ASCII));
            return "v1." + Base64.getEncoder().encodeToString(iv) + "."
                    + Base64.getEncoder().encodeToString(sealed);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    String decrypt(String stored) {
        String[] parts = stored.split("\\.");
        if (parts.length != 3 || !parts[0].equals("v1")) {
            throw new IllegalStateException("an unknown form of stored TOTP secret");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(
                    Cipher.DECRYPT_MODE,
                    key,
                    new GCMParameterSpec(128, Base64.getDecoder().decode(parts[1])));
            return new String(cipher.doFinal(Base64.getDecoder().decode(parts[2])), StandardCharsets.US_ASCII);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the stored TOTP secret cannot be decrypted with this portal's key", e);
        }
    }
}
