package nl.klaspoort.account;

import static nl.klaspoort.support.GraphQl.errorCodes;
import static nl.klaspoort.support.GraphQl.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import klaspoort.peers.mail.MailCatcher;
import nl.klaspoort.security.UserSessions;
import nl.klaspoort.support.FreshSchoolTest;
import nl.klaspoort.support.Sessions;
import nl.klaspoort.support.SqlStatementCounter;
import nl.klaspoort.support.TestMail;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** B17: a professional changes their own password in the profile, with the current one; confirmed by mail. */
class PasswordChangeTest extends FreshSchoolTest {

    @Autowired
    UserSessions sessions;

    @Test
    @DisplayName("B17 a professional changes their own password with the current one and signs in with the new one; their other browsers are signed out")
    void ownPasswordChangeNeedsTheCurrentPassword() {
        var wrong = run(admin, "account-password-change", Map.of(
                "currentPassword", "Geraden2026", "newPassword", "Nieuw2026wachtwoord"));
        assertThat(errorCodes(wrong, "passwordChange")).containsExactly("WRONG_PASSWORD");
        wrong.path("passwordChange.errors[0].field").entity(String.class).isEqualTo("currentPassword");
        wrong.path("passwordChange.errors[0].message").entity(String.class).isEqualTo("Dit is niet uw huidige wachtwoord.");

        var weak = run(admin, "account-password-change", Map.of(
                "currentPassword", Sessions.PROFESSIONAL_PASSWORD, "newPassword", "alleenletters"));
        assertThat(errorCodes(weak, "passwordChange")).containsExactly("INVALID_PASSWORD");
        weak.path("passwordChange.errors[0].params[?(@.name == 'reason')].value").entityList(String.class)
                .containsExactly("NO_DIGIT");

        Sessions.login(port, school.adminEmail(), Sessions.PROFESSIONAL_PASSWORD); // another browser
        assertThat(sessions.count(school.admin())).isEqualTo(2);
        SqlStatementCounter.reset();
        var changed = run(admin, "account-password-change", Map.of(
                "currentPassword", Sessions.PROFESSIONAL_PASSWORD, "newPassword", "Nieuw2026wachtwoord"));
        assertThat(SqlStatementCounter.count()).as("person, hash, update, outbox").isLessThanOrEqualTo(5);
        assertThat(errorCodes(changed, "passwordChange")).isEmpty();
        changed.path("passwordChange.changed").entity(Boolean.class).isEqualTo(true);
        assertThat(sessions.count(school.admin())).as("the other browser is signed out, this one is not").isEqualTo(1);
        admin.document("{ me { user { username } } }").execute().path("me.user.username").entity(String.class)
                .isEqualTo(school.adminEmail());

        assertThat(Sessions.login(port, school.adminEmail(), "Nieuw2026wachtwoord").csrfToken()).isNotBlank();
        assertThatThrownBy(() -> Sessions.login(port, school.adminEmail(), Sessions.PROFESSIONAL_PASSWORD))
                .isInstanceOf(IllegalStateException.class);
        assertThat(TestMail.catcher().awaitMail(MailCatcher.to(school.adminEmail())
                .and(m -> m.subject().equals("Uw Klaspoort-wachtwoord is gewijzigd")), Duration.ofSeconds(20)).text())
                .contains("Was u dit niet?");
    }
}
