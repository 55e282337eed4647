package nl.klaspoort.spreadsheet;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.stream.Stream;
import nl.klaspoort.spreadsheet.internal.ImportWorkbooks;
import nl.klaspoort.spreadsheet.internal.RowChecks;
import nl.klaspoort.spreadsheet.internal.UserExport;
import nl.klaspoort.spreadsheet.internal.WorkbookReader;
import org.springframework.stereotype.Service;

/**
 * Excel for user administration: the import templates (B5, B7), reading an upload, checking its rows, the error
 * workbook (X3) and the download of the user overview (B15). Stateless and thread-safe; holds no data and writes no
 * tables, so the caller decides what is stored and in which transaction.
 */
@Service
public class Spreadsheets {

    /** The content type of every workbook written here. */
    public static final String XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /** Writes the empty template of {@code kind}: header, drop-downs, prompts, and an "Uitleg" sheet. */
    public void writeTemplate(SheetKind kind, OutputStream out) {
        ImportWorkbooks.template(kind, out);
    }

    /**
     * Reads an upload (at most {@link SpreadsheetLimits#MAX_UPLOAD_BYTES}; the stream is read but not closed): the
     * first sheet whose header has the mandatory columns of {@code kind}, its non-blank rows as typed.
     *
     * @throws SpreadsheetRejectedException when the file is not read at all, with a reason and a Dutch message
     */
    public UploadedSheet read(SheetKind kind, InputStream upload) {
        return WorkbookReader.read(kind, upload);
    }

    /** Checks professional rows (from a file, or as edited in the review step); one lookup per kind of value. */
    public ImportReview<ProfessionalRow> checkProfessionals(List<SheetRow> rows, AccountLookups lookups) {
        return RowChecks.professionals(rows, lookups);
    }

    /** Checks student rows, including the usernames and passwords the review step put in. */
    public ImportReview<StudentRow> checkStudents(List<SheetRow> rows, AccountLookups lookups) {
        return RowChecks.students(rows, lookups);
    }

    /** Reads and checks an upload in one go. */
    public ImportReview<?> readAndCheck(SheetKind kind, InputStream upload, AccountLookups lookups) {
        List<SheetRow> rows = read(kind, upload).rows();
        return kind == SheetKind.PROFESSIONALS ? checkProfessionals(rows, lookups) : checkStudents(rows, lookups);
    }

    /**
     * Writes the reviewed rows back as the template with a "Fout" column per row and the wrong cells marked, at the
     * rows' own row numbers; the user corrects it in Excel and uploads it again.
     */
    public void writeErrorWorkbook(ImportReview<?> review, OutputStream out) {
        ImportWorkbooks.errorWorkbook(review, out);
    }

    /** Streams the users to a workbook in bounded memory; consumes (does not close) the stream; returns the count. */
    public int writeUsers(Stream<UserExportRow> users, OutputStream out) {
        return UserExport.write(users, out);
    }
}
