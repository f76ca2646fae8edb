package vn.ocop.portal.staff;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.ocop.portal.shared.Database;

/**
 * Signing in: the password (throttled per address and per network, the same answer and about the same time for an
 * unknown address as for a wrong password), then the second factor, each step ending in a new session identifier.
 */
@Singleton
class SignIn {

    /** How a password step ended. */
    sealed interface Outcome {}

    /** The address and password did not match (or the address is unknown, or the account disabled). */
    record Refused() implements Outcome {}

    /** Too many failures lately from this address or this network. */
    record Throttled() implements Outcome {}

    /** Accepted: a session that may still need the second factor ({@code nextStep}, null when complete). */
    record Accepted(Sessions.Opened session, @Nullable String nextStep) implements Outcome {}

    private final Accounts accounts;
    private final Passwords passwords;
    private final Sessions sessions;
    private final LoginThrottle throttle;
    private final SecondFactor secondFactor;
    private final AuditLog audit;
    private final Database database;

    SignIn(
            Accounts accounts,
            Passwords passwords,
            Sessions sessions,
            LoginThrottle throttle,
            SecondFactor secondFactor,
            AuditLog audit,
            Database database) {
        this.accounts = accounts;
        this.passwords = passwords;
        this.sessions = sessions;
        this.throttle = throttle;
        this.secondFactor = secondFactor;
        this.audit = audit;
        this.database = database;
    }

    Outcome password(String email, String password, String network, @Nullable String userAgent) {
        byte[] key = LoginThrottle.accountKey(email);
        if (throttle.throttled(key, network)) {
            passwords.checkDecoy(password);
            return new Throttled();
        }
        Optional<Account> found = accounts.byEmail(email);
        boolean matches;
        if (found.isPresent() && found.get().hasPassword()) {
            matches = passwords.matches(password, found.get().passwordHash());
        } else {
            passwords.checkDecoy(password);
            matches = false;
        }
        if (!matches || !found.get().enabled()) {
            throttle.fail(key, network);
            return new Refused();
        }
        Account account = found.get();
        throttle.succeed(key);
        String nextStep = account.hasSecondFactor()
                ? "/login/code"
                : account.role().requiresSecondFactor() ? "/login/enrol" : null;
        Sessions.Opened session = database.inTransaction(() -> {
            Sessions.Opened opened = sessions.open(account.id(), nextStep == null, network, userAgent);
            if (nextStep == null) {
                recordSignIn(account, network, Map.of("session", opened.id(), "secondFactor", "none"));
            }
            return opened;
        });
        return new Accepted(session, nextStep);
    }

    /**
     * The second factor of a pending session, by TOTP code or recovery code: the session is ended and a complete
     * one opened in its place. Empty when the code is wrong or spent (counted as a failure of the address).
     */
    Optional<Sessions.Opened> secondFactor(
            Sessions.Found pending, String code, String network, @Nullable String userAgent) {
        Account account = pending.account();
        byte[] key = LoginThrottle.accountKey(account.email());
        if (throttle.throttled(key, network) || !account.hasSecondFactor()) {
            return Optional.empty();
        }
        String typed = code == null ? "" : code.strip();
        boolean accepted;
        String how;
        if (typed.replaceAll("\\s", "").matches("[0-9]{6}")) {
            var step = secondFactor.matchingStep(
                    secondFactor.decrypt(account.totpSecret()), typed, account.totpLastStep());
            accepted = step.isPresent() && accounts.acceptStep(account.id(), step.getAsLong());
            how = "totp";
        } else {
            accepted = accounts.useRecoveryCode(account.id(), SecondFactor.recoveryHash(typed));
            how = "recovery-code";
        }
        if (!accepted) {
            throttle.fail(key, network);
            return Optional.empty();
        }
        return Optional.of(complete(pending, how, network, userAgent));
    }

    /** Enrols the pending secret of a session's account with its first code, and completes the session. */
    Optional<Enrolled> enrol(Sessions.Found pending, String code, String network, @Nullable String userAgent) {
        Account account = pending.account();
        if (account.totpPendingSecret() == null) {
            return Optional.empty();
        }
        var step = secondFactor.matchingStep(secondFactor.decrypt(account.totpPendingSecret()), code, null);
        if (step.isEmpty()) {
            throttle.fail(LoginThrottle.accountKey(account.email()), network);
            return Optional.empty();
        }
        List<String> recoveryCodes = secondFactor.newRecoveryCodes();
        Sessions.Opened session = database.inTransaction(() -> {
            accounts.enrolSecondFactor(account.id(), account.totpPendingSecret(), step.getAsLong());
            accounts.replaceRecoveryCodes(
                    account.id(),
                    recoveryCodes.stream().map(SecondFactor::recoveryHash).toList());
            audit.record(
                    actor(account, network),
                    "account.second-factor-enrol",
                    "account",
                    account.id(),
                    account.homeProvince(),
                    account.producerId(),
                    Map.of("secondFactor", false),
                    Map.of("secondFactor", true));
            return complete(pending, "enrolment", network, userAgent);
        });
        return Optional.of(new Enrolled(session, recoveryCodes));
    }

    record Enrolled(Sessions.Opened session, List<String> recoveryCodes) {}

    private Sessions.Opened complete(Sessions.Found pending, String how, String network, @Nullable String userAgent) {
        Account account = pending.account();
        return database.inTransaction(() -> {
            sessions.end(pending.id(), "second-factor");
            Sessions.Opened opened = sessions.open(account.id(), true, network, userAgent);
            recordSignIn(account, network, Map.of("session", opened.id(), "secondFactor", how));
            return opened;
        });
    }

    /** Sign-ins are security events: each complete one is in the audit log (failures are counted, not logged). */
    private void recordSignIn(Account account, String network, Map<String, Object> what) {
        audit.record(
                actor(account, network),
                "session.sign-in",
                "account",
                account.id(),
                account.homeProvince(),
                account.producerId(),
                null,
                what);
    }

    static AuditLog.Actor actor(Account account, String network) {
        return new AuditLog.Actor(account.id(), account.email(), network);
    }
}
