package nl.klaspoort.administration.internal;

import nl.klaspoort.platform.PayloadError;

import java.util.List;
import java.util.UUID;

/**
 * What an administrative mutation answers: the audit batch (null when nothing was written), whether it was a dry run,
 * one result per user, and every problem. Serves every bulk payload type of the schema, which share these fields.
 */
public record AdministrationPayload(String batchId, boolean dryRun, List<UserActionResult> results,
        List<PayloadError> errors) {

    /** The GraphQL enum {@code ActionStatus}. */
    public enum Status { APPLIED, UNCHANGED, REFUSED }

    /** The outcome for one user. */
    public record UserActionResult(String userId, Status status, PayloadError error) {}

    static String batchId(UUID batch) {
        return batch == null ? null : batch.toString();
    }
}
