package nl.klaspoort.access;

import java.time.Clock;
import java.util.List;
import nl.klaspoort.access.internal.PublisherQueries;
import nl.klaspoort.access.internal.PublisherStore;
import nl.klaspoort.platform.AccessRefusedException;
import nl.klaspoort.security.CurrentUser;
import nl.klaspoort.security.SecurityEvents;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The publisher's own staff: PUBLISHER, held by a person (by id, never by e-mail or any other attribute a school can
 * edit), granted and revoked only by someone who holds it; the first one comes from configuration or the demo. It
 * allows the publisher's work across schools: product clients, and in time school activation and support content.
 */
@Service
public class Publishers {

    /** Why a grant was made: by a publisher, by the one-time bootstrap from configuration, or for the demo. */
    public enum Reason { GRANT, BOOTSTRAP, DEMO }

    private final PublisherStore store;
    private final PublisherQueries queries;
    private final Clock clock;

    Publishers(PublisherStore store, PublisherQueries queries, Clock clock) {
        this.store = store;
        this.queries = queries;
        this.clock = clock;
    }

    /** Whether the signed-in person holds PUBLISHER (false for a product or nobody). */
    public boolean signedInIsPublisher() {
        return CurrentUser.find().map(user -> queries.isPublisher(user.id())).orElse(false);
    }

    /** Refuses (FORBIDDEN) unless the signed-in person holds PUBLISHER. */
    public void require(String what) {
        if (!signedInIsPublisher()) {
            throw new AccessRefusedException(AccessRefusedException.Reason.FORBIDDEN, what);
        }
    }

    /** The people holding PUBLISHER; publishers only. */
    public List<Long> list() {
        require("the publisher's staff");
        return queries.publishers();
    }

    /**
     * A publisher grants PUBLISHER to a professional; false when that person is no professional (or does not exist).
     * Recorded with who granted it, and as a security event.
     */
    @Transactional
    public boolean grant(long userId) {
        require("granting PUBLISHER");
        if (!queries.isProfessional(userId)) {
            return false;
        }
        if (store.grant(userId, CurrentUser.id(), Reason.GRANT.name(), clock.instant())) {
            SecurityEvents.record(SecurityEvents.Event.PUBLISHER_GRANTED, "user", userId, "by", CurrentUser.id());
        }
        return true;
    }

    /**
     * A publisher revokes PUBLISHER; false when the person did not hold it. The last publisher cannot revoke their own
     * grant (nobody could grant it again).
     */
    @Transactional
    public boolean revoke(long userId) {
        require("revoking PUBLISHER");
        List<Long> publishers = queries.publishers();
        if (!publishers.contains(userId) || publishers.size() == 1) {
            return false;
        }
        store.revoke(userId, CurrentUser.id(), clock.instant());
        SecurityEvents.record(SecurityEvents.Event.PUBLISHER_REVOKED, "user", userId, "by", CurrentUser.id());
        return true;
    }

    /**
     * Without anyone signed in: the first publisher, from configuration ({@code klaspoort.publisher.bootstrap-user-id},
     * only while nobody holds PUBLISHER) or the demo's. Recorded with its reason and as a security event.
     */
    @Transactional
    public boolean grantWithoutPublisher(long userId, Reason reason) {
        if (reason == Reason.BOOTSTRAP && !queries.publishers().isEmpty()) {
            return false;
        }
        if (!queries.isProfessional(userId)) {
            throw new IllegalArgumentException("user " + userId + " is no professional and cannot hold PUBLISHER");
        }
        boolean granted = store.grant(userId, null, reason.name(), clock.instant());
        if (granted) {
            SecurityEvents.record(SecurityEvents.Event.PUBLISHER_GRANTED, "user", userId, "by", reason.name());
        }
        return granted;
    }
}
