package nl.klaspoort.audit.internal;

import graphql.GraphQLContext;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import nl.klaspoort.access.Role;
import nl.klaspoort.access.SchoolAccess;
import nl.klaspoort.audit.internal.AuditQueries.AuditEvent;
import nl.klaspoort.platform.Connection;
import nl.klaspoort.platform.Cursors;
import nl.klaspoort.platform.Messages;
import nl.klaspoort.platform.PageSize;
import nl.klaspoort.platform.Where;
import nl.klaspoort.school.School;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/** {@code School.auditEvents}: the audit log, ADMIN only. */
@Controller
class AuditController {

    record AuditEventFilter(String action, String actorId, OffsetDateTime from, OffsetDateTime to) {}

    private final AuditQueries queries;
    private final AuditChanges changes;
    private final SchoolAccess access;

    AuditController(AuditQueries queries, AuditChanges changes, SchoolAccess access) {
        this.queries = queries;
        this.changes = changes;
        this.access = access;
    }

    /** {@code AuditEvent.changes}: what changed, in words, in the caller's language; one statement per page. */
    @BatchMapping(typeName = "AuditEvent", field = "changes")
    Map<AuditEvent, List<AuditChanges.AuditChange>> changes(List<AuditEvent> events, GraphQLContext context) {
        return changes.of(events, Messages.languageOf(context));
    }

    /**
     * One page of the school's audit log, newest first, in one statement. Not a batch mapping: it takes arguments and
     * is asked for one school at a time (the school page).
     */
    @SchemaMapping(typeName = "School", field = "auditEvents")
    Connection<AuditEvent> auditEvents(School school, @Argument Integer first, @Argument String after,
            @Argument AuditEventFilter filter) {
        access.require(school.id(), Role.ADMIN);
        PageSize size = PageSize.of(first);
        AuditEventFilter f = filter == null ? new AuditEventFilter(null, null, null, null) : filter;
        Where where = Where.of("a.school_id = :school", "school", school.id())
                .andIf(after != null, "a.id < :after", "after", after == null ? null : decode(after))
                .andIf(f.from() != null, "a.at >= :from", "from", f.from())
                .andIf(f.to() != null, "a.at < :to", "to", f.to())
                .andIf(f.action() != null, "a.action = :action", "action", f.action())
                .andIf(f.actorId() != null, "a.actor_id = :actor", "actor", f.actorId() == null ? null : idOrNone(f.actorId()));
        return Connection.of(queries.page(where, size.fetch()), size, after != null,
                e -> Cursors.encode("auditEvents", "NEWEST_FIRST", e.id()));
    }

    private static long decode(String cursor) {
        try {
            return Long.parseLong(Cursors.decode(cursor, "auditEvents", "NEWEST_FIRST", 1).getFirst());
        } catch (NumberFormatException e) {
            throw Cursors.invalid();
        }
    }

    /** An actor id, or -1 (nobody) when it is not a number. */
    private static long idOrNone(String raw) {
        try {
            return Long.parseLong(raw.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
