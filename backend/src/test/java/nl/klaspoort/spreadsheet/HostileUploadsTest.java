package nl.klaspoort.spreadsheet;

import static nl.klaspoort.spreadsheet.TestFiles.PROFESSIONAL_HEADER;
import static nl.klaspoort.spreadsheet.TestFiles.STUDENT_HEADER;
import static nl.klaspoort.spreadsheet.TestFiles.in;
import static nl.klaspoort.spreadsheet.TestFiles.row;
import static nl.klaspoort.spreadsheet.TestFiles.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.imageio.ImageIO;
import nl.klaspoort.spreadsheet.SpreadsheetRejectedException.Reason;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbookType;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;

/**
 * Every kind of file the reader refuses, each made for real in the test, and the ones it reads while ignoring what
 * could hurt (macros, external links). Each refusal has its own reason and Dutch message.
 */
class HostileUploadsTest {

    private static final String SHEET = "xl/worksheets/sheet1.xml";

    private final Spreadsheets spreadsheets = new Spreadsheets();

    private static byte[] goodStudents() {
        return TestFiles.workbook("Leerlingen", rows(STUDENT_HEADER, row("Anna", null, "Smit", 3, "3A"),
                row("Bram", "de", "Vries", 4, "4B")));
    }

    private void assertRefused(byte[] file, Reason reason) {
        assertThatThrownBy(() -> spreadsheets.read(SheetKind.STUDENTS, in(file)))
                .isInstanceOfSatisfying(SpreadsheetRejectedException.class, e -> assertThat(e.reason()).isEqualTo(reason))
                .hasMessage(reason.message());
    }

    @Test
    void anEmptyFile() {
        assertRefused(new byte[0], Reason.EMPTY_FILE);
    }

    @Test
    void aFileOverTheSizeLimitIsRefusedBeforeItIsLookedAt() {
        byte[] tooLarge = Arrays.copyOf(goodStudents(), (int) SpreadsheetLimits.MAX_UPLOAD_BYTES + 1);
        assertRefused(tooLarge, Reason.FILE_TOO_LARGE);
        assertThat(Reason.FILE_TOO_LARGE.message()).startsWith("Het bestand is groter dan 10 MB.");
    }

