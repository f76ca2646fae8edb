package vn.ocop.portal.shared;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * CSRF protection without sessions (signed double submit): the browser holds a random value in an HttpOnly,
 * SameSite=Strict cookie; a form carries an HMAC of that value and the time it was made. Another site can neither
 * read the cookie nor forge the HMAC, so a posted form is only accepted from a page this portal rendered for the same
 * browser, within two hours.
 */
@Singleton
public class FormTokens {

    public static final String COOKIE = "ocop_form";
    public static final Duration LIFETIME = Duration.ofHours(2);

    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();

    FormTokens(@Value("${ocop.stamp.secret}") String secret) {
        // Its own key, derived from the stamp secret, so a form token is never a valid MAC of anything else.
        this.key = new SecretKeySpec(hmac(secret.getBytes(StandardCharsets.UTF_8), "ocop-form-key-1"), "HmacSHA256");
    }

    public String newBrowserValue() {
        byte[] value = new byte[18];
        random.nextBytes(value);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(value);
    }

    public String token(String browserValue, long nowMillis) {
        return nowMillis + "." + sign(browserValue, nowMillis);
    }

    public boolean valid(String browserValue, String token, long nowMillis) {
        if (browserValue == null || token == null || token.length() > 200) {
            return false;
        }
        int dot = token.indexOf('.');
        if (dot < 1) {
            return false;
        }
        long issued;
        try {
            issued = Long.parseLong(token.substring(0, dot));
        } catch (NumberFormatException e) {
            return false;
        }
        if (issued > nowMillis + 60_000 || nowMillis - issued > LIFETIME.toMillis()) {
            return false;
        }
        byte[] expected = sign(browserValue, issued).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, token.substring(dot + 1).getBytes(StandardCharsets.US_ASCII));
    }

    private String sign(String browserValue, long issued) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            byte[] digest = mac.doFinal((browserValue + "|" + issued).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] hmac(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
