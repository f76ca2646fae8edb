package vn.ocop.portal.staff;

import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.ocop.portal.shared.Database;

/**
 * The first national administrator, from {@code OCOP_ADMIN_EMAIL} and {@code OCOP_ADMIN_PASSWORD}, created once:
 * when no enabled national administrator exists yet. The second factor is enrolled at the first sign-in. Without
 * both variables nothing is created: production has no default account or password.
 */
@Singleton
class AdminBootstrap {

    private static final Logger LOG = LoggerFactory.getLogger(AdminBootstrap.class);

    private final Accounts accounts;
    private final Passwords passwords;
    private final AuditLog audit;
    private final Database database;
    private final String email;
    private final String password;

    AdminBootstrap(
            Accounts accounts,
            Passwords passwords,
            AuditLog audit,
            Database database,
            @Value("${ocop.admin.email:}") @Nullable String email,
            @Value("${ocop.admin.password:}") @Nullable String password) {
        this.accounts = accounts;
        this.passwords = passwords;
        this.audit = audit;
        this.database = database;
        this.email = email == null ? "" : email.strip();
        this.password = password == null ? "" : password;
    }

    @EventListener
    void onStartup(StartupEvent event) {
        if (email.isEmpty() && password.isEmpty()) {
            return;
        }
        if (email.isEmpty() || password.isEmpty()) {
            throw new IllegalStateException(
                    "Set both OCOP_ADMIN_EMAIL and OCOP_ADMIN_PASSWORD to create the first administrator, or neither.");
        }
        if (accounts.anyNationalAdministrator()) {
            LOG.info("A national administrator exists: OCOP_ADMIN_EMAIL / OCOP_ADMIN_PASSWORD are not used again"
                    + " (remove them from the environment).");
            return;
        }
        var weakness = passwords.weakness(password, List.of(email));
        if (weakness.isPresent()) {
            throw new IllegalStateException(
                    "OCOP_ADMIN_PASSWORD is refused (" + weakness.get().name().toLowerCase()
                            + "): use a long passphrase of at least 12 characters that is not a common password.");
        }
        if (accounts.emailTaken(email)) {
            throw new IllegalStateException(
                    "OCOP_ADMIN_EMAIL names an existing account that is not an enabled national administrator.");
        }
        database.inTransaction(() -> {
            long id = accounts.create(email, email, Role.ADMINISTRATOR, Scope.national());
            accounts.setPassword(id, passwords.hash(password));
            audit.record(
                    new AuditLog.Actor(null, null, "startup"),
                    "account.bootstrap",
                    "account",
                    id,
                    null,
                    null,
                    null,
                    accounts.byId(id).orElseThrow().audited());
            return null;
        });
        LOG.info(
                "Created the first national administrator {}; the second factor is set up at the first sign-in.",
                Accounts.normalEmail(email));
    }
}
