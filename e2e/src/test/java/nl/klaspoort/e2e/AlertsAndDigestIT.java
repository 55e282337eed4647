package nl.klaspoort.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** X9 health alerts on the admin's dashboard, X10 the supervisor's weekly overview. */
class AlertsAndDigestIT extends BrowserJourney {

    @Test
    @DisplayName("X9 the admin's dashboard lists what to fix, each with a link to the screen that fixes it")
    void healthAlertsOnTheDashboard() {
        Api admin = Api.signIn(app, "beheerder@demo.klaspoort.nl", PROFESSIONAL_PASSWORD);
        long n = System.nanoTime();
        String last = "Wacht" + (char) ('a' + n % 26) + (char) ('a' + n / 26 % 26) + (char) ('a' + n / 676 % 26);
        admin.graphql("mutation($input: ProfessionalCreateInput!) { professionalCreate(input: $input) { userId } }",
                Map.of("input", Map.of("schoolId", admin.schoolId("12AB"), "firstName", "Wim", "lastName", last,
                        "email", last.toLowerCase() + "@school.example", "roles", List.of("SUPERVISOR"))));

        login("beheerder@demo.klaspoort.nl", PROFESSIONAL_PASSWORD);
        assertThat(page.locator("#dashboard-title")).hasText("OBS De Regenboog");
        Locator alerts = page.locator(".kp-alerts");
        // the dashboard's figures and alerts arrive together; on a loaded machine that can take a while
        assertThat(alerts.getByRole(AriaRole.HEADING)).hasText("Aandachtspunten",
                new com.microsoft.playwright.assertions.LocatorAssertions.HasTextOptions().setTimeout(15_000));
        Locator noPassword = alerts.getByRole(AriaRole.LISTITEM).filter(new Locator.FilterOptions()
                .setHasText(Pattern.compile("nog geen wachtwoord ingesteld")));
        Accessibility.assertNoSeriousViolations(page);
        noPassword.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Oplossen")).click();
        assertThat(page).hasURL(Pattern.compile(".*/beheer$"));

        // a supervisor's dashboard has no alerts
        context.clearCookies();
        login("begeleider@demo.klaspoort.nl", PROFESSIONAL_PASSWORD);
        assertThat(page.locator("#dashboard-title")).hasText("OBS De Regenboog");
        assertThat(page.locator(".kp-alerts")).hasCount(0);
    }

    @Test
    @DisplayName("X10 the weekly overview's numbers match the results overview of last week; it can be turned off in the profile")
    void weeklyOverviewMatchesTheResults() {
        login("begeleider@demo.klaspoort.nl", PROFESSIONAL_PASSWORD);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Resultaten").setExact(true)).click();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Weekoverzicht").setExact(true)).click();
        assertThat(page.locator("#digest-title")).hasText("Weekoverzicht");
        Locator leeslab = page.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName("Leeslab").setExact(true));
        Locator sanne = leeslab.getByRole(AriaRole.ROW).filter(new Locator.FilterOptions().setHasText("Sanne de Jong"));
        assertThat(sanne).hasCount(1);
        Locator total = sanne.locator("[data-testid^=digest-total-]");
        String testId = total.getAttribute("data-testid");
        String studentId = testId.substring(testId.lastIndexOf('-') + 1);
        String digestTotal = total.textContent();
        Accessibility.assertNoSeriousViolations(page);

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Terug naar de resultaten")).click();
        Ui.select(page, "Product", "Leeslab");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Vorige week")).click();
        assertThat(Ui.visible(page, "[data-testid=practice-total-" + studentId + "]")).hasText(digestTotal);

        page.navigate("/profiel");
        Locator box = page.getByRole(AriaRole.CHECKBOX, new Page.GetByRoleOptions()
                .setName("Stuur mij elke maandagochtend het weekoverzicht van mijn leerlingen"));
        assertThat(box).isChecked();
        box.click();
        assertThat(page.getByText("U krijgt het weekoverzicht niet meer per e-mail")).isVisible();
        page.reload();
        assertThat(box).not().isChecked();
        box.click();
        assertThat(page.getByText("U krijgt het weekoverzicht voortaan per e-mail.")).isVisible();
    }
}
