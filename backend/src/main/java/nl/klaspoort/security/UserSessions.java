package nl.klaspoort.security;

import nl.klaspoort.security.internal.BrowserSessionStore;
import org.springframework.stereotype.Service;

/**
 * The browser sessions of a person (kept in PostgreSQL, indexed by user id): ended when their password is reset,
 * their login changes or they are archived, so that whoever knew the old one is out at once.
 */
@Service
public class UserSessions {

    /**
     * The key in the GraphQL context under which the id of the browser session making the request is found (absent
     * for a product or a request without a session): a controller takes it as
     * {@code @ContextValue(name = UserSessions.CURRENT_SESSION, required = false) String sessionId}.
     */
    public static final String CURRENT_SESSION = "klaspoort.currentSessionId";

    private final BrowserSessionStore store;

    UserSessions(BrowserSessionStore store) {
        this.store = store;
    }

    /** The number of live sessions of the user. */
    public int count(long userId) {
        return store.count(userId);
    }

    /** Ends every session of the user; returns how many there were. */
    public int endAll(long userId) {
        return endAllExcept(userId, null);
    }

    /** Ends every session of the user but {@code keepSessionId} (the one making the change, when it is theirs). */
    public int endAllExcept(long userId, String keepSessionId) {
        int ended = store.deleteAllExcept(userId, keepSessionId);
        if (ended > 0) {
            SecurityEvents.record(SecurityEvents.Event.SESSIONS_ENDED, "user", userId, "sessions", ended);
        }
        return ended;
    }
}
