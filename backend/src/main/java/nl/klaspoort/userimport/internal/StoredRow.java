package nl.klaspoort.userimport.internal;

import nl.klaspoort.spreadsheet.Column;
import nl.klaspoort.spreadsheet.SheetRow;

/**
 * One row of an import as {@code user_import_row} keeps it: the cells as typed or edited (with a student's generated
 * username and password), the hash of that password once made, and the user it became once confirmed.
 */
record StoredRow(SheetRow cells, String passwordHash, Long userId) {

    int rowNumber() {
        return cells.number();
    }

    /** A password that still waits for its hash. */
    boolean awaitsHash() {
        return !cells.get(Column.PASSWORD).isEmpty() && passwordHash == null;
    }

    /** Leaves out the password and its hash. */
    @Override
    public String toString() {
        return "StoredRow[" + cells + ", hashed=" + (passwordHash != null) + ", user=" + userId + "]";
    }
}
