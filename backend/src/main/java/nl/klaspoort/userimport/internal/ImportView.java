package nl.klaspoort.userimport.internal;

import java.time.OffsetDateTime;
import java.util.List;
import nl.klaspoort.platform.PayloadError;
import nl.klaspoort.spreadsheet.SheetKind;

/**
 * GraphQL {@code SpreadsheetImport}: an import as the review step shows it, with every row checked once per request
 * ({@code rows} pages through {@code allRows} in memory).
 */
record ImportView(String id, long schoolId, SheetKind kind, Status status, OffsetDateTime createdAt,
        OffsetDateTime expiresAt, Counts counts, Progress progress, List<Row> allRows) {

    /** GraphQL {@code SpreadsheetImportStatus}. */
    enum Status { PREPARING, READY, CONFIRMED }

    /** GraphQL {@code SpreadsheetImportCounts}. */
    record Counts(int total, int good, int withProblems) {}

    /** GraphQL {@code SpreadsheetImportProgress}: how many of the new students' passwords are secured. */
    record Progress(String importId, Status status, int done, int total) {}

    /** GraphQL {@code SpreadsheetImportRow}: the cells as text, as typed or edited, and every problem of the row. */
    record Row(int rowNumber, String firstName, String namePrefix, String lastName, String roles, String email,
            String gradeYear, String group, String username, String password, List<PayloadError> problems,
            String userId) {

        public String id() {
            return Integer.toString(rowNumber);
        }

        boolean good() {
            return problems.isEmpty();
        }

        /** Leaves out the password. */
        @Override
        public String toString() {
            return "Row[" + rowNumber + ", problems=" + problems.size() + "]";
        }
    }
}
