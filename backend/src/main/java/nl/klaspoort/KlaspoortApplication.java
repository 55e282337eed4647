package nl.klaspoort;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class KlaspoortApplication {
    public static void main(String[] args) {
        SpringApplication.run(KlaspoortApplication.class, args);
    }
}
