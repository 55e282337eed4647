package nl.klaspoort.spreadsheet;

import java.util.List;

/** Every row of an import after the checks, in sheet order: what the review step shows (X2, X3). */
public record ImportReview<T>(SheetKind kind, List<CheckedRow<T>> rows) {

    public ImportReview {
        rows = List.copyOf(rows);
    }

    /** Every problem, by row then column order. */
    public List<CellProblem> problems() {
        return rows.stream().flatMap(row -> row.problems().stream()).toList();
    }

    public ImportCounts counts() {
        int good = (int) rows.stream().filter(CheckedRow::good).count();
        return new ImportCounts(good, rows.size() - good);
    }

    /** True when every row is good: only then may the import be confirmed (all or nothing). */
    public boolean allGood() {
        return rows.stream().allMatch(CheckedRow::good);
    }

    /** The typed rows, for the confirm step; refused while any row has a problem. */
    public List<T> values() {
        if (!allGood()) {
            throw new IllegalStateException("an import with problems cannot be confirmed: " + counts().summary());
        }
        return rows.stream().map(CheckedRow::value).toList();
    }
}
