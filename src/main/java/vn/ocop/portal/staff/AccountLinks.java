package vn.ocop.portal.staff;

import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.Optional;
import vn.ocop.portal.shared.Database;

/**
 * Invitations and password resets: links that work once, for {@link StaffSettings#linkLifetime()} (24 hours). The
 * link carries 256 random bits; the table only their hash. A new link of the same purpose replaces the old one.
 */
@Singleton
class AccountLinks {

    enum Purpose {
        INVITATION,
        PASSWORD_RESET
    }

    record Link(long id, long accountId, Purpose purpose, Instant expiresAt) {}

    private final Database database;
    private final StaffSettings settings;

    AccountLinks(Database database, StaffSettings settings) {
        this.database = database;
        this.settings = settings;
    }

    /** A new link's token (the old unused links of the account are spent). */
    String create(long accountId, Purpose purpose) {
        database.update("update account_link set used_at = now() where account_id = ? and used_at is null", accountId);
        String token = Tokens.random();
        database.insert(
                "insert into account_link (token_hash, account_id, purpose, expires_at) values (?, ?, ?, ?)"
                        + " returning id",
                Tokens.sha256(token),
                accountId,
                purpose,
                Instant.now().plus(settings.linkLifetime()));
        return token;
    }

    /** The unused, unexpired link of this token. */
    Optional<Link> find(String token) {
        if (token == null || token.length() != 43) {
            return Optional.empty();
        }
        return database.one(
                "select id, account_id, purpose, expires_at from account_link"
                        + " where token_hash = ? and used_at is null and expires_at > now()",
                row -> new Link(
                        row.getLong("id"),
                        row.getLong("account_id"),
                        Purpose.valueOf(row.getString("purpose")),
                        Database.instant(row, "expires_at")),
                Tokens.sha256(token));
    }

    /** Spends the link: true for the one request that does it. */
    boolean use(long id) {
        return database.update(
                        "update account_link set used_at = now() where id = ? and used_at is null"
                                + " and expires_at > now()",
                        id)
                == 1;
    }
}
