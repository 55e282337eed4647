package nl.klaspoort.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * S6 (login help): pupils' usernames are unique per school (issue 10), so two schools may each have a pupil with the
 * same username, and an admin may give both the same password. Signing in with those asks "Op welke school zit je?",
 * naming only those schools, and the chosen one signs in. Walked by keyboard, in Dutch and in English.
 */
class LoginSchoolChoiceIT extends BrowserJourney {

    private static final String DIRECTOR = "directeur@demo.klaspoort.nl";
    private static final String PASSWORD = "Tweeling2026";

    private String username;

    /** The director (admin at both demo schools) gives a pupil at each the same username and password. */
    @BeforeEach
    void twoPupilsWithOneLogin() {
        username = "kim.tweeling." + UUID.randomUUID().toString().substring(0, 6);
        Api director = Api.signIn(app, DIRECTOR, PROFESSIONAL_PASSWORD);
        create(director, "12AB", "begeleider@demo.klaspoort.nl");
        create(director, "34CD", "anna.vanderveen@demo.klaspoort.nl");
    }

    @Test
    @DisplayName("S6 a pupil whose username and password fit at two schools chooses their school on the login screen, by keyboard")
    void chooseTheSchoolByKeyboardInDutch() {
        page.navigate("/login");
        page.getByLabel("E-mailadres of gebruikersnaam").fill(username);
        page.getByLabel("Wachtwoord", new Page.GetByLabelOptions().setExact(true)).fill(PASSWORD);
        page.keyboard().press("Enter");

        Locator choice = page.getByRole(AriaRole.RADIOGROUP, new Page.GetByRoleOptions().setName("Op welke school zit je?"));
        assertThat(choice).isVisible();
        assertThat(page.getByText("Deze gebruikersnaam en dit wachtwoord horen bij een leerling op meer dan één school."))
                .isVisible();
        assertThat(choice.getByRole(AriaRole.RADIO)).hasCount(2);
        Locator kompas = radio("CBS Het Kompas");
        Locator regenboog = radio("OBS De Regenboog");
        assertThat(kompas).isFocused();
        Accessibility.assertNoSeriousViolations(page);

        page.keyboard().press("ArrowDown");
        assertThat(regenboog).isChecked();
        // the choice enables the button; Tab before that re-render would skip the still disabled button
        assertThat(button("Inloggen")).isEnabled();
        page.keyboard().press("Tab");
        assertThat(button("Inloggen")).isFocused();
        page.keyboard().press("Enter");
        assertThat(page.locator("#dashboard-title")).hasText("OBS De Regenboog");
    }

    @Test
    @DisplayName("S6 in English, the school choice is in English and signs the pupil in at the chosen school")
    void chooseTheSchoolByKeyboardInEnglish() {
        page.navigate("/login");
        button("English").click();
        page.getByLabel("E-mail address or username").fill(username);
        page.getByLabel("Password", new Page.GetByLabelOptions().setExact(true)).fill(PASSWORD);
        page.keyboard().press("Enter");

        assertThat(page.getByRole(AriaRole.RADIOGROUP, new Page.GetByRoleOptions().setName("Which school are you at?")))
                .isVisible();
        assertThat(page.getByText("This username and password belong to a pupil at more than one school.")).isVisible();
        Locator kompas = radio("CBS Het Kompas");
        assertThat(kompas).isFocused();
        page.keyboard().press("Space");
        assertThat(kompas).isChecked();
        assertThat(button("Log in")).isEnabled();
        page.keyboard().press("Tab");
        assertThat(button("Log in")).isFocused();
        page.keyboard().press("Enter");
        assertThat(page.locator("#dashboard-title")).hasText("CBS Het Kompas");
    }

    private Locator radio(String name) {
        return page.getByRole(AriaRole.RADIO, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    private Locator button(String name) {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    private void create(Api api, String brin, String supervisorEmail) {
        String school = api.schoolId(brin);
        JsonNode created = api.graphql("""
                mutation($input: StudentCreateInput!) { studentCreate(input: $input) { userId errors { code message } } }
                """, Map.of("input", Map.of("schoolId", school, "firstName", "Kim", "lastName", "Tweeling",
                "gradeYear", 5, "username", username, "password", PASSWORD,
                "productIds", List.of(api.productId("LEESLAB")),
                "supervisorIds", List.of(api.supervisorId(school, supervisorEmail))))).get("studentCreate");
        if (!created.get("errors").isEmpty()) {
            throw new IllegalStateException("studentCreate: " + created.get("errors"));
        }
    }
}
