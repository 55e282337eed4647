package nl.klaspoort.basispoort;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.klaspoort.basispoort.internal.LinkQueries;
import nl.klaspoort.basispoort.internal.LinkStore;
import org.springframework.stereotype.Service;

/**
 * The links of local users to their identity in a school's roster ({@code basispoort_link}): Basispoort's user id, ECK
 * iD and LAS key per school and user, plus the values the roster last gave. The import pipeline writes them; the
 * matching screen (BP2), single sign-on (BP4) and hosted licences find people by them. A link stays when its person
 * leaves the roster ({@code leftAt}), so a pupil who returns or moves is found again (X12). ECK iDs are personal data:
 * never in a log or URL. Set-based; the caller has checked access.
 */
@Service
public class BasispoortLinks {

    /** Who a link is about. */
    public enum Kind { STUDENT, PROFESSIONAL }

    /**
     * One local user's identity in one school's roster.
     *
     * @param basispoortId Basispoort's user id; null for someone only known from an EDEXML file
     * @param synced       the values the roster last gave ({@code firstName}, {@code lastName}, {@code jaargroep}…; a
     *                     value may be null): a local value that differs from its synced value is an admin's edit (X11)
     * @param leftAt       when the roster stopped listing them at this school; null while it does
     */
    public record Link(long schoolId, long userId, Kind kind, Long basispoortId, String eckId, String lasKey,
            Map<String, String> synced, Instant linkedAt, Instant leftAt) {

        public Link {
            synced = synced == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(synced));
        }

        public boolean active() {
            return leftAt == null;
        }

        @Override
        public String toString() {
            return "Link[school=" + schoolId + ", user=" + userId + ", basispoortId=" + basispoortId + "]";
        }
    }

    private final LinkQueries queries;
    private final LinkStore store;

    BasispoortLinks(LinkQueries queries, LinkStore store) {
        this.queries = queries;
        this.store = store;
    }

    /** Every link at the school (those who left too), by user id; one statement. */
    public Map<Long, Link> ofSchool(long schoolId) {
        return queries.ofSchool(schoolId);
    }

    /**
     * Students linked at other schools than {@code schoolId} by one of these Basispoort ids or ECK iDs (a pupil who
     * moved, X12), most recent link first; one statement.
     */
    public List<Link> studentsElsewhere(long schoolId, Collection<Long> basispoortIds, Collection<String> eckIds) {
        return basispoortIds.isEmpty() && eckIds.isEmpty() ? List.of()
                : queries.studentsElsewhere(schoolId, basispoortIds, eckIds);
    }

    /** The users linked to this Basispoort user id at any school, active links first (single sign-on). */
    public List<Link> byBasispoortId(long basispoortId) {
        return queries.byBasispoortId(basispoortId);
    }

    /** The active link of a user at a school, if any. */
    public Optional<Link> of(long schoolId, long userId) {
        return Optional.ofNullable(ofSchool(schoolId).get(userId)).filter(Link::active);
    }

    /**
     * Creates or replaces the links (by school and user): identifiers and synced values as given, active again. An
     * identifier another user of the school held is taken from them first (the roster says whose it is now). Two
     * statements, whatever the number of links.
     */
    public void put(long schoolId, List<Link> links) {
        if (!links.isEmpty()) {
            store.put(schoolId, links);
        }
    }

    /** Only the synced values of existing links change (a local edit the admin kept is no longer asked about). */
    public void putSynced(long schoolId, Map<Long, Map<String, String>> syncedByUser) {
        if (!syncedByUser.isEmpty()) {
            store.putSynced(schoolId, syncedByUser);
        }
    }

    /** The roster no longer lists these users at the school; their links stay. One statement. */
    public void markLeft(long schoolId, Collection<Long> userIds) {
        if (!userIds.isEmpty()) {
            store.markLeft(schoolId, userIds);
        }
    }

    /**
     * Unlinks these users at the school (BP2's red cross): the link is gone, so the next sync treats their Basispoort
     * identity as new at the school. One statement.
     */
    public void remove(long schoolId, Collection<Long> userIds) {
        if (!userIds.isEmpty()) {
            store.remove(schoolId, userIds);
        }
    }
}
