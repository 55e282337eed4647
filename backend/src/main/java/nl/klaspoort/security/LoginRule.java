package nl.klaspoort.security;

import java.util.Optional;

/**
 * A rule another module adds to every sign-in, password and single sign-on alike, once it is known who signs in and
 * before a session is made: BP7 ("leerlingen mogen alleen op school inloggen") is one. A refusal ends the sign-in with
 * its code (the SPA shows the text of {@code login.refused.<code>}); it is not a wrong password, so it does not count
 * towards the {@link LoginThrottle}.
 */
public interface LoginRule {

    /** Why a sign-in is refused: a code the SPA translates (e.g. {@code OUTSIDE_SCHOOL}). */
    record Refusal(String code) {}

    /**
     * @param user          who signs in (password checked, or identity confirmed by the single sign-on provider)
     * @param clientAddress the address the request came from (the proxy's forwarded address when it is trusted), or
     *                      null when it cannot be told
     * @return a refusal, or empty to let the sign-in go on
     */
    Optional<Refusal> check(KlaspoortUser user, String clientAddress);
}
