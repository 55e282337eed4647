package nl.klaspoort.security.internal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The browser sessions in {@code spring_session} (written by Spring Session; owned by this module), by the signed-in
 * person's id ({@code principal_name}, see {@link SessionLifetime#byUserId()}).
 */
@Repository
public class BrowserSessionStore {

    private final JdbcClient jdbc;

    BrowserSessionStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public int count(long userId) {
        return jdbc.sql("select count(*) from spring_session where principal_name = :user")
                .param("user", Long.toString(userId)).query(Integer.class).single();
    }

    /** Deletes the person's sessions but {@code keepSessionId} (may be null); how many went. */
    public int deleteAllExcept(long userId, String keepSessionId) {
        return jdbc.sql("delete from spring_session where principal_name = :user and session_id <> :keep")
                .param("user", Long.toString(userId)).param("keep", keepSessionId == null ? "" : keepSessionId)
                .update();
    }
}
