package nl.klaspoort.spreadsheet.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import nl.klaspoort.spreadsheet.CellProblem;
import nl.klaspoort.spreadsheet.CheckedRow;
import nl.klaspoort.spreadsheet.Column;
import nl.klaspoort.spreadsheet.ImportReview;
import nl.klaspoort.spreadsheet.SheetKind;
import nl.klaspoort.spreadsheet.SpreadsheetLimits;
import org.apache.commons.compress.archivers.zip.Zip64Mode;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.ClientAnchor;
import org.apache.poi.ss.usermodel.Comment;
import org.apache.poi.ss.usermodel.CreationHelper;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.DataValidationConstraint.OperatorType;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.Drawing;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * The import template (B5, B7) and the error workbook (X3), which is the template again with the uploaded rows at
 * their own row numbers, a "Fout" column that says per row what is wrong, and the wrong cells marked red with the
 * message as a comment. Both are written with SXSSF; user text is written through {@link SafeCells}.
 */
public final class ImportWorkbooks {

    static final String ERROR_HEADER = "Fout";
    private static final String AUTHOR = "Klaspoort";
    private static final int WINDOW_ROWS = 100;
    private static final Pattern SMALL_NUMBER = Pattern.compile("[0-9]{1,3}");

    private ImportWorkbooks() {}

    public static void template(SheetKind kind, OutputStream out) {
        write(kind, List.of(), out);
    }

    public static void errorWorkbook(ImportReview<?> review, OutputStream out) {
        write(review.kind(), review.rows(), out);
    }