    @Test
    void aPngRenamedToXlsx() throws IOException {
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(16, 16, BufferedImage.TYPE_INT_RGB), "png", png);
        assertRefused(png.toByteArray(), Reason.NOT_A_SPREADSHEET);
        assertThat(Reason.NOT_A_SPREADSHEET.message()).isEqualTo("Dit bestand is geen Excel-werkmap. Download het"
                + " sjabloon, vul het in en sla het op als Excel-werkmap (.xlsx).");
    }

    @Test
    void csvAndHtmlSavedAsXlsAreNotSpreadsheets() {
        assertRefused("Voornaam;Achternaam;Leerjaar;Groep\nAnna;Smit;3;3A\n".getBytes(StandardCharsets.UTF_8), Reason.NOT_A_SPREADSHEET);
        assertRefused("<html><body><table><tr><td>Voornaam</td></tr></table></body></html>".getBytes(StandardCharsets.UTF_8),
                Reason.NOT_A_SPREADSHEET);
    }

    @Test
    void otherZipsAndOfficeDocumentsAreNotSpreadsheets() throws IOException {
        assertRefused(TestFiles.zip(Map.of("leerlingen.txt", "Anna Smit".getBytes(StandardCharsets.UTF_8))), Reason.NOT_A_SPREADSHEET);
        try (XWPFDocument word = new XWPFDocument()) {
            word.createParagraph().createRun().setText("Voornaam Achternaam");
            ByteArrayOutputStream docx = new ByteArrayOutputStream();
            word.write(docx);
            assertRefused(docx.toByteArray(), Reason.NOT_A_SPREADSHEET);
        }
        try (POIFSFileSystem word97 = new POIFSFileSystem()) {
            word97.createDocument(in(new byte[512]), "WordDocument");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            word97.writeFilesystem(out);
            assertRefused(out.toByteArray(), Reason.NOT_A_SPREADSHEET);
        }
    }

    @Test
    void aPasswordProtectedWorkbookEncryptedWithPoisAgileEncryptor() throws Exception {
        ByteArrayOutputStream encrypted = new ByteArrayOutputStream();
        try (POIFSFileSystem fs = new POIFSFileSystem()) {
            Encryptor encryptor = new EncryptionInfo(EncryptionMode.agile).getEncryptor();
            encryptor.confirmPassword("Geheim123");
            try (OutputStream data = encryptor.getDataStream(fs)) {
                data.write(goodStudents());
            }
            fs.writeFilesystem(encrypted);
        }
        assertRefused(encrypted.toByteArray(), Reason.ENCRYPTED);
        assertThat(Reason.ENCRYPTED.message()).startsWith("Dit bestand is beveiligd met een wachtwoord");
    }

    @Test
    void anOldXlsMadeWithHssf() throws IOException {
        try (HSSFWorkbook xls = new HSSFWorkbook()) {
            TestFiles.fill(xls.createSheet("Leerlingen"), rows(STUDENT_HEADER, row("Anna", null, "Smit", 3, "3A")));
            assertRefused(TestFiles.bytes(xls), Reason.OLD_EXCEL_FORMAT);
        }
        assertThat(Reason.OLD_EXCEL_FORMAT.message()).isEqualTo("Dit is een Excel-bestand in het oude formaat (.xls)."
                + " Open het in Excel, kies Bestand > Opslaan als > Excel-werkmap (.xlsx) en upload dat bestand.");
    }

    @Test
    void aTruncatedWorkbookIsCorrupt() {
        byte[] file = goodStudents();
        assertRefused(Arrays.copyOf(file, file.length * 2 / 3), Reason.CORRUPT);
        assertThat(Reason.CORRUPT.message()).startsWith("Dit Excel-bestand is beschadigd of onvolledig");
    }

    @Test
    void anUploadThatBreaksOffIsIncomplete() {
        byte[] file = goodStudents();
        InputStream breaksOff = new SequenceInputStream(in(Arrays.copyOf(file, 1_000)), new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("connection reset");
            }
        });
        assertThatThrownBy(() -> spreadsheets.read(SheetKind.STUDENTS, breaksOff))
                .isInstanceOfSatisfying(SpreadsheetRejectedException.class, e -> assertThat(e.reason()).isEqualTo(Reason.CORRUPT));
    }

    @Test
    void brokenSheetXmlAndAMissingSharedStringAreCorrupt() {
        assertRefused(TestFiles.edit(goodStudents(), SHEET, xml -> xml.replace("</sheetData>", "<row r=\"9\">")), Reason.CORRUPT);
        assertRefused(TestFiles.edit(goodStudents(), SHEET, xml -> xml.replaceFirst("<v>0</v>", "<v>999</v>")), Reason.CORRUPT);
    }

    @Test
    void anOpenDocumentSpreadsheet() throws IOException {
        ByteArrayOutputStream ods = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(ods)) {
            byte[] mimetype = "application/vnd.oasis.opendocument.spreadsheet".getBytes(StandardCharsets.US_ASCII);
            ZipEntry entry = new ZipEntry("mimetype");
            entry.setMethod(ZipEntry.STORED);
            entry.setSize(mimetype.length);
            CRC32 crc = new CRC32();
            crc.update(mimetype);
            entry.setCrc(crc.getValue());
            zip.putNextEntry(entry);
            zip.write(mimetype);
            zip.putNextEntry(new ZipEntry("content.xml"));
            zip.write("<office:document-content xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\"/>".getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry("META-INF/manifest.xml"));
            zip.write("<manifest:manifest xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\"/>".getBytes(StandardCharsets.UTF_8));
        }
        assertRefused(ods.toByteArray(), Reason.OPEN_DOCUMENT);
    }

    @Test
    void aBinaryXlsbWorkbook() {
        byte[] xlsb = TestFiles.edit(goodStudents(), "[Content_Types].xml", types -> types.replace(
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
                "application/vnd.ms-excel.sheet.binary.macroEnabled.main"));
        assertRefused(xlsb, Reason.BINARY_WORKBOOK);
    }

    @Test
    void aStrictOpenXmlWorkbook() {
        byte[] strict = TestFiles.edit(goodStudents(), "_rels/.rels", rels -> rels.replace(
                "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument",
                "http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument"));
        assertRefused(strict, Reason.STRICT_OPEN_XML);
    }

    /** A real zip bomb: a valid workbook whose sheet holds 15 MB of spaces that pack into some 15 KB (ratio 1:1000). */
    @Test
    void aZipBombIsStoppedByPoisInflateRatioLimit() {
        byte[] bomb = TestFiles.edit(goodStudents(), SHEET, xml -> xml.replace("<sheetData>", "<sheetData>" + " ".repeat(15_000_000)));
        assertThat(bomb.length).isLessThan(100_000);

        assertRefused(bomb, Reason.ZIP_BOMB);
        assertThat(Reason.ZIP_BOMB.message()).startsWith("Dit bestand wordt niet gelezen: het pakt uit tot veel meer gegevens");
    }

    /** A part of 24 MiB that packs normally (random letters, ratio about 1:7), over the 20 MiB part limit. */
    @Test
    void aPartOverTheEntrySizeLimit() {
        Random random = new Random(13);
        char[] noise = new char[24 * 1024 * 1024];
        for (int i = 0; i < noise.length; i++) {
            noise[i] = random.nextBoolean() ? 'a' : 'b';
        }
        byte[] large = TestFiles.edit(goodStudents(), SHEET, xml -> xml.replace("<sheetData>", "<!--" + new String(noise) + "--><sheetData>"));
        assertThat(large.length).isLessThan((int) SpreadsheetLimits.MAX_UPLOAD_BYTES);

        assertRefused(large, Reason.PART_TOO_LARGE);
    }

    @Test
    void aWorkbookWithMoreZipEntriesThanTheLimit() {
        Map<String, byte[]> entries = TestFiles.entries(goodStudents());
        for (int i = 0; i < SpreadsheetLimits.MAX_PARTS; i++) {
            entries.put("customXml/item" + i + ".xml", "<a/>".getBytes(StandardCharsets.UTF_8));
        }
        assertRefused(TestFiles.zip(entries), Reason.TOO_MANY_PARTS);
    }

    @Test
    void aDoctypeWithAnExternalEntityIsRefusedAndNeverFetched() throws IOException {
        try (ServerSocketChannel listener = loopbackListener()) {
            String url = "http://127.0.0.1:" + ((InetSocketAddress) listener.getLocalAddress()).getPort() + "/xxe";
            byte[] xxe = TestFiles.edit(goodStudents(), SHEET, xml -> xml
                    .replaceFirst("\\?>", "?><!DOCTYPE worksheet [<!ENTITY naam SYSTEM \"" + url + "\">]>")
                    .replace("<c r=\"A2\" t=\"s\" s=\"0\"><v>5</v></c>", "<c r=\"A2\" t=\"inlineStr\"><is><t>&naam;</t></is></c>"));
            assertThat(TestFiles.text(xxe, SHEET)).contains("<!ENTITY naam SYSTEM", "<t>&naam;</t>");

            assertRefused(xxe, Reason.CORRUPT);
            assertThat(listener.accept()).as("no connection to the entity's URL").isNull();
        }
    }

    @Test
    void macrosInAnXlsmAreIgnoredAndItsCellsRead() throws IOException {
        byte[] xlsm;
        try (XSSFWorkbook workbook = new XSSFWorkbook(XSSFWorkbookType.XLSM)) {
            TestFiles.fill(workbook.createSheet("Leerlingen"), rows(STUDENT_HEADER, row("Anna", null, "Smit", 3, "3A")));
            workbook.setVBAProject(in("Attribute VB_Name = \"Module1\"\nSub Auto_Open()\nShell \"calc.exe\"\nEnd Sub".getBytes(StandardCharsets.UTF_8)));
            xlsm = TestFiles.bytes(workbook);
        }
        assertThat(TestFiles.entries(xlsm)).containsKey("xl/vbaProject.bin");
        assertThat(TestFiles.text(xlsm, "[Content_Types].xml")).contains("application/vnd.ms-excel.sheet.macroEnabled.main+xml");

        UploadedSheet sheet = spreadsheets.read(SheetKind.STUDENTS, in(xlsm));

        assertThat(sheet.rows()).singleElement().extracting(r -> r.get(Column.FIRST_NAME)).isEqualTo("Anna");
    }

    /** A formula that points into another workbook on a server: the cached value is read, the link never followed. */
    @Test
    void externalLinksAreNeverFollowed() throws IOException {
        try (ServerSocketChannel listener = loopbackListener()) {
            String url = "http://127.0.0.1:" + ((InetSocketAddress) listener.getLocalAddress()).getPort() + "/andere.xlsx";
            byte[] linked = withExternalLink(TestFiles.workbook("Professionals", rows(PROFESSIONAL_HEADER,
                    row("placeholder", null, "Visser", "Begeleider", "jan@school.nl"))), url);

            UploadedSheet sheet = spreadsheets.read(SheetKind.PROFESSIONALS, in(linked));

            assertThat(sheet.rows()).singleElement().extracting(r -> r.get(Column.FIRST_NAME)).isEqualTo("Jan");
            assertThat(listener.accept()).as("no connection to the linked workbook").isNull();
        }
    }

    private static byte[] withExternalLink(byte[] workbook, String url) {
        Map<String, byte[]> entries = TestFiles.entries(workbook);
        String main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
        String rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
        entries.put("xl/externalLinks/externalLink1.xml", ("<externalLink xmlns=\"" + main + "\" xmlns:r=\"" + rel + "\">"
                + "<externalBook r:id=\"rId1\"><sheetNames><sheetName val=\"Blad1\"/></sheetNames><sheetDataSet>"
                + "<sheetData sheetId=\"0\"><row r=\"2\"><cell r=\"A2\" t=\"str\"><v>Jan</v></cell></row></sheetData>"
                + "</sheetDataSet></externalBook></externalLink>").getBytes(StandardCharsets.UTF_8));
        entries.put("xl/externalLinks/_rels/externalLink1.xml.rels", ("<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                + "<Relationship Id=\"rId1\" Type=\"" + rel + "/externalLinkPath\" Target=\"" + url + "\" TargetMode=\"External\"/>"
                + "</Relationships>").getBytes(StandardCharsets.UTF_8));
        byte[] edited = TestFiles.zip(entries);
        edited = TestFiles.edit(edited, "xl/_rels/workbook.xml.rels", rels -> rels.replace("</Relationships>",
                "<Relationship Id=\"rIdLink\" Type=\"" + rel + "/externalLink\" Target=\"externalLinks/externalLink1.xml\"/></Relationships>"));
        edited = TestFiles.edit(edited, "xl/workbook.xml", xml -> xml.replace("</sheets>",
                "</sheets><externalReferences><externalReference r:id=\"rIdLink\"/></externalReferences>"));
        edited = TestFiles.edit(edited, "[Content_Types].xml", types -> types.replace("</Types>",
                "<Override PartName=\"/xl/externalLinks/externalLink1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.externalLink+xml\"/></Types>"));
        return TestFiles.edit(edited, SHEET, xml -> xml.replaceFirst("<c r=\"A2\" t=\"s\" s=\"0\"><v>\\d+</v></c>",
                "<c r=\"A2\" t=\"str\"><f>[1]Blad1!A2</f><v>Jan</v></c>"));
    }

    private static ServerSocketChannel loopbackListener() throws IOException {
        ServerSocketChannel listener = ServerSocketChannel.open();
        listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        listener.configureBlocking(false);
        return listener;
    }
}
