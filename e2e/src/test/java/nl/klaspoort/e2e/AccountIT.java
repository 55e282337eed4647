package nl.klaspoort.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import klaspoort.peers.mail.CaughtMail;
import klaspoort.peers.mail.MailCatcher;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Accounts by e-mail (issue 15): the activation mail's link, "Wachtwoord vergeten of wachtwoord instellen?", one's
 * own password and one's own login e-mail (B16, issue 10), against the packaged app and its real SMTP mail catcher.
 */
class AccountIT extends BrowserJourney {

    private static final String ADMIN = "beheerder@demo.klaspoort.nl";

    private static String family(String prefix) {
        long n = System.nanoTime();
        return prefix + (char) ('a' + n % 26) + (char) ('a' + n / 26 % 26) + (char) ('a' + n / 676 % 26);
    }

    /** A new professional at OBS De Regenboog, created by its admin: Klaspoort mails them the activation link. */
    private static CaughtMail newColleague(String email) {
        return newColleague(email, "Jansen");
    }

    private static CaughtMail newColleague(String email, String lastName) {
        Api admin = Api.signIn(app, ADMIN, PROFESSIONAL_PASSWORD);
        var created = admin.graphql("""
                mutation($input: ProfessionalCreateInput!) { professionalCreate(input: $input) { userId errors { message } } }
                """, Map.of("input", Map.of("schoolId", admin.schoolId("12AB"), "firstName", "Fleur", "lastName", lastName,
                "email", email, "roles", List.of("SUPERVISOR"), "productIds", List.of())));
        org.assertj.core.api.Assertions.assertThat(created.get("professionalCreate").get("errors").isEmpty()).isTrue();
        return app.mail().awaitMail(MailCatcher.to(email), Duration.ofSeconds(30));
    }

