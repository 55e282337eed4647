package nl.klaspoort.spreadsheet.internal;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.klaspoort.spreadsheet.Column;
import nl.klaspoort.spreadsheet.SheetKind;
import nl.klaspoort.spreadsheet.SheetRow;
import nl.klaspoort.spreadsheet.SpreadsheetLimits;
import nl.klaspoort.spreadsheet.SpreadsheetRejectedException;
import nl.klaspoort.spreadsheet.SpreadsheetRejectedException.Reason;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler.SheetContentsHandler;
import org.apache.poi.xssf.usermodel.XSSFComment;

/**
 * Receives one worksheet's cells from POI's SAX handler: finds the header row in the first rows, then keeps the
 * text of the known columns of each non-blank row. Stops the parse (by throwing {@link NotThisSheet}) as soon as the
 * sheet turns out to have no header for this kind, and refuses a sheet with too many rows while reading it.
 */
final class SheetCollector implements SheetContentsHandler {

    /** Thrown through the SAX parser to stop reading a sheet that is not the data sheet. */
    static final class NotThisSheet extends RuntimeException {
        NotThisSheet() {
            super(null, null, false, false);
        }
    }

    private final SheetKind kind;
    private final List<SheetRow> rows = new ArrayList<>();
    /** Column index in the sheet → field, once the header row is found. */
    private Map<Integer, Column> fields;
    /** The known headers of the header row (of any kind), to explain a refusal. */
    private Set<Column> headerColumns = EnumSet.noneOf(Column.class);

    private int rowIndex;
    private int nextColumn;
    private Map<Integer, String> rowCells = new HashMap<>();

    SheetCollector(SheetKind kind) {
        this.kind = kind;
    }

    /** True when this sheet's header has every mandatory column of the kind. */
    boolean isDataSheet() {
        return fields != null;
    }

    Set<Column> headerColumns() {
        return headerColumns;
    }

    List<SheetRow> rows() {
        return rows;
    }

    @Override
    public void startRow(int rowNum) {
        rowIndex = rowNum;
        nextColumn = 0;
        rowCells = new HashMap<>();
    }

    @Override
    public void cell(String cellReference, String formattedValue, XSSFComment comment) {
        int column = cellReference == null ? nextColumn : new CellReference(cellReference).getCol();
        nextColumn = column + 1;
        if (formattedValue == null || (fields != null && !fields.containsKey(column))) {
            return;
        }
        String text = formattedValue.length() > SpreadsheetLimits.MAX_CELL_CHARS
                ? formattedValue.substring(0, SpreadsheetLimits.MAX_CELL_CHARS) : formattedValue;
        text = text.replace('\u00A0', ' ').replace('\u2007', ' ').replace('\u202F', ' ').strip();
        if (!text.isEmpty()) {
            rowCells.put(column, text);
        }
    }

    @Override
    public void endRow(int rowNum) {
        if (rowCells.isEmpty()) {
            return;
        }
        if (fields == null) {
            lookForHeader();
            return;
        }
        Map<Column, String> cells = new EnumMap<>(Column.class);
        rowCells.forEach((column, text) -> cells.putIfAbsent(fields.get(column), text));
        if (rows.size() == SpreadsheetLimits.MAX_DATA_ROWS) {
            throw new SpreadsheetRejectedException(Reason.TOO_MANY_ROWS);
        }
        rows.add(new SheetRow(rowIndex + 1, cells));
    }

    /** The first row with two or more known headers is the header row; a sheet without one is not the data sheet. */
    private void lookForHeader() {
        if (rowIndex >= SpreadsheetLimits.HEADER_SEARCH_ROWS) {
            throw new NotThisSheet();
        }
        Map<Integer, Column> found = new HashMap<>();
        EnumSet<Column> columns = EnumSet.noneOf(Column.class);
        rowCells.forEach((index, text) -> HeaderNames.column(text).ifPresent(column -> {
            if (columns.add(column)) {
                found.put(index, column);
            }
        }));
        if (columns.size() >= 2) {
            headerColumns = columns;
            boolean complete = kind.columns().stream().filter(Column::required).allMatch(columns::contains);
            if (!complete) {
                throw new NotThisSheet();
            }
            found.values().removeIf(column -> !kind.columns().contains(column));
            fields = found;
        }
    }

    @Override
    public void headerFooter(String text, boolean isHeader, String tagName) {
        // page headers and footers are not data
    }
}
