package vn.ocop.portal.staff;

import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import vn.ocop.portal.shared.Database;

/**
 * Failed sign-ins counted per address (known or not: the key is the address's hash, so throttling says nothing
 * about which addresses exist) and per network, within {@link StaffSettings#failureWindow()}. Counted in
 * PostgreSQL, so every instance sees the same counts.
 */
@Singleton
class LoginThrottle {

    private final Database database;
    private final StaffSettings settings;

    LoginThrottle(Database database, StaffSettings settings) {
        this.database = database;
        this.settings = settings;
    }

    static byte[] accountKey(String email) {
        return Tokens.sha256("login:" + Accounts.normalEmail(email));
    }

    boolean throttled(byte[] accountKey, String network) {
        String window = settings.failureWindow().toSeconds() + " seconds";
        long byAccount = database.count(
                "select count(*) from login_failure where account_key = ? and at > now() - cast(? as interval)",
                accountKey,
                window);
        if (byAccount >= settings.maxFailuresPerAccount()) {
            return true;
        }
        long byNetwork = database.count(
                "select count(*) from login_failure where network = ? and at > now() - cast(? as interval)",
                network,
                window);
        return byNetwork >= settings.maxFailuresPerNetwork();
    }

    void fail(byte[] accountKey, String network) {
        database.update("insert into login_failure (account_key, network) values (?, ?)", accountKey, network);
    }

    /** A successful sign-in forgives the address's failures (not the network's). */
    void succeed(byte[] accountKey) {
        database.update("delete from login_failure where account_key = ?", accountKey);
    }

    @Scheduled(fixedDelay = "10m", initialDelay = "1m")
    void forgetOldFailures() {
        database.update(
                "delete from login_failure where at < now() - cast(? as interval)",
                settings.failureWindow().multipliedBy(2).toSeconds() + " seconds");
    }
}
