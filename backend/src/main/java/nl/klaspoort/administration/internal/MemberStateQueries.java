package nl.klaspoort.administration.internal;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * A user's administrative state at one school, as the audit log keeps it before and after a mutation: {@code archived},
 * {@code gradeYear}, {@code roles}, {@code products} (supervisor's product assignments) and {@code enrollments}
 * (student: product with supervisors). Undo restores it. A read model over the owners' tables.
 */
@Repository
class MemberStateQueries {

    static final String SNAPSHOT_SQL = """
            select u.id, jsonb_build_object(
                     'kind', u.kind,
                     'archived', m.archived_at is not null,
                     'gradeYear', u.grade_year,
                     'roles', coalesce((select jsonb_agg(r.role order by r.role) from role_grant r
                                         where r.school_id = m.school_id and r.user_id = u.id), '[]'::jsonb),
                     'products', coalesce((select jsonb_agg(pa.product_id order by pa.product_id) from product_assignment pa
                                            where pa.school_id = m.school_id and pa.supervisor_id = u.id), '[]'::jsonb),
                     'enrollments', coalesce((select jsonb_agg(jsonb_build_object('productId', e.product_id, 'supervisorIds',
                                                 coalesce((select jsonb_agg(es.supervisor_id order by es.supervisor_id)
                                                             from enrollment_supervisor es where es.enrollment_id = e.id), '[]'::jsonb))
                                                 order by e.product_id)
                                               from enrollment e where e.school_id = m.school_id and e.student_id = u.id), '[]'::jsonb)
                   )::text as state
              from school_member m join app_user u on u.id = m.user_id
             where m.school_id = :school and m.user_id = any(:ids)
            """;

    private final JdbcClient jdbc;

    MemberStateQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The administrative state of each user at the school, as JSON text; one statement. */
    Map<Long, String> snapshot(long schoolId, Collection<Long> userIds) {
        Map<Long, String> states = new HashMap<>();
        if (userIds.isEmpty()) {
            return states;
        }
        jdbc.sql(SNAPSHOT_SQL)
                .param("school", schoolId)
                .param("ids", userIds.toArray(Long[]::new))
                .query((rs, n) -> states.put(rs.getLong("id"), rs.getString("state")))
                .list();
        return states;
    }

    /**
     * The state a pending invitation (issue 10, item 9) holds for the school, in the same form as {@link #snapshot}
     * of a new professional: the school's log does not tell an invitation from a new person. One statement.
     */
    Map<Long, String> invitationSnapshot(long schoolId, Collection<Long> invitationIds) {
        Map<Long, String> states = new HashMap<>();
        if (invitationIds.isEmpty()) {
            return states;
        }
        jdbc.sql("""
                        select i.id, jsonb_build_object('kind', 'PROFESSIONAL', 'archived', i.archived, 'gradeYear', null,
                                 'roles', to_jsonb(i.roles), 'products', to_jsonb(i.product_ids),
                                 'enrollments', '[]'::jsonb)::text as state
                          from school_invitation i
                         where i.school_id = :school and i.id = any(:ids)
                        """)
                .param("school", schoolId)
                .param("ids", invitationIds.toArray(Long[]::new))
                .query((rs, n) -> states.put(rs.getLong("id"), rs.getString("state")))
                .list();
        return states;
    }
}
