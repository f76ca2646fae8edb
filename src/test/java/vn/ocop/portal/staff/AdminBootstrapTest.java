package vn.ocop.portal.staff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.context.ApplicationContext;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.ocop.portal.shared.Database;
import vn.ocop.portal.support.Sql;

/**
 * OCOP_ADMIN_EMAIL / OCOP_ADMIN_PASSWORD make the first national administrator once, and only while there is none;
 * half a configuration or a weak password stops the start with a message.
 */
@MicronautTest(transactional = false)
class AdminBootstrapTest {

    @Inject
    ApplicationContext context;

    @Inject
    TransactionOperations<Connection> transactions;

    private AdminBootstrap bootstrap(String email, String password) {
        return new AdminBootstrap(
                context.getBean(Accounts.class),
                context.getBean(Passwords.class),
                context.getBean(AuditLog.class),
                context.getBean(Database.class),
                email,
                password);
    }

    @Test
    void shouldCreateTheFirstAdministratorOnceAndOnlyWhenThereIsNone() {
        String email = "first-admin-" + UUID.randomUUID() + "@test.ocop.vn";
        String others = "select string_agg(id::text, ',') from account where role = 'ADMINISTRATOR'"
                + " and province_code is null and enabled";
        String national = Sql.text(transactions, others);
        try {
            bootstrap(email, "the first administrator's long passphrase").onStartup(null);
            assertEquals(
                    0,
                    Sql.number(transactions, "select count(*) from account where email = '" + email + "'"),
                    "administrators exist (the demo's): nothing is created");
            setEnabled(national, false);
            bootstrap(email, "the first administrator's long passphrase").onStartup(null);
            assertEquals(
                    1,
                    Sql.number(
                            transactions,
                            "select count(*) from account where email = '" + email
                                    + "' and role = 'ADMINISTRATOR' and province_code is null and totp_secret is null"),
                    "created, the second factor still to enrol");
            assertEquals(
                    1,
                    Sql.number(
                            transactions,
                            "select count(*) from audit_log where action = 'account.bootstrap'"
                                    + " and after->>'email' = '" + email + "'"));
            bootstrap("another-" + email, "the first administrator's long passphrase")
                    .onStartup(null);
            assertEquals(
                    0,
                    Sql.number(transactions, "select count(*) from account where email = 'another-" + email + "'"),
                    "once only");
        } finally {
            setEnabled(national, true);
        }
    }

    @Test
    void shouldStopTheStartOnHalfAConfigurationOrAWeakPassword() {
        String national = Sql.text(
                transactions,
                "select string_agg(id::text, ',') from account where role = 'ADMINISTRATOR'"
                        + " and province_code is null and enabled");
        try {
            setEnabled(national, false);
            IllegalStateException half = assertThrows(
                    IllegalStateException.class,
                    () -> bootstrap("x@test.ocop.vn", "").onStartup(null));
            assertTrue(half.getMessage().contains("OCOP_ADMIN_PASSWORD"), half.getMessage());
            IllegalStateException weak = assertThrows(
                    IllegalStateException.class,
                    () -> bootstrap("x@test.ocop.vn", "password1234").onStartup(null));
            assertTrue(weak.getMessage().contains("OCOP_ADMIN_PASSWORD is refused"), weak.getMessage());
        } finally {
            setEnabled(national, true);
        }
        bootstrap("", "").onStartup(null);
    }

    private void setEnabled(String ids, boolean enabled) {
        if (ids == null || ids.isBlank()) {
            return;
        }
        transactions.executeWrite(status -> status.getConnection()
                .createStatement()
                .executeUpdate("update account set enabled = " + enabled + " where id in (" + ids + ")"));
    }
}