    private static void write(SheetKind kind, List<? extends CheckedRow<?>> rows, OutputStream out) {
        boolean withErrors = !rows.isEmpty();
        // shared strings, as Excel writes them: some tools (POI's own XSSF among them) edit inline strings badly
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(null, WINDOW_ROWS, false, true)) {
            // plain data descriptors, which every zip reader takes (POI's default Zip64 ones are refused by some)
            workbook.setZip64Mode(Zip64Mode.AsNeeded);
            SheetStyles styles = new SheetStyles(workbook);
            SXSSFSheet data = workbook.createSheet(kind.sheetName());
            layout(kind, data, styles, withErrors);
            if (withErrors) {
                writeRows(kind, data, styles, rows);
            }
            Instructions.write(kind, workbook.createSheet(Instructions.SHEET_NAME), styles);
            workbook.setActiveSheet(0);
            workbook.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Header, widths, frozen header, text format and the checks and prompts Excel shows while typing. */
    private static void layout(SheetKind kind, SXSSFSheet sheet, SheetStyles styles, boolean withErrors) {
        Row header = sheet.createRow(0);
        List<Column> columns = kind.columns();
        for (int index = 0; index < columns.size(); index++) {
            Column column = columns.get(index);
            Cell cell = header.createCell(index);
            cell.setCellValue(column.header());
            cell.setCellStyle(styles.header);
            sheet.setColumnWidth(index, width(column) * 256);
            sheet.setDefaultColumnStyle(index, column == Column.GRADE_YEAR ? styles.number : styles.text);
            validate(sheet, index, column);
        }
        if (withErrors) {
            Cell cell = header.createCell(columns.size());
            cell.setCellValue(ERROR_HEADER);
            cell.setCellStyle(styles.errorHeader);
            sheet.setColumnWidth(columns.size(), 70 * 256);
        }
        sheet.createFreezePane(0, 1);
    }

    private static int width(Column column) {
        return switch (column) {
            case FIRST_NAME -> 18;
            case NAME_PREFIX -> 15;
            case LAST_NAME -> 24;
            case ROLES -> 26;
            case EMAIL -> 36;
            case GRADE_YEAR -> 10;
            case GROUP -> 12;
            case USERNAME, PASSWORD -> 24;
        };
    }

    private static void validate(SXSSFSheet sheet, int index, Column column) {
        DataValidationHelper helper = sheet.getDataValidationHelper();
        CellRangeAddressList cells = new CellRangeAddressList(1, SpreadsheetLimits.MAX_DATA_ROWS, index, index);
        String mandatory = column.required() ? "Verplicht." : "Niet verplicht.";
        DataValidationConstraint constraint;
        String prompt;
        String error;
        switch (column) {
            case ROLES -> {
                constraint = helper.createExplicitListConstraint(new String[] {"Beheerder", "Begeleider", "Beheerder en begeleider"});
                prompt = mandatory + " Kies Beheerder, Begeleider of Beheerder en begeleider.";
                error = "Kies Beheerder, Begeleider of Beheerder en begeleider.";
            }
            case GRADE_YEAR -> {
                constraint = helper.createExplicitListConstraint(new String[] {"1", "2", "3", "4", "5", "6", "7", "8"});
                prompt = mandatory + " Leerjaar 1 tot en met 8.";
                error = "Het leerjaar is 1 tot en met 8.";
            }
            case EMAIL -> {
                String cell = new CellReference(1, index, false, false).formatAsString();
                constraint = helper.createCustomConstraint("AND(LEN(" + cell + ")<=" + column.maxLength()
                        + ",ISNUMBER(FIND(\"@\"," + cell + ")))");
                prompt = mandatory + " De inloggegevens worden naar dit adres gestuurd.";
                error = "Vul een geldig e-mailadres in, zoals naam@school.nl.";
            }
            default -> {
                constraint = helper.createTextLengthConstraint(OperatorType.LESS_OR_EQUAL,
                        Integer.toString(column.maxLength()), null);
                prompt = mandatory + " Hoogstens " + column.maxLength() + " tekens."
                        + (column == Column.NAME_PREFIX ? " Bijvoorbeeld: van, de, van der." : "");
                error = column.header() + " heeft hoogstens " + column.maxLength() + " tekens.";
            }
        }
        DataValidation validation = helper.createValidation(constraint, cells);
        validation.createPromptBox(column.header(), prompt);
        validation.setShowPromptBox(true);
        validation.createErrorBox(column.header(), error);
        validation.setShowErrorBox(true);
        validation.setErrorStyle(DataValidation.ErrorStyle.STOP);
        // POI inverts OOXML's showDropDown: "suppress" = true writes showDropDown="0", which shows the list arrow
        validation.setSuppressDropDownArrow(true);
        validation.setEmptyCellAllowed(true);
        sheet.addValidationData(validation);
    }

    private static void writeRows(SheetKind kind, SXSSFSheet sheet, SheetStyles styles,
            List<? extends CheckedRow<?>> rows) {
        List<Column> columns = kind.columns();
        CreationHelper helper = sheet.getWorkbook().getCreationHelper();
        Drawing<?> drawing = sheet.createDrawingPatriarch();
        int lastRow = 0;
        for (CheckedRow<?> checked : rows.stream().sorted(Comparator.comparingInt(CheckedRow::rowNumber)).toList()) {
            // the row where the user typed it, so "rij 7" in Klaspoort is row 7 in Excel
            int index = Math.max(checked.rowNumber() - 1, lastRow + 1);
            lastRow = index;
            Row row = sheet.createRow(index);
            Map<Column, List<CellProblem>> byColumn = new EnumMap<>(Column.class);
            checked.problems().forEach(problem -> byColumn.computeIfAbsent(problem.column(), c -> new ArrayList<>()).add(problem));
            for (int col = 0; col < columns.size(); col++) {
                Column column = columns.get(col);
                List<CellProblem> problems = byColumn.get(column);
                Cell cell = row.createCell(col);
                String text = checked.source().get(column);
                if (problems == null && column == Column.GRADE_YEAR && SMALL_NUMBER.matcher(text).matches()) {
                    cell.setCellValue(Integer.parseInt(text));
                    cell.setCellStyle(styles.number);
                } else if (problems == null) {
                    SafeCells.text(cell, text, styles.text, styles.textQuoted);
                } else {
                    SafeCells.text(cell, text, styles.bad, styles.badQuoted);
                    cell.setCellComment(comment(drawing, helper, index, col, messages(problems)));
                }
            }
            if (!checked.problems().isEmpty()) {
                Cell error = row.createCell(columns.size());
                error.setCellValue(messages(checked.problems()));
                error.setCellStyle(styles.errorText);
            }
        }
    }

    private static String messages(List<CellProblem> problems) {
        return problems.stream().map(CellProblem::message).collect(Collectors.joining(" "));
    }

    private static Comment comment(Drawing<?> drawing, CreationHelper helper, int row, int col, String text) {
        ClientAnchor anchor = helper.createClientAnchor();
        anchor.setRow1(row);
        anchor.setRow2(row + 3);
        anchor.setCol1(col + 1);
        anchor.setCol2(col + 4);
        Comment comment = drawing.createCellComment(anchor);
        comment.setAddress(row, col); // SXSSF would leave it at the anchor's corner, the cell to the right
        comment.setString(helper.createRichTextString(text));
        comment.setAuthor(AUTHOR);
        return comment;
    }
}
