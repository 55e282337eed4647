package nl.klaspoort.spreadsheet;

import static nl.klaspoort.spreadsheet.TestFiles.in;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFDataValidation;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The downloadable templates of B5 and B7 (manual 4.4.1.2, 4.4.2.2), opened with POI as Excel would open them. */
class TemplateTest {

    private final Spreadsheets spreadsheets = new Spreadsheets();

    private byte[] templateBytes(SheetKind kind) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        spreadsheets.writeTemplate(kind, out);
        return out.toByteArray();
    }

    private XSSFWorkbook template(SheetKind kind) throws Exception {
        return new XSSFWorkbook(in(templateBytes(kind)));
    }

    @ParameterizedTest
    @EnumSource(SheetKind.class)
    void dutchHeaderFrozenSizedTextColumnsAndAnInstructionsSheet(SheetKind kind) throws Exception {
        try (XSSFWorkbook workbook = template(kind)) {
            assertThat(workbook.getNumberOfSheets()).isEqualTo(2);
            assertThat(workbook.getActiveSheetIndex()).isZero();
            XSSFSheet data = workbook.getSheetAt(0);
            assertThat(data.getSheetName()).isEqualTo(kind.sheetName());
            Row header = data.getRow(0);
            List<String> headers = new ArrayList<>();
            header.forEach(cell -> headers.add(cell.getStringCellValue()));
            assertThat(headers).containsExactlyElementsOf(kind.columns().stream().map(Column::header).toList());
            assertThat(workbook.getFontAt(header.getCell(0).getCellStyle().getFontIndex()).getBold()).isTrue();
            assertThat(data.getPaneInformation().isFreezePane()).isTrue();
            assertThat(data.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 1);
            for (int col = 0; col < headers.size(); col++) {
                assertThat(data.getColumnWidth(col)).as("width of " + headers.get(col)).isGreaterThanOrEqualTo(10 * 256);
                if (kind.columns().get(col) != Column.GRADE_YEAR) {
                    assertThat(data.getColumnStyle(col).getDataFormatString()).as("text format of " + headers.get(col)).isEqualTo("@");
                }
            }
            assertThat(data.getLastRowNum()).as("no data rows").isZero();

            Sheet instructions = workbook.getSheet("Uitleg");
            String text = new ArrayList<Row>() {{ instructions.forEach(this::add); }}.stream()
                    .map(row -> row.getCell(0).getStringCellValue()).collect(Collectors.joining("\n"));
            assertThat(text).contains("Alle kolommen zijn verplicht, behalve Tussenvoegsel", "Sla het bestand op als Excel-werkmap (.xlsx)",
                    "gebruikersarchief", "Fout", "10.000 rijen");
        }
    }

    @Test
    void professionalRolesAreADropDownAndEveryColumnPromptsWhatItNeeds() throws Exception {
        try (XSSFWorkbook workbook = template(SheetKind.PROFESSIONALS)) {
            Map<String, XSSFDataValidation> byColumn = validations(workbook.getSheetAt(0));

            XSSFDataValidation roles = byColumn.get("D");
            assertThat(roles.getValidationConstraint().getExplicitListValues())
                    .containsExactly("Beheerder", "Begeleider", "Beheerder en begeleider");
            // OOXML's showDropDown="1" hides the arrow; POI calls its absence "suppress"
            assertThat(roles.getSuppressDropDownArrow()).isTrue();
            assertThat(TestFiles.text(templateBytes(SheetKind.PROFESSIONALS), "xl/worksheets/sheet1.xml"))
                    .contains("<dataValidation").doesNotContain("showDropDown=\"1\"", "showDropDown=\"true\"");
            assertThat(roles.getRegions().getCellRangeAddress(0).formatAsString()).isEqualTo("D2:D10001");
            assertThat(byColumn.get("A").getPromptBoxText()).isEqualTo("Verplicht. Hoogstens 100 tekens.");
            assertThat(byColumn.get("B").getPromptBoxText()).isEqualTo("Niet verplicht. Hoogstens 30 tekens. Bijvoorbeeld: van, de, van der.");
            assertThat(byColumn.get("E").getValidationConstraint().getFormula1()).isEqualTo("AND(LEN(E2)<=254,ISNUMBER(FIND(\"@\",E2)))");
            assertThat(byColumn.values()).allSatisfy(validation -> {
                assertThat(validation.getShowPromptBox()).isTrue();
                assertThat(validation.getShowErrorBox()).isTrue();
            });
        }
    }

    @Test
    void gradeYearIsADropDownOfOneToEight() throws Exception {
        try (XSSFWorkbook workbook = template(SheetKind.STUDENTS)) {
            Map<String, XSSFDataValidation> byColumn = validations(workbook.getSheetAt(0));

            assertThat(byColumn.get("D").getValidationConstraint().getExplicitListValues())
                    .containsExactly("1", "2", "3", "4", "5", "6", "7", "8");
            assertThat(byColumn.get("E").getPromptBoxText()).isEqualTo("Verplicht. Hoogstens 60 tekens.");
            assertThat(byColumn).containsOnlyKeys("A", "B", "C", "D", "E");
        }
    }

    @Test
    void theEmptyTemplateHasNoRowsAndAFilledOneIsRead() throws Exception {
        ByteArrayOutputStream empty = new ByteArrayOutputStream();
        spreadsheets.writeTemplate(SheetKind.STUDENTS, empty);
        assertThatThrownBy(() -> spreadsheets.read(SheetKind.STUDENTS, in(empty.toByteArray())))
                .isInstanceOfSatisfying(SpreadsheetRejectedException.class,
                        e -> assertThat(e.reason()).isEqualTo(SpreadsheetRejectedException.Reason.NO_ROWS));

        byte[] filled;
        try (XSSFWorkbook workbook = template(SheetKind.STUDENTS)) {
            XSSFSheet sheet = workbook.getSheetAt(0);
            Row row = sheet.createRow(1);
            row.createCell(0).setCellValue("Anna");
            row.createCell(2).setCellValue("Smit");
            row.createCell(3).setCellValue(3); // chosen from the drop-down: Excel stores a number
            row.createCell(4).setCellValue("3A");
            filled = TestFiles.bytes(workbook);
        }
        ImportReview<?> review = spreadsheets.readAndCheck(SheetKind.STUDENTS, in(filled), AccountLookups.NONE);
        assertThat(review.counts().summary()).isEqualTo("1 goed, 0 met fouten");
    }

    private static Map<String, XSSFDataValidation> validations(XSSFSheet sheet) {
        return sheet.getDataValidations().stream().collect(Collectors.toMap(
                validation -> validation.getRegions().getCellRangeAddress(0).formatAsString().replaceAll("[0-9:]", "").substring(0, 1),
                validation -> validation));
    }
}
