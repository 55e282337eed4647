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
        Api director = Api.signIn(app, "directeur@demo.klaspoort.nl", PROFESSIONAL_PASSWORD);
        assertThat(page.getByRole(AriaRole.GROUP, new Page.GetByRoleOptions().setName("Actieve leerlingen")).locator(".kp-card-value"))
                .hasText(count(director, "34CD", "activeStudents"));
        assertThat(page.getByText("Ingrid de Wit")).isVisible();
        assertThat(page.locator(".kp-subtitle")).containsText("Uw rollen: Beheerder, Begeleider");
        Accessibility.assertNoSeriousViolations(page);

        page.locator("vaadin-select.kp-school-select").click();
        page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName("OBS De Regenboog")).click();

        assertThat(heading).hasText("OBS De Regenboog");
        assertThat(page.getByRole(AriaRole.GROUP, new Page.GetByRoleOptions().setName("Actieve leerlingen")).locator(".kp-card-value"))
                .hasText(count(director, "12AB", "activeStudents"));
        assertThat(page.getByRole(AriaRole.GROUP, new Page.GetByRoleOptions().setName("Gearchiveerde gebruikers")).locator(".kp-card-value"))
                .hasText(count(director, "12AB", "archivedUsers"));

        // the choice of school is kept across a reload
        page.reload();
        assertThat(heading).hasText("OBS De Regenboog");
    }

    /** A dashboard number as the API gives it now (other journeys add users to the demo schools). */
    private static String count(Api api, String brin, String field) {
        for (var school : api.graphql("{ schools { brin counts { activeStudents archivedUsers } } }", java.util.Map.of()).get("schools")) {
            if (school.get("brin").asString().equals(brin)) {
                return school.get("counts").get(field).asString();
            }
        }
        throw new IllegalStateException("no school " + brin);
    }

    @Test
    @DisplayName("B1 a wrong password shows a Dutch error and does not sign in")
    void wrongPasswordShowsDutchError() {
        login("beheerder@demo.klaspoort.nl", "Verkeerd123");

        assertThat(page.getByText("Onjuiste gebruikersnaam of wachtwoord")).isVisible();
        // one register (docs/copy-guide.md): "u", and no pronoun at all where pupils read along
        assertThat(page.getByText("Controleer het e-mailadres of de gebruikersnaam en het wachtwoord")).isVisible();
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
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Resultaten").setExact(true))).isVisible();

        context.clearCookies();
        login("sanne.dejong", STUDENT_PASSWORD);
        assertThat(page.locator("#dashboard-title")).hasText("OBS De Regenboog");
        assertThat(page.getByText("Beheer", new Page.GetByTextOptions().setExact(true))).hasCount(0);
    }
}
