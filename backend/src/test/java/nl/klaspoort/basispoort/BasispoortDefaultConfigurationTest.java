package nl.klaspoort.basispoort;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import klaspoort.peers.basispoort.BasispoortSimulator;
import klaspoort.peers.basispoort.WorldGenerator;
import nl.klaspoort.basispoort.internal.BasispoortConfiguration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.test.context.ConfigDataApplicationContextInitializer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * The demo run's wiring: with the peers' files under {@code KLASPOORT_DATA_DIR/peers}, Klaspoort's own
 * {@code application.yml} (configtree import of the passwords, SSL bundle, base URL) reaches the simulator without
 * any further setting.
 */
class BasispoortDefaultConfigurationTest {

    @Test
    @DisplayName("BP1 the default configuration reaches the simulator with the certificates the peers created")
    void defaultConfigurationPointsAtThePeersCertificates(@TempDir Path dataDir) {
        try (BasispoortSimulator simulator = BasispoortSimulator.builder()
                .certificates(dataDir.resolve("peers/basispoort"))
                .world(world -> WorldGenerator.demo(world, 1)).start()) {
            new ApplicationContextRunner()
                    .withInitializer(new ConfigDataApplicationContextInitializer())
                    .withConfiguration(AutoConfigurations.of(SslAutoConfiguration.class, JacksonAutoConfiguration.class,
                            HttpMessageConvertersAutoConfiguration.class, RestClientAutoConfiguration.class))
                    .withUserConfiguration(BasispoortConfiguration.class)
                    .withPropertyValues("KLASPOORT_DATA_DIR=" + dataDir,
                            "KLASPOORT_BASISPOORT_BASE_URL=" + simulator.baseUrl())
                    .run(context -> {
                        BasispoortClient client = context.getBean(BasispoortClient.class);
                        assertThat(client.hasSynchronizationPermission(WorldGenerator.DEMO_SCHOOL_ID, false)).isTrue();
                        assertThat(client.details(WorldGenerator.DEMO_SCHOOL_ID).brin()).isEqualTo(WorldGenerator.DEMO_BRIN);
                    });
        }
    }
}
