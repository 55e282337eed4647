package nl.klaspoort.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Frame;
import com.microsoft.playwright.options.LoadState;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * What the outside review showed in a browser (issue 10): another site framing the admin screens, and password
 * guessing at the login page. Every journey also runs under the Content-Security-Policy (see {@link BrowserJourney}).
 */
class SecurityIT extends BrowserJourney {

    @Test
    @DisplayName("R3 another site cannot frame the admin screens (no clickjacking on archive or reset buttons)")
    void adminScreensCannotBeFramed() {
        login("beheerder@demo.klaspoort.nl", PROFESSIONAL_PASSWORD);
        assertThat(page.locator("#dashboard-title")).isVisible();

        page.navigate("about:blank");
        page.setContent("<h1>Win een tablet!</h1><iframe src='" + app.baseUrl() + "/beheer' width='800' height='600'></iframe>");
        Frame victim = page.waitForSelector("iframe").contentFrame();
        victim.waitForLoadState(LoadState.LOAD);
        // the browser refused to render the page inside another site: an error page, no app, no buttons
        assertThat(victim.content()).doesNotContain("Klaspoort").doesNotContain("outlet");
        assertThat(victim.locator("vaadin-button, button, vaadin-grid").count()).isZero();
        // this refusal is the point of the journey, not a flaw of the SPA
        policyViolations.clear();
    }

    @Test
    @DisplayName("B1 after too many wrong passwords the login page says in Dutch how long to wait, also for the right one")
    void loginIsThrottledAfterTooManyWrongPasswords() {
        String account = "onbekend." + UUID.randomUUID() + "@demo.klaspoort.nl";
        for (int attempt = 0; attempt < 5; attempt++) {
            login(account, "Raden" + attempt);
            assertThat(page.getByText("Onjuiste gebruikersnaam of wachtwoord")).isVisible();
        }
        login(account, "Raden5");
        assertThat(page.getByText("Te veel mislukte pogingen")).isVisible();
        assertThat(page.getByText(Pattern.compile("over \\d+ seconden opnieuw inloggen"))).isVisible();
        assertThat(page).hasURL(Pattern.compile(".*/login$"));
        Accessibility.assertNoSeriousViolations(page);
    }
}
