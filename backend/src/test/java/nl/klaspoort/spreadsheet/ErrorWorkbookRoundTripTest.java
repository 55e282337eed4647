package nl.klaspoort.spreadsheet;

import static nl.klaspoort.spreadsheet.TestFiles.STUDENT_HEADER;
import static nl.klaspoort.spreadsheet.TestFiles.in;
import static nl.klaspoort.spreadsheet.TestFiles.row;
import static nl.klaspoort.spreadsheet.TestFiles.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Set;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/**
 * X3: an upload with errors comes back as the template with its rows at their own row numbers, a "Fout" column per
 * row and the wrong cells red with the message as a comment; corrected in a spreadsheet program and uploaded again,
 * it passes.
 */
class ErrorWorkbookRoundTripTest {

    private final Spreadsheets spreadsheets = new Spreadsheets();

    @Test
    void theErrorWorkbookIsCorrectedAndUploadedAgain() throws Exception {
        byte[] upload = TestFiles.workbook("Leerlingen", rows(
                STUDENT_HEADER,
                row("Anna", null, "Smit", 3, "3A"),
                row(null, "de", "Vries", 4, "4B"),
                row("Bram", null, "Jansen", 9, "4B"),
                row("=cmd|' /C calc'!A0", null, "Bakker", 5, "5A"),
                null,
                row("Eva", "van", "Dijk", "vijf", "G".repeat(61))));

        ImportReview<?> review = spreadsheets.readAndCheck(SheetKind.STUDENTS, in(upload), AccountLookups.NONE);
        assertThat(review.counts().summary()).isEqualTo("1 goed, 4 met fouten");

        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        spreadsheets.writeErrorWorkbook(review, errors);

        byte[] corrected;
        try (XSSFWorkbook workbook = new XSSFWorkbook(in(errors.toByteArray()))) {
            XSSFSheet sheet = workbook.getSheet("Leerlingen");
            assertThat(workbook.getSheetName(1)).isEqualTo("Uitleg");
            assertThat(text(sheet, 0, 5)).isEqualTo("Fout");
            assertThat(sheet.getDataValidations()).hasSize(5);
            // every row at its own number, the good one without an error
            assertThat(text(sheet, 1, 0)).isEqualTo("Anna");
            assertThat(sheet.getRow(1).getCell(3).getNumericCellValue()).isEqualTo(3);
            assertThat(text(sheet, 1, 5)).isEmpty();
            assertThat(text(sheet, 2, 5)).isEqualTo("Voornaam is verplicht.");
            assertThat(text(sheet, 3, 5)).isEqualTo("Leerjaar 9 bestaat niet: vul 1 tot en met 8 in.");
            assertThat(text(sheet, 6, 5)).isEqualTo("Leerjaar 'vijf' is geen heel getal: vul 1 tot en met 8 in."
                    + " Groep is te lang: hoogstens 60 tekens (nu 61).");
            assertThat((Object) sheet.getRow(5)).as("the blank row stays blank").isNull();
            // the wrong cells are red and carry their message
            Cell wrongYear = sheet.getRow(3).getCell(3);
            assertThat(((XSSFCellStyle) wrongYear.getCellStyle()).getFillForegroundXSSFColor().getARGBHex()).isEqualTo("FFFFC7CE");
            assertThat(wrongYear.getCellComment().getString().getString()).isEqualTo("Leerjaar 9 bestaat niet: vul 1 tot en met 8 in.");
            assertThat(wrongYear.getStringCellValue()).isEqualTo("9");
            assertThat(sheet.getRow(1).getCell(0).getCellComment()).isNull();
            // what the user typed as a formula comes back as text that is never evaluated
            Cell injected = sheet.getRow(4).getCell(0);
            assertThat(injected.getCellType()).isEqualTo(CellType.STRING);
            assertThat(injected.getStringCellValue()).isEqualTo("=cmd|' /C calc'!A0");
            assertThat(injected.getCellStyle().getQuotePrefixed()).isTrue();

            // the user corrects the file in Excel; the stale Fout column stays
            sheet.getRow(2).getCell(0).setCellValue("Cas");
            sheet.getRow(3).getCell(3).setCellValue(8);
            sheet.getRow(4).getCell(0).setCellValue("Daan");
            sheet.getRow(6).getCell(3).setCellValue("5");
            sheet.getRow(6).getCell(4).setCellValue("5C");
            corrected = TestFiles.bytes(workbook);
        }

        // the error workbook reads back as exactly the rows that were uploaded
        List<SheetRow> uploaded = spreadsheets.read(SheetKind.STUDENTS, in(upload)).rows();
        assertThat(spreadsheets.read(SheetKind.STUDENTS, in(errors.toByteArray())).rows()).isEqualTo(uploaded);

        ImportReview<StudentRow> again = spreadsheets.checkStudents(
                spreadsheets.read(SheetKind.STUDENTS, in(corrected)).rows(), AccountLookups.NONE);
        assertThat(again.problems()).isEmpty();
        assertThat(again.counts().summary()).isEqualTo("5 goed, 0 met fouten");
        assertThat(again.values()).extracting(StudentRow::rowNumber, StudentRow::firstName, StudentRow::gradeYear, StudentRow::group)
                .containsExactly(
                        tuple(2, "Anna", 3, "3A"),
                        tuple(3, "Cas", 4, "4B"),
                        tuple(4, "Bram", 8, "4B"),
                        tuple(5, "Daan", 5, "5A"),
                        tuple(7, "Eva", 5, "5C"));
    }

    @Test
    void problemsOfTheReviewStepThatHaveNoColumnInTheFileGoToTheFoutColumn() throws Exception {
        SheetRow anna = spreadsheets.read(SheetKind.STUDENTS, in(TestFiles.workbook("Leerlingen",
                rows(STUDENT_HEADER, row("Anna", null, "Smit", 3, "3A"))))).rows().getFirst();
        ImportReview<StudentRow> review = spreadsheets.checkStudents(List.of(anna.with(Column.USERNAME, "anna.smit")),
                new AccountLookups(emails -> Set.of(), usernames -> usernames));

        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        spreadsheets.writeErrorWorkbook(review, errors);

        try (XSSFWorkbook workbook = new XSSFWorkbook(in(errors.toByteArray()))) {
            Row row = workbook.getSheetAt(0).getRow(1);
            assertThat(row.getCell(5).getStringCellValue()).isEqualTo("Deze gebruikersnaam is al in gebruik.");
            assertThat(row.getLastCellNum()).isEqualTo((short) 6);
        }
    }

    private static String text(XSSFSheet sheet, int row, int col) {
        Cell cell = sheet.getRow(row).getCell(col);
        return cell == null ? "" : cell.getStringCellValue();
    }
}
