package vn.ocop.portal.staff;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import vn.ocop.portal.shared.Database;

/**
 * Server-side sessions in PostgreSQL. The browser holds 256 random bits; the table holds their SHA-256, the
 * account, and when the session began, was last used and ended. Every staff request reads its session here, so
 * ending one (logout, "end this session", a password or role change, a disabled account) holds at once on every
 * instance.
 */
@Singleton
class Sessions {

    /** A session as a request finds it, with its account. */
    record Found(long id, boolean completed, Instant lastSeenAt, Account account) {}

    /** A session as the "my sessions" page lists it. */
    record Listed(long id, Instant createdAt, Instant lastSeenAt, String network, String userAgent, boolean current) {
        public long getId() {
            return id;
        }

        public String getCreatedAtShown() {
            return StaffTime.shown(createdAt);
        }

        public String getLastSeenAtShown() {
            return StaffTime.shown(lastSeenAt);
        }

        public String getNetwork() {
            return network;
        }

        public String getUserAgent() {
            return userAgent;
        }

        public boolean isCurrent() {
            return current;
        }
    }

    /** A new session: the token goes into the cookie and nowhere else. */
    record Opened(long id, String token) {}

    /** Last use is written at most this often (idle timeouts are minutes, not seconds). */
    private static final Duration TOUCH_EVERY = Duration.ofSeconds(60);

    private final Database database;
    private final StaffSettings settings;

    Sessions(Database database, StaffSettings settings) {
        this.database = database;
        this.settings = settings;
    }

    Opened open(long accountId, boolean completed, String network, @Nullable String userAgent) {
        String token = Tokens.random();
        long id = database.insert(
                """
                insert into account_session (token_hash, account_id, completed_at, network, user_agent)
                values (?, ?, case when ? then now() end, ?, ?) returning id
                """,
                Tokens.sha256(token),
                accountId,
                completed,
                network,
                userAgent == null ? "" : userAgent.substring(0, Math.min(userAgent.length(), 300)));
        return new Opened(id, token);
    }

    /** The open, unexpired session of an enabled account that this token belongs to. */
    Optional<Found> find(String token) {
        if (token == null || token.length() != 43) {
            return Optional.empty();
        }
        return database.one(
                "select s.id as session_id, s.completed_at, s.last_seen_at, " + Account.COLUMNS
                        + " from account_session s join account a on a.id = s.account_id"
                        + " left join producer p on p.id = a.producer_id"
                        + " left join province pv on pv.code = coalesce(a.province_code, p.province_code)"
                        + " where s.token_hash = ? and s.ended_at is null and a.enabled"
                        + " and s.created_at > now() - cast(? as interval)"
                        + " and s.last_seen_at > now() - cast(? as interval)",
                row -> new Found(
                        row.getLong("session_id"),
                        row.getTimestamp("completed_at") != null,
                        Database.instant(row, "last_seen_at"),
                        Account.read(row)),
                Tokens.sha256(token),
                interval(settings.sessionAbsoluteTimeout()),
                interval(settings.sessionIdleTimeout()));
    }

    void touch(Found session) {
        if (session.lastSeenAt().isBefore(Instant.now().minus(TOUCH_EVERY))) {
            database.update("update account_session set last_seen_at = now() where id = ?", session.id());
        }
    }

    void end(long id, String reason) {
        database.update(
                "update account_session set ended_at = now(), ended_reason = ? where id = ? and ended_at is null",
                reason,
                id);
    }

    /** Ends one of the account's own sessions; false when it is not theirs or already ended. */
    boolean endOwn(long accountId, long id, String reason) {
        return database.update(
                        "update account_session set ended_at = now(), ended_reason = ?"
                                + " where id = ? and account_id = ? and ended_at is null",
                        reason,
                        id,
                        accountId)
                == 1;
    }

    /** Ends every open session of an account but {@code keep} (null: all of them); returns how many. */
    int endAll(long accountId, @Nullable Long keep, String reason) {
        return database.update(
                "update account_session set ended_at = now(), ended_reason = ?"
                        + " where account_id = ? and ended_at is null and (cast(? as bigint) is null or id <> ?)",
                reason,
                accountId,
                keep,
                keep);
    }

    List<Listed> openOf(long accountId, long current) {
        return database.list(
                "select id, created_at, last_seen_at, network, user_agent from account_session"
                        + " where account_id = ? and ended_at is null and completed_at is not null"
                        + " and created_at > now() - cast(? as interval)"
                        + " and last_seen_at > now() - cast(? as interval) order by last_seen_at desc",
                row -> new Listed(
                        row.getLong("id"),
                        Database.instant(row, "created_at"),
                        Database.instant(row, "last_seen_at"),
                        row.getString("network"),
                        row.getString("user_agent"),
                        row.getLong("id") == current),
                accountId,
                interval(settings.sessionAbsoluteTimeout()),
                interval(settings.sessionIdleTimeout()));
    }

    /** Ended and expired sessions are kept a month for the audit trail's sake, then forgotten. */
    @Scheduled(fixedDelay = "1h", initialDelay = "5m")
    void forgetOldSessions() {
        database.update(
                "delete from account_session where coalesce(ended_at, created_at + cast(? as interval))"
                        + " < now() - interval '30 days'",
                interval(settings.sessionAbsoluteTimeout()));
        database.update("delete from account_link where coalesce(used_at, expires_at) < now() - interval '30 days'");
    }

    private static String interval(Duration duration) {
        return duration.toSeconds() + " seconds";
    }
}
