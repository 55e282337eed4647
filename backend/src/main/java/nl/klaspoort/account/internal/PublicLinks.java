package nl.klaspoort.account.internal;

import java.net.URI;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Absolute links into Klaspoort for mails, from {@code klaspoort.public-url}. */
@Component
class PublicLinks {

    /** The SPA page that reads a link's secret from the fragment (never sent to a server or in a Referer). */
    static final String SET_PASSWORD_PAGE = "/wachtwoord-instellen";

    private final String base;

    PublicLinks(@Value("${klaspoort.public-url}") String base) {
        this.base = base.replaceAll("/+$", "");
    }

    /** The page to choose a password with this token (activation or reset). */
    URI setPassword(LinkToken token) {
        return URI.create(base + SET_PASSWORD_PAGE + "#" + token.secret());
    }

    /** The SPA page that confirms a new login e-mail address with the token in the fragment. */
    static final String CONFIRM_EMAIL_PAGE = "/e-mailadres-bevestigen";

    /** The page that confirms a new login address with this token (the signed-in person confirms it there). */
    URI confirmEmail(String token) {
        return URI.create(base + CONFIRM_EMAIL_PAGE + "#" + token);
    }

    /** The SPA page where the invited person accepts or declines with the token in the fragment (issue 10, item 9). */
    static final String INVITATION_PAGE = "/uitnodiging";

    /** The page to answer an invitation with this token (the signed-in person answers there). */
    URI invitation(String token) {
        return URI.create(base + INVITATION_PAGE + "#" + token);
    }

    /** The login page. */
    URI login() {
        return URI.create(base + "/login");
    }
}
