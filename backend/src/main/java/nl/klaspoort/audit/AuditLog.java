package nl.klaspoort.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import nl.klaspoort.audit.internal.AuditQueries;
import nl.klaspoort.audit.internal.AuditStore;
import org.springframework.stereotype.Service;

/**
 * The audit log (X5): every administrative change, one event per target, all events of one mutation sharing its batch
 * id (what undo restores). The one way any module writes {@code audit_event}. Actor and time are the signed-in user
 * (none for system changes) and the application's clock.
 */
@Service
public class AuditLog {

    /** One change: its target and the target's state before (null: created) and after, as JSON objects. */
    public record Entry(AuditTarget target, String before, String after) {}

    /** A recorded event of a batch, as undo needs it. */
    public record Recorded(long schoolId, String action, AuditTarget.Type targetType, long targetId, String before,
            String after) {}

    private final AuditStore store;
    private final AuditQueries queries;

    AuditLog(AuditStore store, AuditQueries queries) {
        this.store = store;
        this.queries = queries;
    }

    /** The entries as one batch; returns its id, or null when there are none. One statement. */
    public UUID record(long schoolId, AuditAction action, List<Entry> entries) {
        return record(schoolId, action, entries, null);
    }

    /** As {@link #record(long, AuditAction, List)}, for a batch that undoes the batch {@code undoes}. */
    public UUID record(long schoolId, AuditAction action, List<Entry> entries, UUID undoes) {
        if (entries.isEmpty()) {
            return null;
        }
        UUID batch = UUID.randomUUID();
        store.insert(schoolId, action.name(), batch, undoes, entries);
        return batch;
    }

    /**
     * One event per user whose state differs between {@code before} and {@code after} (a user missing from
     * {@code before} was created); returns the batch id, or null when nothing changed.
     */
    public UUID recordUsers(long schoolId, AuditAction action, Map<Long, String> before, Map<Long, String> after) {
        return recordUsers(schoolId, action, before, after, null);
    }

    /** As {@link #recordUsers(long, AuditAction, Map, Map)}, undoing the batch {@code undoes}. */
    public UUID recordUsers(long schoolId, AuditAction action, Map<Long, String> before, Map<Long, String> after,
            UUID undoes) {
        List<Entry> entries = new ArrayList<>();
        after.keySet().stream().sorted().filter(id -> !Objects.equals(before.get(id), after.get(id)))
                .forEach(id -> entries.add(new Entry(AuditTarget.user(id), before.get(id), after.get(id))));
        return record(schoolId, action, entries, undoes);
    }

    /** The events of a batch in the order written; empty when there is no such batch. */
    public List<Recorded> batch(UUID batchId) {
        return queries.batch(batchId);
    }

    /** Whether a later batch undid this one. */
    public boolean undone(UUID batchId) {
        return queries.undone(batchId);
    }
}
