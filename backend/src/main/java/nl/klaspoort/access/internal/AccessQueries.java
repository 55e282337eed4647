package nl.klaspoort.access.internal;

import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.klaspoort.access.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads {@code role_grant}: roles per school, counting only schools where the user is an active member. */
@Repository
public class AccessQueries {

    private static final String ROLES_SQL = """
            select m.school_id, r.role
              from school_member m join role_grant r on r.school_id = m.school_id and r.user_id = m.user_id
             where m.user_id = :user and m.archived_at is null %1$s
            union all
            select m.school_id, 'STUDENT'
              from school_member m join app_user u on u.id = m.user_id
             where m.user_id = :user and m.archived_at is null and u.kind = 'STUDENT' %1$s
            order by 1
            """;

    private static final String AT_SCHOOLS = "and m.school_id in (:schools)";

    private final JdbcClient jdbc;

    AccessQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The user's roles per school (every school, or only {@code schoolIds} when given), by school id. */
    public Map<Long, Set<Role>> roles(long userId, Collection<Long> schoolIds) {
        Map<Long, Set<Role>> result = new LinkedHashMap<>();
        var statement = jdbc.sql(ROLES_SQL.formatted(schoolIds == null ? "" : AT_SCHOOLS)).param("user", userId);
        if (schoolIds != null) {
            statement = statement.param("schools", List.copyOf(schoolIds));
        }
        statement.query((rs, n) -> result.computeIfAbsent(rs.getLong(1), k -> EnumSet.noneOf(Role.class))
                        .add(Role.valueOf(rs.getString(2))))
                .list();
        return result;
    }

    /** Whether the school has an active (not archived) SUPERVISOR. */
    public boolean hasActiveSupervisor(long schoolId) {
        return jdbc.sql("""
                        select exists (select 1 from role_grant r join school_member m on m.school_id = r.school_id and m.user_id = r.user_id
                                        where r.school_id = :school and r.role = 'SUPERVISOR' and m.archived_at is null)
                        """)
                .param("school", schoolId).query(Boolean.class).single();
    }
}
