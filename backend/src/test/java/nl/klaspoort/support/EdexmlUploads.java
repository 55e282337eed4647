package nl.klaspoort.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * EDEXML uploads as the SPA sends them ({@code POST /api/schools/{id}/edexml}, the file as the body, its name in
 * {@code X-File-Name}, the session cookie and CSRF token), and the repository's sample files as a school's own export.
 */
public final class EdexmlUploads {

    /** The samples as the repository keeps them (copied from {@code shared/edexml/samples} with their licence). */
    public static final Path SAMPLES = Path.of("../edexml/src/test/resources/samples");

    private EdexmlUploads() {}

    public static HttpResponse<String> post(int port, Sessions.Session as, long schoolId, byte[] body, String name) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create("http://localhost:" + port + "/api/schools/" + schoolId + "/edexml"))
                    .header("Cookie", as.cookieHeader()).header("X-XSRF-TOKEN", as.csrfToken())
                    .header("Content-Type", "application/xml")
                    .header("X-File-Name", URLEncoder.encode(name, StandardCharsets.UTF_8))
                    .expectContinue(true) // a refused body is not sent at all
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A sample as this school's own export: its BRIN, the main location. */
    public static String ownExport(String sample, String brin) {
        try {
            return Files.readString(SAMPLES.resolve(sample))
                    .replaceFirst("<brincode>[^<]*</brincode>", "<brincode>" + brin + "</brincode>")
                    .replaceFirst("<dependancecode>[^<]*</dependancecode>", "<dependancecode>00</dependancecode>");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
