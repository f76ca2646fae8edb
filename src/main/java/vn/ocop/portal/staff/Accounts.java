package vn.ocop.portal.staff;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import vn.ocop.portal.shared.Database;

/**
 * The account table. Reads for staff screens take the caller's {@link Scope}: a province administrator finds the
 * accounts of that province and of its producers, a national one every account.
 */
@Singleton
class Accounts {

    /** The condition that keeps a query within a scope; binds {@link #scopeParameters}. */
    private static final String WITHIN = """
             (cast(? as text) is null or a.province_code = ? or p.province_code = ?)
             and (cast(? as bigint) is null or a.producer_id = ?)
            """;

    private final Database database;

    Accounts(Database database) {
        this.database = database;
    }

    /**
     * Addresses are compared as typed in any case and any Unicode form; control characters (which no address has,
     * and PostgreSQL refuses as NUL) are dropped before any query.
     */
    static String normalEmail(String email) {
        return email == null
                ? ""
                : Normalizer.normalize(email.replaceAll("\\p{Cntrl}", "").strip(), Normalizer.Form.NFC)
                        .toLowerCase(Locale.ROOT);
    }

    /** For signing in, and for links: not a staff screen, so not scoped. */
    Optional<Account> byEmail(String email) {
        return database.one(
                "select " + Account.COLUMNS + Account.FROM + " where a.email = ?", Account::read, normalEmail(email));
    }

    /** One's own account, or the account a session or token belongs to. */
    Optional<Account> byId(long id) {
        return database.one("select " + Account.COLUMNS + Account.FROM + " where a.id = ?", Account::read, id);
    }

    Optional<Account> byIdWithin(long id, Scope scope) {
        return database.one(
                "select " + Account.COLUMNS + Account.FROM + " where a.id = ? and " + WITHIN,
                Account::read,
                concat(new Object[] {id}, scopeParameters(scope)));
    }

    /** A page of the accounts within the scope, filtered by a text (address or name) and a role. */
    List<Account> list(Scope scope, @Nullable String text, @Nullable Role role, int offset, int limit) {
        String like = text == null || text.isBlank() ? null : "%" + likeEscaped(normalEmail(text)) + "%";
        return database.list(
                "select " + Account.COLUMNS + Account.FROM + " where " + WITHIN
                        + " and (cast(? as text) is null or lower(a.email) like ? or lower(a.display_name) like ?)"
                        + " and (cast(? as text) is null or a.role = ?)"
                        + " order by a.email offset ? limit ?",
                Account::read,
                concat(scopeParameters(scope), new Object[] {like, like, like, role, role, offset, limit}));
    }

    long count(Scope scope, @Nullable String text, @Nullable Role role) {
        String like = text == null || text.isBlank() ? null : "%" + likeEscaped(normalEmail(text)) + "%";
        return database.count(
                "select count(*)" + Account.FROM + " where " + WITHIN
                        + " and (cast(? as text) is null or lower(a.email) like ? or lower(a.display_name) like ?)"
                        + " and (cast(? as text) is null or a.role = ?)",
                concat(scopeParameters(scope), new Object[] {like, like, like, role, role}));
    }

    long create(String email, String displayName, Role role, Scope scope) {
        return database.insert("""
                insert into account (email, display_name, role, province_code, producer_id)
                values (?, ?, ?, ?, ?) returning id
                """, normalEmail(email), displayName, role, scope.provinceCode(), scope.producerId());
    }

    boolean emailTaken(String email) {
        return database.count("select count(*) from account where email = ?", normalEmail(email)) > 0;
    }

    void update(long id, String displayName, Role role, Scope scope) {
        database.update("""
                update account set display_name = ?, role = ?, province_code = ?, producer_id = ?, updated_at = now()
                where id = ?
                """, displayName, role, scope.provinceCode(), scope.producerId(), id);
    }

    void setEnabled(long id, boolean enabled) {
        database.update("update account set enabled = ?, updated_at = now() where id = ?", enabled, id);
    }

    void setPassword(long id, String hash) {
        database.update(
                "update account set password_hash = ?, password_changed_at = now(), updated_at = now() where id = ?",
                hash,
                id);
    }

    void setPendingSecondFactor(long id, @Nullable String encryptedSecret) {
        database.update("update account set totp_pending_secret = ? where id = ?", encryptedSecret, id);
    }

    /** Makes the pending secret the account's second factor, with the step its confirming code used. */
    void enrolSecondFactor(long id, String encryptedSecret, long step) {
        database.update("""
                update account set totp_secret = ?, totp_pending_secret = null, totp_last_step = ?, updated_at = now()
                where id = ?
                """, encryptedSecret, step, id);
    }

    void removeSecondFactor(long id) {
        database.update(
                "update account set totp_secret = null, totp_pending_secret = null, totp_last_step = null,"
                        + " updated_at = now() where id = ?",
                id);
        database.update("delete from recovery_code where account_id = ?", id);
    }

    /** Records the step a code was accepted for; false when another request used it (or a later one) first. */
    boolean acceptStep(long id, long step) {
        return database.update(
                        "update account set totp_last_step = ? where id = ?"
                                + " and (totp_last_step is null or totp_last_step < ?)",
                        step,
                        id,
                        step)
                == 1;
    }

    void replaceRecoveryCodes(long id, List<byte[]> hashes) {
        database.update("delete from recovery_code where account_id = ?", id);
        for (byte[] hash : hashes) {
            database.update("insert into recovery_code (account_id, code_hash) values (?, ?)", id, hash);
        }
    }

    /** Uses a recovery code: true once per code. */
    boolean useRecoveryCode(long id, byte[] hash) {
        return database.update(
                        "update recovery_code set used_at = now() where account_id = ? and code_hash = ?"
                                + " and used_at is null",
                        id,
                        hash)
                == 1;
    }

    long unusedRecoveryCodes(long id) {
        return database.count("select count(*) from recovery_code where account_id = ? and used_at is null", id);
    }

    boolean anyNationalAdministrator() {
        return database.count("select count(*) from account where role = 'ADMINISTRATOR' and province_code is null"
                        + " and enabled")
                > 0;
    }

    static Object[] scopeParameters(Scope scope) {
        return new Object[] {
            scope.provinceCode(), scope.provinceCode(), scope.provinceCode(), scope.producerId(), scope.producerId()
        };
    }

    static Object[] concat(Object[] first, Object[] second) {
        Object[] all = new Object[first.length + second.length];
        System.arraycopy(first, 0, all, 0, first.length);
        System.arraycopy(second, 0, all, first.length, second.length);
        return all;
    }

    private static String likeEscaped(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
