package nl.klaspoort.audit.internal;

import nl.klaspoort.platform.Connection;
import nl.klaspoort.platform.Cursors;
import nl.klaspoort.platform.PageSize;


import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import nl.klaspoort.school.School;
import nl.klaspoort.access.Role;
import nl.klaspoort.access.SchoolAccess;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;

/** {@code School.auditEvents}: the audit log, ADMIN only. */
@Controller
class AuditController {

    record AuditEventFilter(String action, String actorId, OffsetDateTime from, OffsetDateTime to) {}

    record AuditEvent(String id, OffsetDateTime at, String action, String actorId, String actorName, String targetId,
            String targetName, String batchId, String undoesBatchId, String before, String after) {}

    private static final OffsetDateTime BEGINNING = OffsetDateTime.of(1970, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);
    private static final OffsetDateTime END = OffsetDateTime.of(9999, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);

    private final JdbcClient jdbc;
    private final SchoolAccess access;

    AuditController(JdbcClient jdbc, SchoolAccess access) {
        this.jdbc = jdbc;
        this.access = access;
    }

    /**
     * One page of the school's audit log, newest first, in one statement. Not a batch mapping: it takes arguments and
     * is asked for one school at a time (the school page).
     */
    @SchemaMapping(typeName = "School", field = "auditEvents")
    Connection<AuditEvent> auditEvents(School school, @Argument Integer first, @Argument String after,
            @Argument AuditEventFilter filter) {
        access.require(school.getId(), Role.ADMIN);
        PageSize size = PageSize.of(first);
        AuditEventFilter f = filter == null ? new AuditEventFilter(null, null, null, null) : filter;
        Long actor = f.actorId() == null ? null : parseId(f.actorId());
        List<AuditEvent> rows = jdbc.sql("""
                        select a.id, a.at, a.action, a.actor_id, a.target_id, a.batch_id, a.undoes_batch_id,
                               a.before_state::text as before, a.after_state::text as after,
                               concat_ws(' ', ac.first_name, ac.name_prefix, ac.last_name) as actor_name,
                               concat_ws(' ', t.first_name, t.name_prefix, t.last_name) as target_name
                          from audit_event a
                          left join app_user ac on ac.id = a.actor_id
                          left join app_user t on t.id = a.target_id
                         where a.school_id = :school and a.id < :after and a.at >= :from and a.at < :to
                           and (:action = '' or a.action = :action)
                           and (:anyActor or a.actor_id = :actor)
                         order by a.id desc
                         limit :limit
                        """)
                .param("school", school.getId())
                .param("after", after == null ? Long.MAX_VALUE : decode(after))
                .param("from", f.from() == null ? BEGINNING : f.from())
                .param("to", f.to() == null ? END : f.to())
                .param("action", f.action() == null ? "" : f.action())
                .param("anyActor", f.actorId() == null)
                .param("actor", actor == null ? -1L : actor)
                .param("limit", size.fetch())
                .query((rs, n) -> new AuditEvent(rs.getString("id"), rs.getObject("at", OffsetDateTime.class),
                        rs.getString("action"), rs.getString("actor_id"), blankToNull(rs.getString("actor_name")),
                        rs.getString("target_id"), blankToNull(rs.getString("target_name")), rs.getString("batch_id"),
                        rs.getString("undoes_batch_id"), rs.getString("before"), rs.getString("after")))
                .list();
        return Connection.of(rows, size, after != null, e -> Cursors.encode("auditEvents", "NEWEST_FIRST", e.id()));
    }

    private static long decode(String cursor) {
        try {
            return Long.parseLong(Cursors.decode(cursor, "auditEvents", "NEWEST_FIRST", 1).getFirst());
        } catch (NumberFormatException e) {
            throw Cursors.invalid();
        }
    }

    private static Long parseId(String raw) {
        try {
            return Long.valueOf(raw.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
