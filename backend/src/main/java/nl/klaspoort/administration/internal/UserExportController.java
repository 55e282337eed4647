package nl.klaspoort.administration.internal;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import nl.klaspoort.administration.internal.SchoolUsers.Filter;
import nl.klaspoort.administration.internal.SchoolUsers.Sort;
import nl.klaspoort.platform.Amsterdam;
import nl.klaspoort.spreadsheet.Spreadsheets;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * "Downloaden" of the user overview (B15, manual 4.11): {@code POST /api/schools/{schoolId}/users.xlsx} with the
 * overview's filter and sort as JSON ({@code {"filter": {…}, "sort": {…}}}, the arguments of {@code School.users};
 * both optional), so that no search text lands in a URL or a log. The workbook is streamed as it is written.
 */
@RestController
class UserExportController {

    /** The body: the overview's current filter and sort, or nothing for all users by name. */
    record ExportRequest(Filter filter, Sort sort) {}

    private final SchoolUsers users;
    private final Clock clock;

    UserExportController(SchoolUsers users, Clock clock) {
        this.users = users;
        this.clock = clock;
    }

    @PostMapping("/api/schools/{schoolId}/users.xlsx")
    void export(@PathVariable String schoolId, @RequestBody(required = false) ExportRequest request,
            HttpServletResponse response) {
        ExportRequest body = request == null ? new ExportRequest(null, null) : request;
        users.export(schoolId, body.filter(), body.sort(), () -> {
            response.setContentType(Spreadsheets.XLSX_CONTENT_TYPE);
            response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                    .filename("klaspoort-gebruikers-" + Amsterdam.today(clock) + ".xlsx").build().toString());
            response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
            try {
                return response.getOutputStream();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
