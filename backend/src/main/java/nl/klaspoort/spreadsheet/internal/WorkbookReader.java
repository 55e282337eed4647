package nl.klaspoort.spreadsheet.internal;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import javax.xml.parsers.ParserConfigurationException;
import nl.klaspoort.spreadsheet.Column;
import nl.klaspoort.spreadsheet.SheetKind;
import nl.klaspoort.spreadsheet.SpreadsheetLimits;
import nl.klaspoort.spreadsheet.SpreadsheetRejectedException;
import nl.klaspoort.spreadsheet.SpreadsheetRejectedException.Reason;
import nl.klaspoort.spreadsheet.UploadedSheet;
import org.apache.poi.ooxml.POIXMLException;
import org.apache.poi.openxml4j.exceptions.NotOfficeXmlFileException;
import org.apache.poi.openxml4j.exceptions.ODFNotOfficeXmlFileException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.openxml4j.opc.PackageRelationshipCollection;
import org.apache.poi.openxml4j.opc.PackageRelationshipTypes;
import org.apache.poi.openxml4j.util.ZipFileZipEntrySource;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.poifs.crypt.Decryptor;
import org.apache.poi.poifs.filesystem.DirectoryNode;
import org.apache.poi.poifs.filesystem.FileMagic;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.model.SharedStrings;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFRelation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Reads an uploaded workbook without trusting it: the bytes are copied to a private temporary file up to the size
 * limit, the type is decided from the content (never the name), OLE2 containers are only inspected for what they are
 * (encrypted OOXML, old .xls), and an OOXML package is opened through POI's {@link ZipSecureFile} (zip-bomb limits
 * from {@link SpreadsheetLimits}) and read sheet by sheet with the SAX event API: the workbook is never built in
 * memory, formulas are never evaluated (their cached results are read), and external links, macros, pictures and
 * other parts are never opened. DTDs are refused in sheet XML.
 */
public final class WorkbookReader {

    private static final Logger LOG = LoggerFactory.getLogger(WorkbookReader.class);
    private static final String DISALLOW_DOCTYPE = "http://apache.org/xml/features/disallow-doctype-decl";
    /** Workbook parts that hold cells we can read with the XML event API; macros in the macro-enabled ones are ignored. */
    private static final Set<String> READABLE_WORKBOOKS = Set.of(XSSFRelation.WORKBOOK.getContentType(),
            XSSFRelation.MACROS_WORKBOOK.getContentType(), XSSFRelation.TEMPLATE_WORKBOOK.getContentType(),
            XSSFRelation.MACRO_TEMPLATE_WORKBOOK.getContentType());
    private static final String TOO_MANY_ENTRIES = ZipSecureFile.MAX_FILE_COUNT_MSG.substring(0, 60);

    static {
        PoiLimits.apply();
    }

    private WorkbookReader() {}

