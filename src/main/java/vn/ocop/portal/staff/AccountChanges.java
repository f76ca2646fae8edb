package vn.ocop.portal.staff;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.ocop.portal.shared.Database;

/**
 * Every change to an account, each in one transaction with its audit row, and each ending the sessions it must:
 * a role or scope change and disabling end all of the account's sessions; a password change all but the current
 * one; a password set from a link all of them.
 */
@Singleton
class AccountChanges {

    /** What an administrator asks an account to be. */
    record Wanted(String email, String displayName, Role role, Scope scope) {}

    private final Database database;
    private final Accounts accounts;
    private final Sessions sessions;
    private final AccountLinks links;
    private final Passwords passwords;
    private final SecondFactor secondFactor;
    private final AuditLog audit;

    AccountChanges(
            Database database,
            Accounts accounts,
            Sessions sessions,
            AccountLinks links,
            Passwords passwords,
            SecondFactor secondFactor,
            AuditLog audit) {
        this.database = database;
        this.accounts = accounts;
        this.sessions = sessions;
        this.links = links;
        this.passwords = passwords;
        this.secondFactor = secondFactor;
        this.audit = audit;
    }

    /** Creates the account and its invitation link; returns the link's token. */
    Invited invite(Staff actor, Wanted wanted, @Nullable String homeProvince) {
        return database.inTransaction(() -> {
            long id = accounts.create(wanted.email(), wanted.displayName(), wanted.role(), wanted.scope());
            Account created = accounts.byId(id).orElseThrow();
            String token = links.create(id, AccountLinks.Purpose.INVITATION);
            audit.record(
                    actor,
                    "account.invite",
                    "account",
                    id,
                    homeProvince,
                    wanted.scope().producerId(),
                    null,
                    created.audited());
            return new Invited(created, token);
        });
    }

    record Invited(Account account, String token) {}

    void update(
            Staff actor, Account before, String displayName, Role role, Scope scope, @Nullable String homeProvince) {
        database.inTransaction(() -> {
            accounts.update(before.id(), displayName, role, scope);
            Account after = accounts.byId(before.id()).orElseThrow();
            if (before.role() != role || !before.scope().equals(scope)) {
                sessions.endAll(before.id(), null, "role-changed");
            }
            audit.record(
                    actor,
                    "account.update",
                    "account",
                    before.id(),
                    homeProvince,
                    scope.producerId(),
                    before.audited(),
                    after.audited());
            return null;
        });
    }

    void setEnabled(Staff actor, Account before, boolean enabled) {
        database.inTransaction(() -> {
            accounts.setEnabled(before.id(), enabled);
            if (!enabled) {
                sessions.endAll(before.id(), null, "disabled");
            }
            audit.record(
                    actor,
                    enabled ? "account.enable" : "account.disable",
                    "account",
                    before.id(),
                    before.homeProvince(),
                    before.producerId(),
                    before.audited(),
                    accounts.byId(before.id()).orElseThrow().audited());
            return null;
        });
    }

    String resetLink(Staff actor, Account account) {
        return link(AuditLog.Actor.of(actor), account, AccountLinks.Purpose.PASSWORD_RESET, "account.reset-link");
    }

    /** A new invitation link for an account whose password was never set (the old link is spent). */
    String invitationAgain(Staff actor, Account account) {
        return link(AuditLog.Actor.of(actor), account, AccountLinks.Purpose.INVITATION, "account.invitation-renew");
    }

    /** A password reset asked for by the person (e-mailed): audited as the account itself. */
    String selfServiceResetLink(Account account, String network) {
        return link(
                SignIn.actor(account, network),
                account,
                AccountLinks.Purpose.PASSWORD_RESET,
                "account.reset-requested");
    }

    private String link(AuditLog.Actor actor, Account account, AccountLinks.Purpose purpose, String action) {
        return database.inTransaction(() -> {
            String token = links.create(account.id(), purpose);
            audit.record(
                    actor,
                    action,
                    "account",
                    account.id(),
                    account.homeProvince(),
                    account.producerId(),
                    null,
                    Map.of("link", purpose.name()));
            return token;
        });
    }

    /** Sets the password from a link; false when the link was spent meanwhile. Ends every session. */
    boolean setPasswordFromLink(AccountLinks.Link link, Account account, String password, String network) {
        return database.inTransaction(() -> {
            if (!links.use(link.id())) {
                return false;
            }
            accounts.setPassword(account.id(), passwords.hash(password));
            sessions.endAll(account.id(), null, "password-set");
            audit.record(
                    SignIn.actor(account, network),
                    link.purpose() == AccountLinks.Purpose.INVITATION
                            ? "account.invitation-accept"
                            : "account.password-reset",
                    "account",
                    account.id(),
                    account.homeProvince(),
                    account.producerId(),
                    null,
                    Map.of("password", "set"));
            return true;
        });
    }

