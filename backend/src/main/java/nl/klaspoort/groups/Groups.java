package nl.klaspoort.groups;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.klaspoort.groups.internal.GroupQueries;
import nl.klaspoort.groups.internal.GroupStore;
import org.springframework.stereotype.Service;

/**
 * A school's groups and their members, written by the import pipeline from the school's roster (Basispoort, EDEXML).
 * Groups are kept when they leave the roster (archived, members and all). A constant number of statements whatever
 * the number of groups or members. The caller has checked access.
 */
@Service
public class Groups {

    /**
     * A group of a school.
     *
     * @param key       the LAS key (EDEXML {@code groep@key}, Basispoort {@code lasKey}): how the roster names it
     * @param jaargroep the grade as written ("5", "0", "S"…); null for a composite group
     * @param composite a samengestelde groep / subgroep (pupils of several groups)
     */
    public record Group(long id, long schoolId, String key, String name, String jaargroep, boolean composite,
            boolean archived) {}

    /** A group as the roster describes it. */
    public record GroupSpec(String key, String name, String jaargroep, boolean composite) {}

    private final GroupQueries queries;
    private final GroupStore store;

    Groups(GroupQueries queries, GroupStore store) {
        this.queries = queries;
        this.store = store;
    }

    /** Every group of the school (archived ones too), by key; one statement. */
    public Map<String, Group> byKey(long schoolId) {
        return queries.byKey(schoolId);
    }

    /** The group ids of each member of the school (active groups only); one statement. */
    public Map<Long, Set<Long>> memberships(long schoolId) {
        return queries.memberships(schoolId);
    }

    /**
     * Creates the groups whose key is new and gives existing ones (archived ones back too) the name, jaargroep and kind
     * given; one statement. Returns the id of every given key.
     */
    public Map<String, Long> put(long schoolId, List<GroupSpec> groups) {
        return groups.isEmpty() ? Map.of() : store.put(schoolId, groups);
    }

    /** Archives the groups; their members stay, so a group that returns is whole again. One statement. */
    public void archive(long schoolId, Collection<Long> groupIds) {
        if (!groupIds.isEmpty()) {
            store.archive(schoolId, groupIds);
        }
    }

    /** Each user's groups at the school become exactly the given ones (an empty set: none); two statements. */
    public void setMembers(long schoolId, Map<Long, Set<Long>> groupsByUser) {
        if (!groupsByUser.isEmpty()) {
            store.setMembers(schoolId, groupsByUser);
        }
    }
}
