package nl.klaspoort.results;

import java.time.Instant;
import java.util.List;
import nl.klaspoort.results.internal.SessionStore;
import org.springframework.stereotype.Service;

/** Practice sessions for other modules: importing sessions that were classified already (demo data, migrations). */
@Service
public class PracticeSessions {

    /** A session as recorded: {@code location} SCHOOL or HOME; {@code testScore} null unless the lesson has a test. */
    public record ImportedSession(long schoolId, long studentId, long productId, String externalId, Instant startedAt,
            Instant endedAt, String location, int lessonPosition, boolean completed, Double testScore) {}

    private final SessionStore store;

    PracticeSessions(SessionStore store) {
        this.store = store;
    }

    /** Stores the sessions (those whose external id the product reported before are skipped); one statement. */
    public void importAll(List<ImportedSession> sessions) {
        if (!sessions.isEmpty()) {
            store.importAll(sessions);
        }
    }
}
