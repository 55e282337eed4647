package nl.klaspoort.edexml;

/**
 * A reason a file is refused, for the row it is about (X3).
 *
 * @param line    line number in the file (1-based; 0 when the error is about the file as a whole)
 * @param message the reason in Dutch, for the school's administrator
 */
public record RowError(int line, String message) {
}
