package nl.klaspoort.access;

import nl.klaspoort.platform.AccessRefusedException;
import nl.klaspoort.security.CurrentUser;

import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Tenant checks: which roles the signed-in user holds at which school. Every school-scoped service asks here before it
 * reads or writes, and refuses by default. Roles at a school where the user is archived do not count.
 */
@Service
public class SchoolAccess {

    private static final String ROLES_SQL = """
            select m.school_id, r.role
              from school_member m join role_grant r on r.school_id = m.school_id and r.user_id = m.user_id
             where m.user_id = :user and m.archived_at is null %s
            union all
            select m.school_id, 'STUDENT'
              from school_member m join app_user u on u.id = m.user_id
             where m.user_id = :user and m.archived_at is null and u.kind = 'STUDENT' %s
            """;

    private final JdbcClient jdbc;

    public SchoolAccess(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The signed-in user's roles per school id (insertion order = school id order). */
    public Map<Long, Set<Role>> rolesBySchool() {
        return rolesBySchool(CurrentUser.id());
    }

    public Map<Long, Set<Role>> rolesBySchool(long userId) {
        Map<Long, Set<Role>> result = new LinkedHashMap<>();
        jdbc.sql(ROLES_SQL.formatted("", "") + " order by 1")
                .param("user", userId)
                .query((rs, n) -> result.computeIfAbsent(rs.getLong(1), k -> EnumSet.noneOf(Role.class))
                        .add(Role.valueOf(rs.getString(2))))
                .list();
        return result;
    }

    /** The signed-in user's roles at one school; empty when none (or not signed in: then it throws). */
    public Set<Role> rolesAt(long schoolId) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        jdbc.sql(ROLES_SQL.formatted("and m.school_id = :school", "and m.school_id = :school"))
                .param("user", CurrentUser.id())
                .param("school", schoolId)
                .query((rs, n) -> roles.add(Role.valueOf(rs.getString(2))))
                .list();
        return roles;
    }

    /** The signed-in user's roles at each of the given schools, in one statement. */
    public Map<Long, Set<Role>> rolesAt(Collection<Long> schoolIds) {
        Map<Long, Set<Role>> result = new HashMap<>();
        schoolIds.forEach(id -> result.put(id, EnumSet.noneOf(Role.class)));
        if (schoolIds.isEmpty()) {
            return result;
        }
        jdbc.sql(ROLES_SQL.formatted("and m.school_id in (:schools)", "and m.school_id in (:schools)"))
                .param("user", CurrentUser.id())
                .param("schools", List.copyOf(schoolIds))
                .query((rs, n) -> result.get(rs.getLong(1)).add(Role.valueOf(rs.getString(2))))
                .list();
        return result;
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
}