    public static UploadedSheet read(SheetKind kind, InputStream upload) {
        Path file = null;
        try {
            file = Files.createTempFile("klaspoort-upload-", ".bin"); // readable by this user only
            long size = copyAtMost(upload, file, SpreadsheetLimits.MAX_UPLOAD_BYTES);
            if (size == 0) {
                throw new SpreadsheetRejectedException(Reason.EMPTY_FILE);
            }
            return readFile(kind, file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("temporary upload file", e); // our disk, not the user's file
        } finally {
            deleteQuietly(file);
        }
    }

    /**
     * Copies the upload to the file; refuses it as soon as it is longer than {@code limit}, and as incomplete when the
     * upload breaks off.
     */
    private static long copyAtMost(InputStream in, Path file, long limit) throws IOException {
        long total = 0;
        byte[] buffer = new byte[64 * 1024];
        try (OutputStream out = Files.newOutputStream(file)) {
            while (true) {
                int n;
                try {
                    n = in.read(buffer);
                } catch (IOException e) {
                    throw new SpreadsheetRejectedException(Reason.CORRUPT, e);
                }
                if (n == -1) {
                    return total;
                }
                total += n;
                if (total > limit) {
                    throw new SpreadsheetRejectedException(Reason.FILE_TOO_LARGE);
                }
                out.write(buffer, 0, n);
            }
        }
    }

    private static UploadedSheet readFile(SheetKind kind, File file) throws IOException {
        FileMagic magic = FileMagic.valueOf(file);
        return switch (magic) {
            case OOXML -> readPackage(kind, file);
            case OLE2 -> throw ole2(file);
            case BIFF2, BIFF3, BIFF4 -> throw new SpreadsheetRejectedException(Reason.OLD_EXCEL_FORMAT);
            default -> throw new SpreadsheetRejectedException(Reason.NOT_A_SPREADSHEET);
        };
    }

    /** An OLE2 container is an encrypted OOXML file, an old .xls, or something else (a Word 97 document, say). */
    private static SpreadsheetRejectedException ole2(File file) {
        try (POIFSFileSystem fs = new POIFSFileSystem(file, true)) {
            DirectoryNode root = fs.getRoot();
            if (root.hasEntryCaseInsensitive(Decryptor.DEFAULT_POIFS_ENTRY) || root.hasEntryCaseInsensitive("EncryptionInfo")) {
                return new SpreadsheetRejectedException(Reason.ENCRYPTED);
            }
            if (root.hasEntryCaseInsensitive("Workbook") || root.hasEntryCaseInsensitive("Book")) {
                return new SpreadsheetRejectedException(Reason.OLD_EXCEL_FORMAT);
            }
            return new SpreadsheetRejectedException(Reason.NOT_A_SPREADSHEET);
        } catch (IOException | RuntimeException e) {
            return corrupt(e);
        }
    }

    private static UploadedSheet readPackage(SheetKind kind, File file) {
        ZipSecureFile zip;
        try {
            // opened here rather than by OPCPackage.open(File), which would fall back to reading a damaged zip as a
            // stream, entirely in memory
            zip = new ZipSecureFile(file);
        } catch (IOException | RuntimeException e) {
            throw corrupt(e);
        }
        OPCPackage pkg;
        try {
            if (zip.getEntry("[Content_Types].xml") == null) { // a zip, but no Office Open XML package
                throw new SpreadsheetRejectedException(zip.getEntry("mimetype") != null ? Reason.OPEN_DOCUMENT
                        : Reason.NOT_A_SPREADSHEET);
            }
            pkg = OPCPackage.open(new ZipFileZipEntrySource(zip));
        } catch (OpenXML4JException | RuntimeException e) {
            closeQuietly(zip);
            throw classify(e);
        }
        try {
            return readWorkbook(kind, pkg);
        } catch (IOException | OpenXML4JException | SAXException | ParserConfigurationException | RuntimeException e) {
            throw classify(e);
        } finally {
            pkg.revert(); // read-only: closes the zip without writing anything
        }
    }

    private static UploadedSheet readWorkbook(SheetKind kind, OPCPackage pkg)
            throws IOException, OpenXML4JException, SAXException, ParserConfigurationException {
        PackageRelationshipCollection core = pkg.getRelationshipsByType(PackageRelationshipTypes.CORE_DOCUMENT);
        if (core.isEmpty()) {
            if (!pkg.getRelationshipsByType(PackageRelationshipTypes.STRICT_CORE_DOCUMENT).isEmpty()) {
                throw new SpreadsheetRejectedException(Reason.STRICT_OPEN_XML);
            }
            throw new SpreadsheetRejectedException(Reason.NOT_A_SPREADSHEET);
        }
        PackagePart main = pkg.getPart(core.getRelationship(0));
        if (main == null) {
            throw new SpreadsheetRejectedException(Reason.CORRUPT);
        }
        if (main.getContentType().equals(XSSFRelation.XLSB_BINARY_WORKBOOK.getContentType())) {
            throw new SpreadsheetRejectedException(Reason.BINARY_WORKBOOK);
        }
        if (!READABLE_WORKBOOKS.contains(main.getContentType())) {
            throw new SpreadsheetRejectedException(Reason.NOT_A_SPREADSHEET);
        }

        XSSFReader reader = new XSSFReader(pkg);
        reader.setUseReadOnlySharedStringsTable(true);
        SharedStrings strings = reader.getSharedStringsTable();
        StylesTable styles = reader.getStylesTable();
        ShownText formatter = new ShownText();

        Set<Column> bestHeader = EnumSet.noneOf(Column.class);
        boolean otherKindFound = false;
        XSSFReader.SheetIterator sheets = reader.getSheetIterator();
        while (sheets.hasNext()) {
            SheetCollector collector = new SheetCollector(kind);
            try (InputStream sheet = sheets.next()) {
                parse(sheet, new XSSFSheetXMLHandler(styles, null, strings, collector, formatter, false));
            } catch (SheetCollector.NotThisSheet stop) {
                // read no further in this sheet
            }
            if (collector.isDataSheet()) {
                if (collector.rows().isEmpty()) {
                    throw new SpreadsheetRejectedException(Reason.NO_ROWS);
                }
                return new UploadedSheet(kind, sheets.getSheetName(), collector.rows());
            }
            Set<Column> header = collector.headerColumns();
            otherKindFound |= !header.isEmpty() && kind.other().columns().stream()
                    .filter(Column::required).allMatch(header::contains);
            if (matches(kind, header) > matches(kind, bestHeader)) {
                bestHeader = header;
            }
        }
        if (otherKindFound) {
            throw new SpreadsheetRejectedException(Reason.WRONG_TEMPLATE, kind.other().dutchPlural(), kind.dutchPlural());
        }
        Set<Column> found = bestHeader;
        String missing = kind.columns().stream().filter(Column::required).filter(column -> !found.contains(column))
                .map(column -> "'" + column.header() + "'").collect(Collectors.joining(", "));
        throw new SpreadsheetRejectedException(Reason.MISSING_COLUMNS, missing);
    }

    private static long matches(SheetKind kind, Set<Column> header) {
        return header.stream().filter(kind.columns()::contains).count();
    }

    private static void parse(InputStream sheet, XSSFSheetXMLHandler handler)
            throws IOException, SAXException, ParserConfigurationException {
        XMLReader xml = XMLHelper.newXMLReader();
        xml.setFeature(DISALLOW_DOCTYPE, true);
        xml.setErrorHandler(new DefaultHandler()); // fatal errors throw; a user's broken file is not an error to log
        xml.setContentHandler(handler);
        try {
            xml.parse(new InputSource(sheet));
        } catch (SAXException e) {
            if (e.getException() instanceof RuntimeException stop) {
                throw stop; // our own stop or refusal, wrapped by the parser
            }
            throw e;
        }
    }

    /** Maps what POI throws to a reason: the zip-bomb guards by their message (POI has no types for them). */
    private static SpreadsheetRejectedException classify(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SpreadsheetRejectedException rejected) {
                return rejected;
            }
            String message = t.getMessage() == null ? "" : t.getMessage();
            if (message.startsWith("Zip bomb detected!")) {
                return new SpreadsheetRejectedException(message.contains("max. ratio") ? Reason.ZIP_BOMB
                        : Reason.PART_TOO_LARGE, failure);
            }
            if (message.startsWith(TOO_MANY_ENTRIES)) {
                return new SpreadsheetRejectedException(Reason.TOO_MANY_PARTS, failure);
            }
            if (t instanceof ODFNotOfficeXmlFileException) {
                return new SpreadsheetRejectedException(Reason.OPEN_DOCUMENT, failure);
            }
            if (t instanceof NotOfficeXmlFileException) {
                return new SpreadsheetRejectedException(Reason.NOT_A_SPREADSHEET, failure);
            }
            if (t instanceof POIXMLException && message.startsWith("Strict OOXML")) {
                return new SpreadsheetRejectedException(Reason.STRICT_OPEN_XML, failure);
            }
        }
        return corrupt(failure);
    }

    /** A damaged file; only the exception type is logged (messages can quote cell contents). */
    private static SpreadsheetRejectedException corrupt(Throwable cause) {
        LOG.info("Uploaded workbook refused as damaged: {}", cause.getClass().getName());
        return new SpreadsheetRejectedException(Reason.CORRUPT, cause);
    }

    private static void closeQuietly(ZipSecureFile zip) {
        try {
            zip.close();
        } catch (IOException e) {
            // nothing was written
        }
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                LOG.warn("Could not delete the temporary upload {}", file);
            }
        }
    }
}
