package nl.klaspoort.audit;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import nl.klaspoort.security.CurrentUser;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Writes the audit log (X5). A mutation snapshots the users it touches before and after its writes; every user whose
 * snapshot changed gets one event, all sharing the mutation's batch id, in one statement.
 *
 * <p>The snapshot is a user's administrative state at one school: {@code archived}, {@code gradeYear}, {@code roles},
 * {@code products} (supervisor's product assignments) and {@code enrollments} (student: product with supervisors).
 * {@link AuditUndoService} restores it.
 */
@Service
public class AuditLog {

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

    AuditLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The administrative state of each user at the school, as JSON text; one statement. */
    public Map<Long, String> snapshot(long schoolId, Collection<Long> userIds) {
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
     * One event per user whose state differs between {@code before} and {@code after} (a user missing from
     * {@code before} was created); returns the batch id, or null when nothing changed.
     */
    public UUID record(long schoolId, String action, Map<Long, String> before, Map<Long, String> after) {
        return record(schoolId, action, before, after, null);
    }

    UUID record(long schoolId, String action, Map<Long, String> before, Map<Long, String> after, UUID undoes) {
        List<Long> changed = after.keySet().stream().sorted()
                .filter(id -> !Objects.equals(before.get(id), after.get(id))).toList();
        if (changed.isEmpty()) {
            return null;
        }
        UUID batch = UUID.randomUUID();
        jdbc.sql("""
                        insert into audit_event (id, school_id, actor_id, action, target_id, batch_id, before_state, after_state, undoes_batch_id)
                        select nextval('audit_event_seq'), :school, :actor, :action, t.target, :batch, t.b::jsonb, t.a::jsonb,
                               cast(nullif(:undoes, '') as uuid)
                          from unnest(:targets::bigint[], :befores::text[], :afters::text[]) as t(target, b, a)
                        """)
                .param("school", schoolId)
                .param("actor", CurrentUser.id())
                .param("action", action)
                .param("batch", batch)
                .param("undoes", undoes == null ? "" : undoes.toString())
                .param("targets", changed.toArray(Long[]::new))
                .param("befores", changed.stream().map(before::get).toArray(String[]::new))
                .param("afters", changed.stream().map(after::get).toArray(String[]::new))
                .update();
        return batch;
    }

    /** One event for one user with free-form states (profile edits, credentials); returns the batch id. */
    public UUID recordOne(long schoolId, String action, long targetId, String beforeJson, String afterJson) {
        return record(schoolId, action, beforeJson == null ? Map.of() : Map.of(targetId, beforeJson), Map.of(targetId, afterJson));
    }
}
