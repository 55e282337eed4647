package nl.klaspoort.spreadsheet;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Builds real workbook files for the tests: with POI as Excel would save them, and zips taken apart and put together. */
final class TestFiles {

    private TestFiles() {}

    /** A workbook with one sheet; each row an array of cell values (String, Number, or null for no cell). */
    static byte[] workbook(String sheetName, List<Object[]> rows) {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            fill(workbook.createSheet(sheetName), rows);
            return bytes(workbook);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void fill(Sheet sheet, List<Object[]> rows) {
        for (int r = 0; r < rows.size(); r++) {
            Object[] values = rows.get(r);
            if (values == null) {
                continue;
            }
            Row row = sheet.createRow(r);
            for (int c = 0; c < values.length; c++) {
                Object value = values[c];
                if (value instanceof String text) {
                    row.createCell(c).setCellValue(text);
                } else if (value instanceof Number number) {
                    row.createCell(c).setCellValue(number.doubleValue());
                }
            }
        }
    }

    static byte[] bytes(Workbook workbook) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            workbook.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Rows for {@link #workbook}; a {@code null} row is left out of the sheet (a gap). */
    static List<Object[]> rows(Object[]... rows) {
        return java.util.Arrays.asList(rows);
    }

    static Object[] row(Object... values) {
        return values;
    }

    static final Object[] PROFESSIONAL_HEADER = {"Voornaam", "Tussenvoegsel", "Achternaam", "Rollen", "E-mailadres"};
    static final Object[] STUDENT_HEADER = {"Voornaam", "Tussenvoegsel", "Achternaam", "Leerjaar", "Groep"};

    /** The entries of a zip, in order (names to bytes). */
    static Map<String, byte[]> entries(byte[] zip) {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                entries.put(entry.getName(), in.readAllBytes());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return entries;
    }

    static byte[] zip(Map<String, byte[]> entries) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(entry.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The zip with one entry's text changed. */
    static byte[] edit(byte[] zip, String name, UnaryOperator<String> change) {
        Map<String, byte[]> entries = entries(zip);
        String text = new String(entries.get(name), StandardCharsets.UTF_8);
        entries.put(name, change.apply(text).getBytes(StandardCharsets.UTF_8));
        return zip(entries);
    }

    static String text(byte[] zip, String name) {
        return new String(entries(zip).get(name), StandardCharsets.UTF_8);
    }

    static InputStream in(byte[] bytes) {
        return new ByteArrayInputStream(bytes);
    }
}
