package nl.klaspoort.spreadsheet;

/** A problem with one cell of one row: where (row number as Excel shows it, column), a code and a Dutch message. */
public record CellProblem(int rowNumber, Column column, Code code, String message) {

    /** What is wrong, for clients that render their own text. */
    public enum Code {
        REQUIRED,
        TOO_LONG,
        INVALID_NAME,
        INVALID_EMAIL,
        DUPLICATE_EMAIL,
        EMAIL_IN_USE,
        UNKNOWN_ROLE,
        INVALID_GRADE_YEAR,
        GRADE_YEAR_OUT_OF_RANGE,
        INVALID_USERNAME,
        DUPLICATE_USERNAME,
        USERNAME_TAKEN,
        INVALID_PASSWORD
    }
}