    void changePassword(Staff actor, Account account, String password) {
        database.inTransaction(() -> {
            accounts.setPassword(account.id(), passwords.hash(password));
            int ended = sessions.endAll(account.id(), actor.sessionId(), "password-changed");
            audit.record(
                    actor,
                    "account.password-change",
                    "account",
                    account.id(),
                    account.homeProvince(),
                    account.producerId(),
                    null,
                    Map.of("password", "changed", "otherSessionsEnded", ended));
            return null;
        });
    }

    /** Starts (or restarts) enrolment from the account page: a new pending secret. */
    String newPendingSecret(Account account) {
        String secret = secondFactor.newSecret();
        accounts.setPendingSecondFactor(account.id(), secondFactor.encrypt(secret));
        return secret;
    }

    /** Confirms the pending secret with a code; the new recovery codes, or empty when the code is wrong. */
    Optional<List<String>> enrol(Staff actor, Account account, String code) {
        if (account.totpPendingSecret() == null) {
            return Optional.empty();
        }
        var step = secondFactor.matchingStep(secondFactor.decrypt(account.totpPendingSecret()), code, null);
        if (step.isEmpty()) {
            return Optional.empty();
        }
        List<String> codes = secondFactor.newRecoveryCodes();
        database.inTransaction(() -> {
            accounts.enrolSecondFactor(account.id(), account.totpPendingSecret(), step.getAsLong());
            accounts.replaceRecoveryCodes(
                    account.id(), codes.stream().map(SecondFactor::recoveryHash).toList());
            audit.record(
                    actor,
                    "account.second-factor-enrol",
                    "account",
                    account.id(),
                    account.homeProvince(),
                    account.producerId(),
                    Map.of("secondFactor", account.hasSecondFactor()),
                    Map.of("secondFactor", true));
            return null;
        });
        return Optional.of(codes);
    }

    void removeSecondFactor(Staff actor, Account account) {
        database.inTransaction(() -> {
            accounts.removeSecondFactor(account.id());
            audit.record(
                    actor,
                    "account.second-factor-remove",
                    "account",
                    account.id(),
                    account.homeProvince(),
                    account.producerId(),
                    Map.of("secondFactor", true),
                    Map.of("secondFactor", false));
            return null;
        });
    }

    List<String> newRecoveryCodes(Staff actor, Account account) {
        List<String> codes = secondFactor.newRecoveryCodes();
        database.inTransaction(() -> {
            accounts.replaceRecoveryCodes(
                    account.id(), codes.stream().map(SecondFactor::recoveryHash).toList());
            audit.record(
                    actor,
                    "account.recovery-codes-renew",
                    "account",
                    account.id(),
                    account.homeProvince(),
                    account.producerId(),
                    null,
                    Map.of("recoveryCodes", codes.size()));
            return null;
        });
        return codes;
    }

    boolean endSession(Staff actor, Account account, long sessionId) {
        return database.inTransaction(() -> {
            boolean ended = sessions.endOwn(account.id(), sessionId, "ended-by-owner");
            if (ended) {
                audit.record(
                        actor,
                        "session.end",
                        "account",
                        account.id(),
                        account.homeProvince(),
                        account.producerId(),
                        Map.of("session", sessionId),
                        null);
            }
            return ended;
        });
    }

    ApiTokens.Created createToken(
            Staff actor, Account account, ApiTokens tokens, String name, java.time.Instant expires) {
        return database.inTransaction(() -> {
            ApiTokens.Created created = tokens.create(account.id(), name, expires);
            Map<String, Object> after = new LinkedHashMap<>();
            after.put("token", created.id());
            after.put("name", name);
            after.put("expiresAt", expires.toString());
            audit.record(
                    actor,
                    "api-token.create",
                    "api_token",
                    created.id(),
                    account.homeProvince(),
                    account.producerId(),
                    null,
                    after);
            return created;
        });
    }

    boolean revokeToken(Staff actor, Account account, ApiTokens tokens, long id) {
        return database.inTransaction(() -> {
            boolean revoked = tokens.revoke(account.id(), id);
            if (revoked) {
                audit.record(
                        actor,
                        "api-token.revoke",
                        "api_token",
                        id,
                        account.homeProvince(),
                        account.producerId(),
                        Map.of("token", id),
                        Map.of("revoked", true));
            }
            return revoked;
        });
    }
}
