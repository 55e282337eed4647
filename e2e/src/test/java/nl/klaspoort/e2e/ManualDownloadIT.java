package nl.klaspoort.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** S3 from the packaged jar: docs/handleiding.md travels inside it and comes out as the manual's PDF. */
class ManualDownloadIT {

    @Test
    @DisplayName("S3 the packaged app serves the manual as a PDF with the manual's chapters")
    void packagedAppServesTheManual() throws Exception {
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(KlaspoortApp.get().baseUrl() + "/support/handleiding.pdf")).build(),
                HttpResponse.BodyHandlers.ofByteArray());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/pdf");
        try (var pdf = Loader.loadPDF(response.body())) {
            assertThat(pdf.getDocumentInformation().getTitle()).isEqualTo("Handleiding Klaspoort");
            assertThat(new PDFTextStripper().getText(pdf)).contains("1. Inloggen", "2. Het school-dashboard",
                    "5. Beheer", "7. Support", "8. Informatieplein", "Wachtwoord vergeten of wachtwoord instellen?");
        }
    }
}
