package nl.klaspoort.people.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Writes {@code email_change}, and the confirmed address into {@code app_user}. */
@Repository
public class EmailChangeStore {

    /** A pending change as found by its token, locked. */
    public record Pending(long id, long userId, String newEmail, Instant expiresAt) {}

    private final JdbcClient jdbc;

    EmailChangeStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Ends the user's pending changes (a new request replaces them) and records the new one. */
    public void request(long userId, String newEmail, String tokenHash, Instant now, Instant expiresAt) {
        jdbc.sql("""
                        update email_change set superseded_at = :now
                         where user_id = :user and confirmed_at is null and superseded_at is null
                        """)
                .param("user", userId).param("now", Timestamp.from(now)).update();
        jdbc.sql("""
                        insert into email_change (user_id, new_email, token_hash, requested_at, expires_at)
                        values (:user, :email, :hash, :now, :expires)
                        """)
                .param("user", userId).param("email", newEmail).param("hash", tokenHash)
                .param("now", Timestamp.from(now)).param("expires", Timestamp.from(expiresAt)).update();
    }

    /** The user's open change with this token, locked; empty when there is none (unknown, used or replaced). */
    public Optional<Pending> lockOpen(long userId, String tokenHash) {
        return jdbc.sql("""
                        select id, user_id, new_email, expires_at from email_change
                         where token_hash = :hash and user_id = :user and confirmed_at is null and superseded_at is null
                           for update
                        """)
                .param("hash", tokenHash).param("user", userId)
                .query((rs, n) -> new Pending(rs.getLong("id"), rs.getLong("user_id"), rs.getString("new_email"),
                        rs.getTimestamp("expires_at").toInstant()))
                .optional();
    }

    /** Uses the token up: it is single-use whatever the outcome. */
    public void close(long id, Instant now) {
        jdbc.sql("update email_change set confirmed_at = :now where id = :id")
                .param("id", id).param("now", Timestamp.from(now)).update();
    }

    public void setEmail(long userId, String email) {
        jdbc.sql("update app_user set email = :email where id = :id and kind = 'PROFESSIONAL'")
                .param("email", email).param("id", userId).update();
    }
}
