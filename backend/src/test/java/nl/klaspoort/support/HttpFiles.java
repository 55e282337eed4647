package nl.klaspoort.support;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

/**
 * The file endpoints beside GraphQL (uploads, downloads) as the SPA calls them: with a signed-in session's cookies and
 * CSRF token (or none, to test refusals) and an {@code Accept-Language}.
 */
public final class HttpFiles {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final int port;
    private final Sessions.Session session;
    private final String language;

    private HttpFiles(int port, Sessions.Session session, String language) {
        this.port = port;
        this.session = session;
        this.language = language;
    }

    /** As the signed-in {@code session}, in Dutch. */
    public static HttpFiles as(int port, Sessions.Session session) {
        return new HttpFiles(port, session, "nl-NL");
    }

    /** Nobody signed in. */
    public static HttpFiles anonymous(int port) {
        return new HttpFiles(port, null, "nl-NL");
    }

    public HttpFiles inLanguage(String acceptLanguage) {
        return new HttpFiles(port, session, acceptLanguage);
    }

    /** An answer: status, content type and body. */
    public record Answer(int status, String contentType, byte[] body) {
        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    public Answer get(String path) {
        return send(request(path).GET());
    }

    public Answer postJson(String path, String json) {
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** A multipart form: text fields and at most one file (field name {@code file}; null leaves it out). */
    public Answer upload(String path, Map<String, String> fields, String fileName, byte[] file) {
        String boundary = "----klaspoort" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        fields.forEach((name, value) -> body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name
                + "\"\r\n\r\n" + value + "\r\n").getBytes(StandardCharsets.UTF_8)));
        if (file != null) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                    + "\"\r\nContent-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            body.writeBytes(file);
            body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(request(path).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    /**
     * The template of the kind ({@code STUDENTS}, {@code PROFESSIONALS}) as downloaded, filled in with the rows (see
     * {@link Workbooks#fill}) and uploaded; the import's id.
     */
    public String importRows(String schoolId, String kind, java.util.List<Object[]> rows) {
        Answer template = get("/api/spreadsheet-templates/" + (kind.equals("STUDENTS") ? "students" : "professionals"));
        if (template.status() != 200) {
            throw new IllegalStateException("template: " + template.status());
        }
        Answer answer = importFile(schoolId, kind, Workbooks.fill(template.body(), rows));
        if (answer.status() != 201) {
            throw new IllegalStateException("upload: " + answer.status() + " " + answer.text());
        }
        return answer.text().replaceFirst("(?s).*\"importId\"\\s*:\\s*\"([^\"]+)\".*", "$1");
    }

    /** Uploads a workbook to {@code POST /api/spreadsheet-imports}. */
    public Answer importFile(String schoolId, String kind, byte[] workbook) {
        return upload("/api/spreadsheet-imports", Map.of("schoolId", schoolId, "kind", kind), "lijst.xlsx", workbook);
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept-Language", language);
        if (session != null) {
            builder.header("Cookie", session.cookieHeader()).header("X-XSRF-TOKEN", session.csrfToken());
        }
        return builder;
    }

    private static Answer send(HttpRequest.Builder request) {
        try {
            HttpResponse<byte[]> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), response.body());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
