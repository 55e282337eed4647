package nl.klaspoort.roster.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import nl.klaspoort.platform.AccessRefusedException;
import nl.klaspoort.platform.Messages;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * BP6: an EDEXML file uploaded as the request body ({@code POST /api/schools/{schoolId}/edexml}, the file's name in
 * {@code X-File-Name}, URL-encoded), streamed straight into the reader (no copy on disk, at most
 * {@code klaspoort.roster.max-upload}). Answers the run: {@code {"runId": "…", "status": "PREVIEW"}} — a preview to
 * apply, or a failed run with the file's errors per row — which the screen then reads through GraphQL. ADMIN of the
 * school; the browser session with its CSRF token, as for GraphQL.
 */
@RestController
class EdexmlUploadController {

    private final RosterRuns runs;
    private final RosterProperties properties;
    private final Messages messages;

    EdexmlUploadController(RosterRuns runs, RosterProperties properties, Messages messages) {
        this.runs = runs;
        this.properties = properties;
        this.messages = messages;
    }

    @PostMapping(path = "/api/schools/{schoolId}/edexml", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, String>> upload(@PathVariable long schoolId,
            @RequestHeader(name = "X-File-Name", required = false) String fileName, HttpServletRequest request)
            throws IOException {
        long max = properties.maxUpload().toBytes();
        if (request.getContentLengthLong() > max) {
            Locale language = Messages.language(request.getHeader("Accept-Language"));
            long mb = max / (1024 * 1024);
            return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(Map.of("code", "FILE_TOO_LARGE",
                    "message", messages.format("error.FILE_TOO_LARGE", Map.of("max", mb), language)));
        }
        String name = fileName == null ? null : URLDecoder.decode(fileName, StandardCharsets.UTF_8);
        try (InputStream body = request.getInputStream()) {
            Run run = runs.upload(schoolId, name, body);
            return ResponseEntity.ok(Map.of("runId", Long.toString(run.id()), "status", run.status().name()));
        } catch (AccessRefusedException e) {
            return ResponseEntity.status(e.reason() == AccessRefusedException.Reason.FORBIDDEN ? HttpStatus.FORBIDDEN
                    : e.reason() == AccessRefusedException.Reason.UNAUTHORIZED ? HttpStatus.UNAUTHORIZED
                    : HttpStatus.NOT_FOUND).body(Map.of("code", e.reason().name()));
        }
    }
}
