package nl.klaspoort.audit.internal;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.klaspoort.audit.AuditLog.Recorded;
import nl.klaspoort.audit.AuditTarget;
import nl.klaspoort.platform.Where;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads {@code audit_event}, with the names of actors and user targets (read model). */
@Repository
public class AuditQueries {

    /** GraphQL {@code AuditEvent}. */
    public record AuditEvent(String id, OffsetDateTime at, String action, String actorId, String actorName,
            AuditTarget.Type targetType, String targetId, String targetName, String batchId, String undoesBatchId,
            String before, String after) {}

    /** Names of products and people, by id, for the changes of a page of events. */
    record Names(Map<Long, String> products, Map<Long, String> users) {
        static final Names NONE = new Names(Map.of(), Map.of());

        String product(long id) {
            return products.getOrDefault(id, "#" + id);
        }

        String user(long id) {
            return users.getOrDefault(id, "#" + id);
        }
    }

    private final JdbcClient jdbc;

    AuditQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A page of the school's events, newest first: those matching {@code where}, at most {@code limit}. */
    public List<AuditEvent> page(Where where, int limit) {
        return jdbc.sql("""
                        select a.id, a.at, a.action, a.actor_id, a.target_type, a.target_id, a.batch_id, a.undoes_batch_id,
                               a.before_state::text as before, a.after_state::text as after,
                               concat_ws(' ', ac.first_name, ac.name_prefix, ac.last_name) as actor_name,
                               coalesce(nullif(concat_ws(' ', t.first_name, t.name_prefix, t.last_name), ''), a.target_label) as target_name
                          from audit_event a
                          left join app_user ac on ac.id = a.actor_id
                          left join app_user t on t.id = a.target_id and a.target_type = 'USER'
                         where %s
                         order by a.id desc
                         limit :limit
                        """.formatted(where.sql()))
                .params(where.params()).param("limit", limit)
                .query((rs, n) -> new AuditEvent(rs.getString("id"), rs.getObject("at", OffsetDateTime.class),
                        rs.getString("action"), rs.getString("actor_id"), blankToNull(rs.getString("actor_name")),
                        AuditTarget.Type.valueOf(rs.getString("target_type")), rs.getString("target_id"),
                        blankToNull(rs.getString("target_name")), rs.getString("batch_id"),
                        rs.getString("undoes_batch_id"), rs.getString("before"), rs.getString("after")))
                .list();
    }

    public List<Recorded> batch(UUID batch) {
        return jdbc.sql("""
                        select school_id, action, target_type, target_id, before_state::text as before, after_state::text as after
                          from audit_event
                         where batch_id = :batch and target_id is not null
                         order by id
                        """)
                .param("batch", batch)
                .query((rs, n) -> new Recorded(rs.getLong("school_id"), rs.getString("action"),
                        AuditTarget.Type.valueOf(rs.getString("target_type")), rs.getLong("target_id"),
                        rs.getString("before"), rs.getString("after")))
                .list();
    }

    /** The names of the products and people; one statement. */
    Names names(Collection<Long> productIds, Collection<Long> userIds) {
        Map<Long, String> products = new HashMap<>();
        Map<Long, String> users = new HashMap<>();
        jdbc.sql("""
                        select 'P' as kind, id, name from product where id = any(:products)
                        union all
                        select 'U', id, concat_ws(' ', first_name, name_prefix, last_name) from app_user where id = any(:users)
                        """)
                .param("products", productIds.toArray(Long[]::new)).param("users", userIds.toArray(Long[]::new))
                .query((rs, n) -> ("P".equals(rs.getString(1)) ? products : users).put(rs.getLong(2), rs.getString(3)))
                .list();
        return new Names(products, users);
    }

    public boolean undone(UUID batch) {
        return jdbc.sql("select exists (select 1 from audit_event where undoes_batch_id = :batch)")
                .param("batch", batch).query(Boolean.class).single();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
