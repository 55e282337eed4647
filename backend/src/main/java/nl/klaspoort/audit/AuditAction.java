package nl.klaspoort.audit;

/**
 * A value of the GraphQL enum {@code AuditAction}: the kind of change an audit event records. Each module keeps its
 * actions in its own Java enum implementing this interface and adds them to the schema with
 * {@code extend enum AuditAction}; a test reads every value back through {@code School.auditEvents}.
 */
public interface AuditAction {

    /** The enum value's name, as in the schema. */
    String name();
}
