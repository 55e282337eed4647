package nl.klaspoort.membership.internal;

import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import nl.klaspoort.access.Role;
import nl.klaspoort.membership.Memberships.Member;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads {@code school_member}, with the member's kind, gradeYear and roles (read model). */
@Repository
public class MembershipQueries {

    private final JdbcClient jdbc;

    MembershipQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Map<Long, Member> lock(long schoolId, Collection<Long> ids) {
        Map<Long, Member> members = new LinkedHashMap<>();
        jdbc.sql("""
                        select u.id, u.kind, m.archived_at is not null as archived, u.grade_year,
                               array(select r.role from role_grant r where r.school_id = m.school_id and r.user_id = u.id) as roles
                          from school_member m join app_user u on u.id = m.user_id
                         where m.school_id = :school and m.user_id = any(:ids)
                         order by u.id
                           for update of m
                        """)
                .param("school", schoolId)
                .param("ids", ids.toArray(Long[]::new))
                .query((rs, n) -> {
                    EnumSet<Role> roles = EnumSet.noneOf(Role.class);
                    Arrays.stream((String[]) rs.getArray("roles").getArray()).map(Role::valueOf).forEach(roles::add);
                    return members.put(rs.getLong("id"), new Member(rs.getLong("id"), rs.getString("kind").equals("STUDENT"),
                            rs.getBoolean("archived"), (Integer) rs.getObject("grade_year", Integer.class), roles));
                })
                .list();
        return members;
    }

    public boolean memberElsewhere(long userId, long schoolId) {
        return jdbc.sql("select exists (select 1 from school_member where user_id = :user and school_id <> :school)")
                .param("user", userId).param("school", schoolId).query(Boolean.class).single();
    }

    public java.util.Set<Long> membersElsewhere(long schoolId, java.util.Collection<Long> userIds) {
        return new java.util.HashSet<>(jdbc.sql("select distinct user_id from school_member where user_id = any(:users) and school_id <> :school")
                .param("users", userIds.toArray(Long[]::new)).param("school", schoolId).query(Long.class).list());
    }

    public java.util.List<Long> schoolsOf(long userId) {
        return jdbc.sql("select school_id from school_member where user_id = :user order by school_id")
                .param("user", userId).query(Long.class).list();
    }
}
