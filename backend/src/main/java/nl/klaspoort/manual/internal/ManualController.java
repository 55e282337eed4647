package nl.klaspoort.manual.internal;

import nl.klaspoort.manual.Manual;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** S3: the manual as a PDF download. Public, like the manual of any product: it holds nothing about a school. */
@RestController
class ManualController {

    static final String PATH = "/support/handleiding.pdf";

    private final Manual manual;

    ManualController(Manual manual) {
        this.manual = manual;
    }

    @GetMapping(PATH)
    ResponseEntity<byte[]> pdf() {
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename("Handleiding Klaspoort.pdf").build().toString())
                .body(manual.pdf());
    }
}
