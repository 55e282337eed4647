package nl.klaspoort.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import klaspoort.peers.mail.CaughtMail;
import klaspoort.peers.mail.MailCatcher;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Accounts by e-mail (issue 15): the activation mail's link, "Wachtwoord vergeten of wachtwoord instellen?" and one's
 * own password, against the packaged app and its real SMTP mail catcher.
 */
class AccountIT extends BrowserJourney {

    private static final String ADMIN = "beheerder@demo.klaspoort.nl";

    private static String family(String prefix) {
        long n = System.nanoTime();
        return prefix + (char) ('a' + n % 26) + (char) ('a' + n / 26 % 26) + (char) ('a' + n / 676 % 26);
    }

    /** A new professional at OBS De Regenboog, created by its admin: Klaspoort mails them the activation link. */
    private static CaughtMail newColleague(String email) {
        Api admin = Api.signIn(app, ADMIN, PROFESSIONAL_PASSWORD);
        var created = admin.graphql("""
                mutation($input: ProfessionalCreateInput!) { professionalCreate(input: $input) { userId errors { message } } }
                """, Map.of("input", Map.of("schoolId", admin.schoolId("12AB"), "firstName", "Fleur", "lastName", "Jansen",
                "email", email, "roles", List.of("SUPERVISOR"), "productIds", List.of())));
        org.assertj.core.api.Assertions.assertThat(created.get("professionalCreate").get("errors").isEmpty()).isTrue();
        return app.mail().awaitMail(MailCatcher.to(email), Duration.ofSeconds(30));
    }

    @Test
    @DisplayName("B1 a new professional sets a password through the mailed link and logs in; the used link is refused")
    void activationLinkSetsThePassword() {
        String email = family("fleur.") + "@school.example";
        CaughtMail mail = newColleague(email);
        org.assertj.core.api.Assertions.assertThat(mail.subject()).contains("Klaspoort");
        String link = mail.links().getFirst();
        org.assertj.core.api.Assertions.assertThat(link).startsWith(app.baseUrl() + "/wachtwoord-instellen#");

        choosePassword(link, "kort1");
        assertThat(page.getByRole(AriaRole.MAIN).getByText("Een wachtwoord heeft minstens 8 tekens, met letters én cijfers; dit wachtwoord heeft er 5."))
                .isVisible();
        Accessibility.assertNoSeriousViolations(page);

        String passphrase = "fietsen naar school in 4 minuten";
        page.getByLabel("Nieuw wachtwoord", new Page.GetByLabelOptions().setExact(true)).fill(passphrase);
        page.getByLabel("Herhaal het nieuwe wachtwoord").fill(passphrase);
        Ui.button(page, "Wachtwoord opslaan").click();
        assertThat(page.getByRole(AriaRole.STATUS)).hasText("Uw wachtwoord is ingesteld. U kunt nu inloggen.");
        assertThat(page).hasURL(Pattern.compile(".*/wachtwoord-instellen$"));

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Naar inloggen")).click();
        login(email, passphrase);
        assertThat(page.locator("#dashboard-title")).hasText("OBS De Regenboog");

        // the link works once: opened again it is refused and points to a new one
        context.clearCookies();
        choosePassword(link, "Anders2026x");
        assertThat(page.getByRole(AriaRole.ALERT)).hasText("Deze link werkt niet meer: hij is verlopen of al gebruikt.");
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Vraag een nieuwe link aan"))).isVisible();
    }

    @Test
    @DisplayName("B1 S6 'Wachtwoord vergeten of wachtwoord instellen?' from the login page mails a link that sets a new password")
    void forgottenPasswordFromTheLoginPage() {
        String email = family("vergeten.") + "@school.example";
        newColleague(email);
        page.navigate("/login");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Wachtwoord vergeten of wachtwoord instellen?")).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Wachtwoord vergeten of wachtwoord instellen"))).isVisible();
        assertThat(page.getByRole(AriaRole.MAIN).getByText("Leerlingen krijgen hun gebruikersnaam en wachtwoord")).isVisible();
        Ui.button(page, "Link versturen").click();
        assertThat(page.getByRole(AriaRole.MAIN).getByText("Vul uw e-mailadres in.")).isVisible();
        Accessibility.assertNoSeriousViolations(page);

        page.getByLabel("E-mailadres").fill(email);
        Ui.button(page, "Link versturen").click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("Als dit adres bij Klaspoort bekend is");

        CaughtMail reset = app.mail().awaitMail(MailCatcher.to(email).and(m -> m.subject().startsWith("Nieuw wachtwoord")),
                Duration.ofSeconds(30));
        choosePassword(reset.links().getFirst(), "Vergeten2026wachtwoord");
        assertThat(page.getByRole(AriaRole.STATUS)).hasText("Uw wachtwoord is ingesteld. U kunt nu inloggen.");
        login(email, "Vergeten2026wachtwoord");
        assertThat(page.locator("#dashboard-title")).hasText("OBS De Regenboog");
    }

    @Test
    @DisplayName("B17 a professional changes their own password in the profile with the current one")
    void ownPasswordChange() {
        String email = family("eigen.") + "@school.example";
        choosePassword(newColleague(email).links().getFirst(), "Begin2026wachtwoord");
        assertThat(page.getByRole(AriaRole.STATUS)).hasText("Uw wachtwoord is ingesteld. U kunt nu inloggen.");
        login(email, "Begin2026wachtwoord");
        assertThat(page.locator("#dashboard-title")).hasText("OBS De Regenboog");

        page.navigate("/profiel");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Mijn wachtwoord"))).isVisible();
        page.getByLabel("Huidig wachtwoord").fill("Geraden2026");
        page.getByLabel("Nieuw wachtwoord", new Page.GetByLabelOptions().setExact(true)).fill("Later2026wachtwoord");
        page.getByLabel("Herhaal het nieuwe wachtwoord").fill("Later2026wachtwoord");
        Ui.button(page, "Wachtwoord wijzigen").click();
        assertThat(page.getByRole(AriaRole.MAIN).getByText("Dit is niet uw huidige wachtwoord.")).isVisible();

        page.getByLabel("Huidig wachtwoord").fill("Begin2026wachtwoord");
        page.getByLabel("Nieuw wachtwoord", new Page.GetByLabelOptions().setExact(true)).fill("alleenletters");
        page.getByLabel("Herhaal het nieuwe wachtwoord").fill("alleenletters");
        Ui.button(page, "Wachtwoord wijzigen").click();
        assertThat(page.getByRole(AriaRole.MAIN).getByText("Een wachtwoord heeft letters én cijfers; voeg minstens één cijfer toe.")).isVisible();
        Accessibility.assertNoSeriousViolations(page);

        page.getByLabel("Nieuw wachtwoord", new Page.GetByLabelOptions().setExact(true)).fill("Later2026wachtwoord");
        page.getByLabel("Herhaal het nieuwe wachtwoord").fill("Later2026wachtwoord");
        Ui.button(page, "Wachtwoord wijzigen").click();
        assertThat(page.getByRole(AriaRole.MAIN).getByText("Uw wachtwoord is gewijzigd.")).isVisible();
        app.mail().awaitMail(MailCatcher.to(email).and(m -> m.subject().equals("Uw Klaspoort-wachtwoord is gewijzigd")),
                Duration.ofSeconds(30));

        context.clearCookies();
        login(email, "Later2026wachtwoord");
        assertThat(page.locator("#dashboard-title")).hasText("OBS De Regenboog");
    }
}
