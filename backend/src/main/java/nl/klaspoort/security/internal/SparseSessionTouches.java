package nl.klaspoort.security.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;

/**
 * The session store, writing a session's last access time at most once per {@code interval} instead of on every
 * request. Spring Session marks a session changed whenever the filter sets its last access time, so every request of a
 * signed-in user ended with an {@code update spring_session}; now only a request at least {@code interval} after the
 * stored access time (or one that changes the session) writes. The idle timeout is therefore kept to within
 * {@code interval} ({@code klaspoort.security.session-touch-interval}, 1 minute: 30 minutes idle end after 29–30
 * minutes). Zero writes on every request, as before.
 */
final class SparseSessionTouches implements FindByIndexNameSessionRepository<Session> {

    private final FindByIndexNameSessionRepository<Session> store;
    private final Duration interval;

    @SuppressWarnings("unchecked")
    SparseSessionTouches(FindByIndexNameSessionRepository<? extends Session> store, Duration interval) {
        this.store = (FindByIndexNameSessionRepository<Session>) store;
        this.interval = interval;
    }

    @Override
    public Session createSession() {
        return new Touches(store.createSession(), interval);
    }

    @Override
    public void save(Session session) {
        store.save(session instanceof Touches touches ? touches.session : session);
    }

    @Override
    public Session findById(String id) {
        Session session = store.findById(id);
        return session == null ? null : new Touches(session, interval);
    }

    @Override
    public void deleteById(String id) {
        store.deleteById(id);
    }

    @Override
    public Map<String, Session> findByIndexNameAndIndexValue(String indexName, String indexValue) {
        return store.findByIndexNameAndIndexValue(indexName, indexValue).entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> new Touches(e.getValue(), interval)));
    }

    /** A session whose last access time only moves when it moved by at least the interval. */
    private record Touches(Session session, Duration interval) implements Session {

        @Override
        public void setLastAccessedTime(Instant time) {
            if (Duration.between(session.getLastAccessedTime(), time).compareTo(interval) >= 0) {
                session.setLastAccessedTime(time);
            }
        }

        @Override public String getId() { return session.getId(); }
        @Override public String changeSessionId() { return session.changeSessionId(); }
        @Override public <T> T getAttribute(String name) { return session.getAttribute(name); }
        @Override public Set<String> getAttributeNames() { return session.getAttributeNames(); }
        @Override public void setAttribute(String name, Object value) { session.setAttribute(name, value); }
        @Override public void removeAttribute(String name) { session.removeAttribute(name); }
        @Override public Instant getCreationTime() { return session.getCreationTime(); }
        @Override public Instant getLastAccessedTime() { return session.getLastAccessedTime(); }
        @Override public void setMaxInactiveInterval(Duration interval) { session.setMaxInactiveInterval(interval); }
        @Override public Duration getMaxInactiveInterval() { return session.getMaxInactiveInterval(); }
        @Override public boolean isExpired() { return session.isExpired(); }
    }
}
