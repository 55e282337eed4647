package nl.klaspoort.spreadsheet;

import static nl.klaspoort.spreadsheet.Column.EMAIL;
import static nl.klaspoort.spreadsheet.Column.FIRST_NAME;
import static nl.klaspoort.spreadsheet.Column.GRADE_YEAR;
import static nl.klaspoort.spreadsheet.Column.GROUP;
import static nl.klaspoort.spreadsheet.Column.LAST_NAME;
import static nl.klaspoort.spreadsheet.Column.NAME_PREFIX;
import static nl.klaspoort.spreadsheet.TestFiles.PROFESSIONAL_HEADER;
import static nl.klaspoort.spreadsheet.TestFiles.STUDENT_HEADER;
import static nl.klaspoort.spreadsheet.TestFiles.in;
import static nl.klaspoort.spreadsheet.TestFiles.row;
import static nl.klaspoort.spreadsheet.TestFiles.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.klaspoort.spreadsheet.SpreadsheetRejectedException.Reason;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CreationHelper;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/** Reading an accepted upload: which sheet, which rows, and every cell's text the way the user typed it. */
class WorkbookReadingTest {

    private final Spreadsheets spreadsheets = new Spreadsheets();

    @Test
    void cellsAreReadAsTypedNumbersDatesLeadingZerosAndSpaces() throws Exception {
        byte[] file;
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            CreationHelper helper = workbook.getCreationHelper();
            XSSFSheet sheet = workbook.createSheet("Leerlingen");
            TestFiles.fill(sheet, rows(STUDENT_HEADER));
            // a number cell 5, a number typed as "5.0" in a text cell, a number 6.0 with one decimal shown
            Row r2 = sheet.createRow(1);
            r2.createCell(0).setCellValue("  Anna  ");
            r2.createCell(2).setCellValue("Jansen\u00A0");
            r2.createCell(3).setCellValue(5);
            r2.createCell(4).setCellValue("5B");
            Row r3 = sheet.createRow(2);
            r3.createCell(0).setCellValue("Bram");
            r3.createCell(1).setCellValue("van der");
            r3.createCell(2).setCellValue("Berg");
            r3.createCell(3).setCellValue("5.0");
            CellStyle oneDecimal = workbook.createCellStyle();
            oneDecimal.setDataFormat(helper.createDataFormat().getFormat("0.0"));
            r3.createCell(4).setCellValue(6.0);
            r3.getCell(4).setCellStyle(oneDecimal);
            // leading zeros: as text, and as a number with format 0000; a date typed in a Dutch Excel (format 14)
            Row r4 = sheet.createRow(3);
            r4.createCell(0).setCellValue("0123");
            CellStyle fourDigits = workbook.createCellStyle();
            fourDigits.setDataFormat(helper.createDataFormat().getFormat("0000"));
            r4.createCell(1).setCellValue(42);
            r4.getCell(1).setCellStyle(fourDigits);
            CellStyle shortDate = workbook.createCellStyle();
            shortDate.setDataFormat((short) 14);
            r4.createCell(2).setCellValue(LocalDate.of(2024, 3, 1));
            r4.getCell(2).setCellStyle(shortDate);
            CellStyle customDate = workbook.createCellStyle();
            customDate.setDataFormat(helper.createDataFormat().getFormat("dd-mm-yyyy"));
            r4.createCell(3).setCellValue(LocalDate.of(2015, 9, 7));
            r4.getCell(3).setCellStyle(customDate);
            r4.createCell(4).setCellValue(5.5);
            // a formula: its cached result is read, it is never evaluated
            Row r5 = sheet.createRow(4);
            r5.createCell(0).setCellValue("Cas");
            r5.createCell(2).setCellFormula("\"De\"&\" Vries\"");
            r5.createCell(3).setCellFormula("2+2");
            workbook.setForceFormulaRecalculation(false);
            workbook.getCreationHelper().createFormulaEvaluator().evaluateAll();
            r5.createCell(4).setCellValue(true);
            file = TestFiles.bytes(workbook);
        }

