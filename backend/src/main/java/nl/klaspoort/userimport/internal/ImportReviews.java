package nl.klaspoort.userimport.internal;

import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import nl.klaspoort.people.People;
import nl.klaspoort.platform.PayloadError;
import nl.klaspoort.spreadsheet.AccountLookups;
import nl.klaspoort.spreadsheet.CellProblem;
import nl.klaspoort.spreadsheet.CheckedRow;
import nl.klaspoort.spreadsheet.Column;
import nl.klaspoort.spreadsheet.ImportReview;
import nl.klaspoort.spreadsheet.SheetKind;
import nl.klaspoort.spreadsheet.SheetRow;
import nl.klaspoort.spreadsheet.Spreadsheets;
import nl.klaspoort.userimport.internal.ImportView.Counts;
import nl.klaspoort.userimport.internal.ImportView.Progress;
import nl.klaspoort.userimport.internal.ImportView.Row;
import nl.klaspoort.userimport.internal.ImportView.Status;
import org.springframework.stereotype.Component;

/**
 * Checks the rows of an import as they are now (B5, B7, X3): the sheet's own rules through {@code spreadsheet}, and
 * against the database (an e-mail address or username someone already signs in with, one statement each for all rows),
 * so that the review always shows today's problems. A confirmed import is not checked again: its users exist.
 */
@Component
class ImportReviews {

    private final Spreadsheets spreadsheets;
    private final People people;
    private final nl.klaspoort.administration.Invitees invitees;

    ImportReviews(Spreadsheets spreadsheets, People people, nl.klaspoort.administration.Invitees invitees) {
        this.spreadsheets = spreadsheets;
        this.people = people;
        this.invitees = invitees;
    }

    /** The rows checked, with the database lookups unless the import is confirmed. */
    ImportReview<?> check(ImportRecord record, List<SheetRow> rows) {
        AccountLookups lookups = record.confirmed() ? AccountLookups.NONE
                : new AccountLookups(emails -> invitees.taken(record.schoolId(), emails),
                        names -> people.usernamesInUse(record.schoolId(), names));
        return record.kind() == SheetKind.PROFESSIONALS ? spreadsheets.checkProfessionals(rows, lookups)
                : spreadsheets.checkStudents(rows, lookups);
    }

    /** The import as the review step shows it. */
    ImportView view(ImportRecord record, List<StoredRow> stored) {
        ImportReview<?> review = check(record, stored.stream().map(StoredRow::cells).toList());
        Map<Integer, StoredRow> byNumber = stored.stream().collect(Collectors.toMap(StoredRow::rowNumber, Function.identity()));
        List<Row> rows = review.rows().stream().map(checked -> row(checked, byNumber.get(checked.rowNumber()))).toList();
        int good = (int) rows.stream().filter(Row::good).count();
        Progress progress = progress(record, stored);
        return new ImportView(record.id().toString(), record.schoolId(), record.kind(), progress.status(),
                record.createdAt().atOffset(ZoneOffset.UTC), record.expiresAt().atOffset(ZoneOffset.UTC),
                new Counts(rows.size(), good, rows.size() - good), progress, rows);
    }

    /** How far the new students' passwords are secured, and what that makes the import's status. */
    static Progress progress(ImportRecord record, List<StoredRow> stored) {
        int total = (int) stored.stream().filter(row -> !row.cells().get(Column.PASSWORD).isEmpty() || row.passwordHash() != null)
                .count();
        int waiting = (int) stored.stream().filter(StoredRow::awaitsHash).count();
        return progress(record, total - waiting, total);
    }

    static Progress progress(ImportRecord record, int done, int total) {
        Status status = record.confirmed() ? Status.CONFIRMED : done < total ? Status.PREPARING : Status.READY;
        return new Progress(record.id().toString(), status, done, total);
    }

    private static Row row(CheckedRow<?> checked, StoredRow stored) {
        SheetRow cells = checked.source();
        return new Row(checked.rowNumber(), text(cells, Column.FIRST_NAME), text(cells, Column.NAME_PREFIX),
                text(cells, Column.LAST_NAME), text(cells, Column.ROLES), text(cells, Column.EMAIL),
                text(cells, Column.GRADE_YEAR), text(cells, Column.GROUP), text(cells, Column.USERNAME),
                text(cells, Column.PASSWORD), checked.problems().stream().map(ImportReviews::error).toList(),
                stored == null || stored.userId() == null ? null : stored.userId().toString());
    }

    private static String text(SheetRow row, Column column) {
        String text = row.get(column);
        return text.isEmpty() ? null : text;
    }

    /** A cell's problem in the shape of every error: its code, the field (column) and the row as the item. */
    static PayloadError error(CellProblem problem) {
        PayloadError error = PayloadError.of(ImportError.of(problem.code())).field(field(problem.column()))
                .item(problem.rowNumber());
        if (problem.code() == CellProblem.Code.INVALID_NAME) {
            error = error.param("kind", "person");
        }
        for (Map.Entry<String, String> param : new java.util.TreeMap<>(problem.params()).entrySet()) {
            error = error.param(param.getKey(), param.getValue());
        }
        return error;
    }

    /** The GraphQL field of a column: {@code firstName}, {@code namePrefix}, … */
    static String field(Column column) {
        return switch (column) {
            case FIRST_NAME -> "firstName";
            case NAME_PREFIX -> "namePrefix";
            case LAST_NAME -> "lastName";
            case ROLES -> "roles";
            case EMAIL -> "email";
            case GRADE_YEAR -> "gradeYear";
            case GROUP -> "group";
            case USERNAME -> "username";
            case PASSWORD -> "password";
        };
    }
}
