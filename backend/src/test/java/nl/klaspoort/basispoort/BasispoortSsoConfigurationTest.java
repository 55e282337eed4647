package nl.klaspoort.basispoort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Clock;
import klaspoort.peers.OwnerOnly;
import klaspoort.peers.basispoort.BasispoortSso;
import klaspoort.peers.basispoort.BasispoortWorld;
import klaspoort.peers.basispoort.WorldGenerator;
import nl.klaspoort.basispoort.internal.BasispoortSsoConfiguration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.security.oauth2.client.autoconfigure.OAuth2ClientAutoConfiguration;
import org.springframework.boot.test.context.ConfigDataApplicationContextInitializer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;

/**
 * "Inloggen met Basispoort" (BP4), configuration only: Klaspoort's own {@code application.yml} registers the
 * {@code basispoort} OpenID Connect client against the demo run's SSO peer (issuer, client id, and the secret the peer
 * wrote), discovers the issuer on first use rather than at start, and has no registration under {@code prod}.
 */
class BasispoortSsoConfigurationTest {

    private static ApplicationContextRunner klaspoort(Path dataDir, String... properties) {
        return new ApplicationContextRunner()
                .withInitializer(new ConfigDataApplicationContextInitializer())
                .withConfiguration(AutoConfigurations.of(OAuth2ClientAutoConfiguration.class))
                .withUserConfiguration(BasispoortSsoConfiguration.class)
                .withPropertyValues("KLASPOORT_DATA_DIR=" + dataDir)
                .withPropertyValues(properties);
    }

    @Test
    @DisplayName("BP4 the default configuration signs in at the SSO peer with the secret the peer wrote")
    void defaultConfigurationPointsAtTheSsoPeer(@TempDir Path dataDir) {
        String secret = OwnerOnly.secret(dataDir.resolve("peers/basispoort-sso/client-secret"));
        BasispoortWorld world = new BasispoortWorld(Clock.systemUTC());
        WorldGenerator.demo(world, 1);
        try (BasispoortSso sso = BasispoortSso.builder().world(world).clientSecret(secret).start()) {
            klaspoort(dataDir, "KLASPOORT_BASISPOORT_SSO_ISSUER=" + sso.issuer()).run(context -> {
                ClientRegistration basispoort = context.getBean(ClientRegistrationRepository.class)
                        .findByRegistrationId("basispoort");

                assertThat(basispoort.getClientId()).isEqualTo("klaspoort");
                assertThat(basispoort.getClientSecret()).isEqualTo(secret);
                assertThat(basispoort.getClientName()).isEqualTo("Basispoort");
                assertThat(basispoort.getAuthorizationGrantType()).isEqualTo(AuthorizationGrantType.AUTHORIZATION_CODE);
                assertThat(basispoort.getClientAuthenticationMethod()).isEqualTo(ClientAuthenticationMethod.CLIENT_SECRET_BASIC);
                assertThat(basispoort.getScopes()).containsExactlyInAnyOrder("openid", "profile");
                assertThat(basispoort.getRedirectUri()).isEqualTo("{baseUrl}/{action}/oauth2/code/{registrationId}");
                ClientRegistration.ProviderDetails provider = basispoort.getProviderDetails();
                assertThat(provider.getIssuerUri()).isEqualTo(sso.issuer().toString());
                assertThat(provider.getAuthorizationUri()).isEqualTo(sso.issuer() + "/authorize");
                assertThat(provider.getTokenUri()).isEqualTo(sso.issuer() + "/token");
                assertThat(provider.getJwkSetUri()).isEqualTo(sso.issuer() + "/jwks");
                assertThat(provider.getUserInfoEndpoint().getUri()).isEqualTo(sso.issuer() + "/userinfo");
                assertThat(context.getBean(ClientRegistrationRepository.class).findByRegistrationId("entree")).isNull();
            });
        }
    }

    @Test
    @DisplayName("BP4 Klaspoort starts while the Basispoort issuer is unreachable, and says so when SSO is used")
    void startsWithoutTheIssuer(@TempDir Path dataDir) throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        klaspoort(dataDir, "KLASPOORT_BASISPOORT_SSO_ISSUER=http://localhost:" + closedPort + "/basispoort").run(context -> {
            assertThat(context).hasNotFailed();
            assertThatThrownBy(() -> context.getBean(ClientRegistrationRepository.class).findByRegistrationId("basispoort"))
                    .isInstanceOfSatisfying(OAuth2AuthenticationException.class,
                            e -> assertThat(e.getError().getErrorCode()).isEqualTo("issuer_unavailable"));
        });
    }

    @Test
    @DisplayName("BP4 under prod there is no SSO until the operator configures the issuer")
    void noRegistrationInProd(@TempDir Path dataDir) {
        klaspoort(dataDir, "spring.profiles.active=prod").run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context).doesNotHaveBean(ClientRegistrationRepository.class);
        });
    }
}
