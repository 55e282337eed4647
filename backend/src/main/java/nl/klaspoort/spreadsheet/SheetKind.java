package nl.klaspoort.spreadsheet;

import static nl.klaspoort.spreadsheet.Column.EMAIL;
import static nl.klaspoort.spreadsheet.Column.FIRST_NAME;
import static nl.klaspoort.spreadsheet.Column.GRADE_YEAR;
import static nl.klaspoort.spreadsheet.Column.GROUP;
import static nl.klaspoort.spreadsheet.Column.LAST_NAME;
import static nl.klaspoort.spreadsheet.Column.NAME_PREFIX;
import static nl.klaspoort.spreadsheet.Column.ROLES;

import java.util.List;

/** What an import sheet holds: professionals (B5) or students (B7). The columns are those of the template, in order. */
public enum SheetKind {
    PROFESSIONALS("Professionals", "onderwijsprofessionals", "klaspoort-sjabloon-professionals.xlsx",
            List.of(FIRST_NAME, NAME_PREFIX, LAST_NAME, ROLES, EMAIL)),
    STUDENTS("Leerlingen", "leerlingen", "klaspoort-sjabloon-leerlingen.xlsx",
            List.of(FIRST_NAME, NAME_PREFIX, LAST_NAME, GRADE_YEAR, GROUP));

    private final String sheetName;
    private final String dutchPlural;
    private final String templateFileName;
    private final List<Column> columns;

    SheetKind(String sheetName, String dutchPlural, String templateFileName, List<Column> columns) {
        this.sheetName = sheetName;
        this.dutchPlural = dutchPlural;
        this.templateFileName = templateFileName;
        this.columns = columns;
    }

    /** The name of the data sheet in the template and the error workbook. */
    public String sheetName() {
        return sheetName;
    }

    /** "leerlingen", "onderwijsprofessionals": for Dutch messages. */
    public String dutchPlural() {
        return dutchPlural;
    }

    /** The file name the template is offered under. */
    public String templateFileName() {
        return templateFileName;
    }

    /** The columns of the file, in template order. */
    public List<Column> columns() {
        return columns;
    }

    /** The other kind (to recognise a file uploaded in the wrong place). */
    public SheetKind other() {
        return this == PROFESSIONALS ? STUDENTS : PROFESSIONALS;
    }
}
