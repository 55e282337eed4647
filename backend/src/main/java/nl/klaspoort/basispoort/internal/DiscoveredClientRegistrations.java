package nl.klaspoort.basispoort.internal;

import java.util.Map;
import org.springframework.boot.security.oauth2.client.autoconfigure.OAuth2ClientProperties;
import org.springframework.boot.security.oauth2.client.autoconfigure.OAuth2ClientPropertiesMapper;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;

/**
 * The configured client registrations, mapped by Spring Boot's own rules, on first use: an issuer's discovery
 * document is fetched then (and again after a failure), not while the application starts. Once resolved they are
 * kept; the issuer's signing keys are fetched and refreshed separately when tokens are checked.
 */
final class DiscoveredClientRegistrations implements ClientRegistrationRepository {

    /** The error code when the issuer cannot be reached or answers no usable discovery document. */
    static final String ISSUER_UNAVAILABLE = "issuer_unavailable";

    private final OAuth2ClientProperties properties;
    private volatile Map<String, ClientRegistration> registrations;

    DiscoveredClientRegistrations(OAuth2ClientProperties properties) {
        this.properties = properties;
    }

    /**
     * The registration, or null when none has this id.
     *
     * @throws OAuth2AuthenticationException with code {@value #ISSUER_UNAVAILABLE} when the issuer cannot be reached
     */
    @Override
    public ClientRegistration findByRegistrationId(String registrationId) {
        if (registrationId == null || !properties.getRegistration().containsKey(registrationId)) {
            return null;
        }
        Map<String, ClientRegistration> resolved = registrations;
        if (resolved == null) {
            synchronized (this) {
                if (registrations == null) {
                    try {
                        registrations = Map.copyOf(new OAuth2ClientPropertiesMapper(properties).asClientRegistrations());
                    } catch (RuntimeException e) {
                        throw new OAuth2AuthenticationException(new OAuth2Error(ISSUER_UNAVAILABLE,
                                "The issuer of '" + registrationId + "' cannot be reached or answers no discovery document",
                                null), e);
                    }
                }
                resolved = registrations;
            }
        }
        return resolved.get(registrationId);
    }
}
