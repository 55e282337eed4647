package nl.klaspoort.userimport.internal;

import java.time.Instant;
import java.util.UUID;
import nl.klaspoort.spreadsheet.SheetKind;

/** One upload, as {@code user_import} keeps it. */
record ImportRecord(UUID id, long schoolId, SheetKind kind, long createdBy, Instant createdAt, Instant expiresAt,
        Instant confirmedAt, UUID batchId) {

    boolean confirmed() {
        return confirmedAt != null;
    }
}
