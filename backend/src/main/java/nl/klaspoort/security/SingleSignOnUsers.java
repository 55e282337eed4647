package nl.klaspoort.security;

import java.util.Map;
import java.util.Optional;

/**
 * Who a single sign-on identity is in Klaspoort ("Inloggen met Basispoort", BP4): the module that keeps the links of
 * local users to their Basispoort identity answers from the provider's verified claims (never from a name or e-mail
 * address, which a school can edit). Empty: nobody is linked to this identity.
 */
public interface SingleSignOnUsers {

    /**
     * @param registrationId the client registration signed in with (e.g. {@code basispoort})
     * @param claims         the ID token's (and user info's) claims, signature and audience already checked
     */
    Optional<KlaspoortUser> find(String registrationId, Map<String, Object> claims);
}
