package nl.klaspoort.roster.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import nl.klaspoort.edexml.RowError;
import nl.klaspoort.roster.internal.RunReport.Counts;
import nl.klaspoort.roster.internal.RunReport.HoldReason;

/**
 * GraphQL {@code RosterRun}: one import of a school's roster and its report (X4): when, from which source, what it
 * does or did, who asked for it and who approved it.
 *
 * @param sourceVersion Basispoort's mutation timestamp of the data read (the next run skips an unchanged school)
 * @param failure       why the source could not be read ({@link Failure}); null otherwise
 * @param errors        an EDEXML file's errors per row (X3); empty otherwise
 */
record Run(long id, long schoolId, UUID roundId, Source source, Trigger trigger, Status status, Long requestedBy,
        Long approvedBy, OffsetDateTime startedAt, OffsetDateTime previewedAt, OffsetDateTime finishedAt,
        Instant sourceVersion, String fileName,
        Counts counts, List<HoldReason> holdReasons, Failure failure, List<RowError> errors) {

    enum Source { BASISPOORT, EDEXML }

    enum Trigger { NIGHTLY, ON_DEMAND, UPLOAD }

    enum Status {
        /** Compared, waiting for the admin who asked for it to apply or discard it (X2). */
        PREVIEW,
        /** A nightly run above the hold threshold, waiting for an admin's review (X11). */
        HELD,
        APPLIED,
        /** Nothing changed since the last run (one request for Basispoort), or nothing differs. */
        UNCHANGED,
        DISCARDED,
        /** The source could not be read, or the file was refused; nothing changed. */
        FAILED,
        /** A newer run of the same school replaced this preview or held run before it was applied. */
        SUPERSEDED;

        boolean open() {
            return this == PREVIEW || this == HELD;
        }
    }

    /** Why a run failed. */
    enum Failure { NO_CONSENT, NOT_FOUND, INACTIVE, OTHER_SCHOOL, UNAVAILABLE, TLS_FAILURE, NOT_CONFIGURED, INVALID_FILE, ERROR }
}
