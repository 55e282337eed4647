package nl.klaspoort.support;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Workbooks as a school fills them in: the downloaded template opened with POI, rows typed under the header, saved. */
public final class Workbooks {

    private Workbooks() {}

    /** The template (or an error workbook) with {@code rows} typed in from row 2 on (String, Number, or null). */
    public static byte[] fill(byte[] template, List<Object[]> rows) {
        return edit(template, sheet -> {
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.getRow(r + 1) == null ? sheet.createRow(r + 1) : sheet.getRow(r + 1);
                Object[] values = rows.get(r);
                for (int c = 0; c < values.length; c++) {
                    set(row, c, values[c]);
                }
            }
        });
    }

    /** The workbook with its first sheet changed, saved as Excel would. */
    public static byte[] edit(byte[] workbook, java.util.function.Consumer<Sheet> change) {
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(workbook))) {
            change.accept(book.getSheetAt(0));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void set(Row row, int column, Object value) {
        if (value == null) {
            Cell cell = row.getCell(column);
            if (cell != null) {
                row.removeCell(cell);
            }
        } else if (value instanceof Number number) {
            row.createCell(column).setCellValue(number.doubleValue());
        } else {
            row.createCell(column).setCellValue(value.toString());
        }
    }

    /** Every row of a sheet as the texts Excel shows, blank rows as empty lists. */
    public static List<List<String>> read(byte[] workbook, int sheetIndex) {
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(workbook))) {
            Sheet sheet = book.getSheetAt(sheetIndex);
            DataFormatter formatter = new DataFormatter();
            List<List<String>> rows = new ArrayList<>();
            for (int r = 0; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                List<String> cells = new ArrayList<>();
                if (row != null) {
                    for (int c = 0; c < row.getLastCellNum(); c++) {
                        Cell cell = row.getCell(c);
                        cells.add(cell == null ? "" : formatter.formatCellValue(cell));
                    }
                }
                rows.add(cells);
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * How many rows the first sheet has, counted in its XML as it streams out of the package (for workbooks too large to
     * open whole).
     */
    public static long countRows(byte[] workbook) {
        return countRows(new ByteArrayInputStream(workbook));
    }

    /** As {@link #countRows(byte[])}, reading the workbook from a stream (closed when done). */
    public static long countRows(java.io.InputStream workbook) {
        try (java.util.zip.ZipInputStream zip = new java.util.zip.ZipInputStream(workbook)) {
            for (java.util.zip.ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
                if (entry.getName().equals("xl/worksheets/sheet1.xml")) {
                    long rows = 0;
                    byte[] buffer = new byte[1 << 16];
                    String carry = "";
                    for (int n; (n = zip.read(buffer)) != -1; ) {
                        String text = carry + new String(buffer, 0, n, java.nio.charset.StandardCharsets.ISO_8859_1);
                        java.util.regex.Matcher row = java.util.regex.Pattern.compile("<row ").matcher(text);
                        int end = 0;
                        while (row.find()) {
                            rows++;
                            end = row.end();
                        }
                        carry = text.substring(Math.max(end, text.length() - 4));
                    }
                    return rows;
                }
            }
            throw new IllegalStateException("no first sheet");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String sheetName(byte[] workbook, int sheetIndex) {
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(workbook))) {
            return book.getSheetName(sheetIndex);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
