package nl.klaspoort.security.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import nl.klaspoort.basispoort.internal.BasispoortSsoConfiguration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.security.oauth2.client.autoconfigure.OAuth2ClientAutoConfiguration;
import org.springframework.boot.test.context.ConfigDataApplicationContextInitializer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * The sign-in page offers "Inloggen met Basispoort" (BP4) only where it is configured, read from Klaspoort's own
 * {@code application.yml}: in the demo run and tests it is, under {@code prod} it is not until the operator registers
 * the client. (That the configured button signs in is {@code SingleSignOnTest} and the journey BP4.)
 */
class LoginOptionsTest {

    private static ApplicationContextRunner klaspoort(Path dataDir, String... properties) {
        return new ApplicationContextRunner()
                .withInitializer(new ConfigDataApplicationContextInitializer())
                .withConfiguration(AutoConfigurations.of(OAuth2ClientAutoConfiguration.class))
                .withUserConfiguration(BasispoortSsoConfiguration.class, LoginOptions.class)
                .withPropertyValues("KLASPOORT_DATA_DIR=" + dataDir)
                .withPropertyValues(properties);
    }

    @Test
    @DisplayName("BP4 the sign-in page offers Basispoort where single sign-on is configured")
    void offeredWhereConfigured(@TempDir Path dataDir) {
        klaspoort(dataDir).run(context -> assertThat(context.getBean(LoginOptions.class).options().getBody())
                .isEqualTo(Map.of("singleSignOn", true)));
    }

    @Test
    @DisplayName("BP4 under prod without a registered client the sign-in page offers no Basispoort button")
    void notOfferedInProdUntilConfigured(@TempDir Path dataDir) {
        klaspoort(dataDir, "spring.profiles.active=prod").run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean(LoginOptions.class).options().getBody()).isEqualTo(Map.of("singleSignOn", false));
            assertThat(context.getBean(LoginOptions.class).options().getHeaders().getCacheControl()).isEqualTo("no-store");
        });
    }
}
