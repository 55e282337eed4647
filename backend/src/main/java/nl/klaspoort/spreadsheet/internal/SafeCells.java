package nl.klaspoort.spreadsheet.internal;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;

/**
 * Writes user-supplied text so that a spreadsheet program never evaluates it (formula or DDE injection): always a
 * string cell, never a formula cell, and text that starts with {@code =}, {@code +}, {@code -}, {@code @}, a tab or a
 * carriage return gets a style with the quote prefix (Excel's leading apostrophe), so it stays text when the user
 * edits the cell or saves the sheet as CSV. The text itself is kept intact.
 */
final class SafeCells {

    private static final String FORMULA_STARTS = "=+-@\t\r";

    private SafeCells() {}

    static boolean needsQuotePrefix(String text) {
        return !text.isEmpty() && FORMULA_STARTS.indexOf(text.charAt(0)) >= 0;
    }

    /** Sets {@code text} as a string cell with {@code plain}, or {@code quoted} (the same style with the quote prefix). */
    static void text(Cell cell, String text, CellStyle plain, CellStyle quoted) {
        if (text == null || text.isEmpty()) {
            cell.setCellStyle(plain);
            return;
        }
        cell.setCellValue(text);
        cell.setCellStyle(needsQuotePrefix(text) ? quoted : plain);
    }
}
