package nl.klaspoort.platform;

/**
 * The caller may not do this. {@link Reason#NOT_FOUND} hides that the object exists (another school's data);
 * {@link Reason#FORBIDDEN} is for a caller who may see the object but lacks the role for the operation;
 * {@link Reason#UNAUTHORIZED} for nobody signed in. Becomes a GraphQL error of that classification, with a message in
 * the caller's language that says no more than that.
 */
public class AccessRefusedException extends RuntimeException {

    public enum Reason { NOT_FOUND, FORBIDDEN, UNAUTHORIZED }

    private final Reason reason;

    /** {@code what}: for the server's own diagnostics only; never shown to the caller. */
    public AccessRefusedException(Reason reason, String what) {
        super(reason + ": " + what);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
