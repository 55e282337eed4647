package nl.klaspoort.audit.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import nl.klaspoort.audit.AuditLog.Entry;
import nl.klaspoort.security.CurrentUser;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Writes {@code audit_event}: a batch in one statement. */
@Repository
public class AuditStore {

    private final JdbcClient jdbc;
    private final Clock clock;

    AuditStore(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public void insert(long schoolId, String action, UUID batch, UUID undoes, List<Entry> entries) {
        jdbc.sql("""
                        insert into audit_event (id, school_id, actor_id, action, target_type, target_id, target_label, batch_id,
                                                 before_state, after_state, undoes_batch_id, at)
                        select nextval('audit_event_seq'), :school, cast(:actor as bigint), :action, t.type, t.target, t.label, :batch,
                               t.b::jsonb, t.a::jsonb, cast(:undoes as uuid), :at
                          from unnest(:types::text[], :targets::bigint[], :labels::text[], :befores::text[], :afters::text[])
                               with ordinality as t(type, target, label, b, a, n)
                         order by t.n
                        """)
                .param("school", schoolId)
                .param("actor", CurrentUser.find().map(u -> u.id()).orElse(null))
                .param("action", action)
                .param("batch", batch)
                .param("undoes", undoes)
                .param("at", Timestamp.from(clock.instant()))
                .param("types", entries.stream().map(e -> e.target().type().name()).toArray(String[]::new))
                .param("targets", entries.stream().map(e -> e.target().id()).toArray(Long[]::new))
                .param("labels", entries.stream().map(e -> e.target().label()).toArray(String[]::new))
                .param("befores", entries.stream().map(Entry::before).toArray(String[]::new))
                .param("afters", entries.stream().map(Entry::after).toArray(String[]::new))
                .update();
    }
}
