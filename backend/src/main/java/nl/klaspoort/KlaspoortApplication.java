package nl.klaspoort;

import java.util.OptionalInt;
import nl.klaspoort.edexml.EdexmlPreviewCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class KlaspoortApplication {
    public static void main(String[] args) {
        // `--edexml-preview=FILE` (BP6): support staff check a school's file; no database, no web server
        OptionalInt preview = EdexmlPreviewCommand.run(args, System.out);
        if (preview.isPresent()) {
            System.exit(preview.getAsInt());
        }
        SpringApplication.run(KlaspoortApplication.class, args);
    }
}
