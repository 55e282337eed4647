package nl.klaspoort.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.Page;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Walking-skeleton journeys: login, the school dashboard shell and the school switcher (R3). */
class LoginAndDashboardIT extends BrowserJourney {

    @Test
    @DisplayName("R3 an admin of two schools logs in, sees the dashboard of school A and switches to school B")
    void adminSwitchesSchool() {
        login("directeur@demo.klaspoort.nl", PROFESSIONAL_PASSWORD);

        Locator heading = page.locator("#dashboard-title");
        assertThat(heading).hasText("CBS Het Kompas");
        assertThat(page.getByRole(AriaRole.GROUP, new Page.GetByRoleOptions().setName("Actieve leerlingen")))
                .containsText("29");
        assertThat(page.getByText("Ingrid de Wit")).isVisible();
        Accessibility.assertNoSeriousViolations(page);

        page.locator("vaadin-select.kp-school-select").click();
        page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName("OBS De Regenboog")).click();

        assertThat(heading).hasText("OBS De Regenboog");
        assertThat(page.getByRole(AriaRole.GROUP, new Page.GetByRoleOptions().setName("Actieve leerlingen")))
                .containsText("28");
        assertThat(page.getByRole(AriaRole.GROUP, new Page.GetByRoleOptions().setName("Gearchiveerde gebruikers")))
                .containsText("2");

        // the choice of school is kept across a reload
        page.reload();
        assertThat(heading).hasText("OBS De Regenboog");
    }

    @Test
    @DisplayName("B1 a wrong password shows a Dutch error and does not sign in")
    void wrongPasswordShowsDutchError() {
        login("beheerder@demo.klaspoort.nl", "Verkeerd123");

        assertThat(page.getByText("Onjuiste gebruikersnaam of wachtwoord")).isVisible();
        Accessibility.assertNoSeriousViolations(page);
        assertThat(page).hasURL(Pattern.compile(".*/login$"));

        // and nothing behind the login opens without a session
        page.navigate("/");
        assertThat(page).hasURL(Pattern.compile(".*/login$"));
    }

    @Test
    @DisplayName("R2 a supervisor sees Beheer disabled and a student sees only their own school")
    void menusFollowRoles() {
        login("begeleider@demo.klaspoort.nl", PROFESSIONAL_PASSWORD);
        assertThat(page.locator("#dashboard-title")).hasText("OBS De Regenboog");
        assertThat(page.getByText("Beheer", new Page.GetByTextOptions().setExact(true))).hasAttribute("aria-disabled", "true");
        assertThat(page.getByText("Resultaten", new Page.GetByTextOptions().setExact(true))).hasAttribute("aria-disabled", "false");

        context.clearCookies();
        login("sanne.dejong", STUDENT_PASSWORD);
        assertThat(page.locator("#dashboard-title")).hasText("OBS De Regenboog");
        assertThat(page.getByText("Beheer", new Page.GetByTextOptions().setExact(true))).hasCount(0);
    }
}
