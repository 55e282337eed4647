package nl.klaspoort.userimport.internal;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import nl.klaspoort.spreadsheet.Column;
import nl.klaspoort.spreadsheet.SheetRow;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** A row's cells as the JSON object {@code user_import_row.cells} holds: column name → text, blank cells left out. */
@Component
class RowCells {

    private static final TypeReference<Map<String, String>> MAP = new TypeReference<>() {};

    private final JsonMapper json;

    RowCells(JsonMapper json) {
        this.json = json;
    }

    String json(SheetRow row) {
        Map<String, String> cells = new LinkedHashMap<>();
        row.cells().forEach((column, text) -> cells.put(column.name(), text));
        return json.writeValueAsString(cells);
    }

    SheetRow row(int number, String cellsJson) {
        Map<Column, String> cells = new EnumMap<>(Column.class);
        json.readValue(cellsJson, MAP).forEach((column, text) -> cells.put(Column.valueOf(column), text));
        return new SheetRow(number, cells);
    }
}
