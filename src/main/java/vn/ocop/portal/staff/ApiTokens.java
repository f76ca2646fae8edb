package vn.ocop.portal.staff;

import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import vn.ocop.portal.shared.Database;

/**
 * Personal API tokens for machines: made by an account for itself, shown once and stored hashed, valid until they
 * expire or are revoked, acting with the account's role and scope as they are at each request (a disabled account's
 * tokens stop working with it).
 */
@Singleton
class ApiTokens {

    /** Every token starts so, so that a leaked one is easy to recognise (and to scan for). */
    static final String PREFIX = "ocop_pat_";

    record Token(
            long id, String name, Instant createdAt, Instant expiresAt, Instant lastUsedAt, String lastUsedNetwork) {

        public long getId() {
            return id;
        }

        public String getName() {
            return name;
        }

        public String getExpiresAtShown() {
            return StaffTime.shown(expiresAt);
        }

        public String getLastUsedAtShown() {
            return StaffTime.shown(lastUsedAt);
        }

        public String getLastUsedNetwork() {
            return lastUsedNetwork;
        }

        public boolean isExpired() {
            return expiresAt.isBefore(Instant.now());
        }
    }

    record Created(long id, String token) {}

    record Found(long id, Account account) {}

    private final Database database;

    ApiTokens(Database database) {
        this.database = database;
    }

    Created create(long accountId, String name, Instant expiresAt) {
        String token = PREFIX + Tokens.random();
        long id = database.insert(
                "insert into api_token (account_id, name, token_hash, expires_at) values (?, ?, ?, ?) returning id",
                accountId,
                name,
                Tokens.sha256(token),
                expiresAt);
        return new Created(id, token);
    }

    /** The account's tokens that are not revoked, newest first. */
    List<Token> of(long accountId) {
        return database.list(
                "select id, name, created_at, expires_at, last_used_at, last_used_network from api_token"
                        + " where account_id = ? and revoked_at is null order by created_at desc",
                row -> new Token(
                        row.getLong("id"),
                        row.getString("name"),
                        Database.instant(row, "created_at"),
                        Database.instant(row, "expires_at"),
                        Database.instant(row, "last_used_at"),
                        row.getString("last_used_network")),
                accountId);
    }

    boolean revoke(long accountId, long id) {
        return database.update(
                        "update api_token set revoked_at = now() where id = ? and account_id = ? and revoked_at is null",
                        id,
                        accountId)
                == 1;
    }

    /** The live token of an enabled account; records its use. */
    Optional<Found> authenticate(String token, String network) {
        if (token == null || !token.startsWith(PREFIX) || token.length() != PREFIX.length() + 43) {
            return Optional.empty();
        }
        Optional<Found> found = database.one(
                "select t.id as token_id, " + Account.COLUMNS
                        + " from api_token t join account a on a.id = t.account_id"
                        + " left join producer p on p.id = a.producer_id"
                        + " left join province pv on pv.code = coalesce(a.province_code, p.province_code)"
                        + " where t.token_hash = ? and t.revoked_at is null and t.expires_at > now() and a.enabled",
                row -> new Found(row.getLong("token_id"), Account.read(row)),
                Tokens.sha256(token));
        found.ifPresent(hit -> database.update(
                "update api_token set last_used_at = now(), last_used_network = ? where id = ?", network, hit.id()));
        return found;
    }
}
