package nl.klaspoort.results.internal;

import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nl.klaspoort.platform.AccessRefusedException;
import nl.klaspoort.platform.Messages;
import nl.klaspoort.platform.PayloadError;
import nl.klaspoort.productclient.ProductToken;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The bulk path of RS6 for products (issue 16, {@code docs/scaling.md}): {@code POST /api/practice-sessions} with the
 * product's bearer token (scope {@code results.write}), one session per line as JSON (NDJSON, the fields of
 * {@code PracticeSessionInput}), at most 1,000 lines; {@code ?acceptPartial=true} as in the mutation. The same
 * ingestion as {@code practiceSessionsRecord} — validation, idempotency by session id, per-session results — without
 * GraphQL's parsing and coercion of every input object. The answer is NDJSON too: first the totals and call-level
 * errors ({@code {"created":…,"unchanged":…,"rejected":…,"errors":[…]}}), then one line per session in input order
 * ({@code {"index":…,"sessionId":…,"status":…,"error":{"code":…,"message":…}}}). A line that is not a session (bad JSON,
 * a missing or mistyped field) refuses the whole call with 400 and the line's number, as GraphQL refuses a request
 * whose input does not fit its types; nothing is stored then.
 */
@RestController
class PracticeSessionsBulkController {

    static final String NDJSON = "application/x-ndjson";

    private final ResultsIngestion ingestion;
    private final Messages messages;
    private final JsonMapper lines;

    PracticeSessionsBulkController(ResultsIngestion ingestion, Messages messages, JsonMapper json) {
        this.ingestion = ingestion;
        this.messages = messages;
        this.lines = json.rebuild().enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
    }

    @PostMapping(path = "/api/practice-sessions", consumes = {NDJSON, "application/json"})
    void record(Reader body, @RequestParam(defaultValue = "false") boolean acceptPartial,
            @RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) String acceptLanguage,
            HttpServletResponse response) throws IOException {
        long product;
        try {
            product = ProductToken.requireProduct(ProductToken.RESULTS_WRITE);
        } catch (AccessRefusedException e) {
            response.sendError(HttpStatus.FORBIDDEN.value());
            return;
        }
        List<ResultsIngestion.SessionInput> sessions = new ArrayList<>();
        BufferedReader reader = new BufferedReader(body);
        int number = 0;
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            number++;
            if (line.isBlank()) {
                continue;
            }
            try {
                ResultsIngestion.SessionInput session = lines.readValue(line, ResultsIngestion.SessionInput.class);
                if (session.sessionId() == null || session.studentId() == null || session.startedAt() == null
                        || session.endedAt() == null || session.clientIp() == null) {
                    throw new IllegalArgumentException("sessionId, studentId, startedAt, endedAt and clientIp are required");
                }
                sessions.add(session);
            } catch (JacksonException | IllegalArgumentException e) {
                response.sendError(HttpStatus.BAD_REQUEST.value(), "line " + number + " is not a practice session: "
                        + (e instanceof JacksonException j ? j.getOriginalMessage() : e.getMessage()));
                return;
            }
        }
        ResultsIngestion.Payload payload = ingestion.record(product, sessions, acceptPartial);
        Locale language = Messages.language(acceptLanguage);
        response.setContentType(NDJSON);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        try (OutputStream out = response.getOutputStream()) {
            Map<String, Object> totals = new LinkedHashMap<>();
            totals.put("created", payload.created());
            totals.put("unchanged", payload.unchanged());
            totals.put("rejected", payload.rejected());
            totals.put("errors", payload.errors().stream().map(e -> error(e, language)).toList());
            writeLine(out, totals);
            for (ResultsIngestion.Result result : payload.results()) {
                Map<String, Object> item = new LinkedHashMap<>();
                item.put("index", result.index());
                item.put("sessionId", result.sessionId());
                item.put("status", result.status());
                item.put("error", result.error() == null ? null : error(result.error(), language));
                writeLine(out, item);
            }
        }
    }

    private void writeLine(OutputStream out, Object value) throws IOException {
        out.write(lines.writeValueAsBytes(value));
        out.write('\n');
    }

    private Map<String, Object> error(PayloadError error, Locale language) {
        Map<String, Object> shape = new LinkedHashMap<>();
        shape.put("code", error.code().name());
        shape.put("message", messages.error(error.code(), error.paramMap(), language));
        shape.put("field", error.field());
        return shape;
    }
}
