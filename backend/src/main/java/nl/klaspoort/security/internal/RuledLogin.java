package nl.klaspoort.security.internal;

import java.util.List;
import nl.klaspoort.security.KlaspoortUser;
import nl.klaspoort.security.LoginRefusedException;
import nl.klaspoort.security.LoginRule;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * The password login ({@code delegate}: user lookup and password check) followed by every {@link LoginRule}, with the
 * client address Tomcat resolved (the forwarded one only from a trusted proxy). Single sign-on calls
 * {@link #check(KlaspoortUser, String)} with the same rules.
 */
final class RuledLogin implements AuthenticationProvider {

    private final AuthenticationProvider delegate;
    private final List<LoginRule> rules;

    RuledLogin(AuthenticationProvider delegate, List<LoginRule> rules) {
        this.delegate = delegate;
        this.rules = List.copyOf(rules);
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        Authentication result = delegate.authenticate(authentication);
        if (result != null && result.getPrincipal() instanceof KlaspoortUser user) {
            check(user, authentication.getDetails() instanceof WebAuthenticationDetails details ? details.getRemoteAddress() : null);
        }
        return result;
    }

    /** Throws {@link LoginRefusedException} with the first refusal of a rule. */
    void check(KlaspoortUser user, String clientAddress) {
        for (LoginRule rule : rules) {
            rule.check(user, clientAddress).ifPresent(refusal -> {
                throw new LoginRefusedException(refusal.code());
            });
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return delegate.supports(authentication);
    }
}
