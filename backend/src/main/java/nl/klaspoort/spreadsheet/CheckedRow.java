package nl.klaspoort.spreadsheet;

import java.util.List;

/**
 * One row after the checks: the row as typed, the typed value ({@code null} when a cell could not be read as its
 * field) and every problem found on it. A row is good when it has no problems.
 */
public record CheckedRow<T>(SheetRow source, T value, List<CellProblem> problems) {

    public CheckedRow {
        problems = List.copyOf(problems);
    }

    public int rowNumber() {
        return source.number();
    }

    public boolean good() {
        return problems.isEmpty();
    }
}
