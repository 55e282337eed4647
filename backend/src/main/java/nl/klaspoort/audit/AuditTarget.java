package nl.klaspoort.audit;

/**
 * What an audit event is about (GraphQL {@code AuditEvent.targetType} and {@code targetId}). {@code label}: how the
 * target reads, kept with the event for targets other than users (whose current name is looked up).
 */
public record AuditTarget(Type type, long id, String label) {

    /** GraphQL {@code AuditTargetType}. */
    public enum Type { USER, SCHOOL, IP_RANGE, CONTRACT }

    public static AuditTarget user(long id) {
        return new AuditTarget(Type.USER, id, null);
    }

    public static AuditTarget school(long id) {
        return new AuditTarget(Type.SCHOOL, id, null);
    }

    public static AuditTarget ipRange(long id, String notation) {
        return new AuditTarget(Type.IP_RANGE, id, notation);
    }

    public static AuditTarget contract(long id, String name) {
        return new AuditTarget(Type.CONTRACT, id, name);
    }
}
