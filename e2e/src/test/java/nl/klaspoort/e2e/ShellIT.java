package nl.klaspoort.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The shell every screen shares: unknown addresses, the favicon, keyboard use (X7) and the English UI. */
class ShellIT extends BrowserJourney {

    private static final String ADMIN = "beheerder@demo.klaspoort.nl";

    private static String family(String prefix) {
        long n = System.nanoTime();
        return prefix + (char) ('a' + n % 26) + (char) ('a' + n / 26 % 26) + (char) ('a' + n / 676 % 26);
    }

    /** A new Leeslab student at OBS De Regenboog; returns the id. */
    private static String student(String first, String last) {
        Api api = Api.signIn(app, ADMIN, PROFESSIONAL_PASSWORD);
        return api.createStudent(api.schoolId("12AB"), first, last, 4, "LEESLAB", "begeleider@demo.klaspoort.nl");
    }

    @Test
    @DisplayName("D1 an unknown address, and the manual's bookmarked sections, show 'Pagina niet gevonden' with a way back; /favicon.ico is served")
    void unknownAddresses() {
        login(ADMIN, PROFESSIONAL_PASSWORD);
        assertThat(page.locator("#dashboard-title")).isVisible();
        for (String path : List.of("/abonnementen", "/bestaat-niet", "/status", "/beheer/bestaat-niet")) {
            page.navigate(path);
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Pagina niet gevonden")))
                    .isVisible();
            assertThat(page.getByText("Connection lost")).hasCount(0);
        }
        Accessibility.assertNoSeriousViolations(page);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Naar de startpagina")).click();
        assertThat(page.locator("#dashboard-title")).hasText("OBS De Regenboog");

        APIResponse favicon = page.request().get("/favicon.ico");
        assertThat(favicon.status()).isEqualTo(200);
        assertThat(favicon.headers().get("content-type")).startsWith("image/");
    }

    @Test
    @DisplayName("X7 by keyboard only: a skip link, ticking rows with Tab and Space, and focus on 'Bevestigen' after 'Controleren'")
    void keyboardOnly() {
        String last = family("Toets");
        student("Ada", last);
        student("Bas", last);
        login(ADMIN, PROFESSIONAL_PASSWORD);
        assertThat(page.locator("#dashboard-title")).isVisible();
        page.navigate("/beheer");
        assertThat(page.locator("#admin-title")).isVisible();

        page.keyboard().press("Tab");
        Locator skip = page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Naar de inhoud"));
        assertThat(skip).isFocused();
        assertThat(skip).isVisible();
        page.keyboard().press("Enter");

        Ui.tabTo(page, "the search field", name -> name.startsWith("Zoeken"));
        page.keyboard().type(last);
        assertThat(page.locator("nav.kp-pager")).containsText("1–2 van 2");

        Ui.tabTo(page, "the task menu", "Kies een beheertaak"::equals);
        page.keyboard().press("ArrowDown");
        Locator archive = page.getByRole(AriaRole.MENUITEM, new Page.GetByRoleOptions().setName("Gebruikers archiveren"));
        assertThat(archive).isFocused();
        page.keyboard().press("Enter");

        Ui.tabTo(page, "the first row", ("Selecteer Ada " + last)::equals);
        page.keyboard().press("Space");
        Ui.tabTo(page, "the second row", ("Selecteer Bas " + last)::equals);
        page.keyboard().press("Space");
        assertThat(page.locator(".kp-selection-count")).hasText("2 geselecteerd");
        assertThat(page.getByLabel("Selecteer Bas " + last)).isFocused();

        Ui.tabTo(page, "Doorgaan", "Doorgaan"::equals);
        page.keyboard().press("Enter");
        Ui.tabTo(page, "Controleren", "Controleren"::equals);
        page.keyboard().press("Enter");
        assertThat(page.locator(".kp-preview")).containsText("2 worden gewijzigd");
        assertThat(Ui.button(page, "Bevestigen")).isFocused();
        page.keyboard().press("Enter");
        assertThat(page.getByText("Gebruikers archiveren: 2 gebruikers gewijzigd")).isVisible();
    }

    @Test
    @DisplayName("B16 in English, the screens and the server's validation errors are in English")
    void englishServerErrors() {
        Api api = Api.signIn(app, ADMIN, PROFESSIONAL_PASSWORD);
        String school = api.schoolId("12AB");
        String last = family("Engels");
        String id = student("Evi", last);

        loginInEnglish(ADMIN, PROFESSIONAL_PASSWORD);
        assertThat(page.locator("#dashboard-title")).isVisible();
        assertThat(page.getByText("Active students")).isVisible();

        page.navigate("/beheer/gebruiker/" + id);
        assertThat(page.locator("#profile-title")).hasText("Evi " + last);
        Ui.button(page, "Edit profile").click();
        Ui.fill(page, "First name", "");
        Ui.fill(page, "Username", "X");
        Ui.button(page, "Save changes").click();
        assertThat(Ui.component(page, "vaadin-text-field", "First name")).containsText("Enter a valid first and last name.");
        assertThat(Ui.component(page, "vaadin-text-field", "Username")).containsText("A username has 3 to 100 characters");
        assertThat(page.getByText("Vul een geldige")).hasCount(0);
        Accessibility.assertNoSeriousViolations(page);

        page.navigate("/beheer/ip-adressen");
        Ui.fill(page, "IP address or start of the range", "145.12.10.300");
        Ui.button(page, "Add").click();
        assertThat(Ui.component(page, "vaadin-text-field", "IP address or start of the range")).hasAttribute("invalid", "");
        assertThat(Ui.component(page, "vaadin-text-field", "IP address or start of the range"))
                .containsText("'145.12.10.300' is not a valid IPv4 or IPv6 address.");
        assertThat(api.graphql("query($s: ID!, $id: ID!) { school(id: $s) { user(id: $id) { user { firstName } } } }",
                Map.of("s", school, "id", id)).get("school").get("user").get("user").get("firstName").asString()).isEqualTo("Evi");
    }
}
