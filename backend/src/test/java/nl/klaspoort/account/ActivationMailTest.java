package nl.klaspoort.account;

import static nl.klaspoort.support.GraphQl.errorCodes;
import static nl.klaspoort.support.GraphQl.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import klaspoort.peers.mail.CaughtMail;
import klaspoort.peers.mail.MailCatcher;
import nl.klaspoort.support.FreshSchoolTest;
import nl.klaspoort.support.TestClock;
import nl.klaspoort.support.TestMail;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** B1, B4: creating a professional mails an activation link over SMTP after the commit; none for a refused create. */
class ActivationMailTest extends FreshSchoolTest {

    @Autowired
    TestClock clock;

    @Test
    @DisplayName("B4 a new professional receives a Dutch activation mail with a single-use link valid for 7 days")
    void aNewProfessionalIsMailedAnActivationLink() {
        String email = "nieuw." + school.id() + "@school.example";
        var created = run(admin, "admin-professional-create", Map.of("schoolId", school.schoolId(), "firstName", "Fleur",
                "lastName", "Jansen", "email", email, "roles", List.of("ADMIN"), "productIds", List.of()));
        assertThat(errorCodes(created, "professionalCreate")).isEmpty();

        CaughtMail mail = TestMail.catcher().awaitMail(MailCatcher.to(email), Duration.ofSeconds(20));
        assertThat(mail.subject()).isEqualTo("Stel uw wachtwoord in voor Klaspoort");
        assertThat(mail.language()).isEqualTo("nl");
        assertThat(mail.text()).startsWith("Beste Fleur,").contains(school.name());
        String link = mail.links().getFirst();
        assertThat(link).matches("http://localhost:\\d+/wachtwoord-instellen#[A-Za-z0-9_-]{43}");
        String secret = link.substring(link.indexOf('#') + 1);
        assertThat(jdbc.sql("""
                        select count(*) from account_link l join app_user u on u.id = l.user_id
                         where lower(u.email) = lower(:email) and l.purpose = 'ACTIVATION' and l.used_at is null
                           and l.expires_at between :from and :to and l.token_hash <> :secret
                        """)
                .param("email", email).param("secret", secret)
                .param("from", java.sql.Timestamp.from(clock.instant().plus(Duration.ofDays(7)).minusSeconds(60)))
                .param("to", java.sql.Timestamp.from(clock.instant().plus(Duration.ofDays(7)).plusSeconds(60)))
                .query(Integer.class).single()).as("one open link, 7 days, stored as its hash only").isEqualTo(1);
        // the listener deletes the outbox entry once the SMTP server has taken the mail: just after the catcher has it
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (jdbc.sql("select count(*) from event_publication where serialized_event like :secret")
                .param("secret", "%" + secret + "%").query(Integer.class).single() > 0) {
            assertThat(System.nanoTime()).as("the outbox entry is deleted once sent").isLessThan(deadline);
            Thread.onSpinWait();
        }
    }

    @Test
    void aRefusedCreateMailsNobody() {
        String refused = "geweigerd." + school.id() + "@school.example";
        var response = run(admin, "admin-professional-create", Map.of("schoolId", school.schoolId(), "firstName", " ",
                "lastName", "Jansen", "email", refused, "roles", List.of("ADMIN"), "productIds", List.of()));
        assertThat(errorCodes(response, "professionalCreate")).contains("INVALID_NAME");
        String next = "volgende." + school.id() + "@school.example";
        run(admin, "admin-professional-create", Map.of("schoolId", school.schoolId(), "firstName", "Piet",
                "lastName", "Jansen", "email", next, "roles", List.of("ADMIN"), "productIds", List.of()));
        TestMail.catcher().awaitMail(MailCatcher.to(next), Duration.ofSeconds(20));
        assertThat(TestMail.catcher().mails(MailCatcher.to(refused))).isEmpty();
    }
}
