package vn.ocop.portal.traceability;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.exceptions.HttpStatusException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * Guards the stamp-issuing API until the admin screens with roles exist: {@code Authorization: Bearer <token>} with
 * the token of {@code ocop.admin.api-token} ({@code OCOP_ADMIN_API_TOKEN}). Without a configured token the API is
 * closed; a token shorter than 32 characters stops the startup.
 */
@Context
class AdminApiToken {

    static final int MIN_LENGTH = 32;

    private final byte[] token;

    AdminApiToken(@Value("${ocop.admin.api-token:}") @Nullable String token) {
        if (token != null && !token.isBlank() && token.length() < MIN_LENGTH) {
            throw new IllegalStateException("ocop.admin.api-token (OCOP_ADMIN_API_TOKEN) is too short: use at least "
                    + MIN_LENGTH + " random characters (e.g. `openssl rand -base64 48`), or leave it unset to close"
                    + " the admin API.");
        }
        this.token = token == null || token.isBlank() ? null : token.getBytes(StandardCharsets.UTF_8);
    }

    /** Throws 401 unless the request carries the configured token (compared in constant time). */
    void require(HttpRequest<?> request) {
        String header = request.getHeaders().get(HttpHeaders.AUTHORIZATION);
        if (token == null) {
            throw new HttpStatusException(HttpStatus.UNAUTHORIZED, "the admin API is closed: no OCOP_ADMIN_API_TOKEN");
        }
        if (header == null || !header.startsWith("Bearer ")) {
            throw new HttpStatusException(HttpStatus.UNAUTHORIZED, "a bearer token is required");
        }
        byte[] given = header.substring("Bearer ".length()).strip().getBytes(StandardCharsets.UTF_8);
        if (!MessageDigest.isEqual(token, given)) {
            throw new HttpStatusException(HttpStatus.UNAUTHORIZED, "wrong token");
        }
    }
}
