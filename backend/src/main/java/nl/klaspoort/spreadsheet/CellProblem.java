package nl.klaspoort.spreadsheet;

import java.util.Map;

/**
 * A problem with one cell of one row: where (row number as Excel shows it, column), a code, a Dutch message (for the
 * error workbook) and the values in that message by name ({@code max}, {@code length}, {@code value}, {@code rows}),
 * so that a client can say the same in another language.
 */
public record CellProblem(int rowNumber, Column column, Code code, String message, Map<String, String> params) {

    public CellProblem {
        params = Map.copyOf(params);
    }

    public CellProblem(int rowNumber, Column column, Code code, String message) {
        this(rowNumber, column, code, message, Map.of());
    }

    /** What is wrong, for clients that render their own text. */
    public enum Code {
        /** A mandatory cell is blank. */
        REQUIRED,
        /** Longer than the column takes ({@code max}, {@code length}). */
        TOO_LONG,
        /** A first or last name with characters a name cannot have. */
        INVALID_NAME,
        /** A prefix (tussenvoegsel) with characters a prefix cannot have. */
        INVALID_PREFIX,
        INVALID_EMAIL,
        /** The same e-mail address in more than one row ({@code rows}: their numbers, comma-separated). */
        DUPLICATE_EMAIL,
        EMAIL_IN_USE,
        /** A role that is none of the known words ({@code value}). */
        UNKNOWN_ROLE,
        /** A grade year that is no whole number ({@code value}). */
        INVALID_GRADE_YEAR,
        /** A whole number outside 1–8 ({@code value}). */
        GRADE_YEAR_OUT_OF_RANGE,
        INVALID_USERNAME,
        /** The same username in more than one row ({@code rows}). */
        DUPLICATE_USERNAME,
        USERNAME_TAKEN,
        INVALID_PASSWORD
    }
}
