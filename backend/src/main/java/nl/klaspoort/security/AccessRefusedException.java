package nl.klaspoort.security;

/**
 * The signed-in user may not do this. {@link Reason#NOT_FOUND} hides that the object exists (another school's data);
 * {@link Reason#FORBIDDEN} is used where the user may see the object but lacks the role for the operation.
 */
public class AccessRefusedException extends RuntimeException {

    public enum Reason { NOT_FOUND, FORBIDDEN }

    private final Reason reason;

    public AccessRefusedException(Reason reason, String what) {
        super(reason == Reason.NOT_FOUND ? "Not found: " + what : "Not allowed: " + what);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
