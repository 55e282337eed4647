package nl.klaspoort.account;

import static nl.klaspoort.support.GraphQl.errorCodes;
import static nl.klaspoort.support.GraphQl.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import klaspoort.peers.mail.CaughtMail;
import klaspoort.peers.mail.MailCatcher;
import nl.klaspoort.security.UserSessions;
import nl.klaspoort.support.FreshSchoolTest;
import nl.klaspoort.support.LoginPagePosts;
import nl.klaspoort.support.Sessions;
import nl.klaspoort.support.TestClock;
import nl.klaspoort.support.TestMail;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.json.JsonMapper;

/**
 * B1 and S6 over HTTP as the SPA calls them: the mailed link sets a password once, within its time; asking for a
 * link never reveals whether an address is known; a reset is confirmed by mail.
 */
class PasswordLinksTest extends FreshSchoolTest {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    TestClock clock;

    @Autowired
    UserSessions sessions;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    @DisplayName("B1 a new professional sets a password through the mailed link and logs in; the link works once")
    void theActivationLinkSetsThePasswordOnce() throws Exception {
        String email = "fleur." + school.id() + "@school.example";
        String secret = secret(activationMail(email));

        HttpResponse<String> weak = post("/account/password", Map.of("token", secret, "password", "kort1"), "nl");
        assertThat(weak.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(weak.body()).get("code").asString()).isEqualTo("INVALID_PASSWORD");
        assertThat(JSON.readTree(weak.body()).get("message").asString())
                .isEqualTo("Een wachtwoord heeft minstens 8 tekens, met letters én cijfers; dit wachtwoord heeft er 5.");

        String passphrase = "fietsen naar school in 4 minuten";
        assertThat(post("/account/password", Map.of("token", secret, "password", passphrase), "nl").statusCode())
                .as("a refused password does not use the link up").isEqualTo(204);
        assertThat(Sessions.login(port, email, passphrase).csrfToken()).isNotBlank();

        HttpResponse<String> again = post("/account/password", Map.of("token", secret, "password", "Anders2026x"), "en");
        assertThat(again.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(again.body()).get("code").asString()).isEqualTo("LINK_INVALID");
        assertThat(JSON.readTree(again.body()).get("message").asString()).startsWith("This link no longer works");
        assertThatThrownBy(() -> Sessions.login(port, email, "Anders2026x")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    @DisplayName("B1 an expired activation link is refused")
    void anExpiredActivationLinkIsRefused() throws Exception {
        String email = "laat." + school.id() + "@school.example";
        String secret = secret(activationMail(email));
        clock.advance(Duration.ofDays(7).plusMinutes(1));
        HttpResponse<String> late = post("/account/password", Map.of("token", secret, "password", "Klaspoort2027"), "nl");
        assertThat(late.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(late.body()).get("message").asString()).startsWith("Deze link werkt niet meer");
        assertThat(post("/account/password", Map.of("token", "verzonnen", "password", "Klaspoort2027"), "nl").statusCode())
                .isEqualTo(400);
    }

    @Test
    @DisplayName("S6 forgotten password: the same answer for any address, a link for a known one, valid one hour; the reset signs the user out everywhere")
    void aResetRequestNeverRevealsWhetherTheAddressExists() throws Exception {
        String email = school.adminEmail();
        Sessions.login(port, email, Sessions.PROFESSIONAL_PASSWORD); // a browser that knew the old password
        assertThat(sessions.count(school.admin())).isPositive();
        String unknown = "niemand." + school.id() + "@school.example";
        HttpResponse<String> known = post("/account/password-reset", Map.of("email", email.toUpperCase()), "nl");
        HttpResponse<String> stranger = post("/account/password-reset", Map.of("email", unknown), "nl");
        assertThat(known.statusCode()).isEqualTo(202);
        assertThat(stranger.statusCode()).isEqualTo(202);
        assertThat(stranger.body()).isEqualTo(known.body());

        CaughtMail reset = TestMail.catcher().awaitMail(MailCatcher.to(email), Duration.ofSeconds(20));
        assertThat(reset.subject()).isEqualTo("Nieuw wachtwoord instellen voor Klaspoort");
        String secret = secret(reset);
        clock.advance(Duration.ofMinutes(59));
        assertThat(post("/account/password", Map.of("token", secret, "password", "Nieuw2026wachtwoord"), "nl")
                .statusCode()).isEqualTo(204);
        assertThat(sessions.count(school.admin())).as("a reset ends that user's sessions").isZero();
        assertThat(Sessions.login(port, email, "Nieuw2026wachtwoord").csrfToken()).isNotBlank();
        CaughtMail changed = TestMail.catcher().awaitMail(MailCatcher.to(email)
                .and(m -> m.subject().equals("Uw Klaspoort-wachtwoord is gewijzigd")), Duration.ofSeconds(20));
        assertThat(changed.text()).contains("Was u dit niet?");
        assertThat(TestMail.catcher().mails(MailCatcher.to(unknown))).isEmpty();

        post("/account/password-reset", Map.of("email", email), "nl");
        String second = secret(TestMail.catcher().awaitMail(MailCatcher.to(email)
                .and(m -> m.subject().startsWith("Nieuw wachtwoord") && !m.links().getFirst().endsWith(secret)),
                Duration.ofSeconds(20)));
        clock.advance(Duration.ofMinutes(61));
        assertThat(post("/account/password", Map.of("token", second, "password", "Nieuw2027wachtwoord"), "nl")
                .statusCode()).as("a reset link works one hour").isEqualTo(400);
    }

    private CaughtMail activationMail(String email) {
        var created = run(admin, "admin-professional-create", Map.of("schoolId", school.schoolId(), "firstName", "Fleur",
                "lastName", "Jansen", "email", email, "roles", List.of("ADMIN"), "productIds", List.of()));
        assertThat(errorCodes(created, "professionalCreate")).isEmpty();
        return TestMail.catcher().awaitMail(MailCatcher.to(email), Duration.ofSeconds(20));
    }

    private static String secret(CaughtMail mail) {
        String link = mail.links().getFirst();
        return link.substring(link.indexOf('#') + 1);
    }

    private HttpResponse<String> post(String path, Map<String, String> body, String language) throws Exception {
        return LoginPagePosts.post(port, path, body, language);
    }
}
