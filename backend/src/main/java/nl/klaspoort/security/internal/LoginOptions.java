package nl.klaspoort.security.internal;

import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the sign-in page may offer, before anyone is signed in: {@code GET /login/options} →
 * {@code {"singleSignOn": true}} when "Inloggen met Basispoort" (BP4) is configured, so that the page shows its button
 * only where it leads somewhere (under {@code prod} until the operator registers the client, it would not).
 */
@RestController
class LoginOptions {

    private final boolean singleSignOn;

    LoginOptions(ObjectProvider<ClientRegistrationRepository> singleSignOnClients) {
        this.singleSignOn = singleSignOnClients.getIfAvailable() != null;
    }

    @GetMapping("/login/options")
    ResponseEntity<Map<String, Boolean>> options() {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(Map.of("singleSignOn", singleSignOn));
    }
}
