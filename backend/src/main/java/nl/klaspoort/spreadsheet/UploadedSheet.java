package nl.klaspoort.spreadsheet;

import java.util.List;

/** The rows of an accepted upload: its data sheet's name and the non-blank rows under the header, in sheet order. */
public record UploadedSheet(SheetKind kind, String sheetName, List<SheetRow> rows) {

    public UploadedSheet {
        rows = List.copyOf(rows);
    }
}
