package klaspoort.peers;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The local peers for the demo and the tests, in one process: {@code java -jar peers/target/klaspoort-peers-exec.jar}.
 * With {@code --peers.init-only=true} it only prepares their files (certificates) and exits, so a process that reads
 * them (Klaspoort) can start right after. The package lies outside {@code nl.klaspoort} on purpose: when the backend's
 * tests put this jar on their classpath, Klaspoort's component scan and module model must not see it.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class PeersApplication {

    public static void main(String[] args) {
        ConfigurableApplicationContext context = SpringApplication.run(PeersApplication.class, args);
        if (context.getEnvironment().getProperty("peers.init-only", Boolean.class, false)) {
            System.exit(SpringApplication.exit(context));
        }
    }
}
