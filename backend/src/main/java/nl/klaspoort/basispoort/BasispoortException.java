package nl.klaspoort.basispoort;

/**
 * Why a Basispoort call failed. Messages name the school id and HTTP status only: never a name, ECK iD or body.
 */
public abstract sealed class BasispoortException extends RuntimeException {

    private final Long schoolId;

    private BasispoortException(String message, Long schoolId, Throwable cause) {
        super(message, cause);
        this.schoolId = schoolId;
    }

    /** The Basispoort school the failed call was about, or null for a call about no single school. */
    public Long schoolId() {
        return schoolId;
    }

    /** True when trying again later may succeed (network, timeout, 5xx). */
    public boolean retryable() {
        return false;
    }

    /** Basispoort does not know this school id (404). */
    public static final class SchoolNotFound extends BasispoortException {
        public SchoolNotFound(long schoolId, Throwable cause) {
            super("Basispoort school " + schoolId + " not found", schoolId, cause);
        }
    }

    /** The school exists but has not given this publisher consent (403). */
    public static final class NoConsent extends BasispoortException {
        public NoConsent(long schoolId, Throwable cause) {
            super("Basispoort school " + schoolId + " has not given this publisher consent", schoolId, cause);
        }
    }

    /** The TLS handshake failed: client certificate refused or unreadable, server not trusted, protocol. */
    public static final class TlsFailure extends BasispoortException {
        public TlsFailure(String message, Long schoolId, Throwable cause) {
            super(message, schoolId, cause);
        }
    }

    /** Basispoort could not be reached, timed out, or answered 5xx. */
    public static final class Unavailable extends BasispoortException {
        public Unavailable(String message, Long schoolId, Throwable cause) {
            super(message, schoolId, cause);
        }

        @Override
        public boolean retryable() {
            return true;
        }
    }

    /** Basispoort refused the request otherwise (4xx). */
    public static final class Refused extends BasispoortException {
        private final int status;

        public Refused(String message, Long schoolId, int status, Throwable cause) {
            super(message, schoolId, cause);
            this.status = status;
        }

        public int status() {
            return status;
        }
    }

    /** {@code klaspoort.basispoort.base-url} is not set (e.g. in production before the contract is live). */
    public static final class NotConfigured extends BasispoortException {
        public NotConfigured() {
            super("klaspoort.basispoort.base-url is not configured", null, null);
        }
    }
}
