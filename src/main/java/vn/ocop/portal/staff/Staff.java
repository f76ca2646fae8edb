package vn.ocop.portal.staff;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;

/**
 * The signed-in person (or the personal API token acting for them) behind a staff request, as the staff gate read
 * it from PostgreSQL for this very request. Controllers take it as a parameter.
 *
 * @param scopeName the province's name, or the producer's; null for a national account
 * @param sessionId the session the request came with, or null for an API token
 * @param tokenId the API token the request came with, or null for a session
 * @param network the client's network address, as the audit log records it
 * @param csrfToken what the session's forms must send back in {@code _csrf}; null for an API token
 */
@Introspected
public record Staff(
        long accountId,
        String email,
        String displayName,
        Role role,
        Scope scope,
        @Nullable String scopeName,
        @Nullable Long sessionId,
        @Nullable Long tokenId,
        String network,
        @Nullable String csrfToken) {

    /** The request attribute the gate leaves it in. */
    public static final String ATTRIBUTE = "ocop.staff";

    public boolean may(Permission permission) {
        return role.may(permission);
    }

    // JavaBean getters for the templates.

    public String getDisplayName() {
        return displayName;
    }

    public String getEmail() {
        return email;
    }

    public String getRoleKey() {
        return role.messageKey();
    }

    public @Nullable String getProvinceCode() {
        return scope.provinceCode();
    }

    public @Nullable String getScopeName() {
        return scopeName;
    }

    public boolean isNational() {
        return scope.isNational();
    }

    public @Nullable String getCsrfToken() {
        return csrfToken;
    }
}
