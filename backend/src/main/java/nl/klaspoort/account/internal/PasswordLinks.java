package nl.klaspoort.account.internal;

import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import nl.klaspoort.mail.Mail;
import nl.klaspoort.mail.Mailer;
import nl.klaspoort.people.People;
import nl.klaspoort.people.Professional;
import nl.klaspoort.platform.TextBundle;
import nl.klaspoort.security.PasswordRule;
import nl.klaspoort.security.UserSessions;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * B1, S6: a professional chooses a password with a mailed link (activation or "Wachtwoord vergeten of wachtwoord
 * instellen?"), and asks for such a link. Asking never tells whether the address is known.
 */
@Service
class PasswordLinks {

    /**
     * Why a password was not set: a code for the SPA, the field, the message in the asker's language and, for
     * INVALID_PASSWORD, the rule's {@code reason}, {@code min}, {@code max} and the password's {@code length}.
     */
    record Refusal(String code, String field, String message, Map<String, Object> params) {}

    private static final TextBundle TEXTS = TextBundle.of("account/password");

    private final AccountLinkStore links;
    private final People people;
    private final PasswordEncoder encoder;
    private final Mailer mailer;
    private final Clock clock;
    private final PublicLinks publicLinks;
    private final UserSessions sessions;

    PasswordLinks(AccountLinkStore links, People people, PasswordEncoder encoder, Mailer mailer, Clock clock,
            PublicLinks publicLinks, UserSessions sessions) {
        this.links = links;
        this.people = people;
        this.encoder = encoder;
        this.mailer = mailer;
        this.clock = clock;
        this.publicLinks = publicLinks;
        this.sessions = sessions;
    }

    /**
     * Sets the password of the link's owner, uses the link up and ends every session of the owner; nothing changes
     * when it is refused.
     */
    @Transactional
    Optional<Refusal> setPassword(String secret, String password, Locale language) {
        var link = secret == null || secret.length() > 100 ? Optional.<AccountLinkStore.OpenLink>empty()
                : links.open(secret, EnumSet.of(LinkToken.Purpose.ACTIVATION, LinkToken.Purpose.PASSWORD_RESET));
        if (link.isEmpty() || !(people.byId(link.get().userId()).orElse(null) instanceof Professional owner)) {
            return Optional.of(new Refusal("LINK_INVALID", null, TEXTS.format("link.INVALID", language, Map.of()), Map.of()));
        }
        List<PasswordRule.Problem> problems = PasswordRule.check(password, owner.email());
        if (!problems.isEmpty()) {
            return Optional.of(new Refusal("INVALID_PASSWORD", "password", problems.getFirst().message(language, password),
                    Map.of("reason", problems.getFirst().name(), "min", PasswordRule.MIN_LENGTH,
                            "max", PasswordRule.MAX_LENGTH, "length", password == null ? 0 : password.codePointCount(0, password.length()))));
        }
        if (!links.use(link.get().id())) {
            return Optional.of(new Refusal("LINK_INVALID", null, TEXTS.format("link.INVALID", language, Map.of()), Map.of()));
        }
        people.setPassword(owner.id(), encoder.encode(password));
        // whoever knew the old password is signed out everywhere (S6: a reset ends that user's other sessions)
        sessions.endAll(owner.id());
        if (link.get().purpose() == LinkToken.Purpose.PASSWORD_RESET) {
            mailer.send(owner.email(), new Mail.PasswordChanged(owner.firstName(), clock.instant(),
                    publicLinks.login()), language);
        }
        return Optional.empty();
    }

    /** Mails a reset link valid for an hour when a professional signs in with this address; otherwise nothing. */
    @Transactional
    void requestReset(String email, Locale language) {
        if (email == null || email.isBlank() || email.length() > 254) {
            return;
        }
        people.professionalByEmail(email.strip()).ifPresent(professional -> {
            LinkToken token = LinkToken.issue(LinkToken.Purpose.PASSWORD_RESET, clock);
            links.issue(professional.id(), LinkToken.Purpose.PASSWORD_RESET, token, null);
            mailer.send(professional.email(), new Mail.PasswordReset(professional.firstName(),
                    publicLinks.setPassword(token),
                    token.expiresAt()), language);
        });
    }
}
