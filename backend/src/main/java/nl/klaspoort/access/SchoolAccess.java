package nl.klaspoort.access;

import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.klaspoort.access.internal.AccessQueries;
import nl.klaspoort.platform.AccessRefusedException;
import nl.klaspoort.security.CurrentUser;
import org.springframework.stereotype.Service;

/**
 * Tenant checks: which roles the signed-in user holds at which school. Every school-scoped service asks here before it
 * reads or writes, and refuses by default. Roles at a school where the user is archived do not count.
 */
@Service
public class SchoolAccess {

    private final AccessQueries queries;

    SchoolAccess(AccessQueries queries) {
        this.queries = queries;
    }

    /** The signed-in user's roles per school id (insertion order = school id order). */
    public Map<Long, Set<Role>> rolesBySchool() {
        return rolesBySchool(CurrentUser.id());
    }

    public Map<Long, Set<Role>> rolesBySchool(long userId) {
        return queries.roles(userId, null);
    }

    /** The signed-in user's roles at one school; empty when none (or not signed in: then it throws). */
    public Set<Role> rolesAt(long schoolId) {
        return rolesAt(List.of(schoolId)).get(schoolId);
    }

    /** The signed-in user's roles at each of the given schools, in one statement. */
    public Map<Long, Set<Role>> rolesAt(Collection<Long> schoolIds) {
        long user = CurrentUser.id();
        Map<Long, Set<Role>> result = new HashMap<>();
        schoolIds.forEach(id -> result.put(id, EnumSet.noneOf(Role.class)));
        if (!schoolIds.isEmpty()) {
            result.putAll(queries.roles(user, schoolIds));
        }
        return result;
    }

    public boolean has(long schoolId, Role role) {
        return rolesAt(schoolId).contains(role);
    }

    /**
     * Refuses unless the signed-in user holds one of {@code anyOf} at the school. A user without any role there is told
     * the school does not exist (no hint that it does).
     */
    public Set<Role> require(long schoolId, Role... anyOf) {
        Set<Role> roles = rolesAt(schoolId);
        if (roles.isEmpty()) {
            throw new AccessRefusedException(AccessRefusedException.Reason.NOT_FOUND, "school " + schoolId);
        }
        for (Role role : anyOf) {
            if (roles.contains(role)) {
                return roles;
            }
        }
        throw new AccessRefusedException(AccessRefusedException.Reason.FORBIDDEN, "school " + schoolId);
    }

    /**
     * {@link #require(long, Role...)} for a school id as it arrives in GraphQL input; an id that is not a number is a
     * school that does not exist. Returns the school id.
     */
    public long require(String schoolId, Role... anyOf) {
        long id;
        try {
            id = Long.parseLong(schoolId == null ? "" : schoolId.strip());
        } catch (NumberFormatException e) {
            throw new AccessRefusedException(AccessRefusedException.Reason.NOT_FOUND, "school " + schoolId);
        }
        require(id, anyOf);
        return id;
    }
}
