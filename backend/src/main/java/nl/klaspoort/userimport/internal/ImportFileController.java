package nl.klaspoort.userimport.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import nl.klaspoort.platform.AccessRefusedException;
import nl.klaspoort.platform.Messages;
import nl.klaspoort.spreadsheet.SheetKind;
import nl.klaspoort.spreadsheet.SpreadsheetLimits;
import nl.klaspoort.spreadsheet.SpreadsheetRejectedException;
import nl.klaspoort.spreadsheet.Spreadsheets;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.support.MissingServletRequestPartException;

/**
 * The file side of imports, over plain HTTP with the browser's session and CSRF token (the GraphQL API does the rest):
 * the upload answers an import id, the error workbook (X3) and the templates (B5, B7) are downloads. Files larger than
 * {@code spring.servlet.multipart.max-file-size} (10 MB) are refused while they arrive, before anything reads them
 * ({@link UploadLimit}); the reader has its own limits for what a file unpacks to. Errors answer
 * {@code {"code", "message", "params"}} with the message in the caller's language; no role at the school is 404
 * (platform's {@code HttpErrors}).
 */
@RestController
class ImportFileController {

    private final UserImports imports;
    private final Spreadsheets spreadsheets;
    private final Messages messages;

    ImportFileController(UserImports imports, Spreadsheets spreadsheets, Messages messages) {
        this.imports = imports;
        this.spreadsheets = spreadsheets;
        this.messages = messages;
    }

    @PostMapping("/api/spreadsheet-imports")
    ResponseEntity<Map<String, Object>> upload(@RequestParam String schoolId, @RequestParam String kind,
            @RequestPart("file") MultipartFile file) throws IOException {
        try (InputStream in = file.getInputStream()) {
            UserImports.Uploaded uploaded = imports.upload(schoolId, kind, in);
            return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("importId", uploaded.id().toString(),
                    "kind", uploaded.kind().name(), "rows", uploaded.rows()));
        }
    }

    @GetMapping("/api/spreadsheet-imports/{id}/errors.xlsx")
    void errorWorkbook(@PathVariable String id, HttpServletResponse response) throws IOException {
        UserImports.ErrorWorkbook workbook = imports.errorWorkbook(id);
        String name = "klaspoort-" + (workbook.kind() == SheetKind.STUDENTS ? "leerlingen" : "onderwijsprofessionals")
                + "-fouten.xlsx";
        write(response, name, workbook.writer()::accept);
    }

    @GetMapping("/api/spreadsheet-templates/{kind}")
    void template(@PathVariable String kind, HttpServletResponse response) throws IOException {
        SheetKind sheet = switch (kind) {
            case "professionals" -> SheetKind.PROFESSIONALS;
            case "students" -> SheetKind.STUDENTS;
            default -> throw new AccessRefusedException(AccessRefusedException.Reason.NOT_FOUND, "template");
        };
        write(response, sheet.templateFileName(), out -> spreadsheets.writeTemplate(sheet, out));
    }

    private interface Body {
        void writeTo(OutputStream out) throws IOException;
    }

    private static void write(HttpServletResponse response, String fileName, Body body) throws IOException {
        response.setContentType(Spreadsheets.XLSX_CONTENT_TYPE);
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(fileName).build().toString());
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        try (OutputStream out = response.getOutputStream()) {
            body.writeTo(out);
        }
    }

    @ExceptionHandler
    ResponseEntity<Map<String, Object>> rejected(SpreadsheetRejectedException e,
            HttpServletRequest request) {
        Map<String, Object> params = new LinkedHashMap<>();
        switch (e.reason()) {
            case FILE_TOO_LARGE -> params.put("max", SpreadsheetLimits.MAX_UPLOAD_BYTES / (1024 * 1024));
            case PART_TOO_LARGE -> params.put("max", SpreadsheetLimits.MAX_PART_BYTES / (1024 * 1024));
            case TOO_MANY_PARTS -> params.put("max", SpreadsheetLimits.MAX_PARTS);
            case TOO_MANY_ROWS -> params.put("max", SpreadsheetLimits.MAX_DATA_ROWS);
            case MISSING_COLUMNS -> params.put("columns", e.details().isEmpty() ? "" : e.details().getFirst());
            case WRONG_TEMPLATE -> {
                boolean studentsUploaded = e.details().size() == 2 && e.details().getFirst().equals(SheetKind.STUDENTS.dutchPlural());
                params.put("uploaded", studentsUploaded ? SheetKind.STUDENTS.name() : SheetKind.PROFESSIONALS.name());
                params.put("expected", studentsUploaded ? SheetKind.PROFESSIONALS.name() : SheetKind.STUDENTS.name());
            }
            default -> { }
        }
        HttpStatus status = e.reason() == SpreadsheetRejectedException.Reason.FILE_TOO_LARGE
                ? HttpStatus.CONTENT_TOO_LARGE : HttpStatus.UNPROCESSABLE_CONTENT;
        return ResponseEntity.status(status).body(messages.errorBody(ImportError.of(e.reason()), params, request.getHeader(HttpHeaders.ACCEPT_LANGUAGE)));
    }

    @ExceptionHandler
    ResponseEntity<Map<String, Object>> noFile(MissingServletRequestPartException e,
            HttpServletRequest request) {
        return ResponseEntity.badRequest().body(messages.errorBody(ImportError.FILE_MISSING, Map.of(), request.getHeader(HttpHeaders.ACCEPT_LANGUAGE)));
    }
}
