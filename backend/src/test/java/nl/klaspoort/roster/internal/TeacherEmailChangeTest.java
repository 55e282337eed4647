package nl.klaspoort.roster.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import klaspoort.peers.basispoort.Api;
import klaspoort.peers.mail.CaughtMail;
import klaspoort.peers.mail.MailCatcher;
import nl.klaspoort.security.UserSessions;
import nl.klaspoort.support.LoginPagePosts;
import nl.klaspoort.support.Sessions;
import nl.klaspoort.support.TestMail;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * BP5 (seed 003, "Overig"): a sync that brings a linked teacher a new e-mail address deactivates the old login at
 * once and mails an activation link to the new address; after activating it the teacher signs in with the new address
 * and the password they chose. Read back through login, the mail catcher, the set-password endpoint and the Logboek.
 */
class TeacherEmailChangeTest extends RosterTestBase {

    private static final ParameterizedTypeReference<List<Map<String, Object>>> NODES = new ParameterizedTypeReference<>() {};

    @Autowired
    PasswordEncoder passwords;
    @Autowired
    UserSessions sessions;

    @Test
    @DisplayName("BP5 a new e-mail address from Basispoort deactivates the old login and mails an activation link to the new address")
    void aNewAddressDeactivatesTheOldLoginAndMailsAnActivationLink() throws Exception {
        long institution = institution(3);
        apply(syncNow().get("id"));
        Api.Medewerker teacher = world().staff(institution).getFirst();
        long teacherId = userOf(teacher.id());
        String oldEmail = teacher.emailadres();
        jdbc.sql("update app_user set password_hash = :hash where id = :id") // the teacher had chosen a password
                .param("hash", passwords.encode(Sessions.PROFESSIONAL_PASSWORD)).param("id", teacherId).update();
        Sessions.login(port, oldEmail, Sessions.PROFESSIONAL_PASSWORD); // a browser signed in with the old login
        assertThat(sessions.count(teacherId)).isPositive();
        Api.Medewerker untouched = world().staff(institution).get(1);

        String newEmail = "nieuw." + oldEmail;
        world().changeStaff(institution, new Api.Medewerker(teacher.id(), teacher.eckid(), teacher.lasKey(),
                teacher.persoonsgegevens(), newEmail, null, teacher.rollen(), teacher.groepen(), teacher.subgroepen()));
        Object second = syncNow().get("id");
        assertThat(changes(run(second, null))).filteredOn(c -> Boolean.TRUE.equals(c.get("newLogin")))
                .as("the preview tells the admin what applying does to the login").singleElement()
                .satisfies(c -> assertThat(field(c, "EMAIL")).containsEntry("after", newEmail));
        apply(second);

        CaughtMail mail = TestMail.catcher().awaitMail(MailCatcher.to(newEmail), Duration.ofSeconds(20));
        assertThat(mail.subject()).isEqualTo("Stel uw wachtwoord in voor Klaspoort");
        assertThat(mail.text()).startsWith("Beste " + teacher.persoonsgegevens().voornaam() + ",");
        assertThat(TestMail.catcher().mails(MailCatcher.to(oldEmail))).as("nothing to the old address").isEmpty();
        assertThat(TestMail.catcher().mails(MailCatcher.to(untouched.emailadres()))).as("only the changed teacher").isEmpty();

        assertThat(sessions.count(teacherId)).as("the old login's sessions ended").isZero();
        assertThatThrownBy(() -> Sessions.login(port, oldEmail, Sessions.PROFESSIONAL_PASSWORD))
                .as("the old address no longer signs in").isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> Sessions.login(port, newEmail, Sessions.PROFESSIONAL_PASSWORD))
                .as("nor does the old password with the new address").isInstanceOf(IllegalStateException.class);

        String link = mail.links().getFirst();
        String secret = link.substring(link.indexOf('#') + 1);
        assertThat(setPassword(secret, "Nieuwadres2026").statusCode()).isEqualTo(204);
        assertThat(Sessions.login(port, newEmail, "Nieuwadres2026").csrfToken()).isNotBlank();
        assertThat(setPassword(secret, "Nogmaals2026").statusCode()).as("the link works once").isEqualTo(400);

        List<Map<String, Object>> events = admin.documentName("admin-audit-changes").variable("schoolId", school.schoolId())
                .variable("first", 100).variable("filter", Map.of("action", "LOGIN_EMAIL_REACTIVATION")).execute()
                .path("school.auditEvents.edges[*].node").entity(NODES).get();
        assertThat(events).singleElement().satisfies(e -> {
            assertThat(e.get("targetId")).isEqualTo(Long.toString(teacherId));
            assertThat(e.get("actorName")).isNull();
            assertThat(e.get("changes")).isEqualTo(List.of(Map.of("field", "login", "label", "Inloggen",
                    "before", "Met wachtwoord", "after", "Nieuw e-mailadres: activatiemail verstuurd")));
        });
    }

    @Test
    @DisplayName("BP5 issue 10: a new address from this school's Basispoort does not move the login of a teacher who also works at another school")
    void aTeacherOfTwoSchoolsKeepsTheirLogin() {
        long institution = institution(3);
        apply(syncNow().get("id"));
        Api.Medewerker teacher = world().staff(institution).getFirst();
        long teacherId = userOf(teacher.id());
        String oldEmail = teacher.emailadres();
        jdbc.sql("update app_user set password_hash = :hash where id = :id")
                .param("hash", passwords.encode(Sessions.PROFESSIONAL_PASSWORD)).param("id", teacherId).update();
        var other = fixture.school().withAdmin().create();
        fixture.grant(other.id(), teacherId, nl.klaspoort.access.Role.SUPERVISOR); // works at another school too

        String newEmail = "overgenomen." + oldEmail;
        world().changeStaff(institution, new Api.Medewerker(teacher.id(), teacher.eckid(), teacher.lasKey(),
                teacher.persoonsgegevens(), newEmail, null, teacher.rollen(), teacher.groepen(), teacher.subgroepen()));
        Object second = syncNow().get("id");
        Map<String, Object> change = changes(run(second, null)).stream()
                .filter(c -> Boolean.TRUE.equals(c.get("blocked"))).findFirst().orElseThrow();
        assertThat(change).containsEntry("newLogin", false);
        assertThat((String) change.get("reason")).startsWith("Niet toe te passen: deze leerkracht werkt ook op een andere school");
        assertThat(field(change, "EMAIL")).containsEntry("before", oldEmail).containsEntry("after", newEmail);
        Map<String, Object> run = run(second, null);
        if ("PREVIEW".equals(run.get("status"))) { // other changes of the sync apply; this one never does
            apply(second);
        }

        assertThat(Sessions.login(port, oldEmail, Sessions.PROFESSIONAL_PASSWORD).csrfToken())
                .as("the teacher still signs in with their own address").isNotBlank();
        assertThat(fixture.email(teacherId)).isEqualTo(oldEmail);
        assertThat(TestMail.catcher().mails(MailCatcher.to(newEmail))).as("no activation link to the new address").isEmpty();
    }

    private HttpResponse<String> setPassword(String token, String password) throws Exception {
        return LoginPagePosts.post(port, "/account/password", Map.of("token", token, "password", password), "nl");
    }
}
