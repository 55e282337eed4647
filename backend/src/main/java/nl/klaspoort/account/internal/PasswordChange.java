package nl.klaspoort.account.internal;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import nl.klaspoort.mail.Mail;
import nl.klaspoort.mail.Mailer;
import nl.klaspoort.people.People;
import nl.klaspoort.people.Professional;
import nl.klaspoort.platform.CommonError;
import nl.klaspoort.platform.ErrorCode;
import nl.klaspoort.platform.PayloadError;
import nl.klaspoort.security.PasswordRule;
import nl.klaspoort.security.CurrentUser;
import nl.klaspoort.security.UserSessions;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * B17: a professional changes their own password, typing the current one; their other sessions end and a
 * confirmation is mailed.
 */
@Service
class PasswordChange {

    enum AccountError implements ErrorCode { WRONG_PASSWORD, INVALID_PASSWORD }

    record Input(String currentPassword, String newPassword) {}

    record Payload(boolean changed, List<PayloadError> errors) {}

    private final People people;
    private final PasswordEncoder encoder;
    private final Mailer mailer;
    private final Clock clock;
    private final PublicLinks publicLinks;
    private final UserSessions sessions;

    PasswordChange(People people, PasswordEncoder encoder, Mailer mailer, Clock clock, PublicLinks publicLinks,
            UserSessions sessions) {
        this.people = people;
        this.encoder = encoder;
        this.mailer = mailer;
        this.clock = clock;
        this.publicLinks = publicLinks;
        this.sessions = sessions;
    }

    @Transactional
    Payload change(Input input, Locale language, String currentSessionId) {
        long id = CurrentUser.id();
        if (!(people.byId(id).orElse(null) instanceof Professional professional)) {
            return refused(PayloadError.of(CommonError.FORBIDDEN));
        }
        String hash = people.passwordHash(id).orElse(null);
        if (hash == null || input.currentPassword() == null || input.currentPassword().length() > 1000
                || !encoder.matches(input.currentPassword(), hash)) {
            return refused(PayloadError.of(AccountError.WRONG_PASSWORD).field("currentPassword"));
        }
        List<PasswordRule.Problem> problems = PasswordRule.check(input.newPassword(), professional.email());
        if (!problems.isEmpty()) {
            return refused(PayloadError.of(AccountError.INVALID_PASSWORD).field("newPassword")
                    .param("reason", problems.getFirst().name()).param("min", PasswordRule.MIN_LENGTH)
                    .param("max", PasswordRule.MAX_LENGTH)
                    .param("length", input.newPassword() == null ? 0
                            : input.newPassword().codePointCount(0, input.newPassword().length())));
        }
        people.setPassword(id, encoder.encode(input.newPassword()));
        // other browsers that knew the old password are signed out; this one stays
        sessions.endAllExcept(id, currentSessionId);
        mailer.send(professional.email(), new Mail.PasswordChanged(professional.firstName(), clock.instant(),
                publicLinks.login()), language);
        return new Payload(true, List.of());
    }

    private static Payload refused(PayloadError error) {
        return new Payload(false, List.of(error));
    }
}
