package nl.klaspoort.basispoort.internal;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.oauth2.client.autoconfigure.ConditionalOnOAuth2ClientRegistrationProperties;
import org.springframework.boot.security.oauth2.client.autoconfigure.OAuth2ClientProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;

/**
 * "Inloggen met Basispoort" (BP4): the OpenID Connect client registrations of {@code spring.security.oauth2.client.*}
 * (registration and provider {@code basispoort}: issuer, client id and secret), resolved from the issuer's discovery
 * document when first used instead of at start, so Klaspoort starts and serves password logins while the issuer is
 * unreachable. Without any registration (the {@code prod} profile until the operator configures one) there is no
 * repository, and single sign-on is off. The login flow itself is wired into the browser security chain separately.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnOAuth2ClientRegistrationProperties
@EnableConfigurationProperties(OAuth2ClientProperties.class)
public class BasispoortSsoConfiguration {

    @Bean
    ClientRegistrationRepository clientRegistrationRepository(OAuth2ClientProperties properties) {
        return new DiscoveredClientRegistrations(properties);
    }
}
