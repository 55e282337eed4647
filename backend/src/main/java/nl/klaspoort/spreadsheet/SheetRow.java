package nl.klaspoort.spreadsheet;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * One row as the user typed it: its row number in the sheet (1-based, as Excel shows it) and the text of each known
 * cell, trimmed; a blank cell is absent. The review step edits rows through {@link #with(Column, String)}.
 */
public record SheetRow(int number, Map<Column, String> cells) {

    public SheetRow {
        if (number < 1) {
            throw new IllegalArgumentException("row numbers start at 1");
        }
        EnumMap<Column, String> copy = new EnumMap<>(Column.class);
        cells.forEach((column, text) -> {
            String trimmed = text == null ? "" : text.strip();
            if (!trimmed.isEmpty()) {
                copy.put(Objects.requireNonNull(column), trimmed);
            }
        });
        cells = java.util.Collections.unmodifiableMap(copy);
    }

    /** The cell's text, or "" when blank. */
    public String get(Column column) {
        return cells.getOrDefault(column, "");
    }

    /** This row with one cell changed (blank or null clears it). */
    public SheetRow with(Column column, String text) {
        EnumMap<Column, String> changed = new EnumMap<>(Column.class);
        changed.putAll(cells);
        changed.put(column, text == null ? "" : text);
        return new SheetRow(number, changed);
    }

    /** Leaves out the password, so that a logged row never shows one. */
    @Override
    public String toString() {
        Map<Column, String> shown = new EnumMap<>(Column.class);
        shown.putAll(cells);
        shown.computeIfPresent(Column.PASSWORD, (column, password) -> "***");
        return "SheetRow[" + number + ", " + shown + "]";
    }
}
