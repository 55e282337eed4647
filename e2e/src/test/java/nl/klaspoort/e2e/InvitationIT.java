package nl.klaspoort.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import klaspoort.peers.mail.CaughtMail;
import klaspoort.peers.mail.MailCatcher;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Issue 10, item 9 with B4: the admin of OBS De Regenboog adds a colleague who already works at Basisschool De Klimop.
 * The wizard answers as for a new address; the colleague gets the invitation mail and answers it in the browser.
 */
class InvitationIT extends BrowserJourney {

    private static final String ADMIN = "beheerder@demo.klaspoort.nl";
    private static final String KLIMOP_ADMIN = "beheer.klimop@demo.klaspoort.nl";

    /** A professional of De Klimop with a password: created there, activated through the mailed link. */
    private String klimopColleague(String first, String password) {
        String email = first.toLowerCase() + "." + System.nanoTime() + "@klimop.example";
        Api klimop = Api.signIn(app, KLIMOP_ADMIN, PROFESSIONAL_PASSWORD);
        var created = klimop.graphql("""
                mutation($input: ProfessionalCreateInput!) { professionalCreate(input: $input) { errors { message } } }
                """, Map.of("input", Map.of("schoolId", klimop.schoolId("99KP"), "firstName", first, "lastName", "Klimop",
                "email", email, "roles", List.of("SUPERVISOR"), "productIds", List.of())));
        org.assertj.core.api.Assertions.assertThat(created.get("professionalCreate").get("errors").isEmpty()).isTrue();
        choosePassword(app.mail().awaitMail(MailCatcher.to(email), Duration.ofSeconds(30)).links().getFirst(), password);
        assertThat(page.getByRole(AriaRole.STATUS)).hasText("Uw wachtwoord is ingesteld. U kunt nu inloggen.");
        context.clearCookies();
        return email;
    }

    /** B4's wizard for a professional, as the admin of De Regenboog, with an address that is already in use. */
    private void addWithTheWizard(String first, String last, String email) {
        login(ADMIN, PROFESSIONAL_PASSWORD);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Beheer").setExact(true)).click();
        Ui.button(page, "Gebruikers aanmaken").click();
        page.getByRole(AriaRole.RADIO, new Page.GetByRoleOptions().setName("Onderwijsprofessional (beheerder en/of begeleider)")).check();
        Ui.button(page, "Volgende").click();
        Ui.fill(page, "Voornaam", first);
        Ui.fill(page, "Achternaam", last);
        Ui.fill(page, "E-mailadres", email);
        Ui.checkbox(page, "Begeleider").click();
        Ui.button(page, "Volgende").click();
        Ui.button(page, "Opslaan").click();
        // the same answer as for a new address: nothing says that the address is in use elsewhere
        assertThat(page.getByText("De gebruiker is aangemaakt")).isVisible();
        assertThat(page.getByTestId("created-username")).hasText(email);
        assertThat(page.getByText("ontvangt een e-mail om een wachtwoord in te stellen")).isVisible();
        assertThat(page.getByText("al in gebruik")).hasCount(0);
        screenshot("invitation-1-wizard-done");
        context.clearCookies();
    }

    private String invitationLink(String email) {
        CaughtMail mail = app.mail().awaitMail(MailCatcher.to(email)
                .and(m -> m.subject().equals("OBS De Regenboog wil u toevoegen in Klaspoort")), Duration.ofSeconds(30));
        String link = mail.links().getFirst();
        org.assertj.core.api.Assertions.assertThat(link).matches(Pattern.quote(app.baseUrl()) + "/uitnodiging#[0-9a-f]{64}");
        return link;
    }

    private void screenshot(String name) {
        page.screenshot(new Page.ScreenshotOptions().setFullPage(true)
                .setPath(Path.of("target", "journey-screenshots", name + ".png")));
    }

