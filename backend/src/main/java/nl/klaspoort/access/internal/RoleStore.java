package nl.klaspoort.access.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import nl.klaspoort.access.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Writes {@code role_grant}; one statement per method, whatever the number of users. */
@Repository
public class RoleStore {

    private final JdbcClient jdbc;
    private final Clock clock;

    RoleStore(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public void grant(long schoolId, Collection<Long> users, Collection<Role> roles) {
        jdbc.sql("""
                        insert into role_grant (school_id, user_id, role, granted_at)
                        select :school, u, r, :now from unnest(:users::bigint[]) as u cross join unnest(:roles::text[]) as r
                        on conflict do nothing
                        """)
                .param("school", schoolId).param("users", users.toArray(Long[]::new))
                .param("roles", roles.stream().map(Role::name).toArray(String[]::new))
                .param("now", Timestamp.from(clock.instant()))
                .update();
    }

    public void revoke(long schoolId, Collection<Long> users, Collection<Role> roles) {
        jdbc.sql("delete from role_grant where school_id = :school and user_id = any(:users) and role = any(:roles)")
                .param("school", schoolId).param("users", users.toArray(Long[]::new))
                .param("roles", roles.stream().map(Role::name).toArray(String[]::new))
                .update();
    }

    /** Makes each user's roles at the school exactly the given ones; two statements. */
    public void setExactly(long schoolId, Map<Long, Set<Role>> roles) {
        Long[] users = roles.keySet().toArray(Long[]::new);
        Long[] pairUsers = roles.entrySet().stream().flatMap(e -> e.getValue().stream().map(r -> e.getKey())).toArray(Long[]::new);
        String[] pairRoles = roles.values().stream().flatMap(set -> set.stream().map(Role::name)).toArray(String[]::new);
        jdbc.sql("""
                        delete from role_grant r
                         where r.school_id = :school and r.user_id = any(:users)
                           and not exists (select 1 from unnest(:pairUsers::bigint[], :pairRoles::text[]) as p(u, role)
                                            where p.u = r.user_id and p.role = r.role)
                        """)
                .param("school", schoolId).param("users", users).param("pairUsers", pairUsers).param("pairRoles", pairRoles)
                .update();
        jdbc.sql("""
                        insert into role_grant (school_id, user_id, role, granted_at)
                        select :school, p.u, p.role, :now from unnest(:pairUsers::bigint[], :pairRoles::text[]) as p(u, role)
                        on conflict do nothing
                        """)
                .param("school", schoolId).param("pairUsers", pairUsers).param("pairRoles", pairRoles)
                .param("now", Timestamp.from(clock.instant()))
                .update();
    }
}