    /** The signed-in admin's user overview ({@code administration} in the menu) searched for one colleague: their row. */
    private Locator colleagueInOverview(String administration, String search, String last) {
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(administration).setExact(true)).click();
        Ui.fill(page, search, last);
        Locator rows = Ui.visible(page, "table.kp-table tbody tr");
        assertThat(rows).hasCount(1);
        return rows;
    }

    @Test
    @DisplayName("B4 the admin sees a colleague has not activated yet and sends the e-mail again from the profile; only the new link works")
    void adminSendsTheActivationMailAgain() {
        String last = family("Opnieuw");
        String email = last.toLowerCase() + "@school.example";
        CaughtMail first = newColleague(email, last);

        login(ADMIN, PROFESSIONAL_PASSWORD);
        assertThat(colleagueInOverview("Beheer", "Zoeken", last)).containsText("Nog niet geactiveerd");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Fleur " + last)).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Nog niet geactiveerd"))).isVisible();
        assertThat(page.getByText("Fleur " + last + " heeft de link in de e-mail naar " + email + " nog niet gebruikt")).isVisible();
        Accessibility.assertNoSeriousViolations(page);
        screenshot("B4-activation-pending-nl");
        // by keyboard, on a slow connection: busy and not pressable twice, then a status says where it went
        Ui.button(page, "E-mail opnieuw versturen").focus();
        slowConnection(1500);
        page.keyboard().press("Enter");
        assertThat(Ui.button(page, "Bezig…")).isDisabled();
        assertThat(page.getByRole(AriaRole.STATUS).filter(new Locator.FilterOptions().setHasText("opnieuw verstuurd")))
                .hasText("De e-mail is opnieuw verstuurd naar " + email + ".", new LocatorAssertions.HasTextOptions().setTimeout(30_000));
        normalConnection();
        screenshot("B4-activation-resent-nl");
        CaughtMail second = app.mail().awaitMail(MailCatcher.to(email)
                .and(m -> !m.links().getFirst().equals(first.links().getFirst())), Duration.ofSeconds(30));

        // the first link stopped working; the new one sets the password
        context.clearCookies();
        choosePassword(first.links().getFirst(), "Opnieuw2026wachtwoord");
        assertThat(page.getByRole(AriaRole.ALERT)).hasText("Deze link werkt niet meer: hij is verlopen of al gebruikt.");
        choosePassword(second.links().getFirst(), "Opnieuw2026wachtwoord");
        assertThat(page.getByRole(AriaRole.STATUS)).hasText("Uw wachtwoord is ingesteld. U kunt nu inloggen.");

        // the admin no longer sees it as pending
        login(ADMIN, PROFESSIONAL_PASSWORD);
        assertThat(colleagueInOverview("Beheer", "Zoeken", last)).not().containsText("Nog niet geactiveerd");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Fleur " + last)).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Fleur " + last))).isVisible();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Nog niet geactiveerd"))).hasCount(0);
    }

    @Test
    @DisplayName("B4 in English, the profile says the colleague has not activated yet and sends the e-mail again")
    void adminSendsTheActivationMailAgainInEnglish() {
        String last = family("Again");
        String email = last.toLowerCase() + "@school.example";
        CaughtMail first = newColleague(email, last);

        loginInEnglish(ADMIN, PROFESSIONAL_PASSWORD);
        assertThat(colleagueInOverview("Administration", "Search", last)).containsText("Not activated yet");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Fleur " + last)).click();
        assertThat(page.getByText("Fleur " + last + " has not used the link in the e-mail sent to " + email + " yet")).isVisible();
        Ui.button(page, "Send the e-mail again").click();
        assertThat(page.getByRole(AriaRole.STATUS).filter(new Locator.FilterOptions().setHasText("sent again")))
                .hasText("The e-mail was sent again to " + email + ".");
        Accessibility.assertNoSeriousViolations(page);
        screenshot("B4-activation-resent-en");
        app.mail().awaitMail(MailCatcher.to(email).and(m -> !m.links().getFirst().equals(first.links().getFirst())),
                Duration.ofSeconds(30));
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

    /** How long the confirmation page, or the dashboard after signing in again, may take on a machine shared with other builds. */
    private static final LocatorAssertions.HasTextOptions CONFIRMATION_TIME =
            new LocatorAssertions.HasTextOptions().setTimeout(30_000);

    /** Opens the user menu (named after the signed-in person) and chooses {@code item}. */
    private void userMenu(String person, String item) {
        page.locator("vaadin-menu-bar-button").filter(new Locator.FilterOptions().setHasText(person)).click();
        page.getByRole(AriaRole.MENUITEM, new Page.GetByRoleOptions().setName(item)).click();
    }

    /** Signs in a new colleague, Fleur Jansen, with {@code password}; their address. */
    private String signedInColleague(String prefix, String password) {
        String email = family(prefix) + "@school.example";
        choosePassword(newColleague(email).links().getFirst(), password);
        assertThat(page.getByRole(AriaRole.STATUS)).hasText("Uw wachtwoord is ingesteld. U kunt nu inloggen.");
        return email;
    }

    private void screenshot(String name) {
        page.screenshot(new Page.ScreenshotOptions().setFullPage(true)
                .setPath(Path.of(System.getProperty("klaspoort.reports", "target/journeys")).resolve(name + ".png")));
    }

    @Test
    @DisplayName("B16 a professional changes their own e-mail address from the user menu: every error at its field, by keyboard, the link from the real mail confirms it on a slow connection, the old address is told, and they sign in with the new one")
    void ownEmailChange() {
        String password = "Begin2026wachtwoord";
        String email = signedInColleague("wissel.", password);
        String newEmail = family("nieuw.") + "@elders.example";
        login(email, password);
        assertThat(page.locator("#dashboard-title")).hasText("OBS De Regenboog");

        userMenu("Fleur Jansen", "Mijn profiel");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("E-mailadres wijzigen"))).isVisible();
        Locator section = page.locator("section[aria-labelledby=own-email-title]");
        assertThat(section).containsText("U logt nu in met " + email + ".");
        Locator emailField = Ui.component(page, "vaadin-email-field", "Nieuw e-mailadres");
        Locator passwordField = Ui.component(page, "vaadin-password-field", "Uw wachtwoord");

        // by keyboard: Enter in the empty form names both missing fields and puts the focus on the first
        Ui.tabTo(page, "the new address", "Nieuw e-mailadres"::equals);
        page.keyboard().press("Enter");
        assertThat(emailField).containsText("Vul een e-mailadres in.");
        assertThat(passwordField).containsText("Vul een wachtwoord in.");
        org.assertj.core.api.Assertions.assertThat(Ui.focusedName(page)).isEqualTo("Nieuw e-mailadres");
        // the address one already has
        page.keyboard().type(email.toUpperCase());
        Ui.tabTo(page, "the password", "Uw wachtwoord"::equals);
        page.keyboard().type(password);
        page.keyboard().press("Enter");
        assertThat(emailField).containsText("Dit is al uw e-mailadres. Vul een ander adres in.");
        assertThat(passwordField).not().hasAttribute("invalid", "");

        // the server's answers, each at its field: no address, a wrong password
        Ui.fill(page, "Nieuw e-mailadres", "fleur-op-school");
        Ui.fill(page, "Uw wachtwoord", password);
        Ui.button(page, "Bevestigingsmail sturen").click();
        assertThat(emailField).containsText("Vul een geldig e-mailadres in.");
        Ui.fill(page, "Nieuw e-mailadres", newEmail);
        Ui.fill(page, "Uw wachtwoord", "Geraden2026");
        Ui.button(page, "Bevestigingsmail sturen").click();
        assertThat(passwordField).containsText("Dit is niet uw huidige wachtwoord.");
        assertThat(emailField).not().hasAttribute("invalid", "");
        Accessibility.assertNoSeriousViolations(page);

        // an address that is someone else's: the request says nothing (no one learns who has an account); its owner
        // gets the link, and that link changes nothing
        Instant before = Instant.now();
        Ui.fill(page, "Nieuw e-mailadres", ADMIN);
        Ui.fill(page, "Uw wachtwoord", password);
        Ui.button(page, "Bevestigingsmail sturen").click();
        assertThat(section.getByRole(AriaRole.STATUS)).containsText("We hebben een bevestigingsmail gestuurd naar " + ADMIN + ".");
        CaughtMail toOwner = app.mail().awaitMail(MailCatcher.to(ADMIN)
                .and(m -> m.subject().equals("Bevestig uw nieuwe e-mailadres voor Klaspoort") && m.received().isAfter(before)),
                Duration.ofSeconds(30));
        page.navigate(toOwner.links().getFirst());
        assertThat(page.getByRole(AriaRole.ALERT)).hasText("Dit e-mailadres is al in gebruik.", CONFIRMATION_TIME);

        // the real change, on a slow connection: the button says it is busy and cannot be pressed twice
        userMenu("Fleur Jansen", "Mijn profiel");
        Ui.fill(page, "Nieuw e-mailadres", newEmail);
        Ui.fill(page, "Uw wachtwoord", password);
        slowConnection(1500);
        Ui.button(page, "Bevestigingsmail sturen").click();
        assertThat(Ui.button(page, "Bezig…")).isDisabled();
        Locator pending = section.getByRole(AriaRole.STATUS);
        assertThat(pending).containsText("We hebben een bevestigingsmail gestuurd naar " + newEmail + ".",
                new LocatorAssertions.ContainsTextOptions().setTimeout(30_000));
        normalConnection();
        assertThat(pending).containsText("Daarna logt u in met " + newEmail + ". Tot dan blijft " + email + " uw inlognaam.");
        assertThat(pending).containsText("Zodra de wijziging is bevestigd, krijgt " + email + " daarvan bericht");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Bevestig uw nieuwe e-mailadres"))).isFocused();
        Accessibility.assertNoSeriousViolations(page);
        screenshot("B16-own-email-pending-nl");

        CaughtMail confirmation = app.mail().awaitMail(MailCatcher.to(newEmail)
                .and(m -> m.subject().equals("Bevestig uw nieuwe e-mailadres voor Klaspoort")), Duration.ofSeconds(30));
        String link = confirmation.links().getFirst();
        org.assertj.core.api.Assertions.assertThat(link).startsWith(app.baseUrl() + "/e-mailadres-bevestigen#");
        page.navigate(link);
        // the page is busy (a status too) until the confirmation has come back
        assertThat(page.getByRole(AriaRole.STATUS).filter(new Locator.FilterOptions().setHasText("U logt voortaan")))
                .hasText("U logt voortaan in met " + newEmail + ".", CONFIRMATION_TIME);
        app.mail().awaitMail(MailCatcher.to(email)
                .and(m -> m.subject().equals("Het e-mailadres van uw Klaspoort-account is gewijzigd")), Duration.ofSeconds(30));
        userMenu("Fleur Jansen", "Mijn profiel");
        assertThat(section).containsText("U logt nu in met " + newEmail + ".");
        // the link works once
        page.navigate(link);
        assertThat(page.getByRole(AriaRole.ALERT)).hasText("Deze bevestiging is verlopen of al gebruikt; vraag de wijziging opnieuw aan.",
                CONFIRMATION_TIME);

        // signed out from the user menu: the old address no longer signs in, the new one does
        userMenu("Fleur Jansen", "Uitloggen");
        assertThat(page).hasURL(Pattern.compile(".*/login$"));
        login(email, password);
        assertThat(page.getByText("Onjuiste gebruikersnaam of wachtwoord")).isVisible();
        login(newEmail, password);
        assertThat(page.locator("#dashboard-title")).hasText("OBS De Regenboog", CONFIRMATION_TIME);
    }

    @Test
    @DisplayName("B16 in English: changing one's own e-mail address, its errors, what happens next, and too many wrong passwords")
    void ownEmailChangeInEnglish() {
        String password = "Begin2026wachtwoord";
        String email = signedInColleague("english.", password);
        loginInEnglish(email, password);
        assertThat(page.locator("#dashboard-title")).isVisible();

        userMenu("Fleur Jansen", "My profile");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Change e-mail address"))).isVisible();
        Locator emailField = Ui.component(page, "vaadin-email-field", "New e-mail address");
        Locator passwordField = Ui.component(page, "vaadin-password-field", "Your password");
        Ui.button(page, "Send confirmation e-mail").click();
        assertThat(emailField).containsText("Enter an e-mail address.");
        assertThat(passwordField).containsText("Enter a password.");
        Ui.fill(page, "New e-mail address", "fleur-at-school");
        Ui.fill(page, "Your password", password);
        Ui.button(page, "Send confirmation e-mail").click();
        assertThat(emailField).containsText("Enter a valid e-mail address.");

        String newEmail = family("new.") + "@elsewhere.example";
        Ui.fill(page, "New e-mail address", newEmail);
        Ui.fill(page, "Your password", password);
        Ui.button(page, "Send confirmation e-mail").click();
        Locator pending = page.locator("section[aria-labelledby=own-email-title]").getByRole(AriaRole.STATUS);
        assertThat(pending).containsText("We have sent a confirmation e-mail to " + newEmail + ".");
        assertThat(pending).containsText("After that you log in with " + newEmail + ". Until then, " + email + " remains your login.");
        assertThat(page.getByText("Bevestig")).hasCount(0);
        Accessibility.assertNoSeriousViolations(page);
        screenshot("B16-own-email-pending-en");

        // wrong passwords count against the account like sign-ins: after five, the form says how long to wait
        Ui.button(page, "Request again or use another address").click();
        for (int i = 0; i < 5; i++) {
            Ui.fill(page, "New e-mail address", newEmail);
            Ui.fill(page, "Your password", "Guessed2026x" + i);
            Ui.button(page, "Send confirmation e-mail").click();
            assertThat(passwordField).containsText("This is not your current password.");
            Ui.fill(page, "Your password", "");
        }
        Ui.fill(page, "Your password", password);
        Ui.button(page, "Send confirmation e-mail").click();
        assertThat(passwordField).containsText("Too many wrong passwords. Try again in");
        assertThat(passwordField).containsText("seconds.");
        Accessibility.assertNoSeriousViolations(page);
        screenshot("B16-own-email-throttled-en");
    }
}
