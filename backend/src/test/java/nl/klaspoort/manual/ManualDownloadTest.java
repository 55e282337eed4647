package nl.klaspoort.manual;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import nl.klaspoort.support.KlaspoortTest;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** S3 over HTTP: the running app serves the manual as a PDF download, ahead of the SPA's routes. */
@KlaspoortTest
class ManualDownloadTest {

    @LocalServerPort
    int port;

    @Test
    @DisplayName("S3 /support/handleiding.pdf downloads the manual as a PDF with its headings")
    void theManualDownloadsAsAPdf() throws Exception {
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/support/handleiding.pdf")).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(response.headers().firstValue("Content-Disposition"))
                .hasValueSatisfying(value -> assertThat(value).startsWith("attachment;").contains(".pdf"));
        try (var pdf = Loader.loadPDF(response.body())) {
            assertThat(new PDFTextStripper().getText(pdf)).contains("Handleiding Klaspoort", "1. Inloggen", "7. Support");
        }
    }
}