        UploadedSheet sheet = spreadsheets.read(SheetKind.STUDENTS, in(file));

        assertThat(sheet.sheetName()).isEqualTo("Leerlingen");
        assertThat(sheet.rows()).extracting(SheetRow::number).containsExactly(2, 3, 4, 5);
        assertThat(sheet.rows().get(0).cells()).isEqualTo(Map.of(FIRST_NAME, "Anna", LAST_NAME, "Jansen", GRADE_YEAR, "5", GROUP, "5B"));
        assertThat(sheet.rows().get(1).cells()).isEqualTo(Map.of(FIRST_NAME, "Bram", NAME_PREFIX, "van der", LAST_NAME, "Berg", GRADE_YEAR, "5.0", GROUP, "6,0"));
        assertThat(sheet.rows().get(2).cells()).isEqualTo(Map.of(FIRST_NAME, "0123", NAME_PREFIX, "0042", LAST_NAME, "1-3-2024", GRADE_YEAR, "07-09-2015", GROUP, "5,5"));
        assertThat(sheet.rows().get(3).cells()).isEqualTo(Map.of(FIRST_NAME, "Cas", LAST_NAME, "De Vries", GRADE_YEAR, "4", GROUP, "TRUE"));
    }

    @Test
    void headerIsFoundBelowATitleWhateverItsSpellingAndOrderAndOtherColumnsAreIgnored() {
        byte[] file = TestFiles.workbook("Blad1", rows(
                row("Medewerkers van De Regenboog"),
                row(),
                row("E-mail adres *", "ACHTERNAAM", "voornaam (verplicht)", "Rol", "Opmerking", "Tussen-voegsel"),
                row("Jan@School.nl", "Visser", "Jan", "Begeleider", "start in maart", "de"),
                null,
                row(null, null, null, null, "alleen een opmerking"),
                row("els@school.nl", "Bakker", "Els", "Beheerder")));

        UploadedSheet sheet = spreadsheets.read(SheetKind.PROFESSIONALS, in(file));

        assertThat(sheet.rows()).extracting(SheetRow::number).containsExactly(4, 7);
        assertThat(sheet.rows().get(0).cells()).isEqualTo(Map.of(EMAIL, "Jan@School.nl", LAST_NAME, "Visser",
                FIRST_NAME, "Jan", Column.ROLES, "Begeleider", NAME_PREFIX, "de"));
    }

    @Test
    void theFirstSheetWithTheHeaderIsTheDataSheet() throws Exception {
        byte[] file;
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            TestFiles.fill(workbook.createSheet("Uitleg"), rows(row("Vul het tweede blad in."), row("Voornaam: verplicht")));
            TestFiles.fill(workbook.createSheet("Leerlingen"), rows(STUDENT_HEADER, row("Anna", null, "Smit", 3, "3A")));
            TestFiles.fill(workbook.createSheet("Oud"), rows(STUDENT_HEADER, row("Oud", null, "Blad", 1, "1A")));
            file = TestFiles.bytes(workbook);
        }

        UploadedSheet sheet = spreadsheets.read(SheetKind.STUDENTS, in(file));

        assertThat(sheet.sheetName()).isEqualTo("Leerlingen");
        assertThat(sheet.rows()).singleElement().extracting(row -> row.get(FIRST_NAME)).isEqualTo("Anna");
    }

    @Test
    void aVeryLongCellIsCutAtTheLimitAndThenReportedAsTooLong() {
        String longName = "A".repeat(32_767); // the most Excel holds in a cell
        byte[] file = TestFiles.workbook("Leerlingen", rows(STUDENT_HEADER, row(longName, null, "Smit", 3, "3A")));

        UploadedSheet sheet = spreadsheets.read(SheetKind.STUDENTS, in(file));

        assertThat(sheet.rows().getFirst().get(FIRST_NAME)).hasSize(SpreadsheetLimits.MAX_CELL_CHARS);
        assertThat(spreadsheets.checkStudents(sheet.rows(), AccountLookups.NONE).problems())
                .singleElement().extracting(CellProblem::code).isEqualTo(CellProblem.Code.TOO_LONG);
    }

    @Test
    void missingColumnsAreNamed() {
        byte[] file = TestFiles.workbook("Blad1", rows(row("Voornaam", "Achternaam", "Groep"), row("Anna", "Smit", "3A")));

        assertThatThrownBy(() -> spreadsheets.read(SheetKind.STUDENTS, in(file)))
                .isInstanceOfSatisfying(SpreadsheetRejectedException.class, e -> assertThat(e.reason()).isEqualTo(Reason.MISSING_COLUMNS))
                .hasMessage("In de eerste rij ontbreken kolommen: 'Leerjaar'. Gebruik het sjabloon van Klaspoort en laat de kopregel staan.");
        byte[] noHeader = TestFiles.workbook("Blad1", rows(row("Anna", "Smit", 3, "3A")));
        assertThatThrownBy(() -> spreadsheets.read(SheetKind.STUDENTS, in(noHeader)))
                .hasMessageStartingWith("In de eerste rij ontbreken kolommen: 'Voornaam', 'Achternaam', 'Leerjaar', 'Groep'.");
    }

    @Test
    void theOtherKindsTemplateIsRecognised() {
        byte[] students = TestFiles.workbook("Leerlingen", rows(STUDENT_HEADER, row("Anna", null, "Smit", 3, "3A")));

        assertThatThrownBy(() -> spreadsheets.read(SheetKind.PROFESSIONALS, in(students)))
                .isInstanceOfSatisfying(SpreadsheetRejectedException.class, e -> assertThat(e.reason()).isEqualTo(Reason.WRONG_TEMPLATE))
                .hasMessage("Dit is het sjabloon voor leerlingen. Upload hier het sjabloon voor onderwijsprofessionals.");
    }

    @Test
    void aHeaderWithoutRowsIsRefused() {
        byte[] file = TestFiles.workbook("Professionals", rows(PROFESSIONAL_HEADER, row(), row(" ", "", "  ")));

        assertThatThrownBy(() -> spreadsheets.read(SheetKind.PROFESSIONALS, in(file)))
                .isInstanceOfSatisfying(SpreadsheetRejectedException.class, e -> assertThat(e.reason()).isEqualTo(Reason.NO_ROWS))
                .hasMessage("Het bestand bevat geen ingevulde rijen onder de kopregel.");
    }

    @Test
    void moreRowsThanTheLimitAreRefusedWhileReading() {
        List<Object[]> all = new ArrayList<>();
        all.add(STUDENT_HEADER);
        for (int i = 0; i <= SpreadsheetLimits.MAX_DATA_ROWS; i++) {
            all.add(row("Kind" + i, null, "Smit", 1 + i % 8, "1A"));
        }
        byte[] file = TestFiles.workbook("Leerlingen", all);
        List<Object[]> exactly = all.subList(0, SpreadsheetLimits.MAX_DATA_ROWS + 1);

        assertThatThrownBy(() -> spreadsheets.read(SheetKind.STUDENTS, in(file)))
                .isInstanceOfSatisfying(SpreadsheetRejectedException.class, e -> assertThat(e.reason()).isEqualTo(Reason.TOO_MANY_ROWS))
                .hasMessage("Het bestand heeft meer dan 10.000 ingevulde rijen. Verdeel de gegevens over meerdere bestanden.");
        assertThat(spreadsheets.read(SheetKind.STUDENTS, in(TestFiles.workbook("Leerlingen", exactly))).rows())
                .hasSize(SpreadsheetLimits.MAX_DATA_ROWS);
    }
}
