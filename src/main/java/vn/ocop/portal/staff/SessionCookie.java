package vn.ocop.portal.staff;

import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import jakarta.inject.Singleton;
import java.net.URI;
import java.util.Optional;

/**
 * The session cookie: {@code __Host-}-prefixed (so no other site or path can set or shadow it), HttpOnly,
 * SameSite=Lax, path /, no domain, and Secure. A portal served over plain http on another host than localhost
 * (where browsers refuse Secure cookies) gets a plain {@code ocop_session} without Secure; production is https.
 */
@Singleton
class SessionCookie {

    static final String SECURE_NAME = "__Host-ocop_session";
    static final String PLAIN_NAME = "ocop_session";

    private final boolean secure;
    private final String name;

    SessionCookie(@Value("${ocop.public-base-url}") String baseUrl) {
        URI uri = URI.create(baseUrl);
        String host = uri.getHost() == null ? "" : uri.getHost();
        this.secure = "https".equalsIgnoreCase(uri.getScheme())
                || host.equals("localhost")
                || host.equals("127.0.0.1")
                || host.equals("[::1]");
        this.name = secure ? SECURE_NAME : PLAIN_NAME;
    }

    String name() {
        return name;
    }

    Optional<String> token(HttpRequest<?> request) {
        return request.getCookies().findCookie(name).map(Cookie::getValue);
    }

    Cookie of(String token) {
        return Cookie.of(name, token).path("/").httpOnly(true).secure(secure).sameSite(SameSite.Lax);
    }

    Cookie cleared() {
        return of("").maxAge(0);
    }
}
