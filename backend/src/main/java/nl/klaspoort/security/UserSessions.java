package nl.klaspoort.security;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The browser sessions of a person (kept in PostgreSQL, table {@code spring_session}, indexed by user id): ended when
 * their password is reset or their login changes, so that whoever knew the old one is out at once.
 */
@Service
public class UserSessions {

    private final JdbcClient jdbc;

    UserSessions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The number of live sessions of the user. */
    public int count(long userId) {
        return jdbc.sql("select count(*) from spring_session where principal_name = :user")
                .param("user", Long.toString(userId)).query(Integer.class).single();
    }

    /** Ends every session of the user; returns how many there were. */
    public int endAll(long userId) {
        return endAllExcept(userId, null);
    }

    /** Ends every session of the user but {@code keepSessionId} (the one making the change, when it is theirs). */
    public int endAllExcept(long userId, String keepSessionId) {
        int ended = jdbc.sql("delete from spring_session where principal_name = :user and session_id <> :keep")
                .param("user", Long.toString(userId)).param("keep", keepSessionId == null ? "" : keepSessionId)
                .update();
        if (ended > 0) {
            SecurityEvents.record(SecurityEvents.Event.SESSIONS_ENDED, "user", userId, "sessions", ended);
        }
        return ended;
    }
}