    @Test
    @DisplayName("B4 issue 10 item 9: a colleague of another school is added with the wizard and accepts the invitation by keyboard")
    void anExistingColleagueIsInvitedAndAcceptsByKeyboard() {
        String password = "Klimop2026wachtwoord";
        String email = klimopColleague("Iris", password);
        addWithTheWizard("Iris", "Tweedeschool", email);
        String link = invitationLink(email);

        // signed out, the link goes through the login page and comes back to the invitation
        page.navigate(link);
        assertThat(page).hasURL(Pattern.compile(".*/login$")); // the SPA found nobody signed in and kept the link
        login(email, password);
        assertThat(page).hasURL(Pattern.compile(".*/uitnodiging$"),
                new com.microsoft.playwright.assertions.PageAssertions.HasURLOptions().setTimeout(15_000));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Uitnodiging van een school"))).isVisible();
        assertThat(page.getByText("OBS De Regenboog wil u toevoegen in Klaspoort.")).isVisible();
        Accessibility.assertNoSeriousViolations(page);
        screenshot("invitation-2-page-nl");

        Ui.tabTo(page, "Accepteren", name -> name.equals("Accepteren"));
        page.keyboard().press("Enter");
        assertThat(page.getByRole(AriaRole.STATUS).filter(new com.microsoft.playwright.Locator.FilterOptions()
                .setHasText("U bent nu lid van OBS De Regenboog."))).isVisible();
        screenshot("invitation-3-accepted-nl");
        Ui.tabTo(page, "Naar OBS De Regenboog", name -> name.equals("Naar OBS De Regenboog"));
        page.keyboard().press("Enter");
        assertThat(page.locator("#dashboard-title")).hasText("OBS De Regenboog");
        // both schools are in the switcher now
        assertThat(page.locator("vaadin-select.kp-school-select")).isVisible();
        org.assertj.core.api.Assertions.assertThat(Api.signIn(app, email, password)
                .graphql("{ me { memberships { school { name } } } }", Map.of()).toString())
                .contains("OBS De Regenboog", "Basisschool De Klimop");

        // the admin of De Regenboog now sees the colleague's own name
        Api admin = Api.signIn(app, ADMIN, PROFESSIONAL_PASSWORD);
        String overview = admin.graphql("query($s: ID!) { school(id: $s) { users(first: 100, filter: { search: \"Klimop\" }) "
                + "{ edges { node { user { displayName } } } } } }", Map.of("s", admin.schoolId("12AB"))).toString();
        org.assertj.core.api.Assertions.assertThat(overview).contains("Iris Klimop").doesNotContain("Tweedeschool");
    }

    @Test
    @DisplayName("B4 issue 10 item 9: in English, the invited colleague declines; the school's pending user goes")
    void anExistingColleagueDeclinesInEnglish() {
        String password = "Klimop2026wachtwoord";
        String email = klimopColleague("Noor", password);
        addWithTheWizard("Noor", "Afwijzer", email);
        String link = invitationLink(email);

        page.navigate("/login");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("English")).click();
        page.getByLabel("E-mail address or username").fill(email);
        page.getByLabel("Password", new Page.GetByLabelOptions().setExact(true)).fill(password);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log in")).click();
        assertThat(page.locator("#dashboard-title")).isVisible();
        page.navigate(link);
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Invitation from a school"))).isVisible();
        assertThat(page.getByText("OBS De Regenboog would like to add you in Klaspoort.")).isVisible();
        Accessibility.assertNoSeriousViolations(page);
        screenshot("invitation-4-page-en");
        Ui.button(page, "Decline").click();
        assertThat(page.getByText("You declined the invitation from OBS De Regenboog.")).isVisible();
        screenshot("invitation-5-declined-en");

        // the link is used up: opened again (a new page load, not a hash change), it says so
        page.navigate("/");
        page.navigate(link);
        assertThat(page.getByRole(AriaRole.ALERT)).containsText("This invitation does not exist (any more)");
        Api admin = Api.signIn(app, ADMIN, PROFESSIONAL_PASSWORD);
        String overview = admin.graphql("query($s: ID!) { school(id: $s) { users(first: 100, filter: { search: \"Afwijzer\" }) "
                + "{ edges { node { id } } } } }", Map.of("s", admin.schoolId("12AB"))).toString();
        org.assertj.core.api.Assertions.assertThat(overview).doesNotContain("\"id\"");
    }
}
