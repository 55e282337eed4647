package nl.klaspoort.membership;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import nl.klaspoort.access.Role;
import nl.klaspoort.membership.internal.MembershipQueries;
import nl.klaspoort.membership.internal.MembershipStore;
import org.springframework.stereotype.Service;

/**
 * Membership of people in schools ({@code school_member}): who is a member, archived or not. Archive is a state, not a
 * deletion: a member's roles and koppelingen stay in place, so a dearchive restores exactly those. Only members of the
 * school are found, so another school's users look exactly like unknown ids. The caller has checked access.
 */
@Service
public class Memberships {

    /**
     * A member of the school as an administrative mutation sees it: kind, archive state, gradeYear and roles there.
     */
    public record Member(long id, boolean student, boolean archived, Integer gradeYear, Set<Role> roles) {
        public boolean professional() {
            return !student;
        }
    }

    private final MembershipQueries queries;
    private final MembershipStore store;

    Memberships(MembershipQueries queries, MembershipStore store) {
        this.queries = queries;
        this.store = store;
    }

    /**
     * The members of the school among the ids, by id, their membership rows locked until the transaction ends (so two
     * administrative mutations on the same users run one after the other); one statement.
     */
    public Map<Long, Member> lock(long schoolId, Collection<Long> userIds) {
        return userIds.isEmpty() ? Map.of() : queries.lock(schoolId, userIds);
    }

    /**
     * Whether the person is a member of any school besides this one (archived there or not): a professional who works
     * elsewhere too, whose identity a school admin must then not change.
     */
    public boolean memberElsewhere(long userId, long schoolId) {
        return queries.memberElsewhere(userId, schoolId);
    }

    /** Of these people, those who are members of any school besides this one (archived there or not); one statement. */
    public java.util.Set<Long> membersElsewhere(long schoolId, Collection<Long> userIds) {
        return userIds.isEmpty() ? java.util.Set.of() : queries.membersElsewhere(schoolId, userIds);
    }

    /** The schools where the person is a member (archived there or not), by id. */
    public java.util.List<Long> schoolsOf(long userId) {
        return queries.schoolsOf(userId);
    }

    /** The users become (active) members of the school. */
    public void join(long schoolId, Collection<Long> userIds) {
        if (!userIds.isEmpty()) {
            store.join(schoolId, userIds);
        }
    }

    /** Archives (or dearchives) the members; their links stay in place. One statement. */
    public void setArchived(long schoolId, Collection<Long> userIds, boolean archived) {
        if (!userIds.isEmpty()) {
            store.setArchived(schoolId, userIds, archived, null);
        }
    }

    /** Archives the members as of {@code since} (imported history, demo data). */
    public void archiveSince(long schoolId, Collection<Long> userIds, Instant since) {
        if (!userIds.isEmpty()) {
            store.setArchived(schoolId, userIds, true, since);
        }
    }

    /** Each member's archive state becomes the given one (undo); one statement. */
    public void setArchiveStates(long schoolId, Map<Long, Boolean> archived) {
        if (!archived.isEmpty()) {
            store.setArchiveStates(schoolId, archived);
        }
    }
}
