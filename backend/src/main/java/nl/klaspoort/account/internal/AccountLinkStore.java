package nl.klaspoort.account.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Writes and reads {@code account_link} (owned by account): issued links, and using one up. */
@Repository
class AccountLinkStore {

    /** A link that still works. */
    record OpenLink(long id, long userId, LinkToken.Purpose purpose, String newEmail, Instant expiresAt) {}

    private final JdbcClient jdbc;
    private final Clock clock;

    AccountLinkStore(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Stores a new link for the user; earlier open links of the same purpose stop working. */
    void issue(long userId, LinkToken.Purpose purpose, LinkToken token, String newEmail) {
        Instant now = clock.instant();
        jdbc.sql("""
                        update account_link set used_at = :now
                         where user_id = :user and purpose = :purpose and used_at is null
                        """)
                .param("now", java.sql.Timestamp.from(now)).param("user", userId).param("purpose", purpose.name())
                .update();
        jdbc.sql("""
                        insert into account_link (user_id, purpose, token_hash, new_email, created_at, expires_at)
                        values (:user, :purpose, :hash, :email, :now, :expires)
                        """)
                .param("user", userId).param("purpose", purpose.name()).param("hash", token.hash())
                .param("email", newEmail).param("now", java.sql.Timestamp.from(now))
                .param("expires", java.sql.Timestamp.from(token.expiresAt()))
                .update();
    }

    /** Every open link of the user stops working (it was mailed to an address that is no longer theirs). */
    void closeAll(long userId) {
        jdbc.sql("update account_link set used_at = :now where user_id = :user and used_at is null")
                .param("now", java.sql.Timestamp.from(clock.instant())).param("user", userId).update();
    }

    /** The open, unexpired link with this secret, of one of these purposes, without using it up. */
    Optional<OpenLink> open(String secret, java.util.Set<LinkToken.Purpose> purposes) {
        return jdbc.sql("""
                        select id, user_id, purpose, new_email, expires_at from account_link
                         where token_hash = :hash and purpose in (:purposes) and used_at is null and expires_at > :now
                        """)
                .param("hash", LinkToken.hash(secret)).param("now", java.sql.Timestamp.from(clock.instant()))
                .param("purposes", purposes.stream().map(Enum::name).toList())
                .query((rs, n) -> new OpenLink(rs.getLong("id"), rs.getLong("user_id"),
                        LinkToken.Purpose.valueOf(rs.getString("purpose")), rs.getString("new_email"),
                        rs.getTimestamp("expires_at").toInstant()))
                .optional();
    }

    /**
     * Uses up an open link; false when it was used (or expired) meanwhile. One statement, so two clicks at once cannot
     * both use it.
     */
    boolean use(long linkId) {
        return jdbc.sql("update account_link set used_at = :now where id = :id and used_at is null and expires_at > :now")
                .param("now", java.sql.Timestamp.from(clock.instant())).param("id", linkId).update() == 1;
    }
}
