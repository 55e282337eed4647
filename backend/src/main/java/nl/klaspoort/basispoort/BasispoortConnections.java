package nl.klaspoort.basispoort;

import java.time.Instant;
import java.util.List;

/**
 * A school's connection with its institution in Basispoort (BP1): found by BRIN and dependance code among the schools
 * that gave this publisher consent (the API cannot search by BRIN), or by the Basispoort id the school gives; activated
 * by the publisher; checked on request with an answer that says exactly what is missing. The nightly sync reads the
 * activated schools.
 */
public interface BasispoortConnections {

    /** What a check found, in order of how far it got. */
    enum Status {
        /** "School gevonden en heeft toestemming verleend": found, consent given, activated by the publisher. */
        CONNECTED,
        /** Found and consent given, but the publisher has not activated the school yet. */
        NOT_ACTIVATED,
        /** Basispoort knows the school, but the school has not given this publisher consent. */
        NO_CONSENT,
        /** No school with this BRIN and dependance code among the schools that gave consent. */
        NOT_FOUND,
        /** Basispoort knows no school with the Basispoort id given. */
        UNKNOWN_ID,
        /** The Basispoort id given belongs to a school with another BRIN or dependance code. */
        OTHER_SCHOOL,
        /** The school is no longer active in Basispoort (closed, or merged into another). */
        INACTIVE,
        /** Basispoort could not be reached or failed; try again later. */
        UNAVAILABLE,
        /** Basispoort refused Klaspoort's certificate, or its own could not be trusted (for the publisher's IT). */
        TLS_FAILURE,
        /** Klaspoort has no Basispoort address configured. */
        NOT_CONFIGURED
    }

    /** The institution as Basispoort describes it. */
    record Institution(long id, String name, String brin, String dependanceCode, String city, boolean active,
            Long mergedInto) {}

    /**
     * A school's connection.
     *
     * @param basispoortId the institution's id in Basispoort once found; null before
     * @param activatedAt  when the publisher activated the school; null while not
     * @param checkedAt    when it was last checked; null when never
     * @param status       the last check's outcome; null when never checked
     * @param institution  what Basispoort said about the institution at the last check; null when not found
     */
    record Connection(long schoolId, Long basispoortId, Instant activatedAt, Instant checkedAt, Status status,
            Institution institution) {

        public boolean activated() {
            return activatedAt != null;
        }
    }

    /** An activated school the sync reads. */
    record ActivatedSchool(long schoolId, long basispoortId) {}

    /** The school's connection as last checked; ADMIN of the school (or the publisher). */
    Connection connection(long schoolId);

    /**
     * Checks the connection now and keeps the outcome; ADMIN of the school (or the publisher). With
     * {@code basispoortId} the school is looked up by that id instead of searched for.
     */
    Connection check(long schoolId, Long basispoortId);

    /**
     * The publisher activates the school for Basispoort: found first when its id is not known yet ({@code basispoortId}
     * may name it). Publisher staff only. Refused (the connection returned unchanged, not activated) when the school
     * cannot be found.
     */
    Connection activate(long schoolId, Long basispoortId);

    /**
     * Records an activation the publisher decided outside these screens (the demo data), without a check and without
     * an access rule: for the application's own setup, never for a request.
     */
    void activateKnown(long schoolId, long basispoortId);

    /** Every activated school with its Basispoort id, by school id. */
    List<ActivatedSchool> activatedSchools();
}
