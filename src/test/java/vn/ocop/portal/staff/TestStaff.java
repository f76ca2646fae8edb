package vn.ocop.portal.staff;

import io.micronaut.context.ApplicationContext;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Accounts made for one test (a fresh address each, so tests share no state), straight through the staff
 * feature's own beans: with a password, optionally an enrolled second factor, and personal API tokens.
 */
public final class TestStaff {

    public static final String PASSWORD = "a long test passphrase for tests";

    private static final AtomicLong COUNTER = new AtomicLong();

    /** An account made for a test. {@code totpSecret} is null without a second factor. */
    public record Made(long id, String email, Role role, Scope scope, String totpSecret) {}

    private TestStaff() {}

    public static Made account(ApplicationContext context, Role role, Scope scope, boolean secondFactor) {
        Accounts accounts = context.getBean(Accounts.class);
        Passwords passwords = context.getBean(Passwords.class);
        SecondFactor factor = context.getBean(SecondFactor.class);
        String email = role.name().toLowerCase().replace('_', '-') + "-" + COUNTER.incrementAndGet() + "-"
                + UUID.randomUUID().toString().substring(0, 8) + "@test.ocop.vn";
        long id = accounts.create(email, "Test " + role.name(), role, scope);
        accounts.setPassword(id, passwords.hash(PASSWORD));
        String secret = null;
        if (secondFactor) {
            secret = factor.newSecret();
            accounts.enrolSecondFactor(id, factor.encrypt(secret), 0);
        }
        return new Made(id, email, role, scope, secret);
    }

    /** A personal API token of a new account of this role and scope. */
    public static String apiToken(ApplicationContext context, Role role, Scope scope) {
        Made made = account(context, role, scope, role.requiresSecondFactor());
        return apiToken(context, made.id());
    }

    public static String apiToken(ApplicationContext context, long accountId) {
        return context.getBean(ApiTokens.class)
                .create(accountId, "test", Instant.now().plus(Duration.ofDays(1)))
                .token();
    }

    /** The TOTP code of a secret for the current time step plus {@code offset}. */
    public static String code(ApplicationContext context, String secret, int offset) {
        return context.getBean(SecondFactor.class).codeAt(secret, SecondFactor.currentStep() + offset);
    }
}
