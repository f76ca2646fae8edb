package vn.ocop.portal.staff;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Optional;
import vn.ocop.portal.shared.FormTokens;

/**
 * CSRF protection of the forms filled in before there is a session (sign-in, password reset, invitation):
 * {@link FormTokens}' signed double submit, with a cookie of their own.
 */
@Singleton
class SignInForms {

    static final String COOKIE = "ocop_signin_form";
    static final String FIELD = "_form";

    private final FormTokens tokens;
    private final boolean secure;

    SignInForms(FormTokens tokens, SessionCookie sessionCookie) {
        this.tokens = tokens;
        this.secure = sessionCookie.name().equals(SessionCookie.SECURE_NAME);
    }

    /** The browser's value: its cookie, or a new one that {@link #remember} then sets. */
    String browserValue(HttpRequest<?> request) {
        return existing(request).orElseGet(tokens::newBrowserValue);
    }

    String token(String browserValue) {
        return tokens.token(browserValue, System.currentTimeMillis());
    }

    boolean valid(HttpRequest<?> request, String token) {
        return tokens.valid(existing(request).orElse(null), token, System.currentTimeMillis());
    }

    void remember(HttpRequest<?> request, MutableHttpResponse<?> response, String browserValue) {
        if (existing(request).isEmpty()) {
            response.cookie(Cookie.of(COOKIE, browserValue)
                    .path("/")
                    .httpOnly(true)
                    .secure(secure)
                    .sameSite(SameSite.Strict)
                    .maxAge(Duration.ofDays(1)));
        }
    }

    private static Optional<String> existing(HttpRequest<?> request) {
        return request.getCookies().findCookie(COOKIE).map(Cookie::getValue);
    }
}
