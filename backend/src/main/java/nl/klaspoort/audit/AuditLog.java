package nl.klaspoort.audit;

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
 */
@Service
public class AuditLog {

    private final JdbcClient jdbc;

    AuditLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * One event per user whose state differs between {@code before} and {@code after} (a user missing from
     * {@code before} was created); returns the batch id, or null when nothing changed.
     */
    public UUID record(long schoolId, String action, Map<Long, String> before, Map<Long, String> after) {
        return record(schoolId, action, before, after, null);
    }

    /** As {@link #record(long, String, Map, Map)}, for an event that undoes the batch {@code undoes}. */
    public UUID record(long schoolId, String action, Map<Long, String> before, Map<Long, String> after, UUID undoes) {
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
