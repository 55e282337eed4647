package nl.klaspoort.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Issue 5: supervisors follow results (RS1–RS4, X4) and admins manage the school's IP ranges (B2). */
class ResultsIT extends BrowserJourney {

    private static final String SUPERVISOR = "begeleider@demo.klaspoort.nl";

    private void openResults() {
        login(SUPERVISOR, PROFESSIONAL_PASSWORD);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Resultaten").setExact(true)).click();
        assertThat(page.locator("#results-title")).isVisible();
        Ui.select(page, "Product", "Leeslab");
    }

    @Test
    @DisplayName("RS2 a supervisor searches, sorts by lessons until test, steps back a week and opens a student (RS4)")
    void supervisorOverview() {
        openResults();
        Accessibility.assertNoSeriousViolations(page);
        String thisWeek = page.locator(".kp-week-label").textContent();

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Lessen tot toets")).click();
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Lessen tot toets"))).containsText("▲");

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Vorige week")).click();
        assertThat(page.locator(".kp-week-label")).not().hasText(thisWeek);

        Ui.fill(page, "Zoeken", "sanne");
        assertThat(Ui.row(page, "Sanne de Jong")).isVisible();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Sanne de Jong")).click();
        assertThat(page.locator("#student-title")).hasText("Sanne de Jong");
        assertThat(page.getByText("Oefentijd per week")).isVisible();
        assertThat(page.locator(".kp-chart canvas")).hasCount(1);
        Accessibility.assertNoSeriousViolations(page);
    }

    @Test
    @DisplayName("X4 a result posted through the API while the overview is open appears without reload")
    void liveUpdate() {
        Api admin = Api.signIn(app, "beheerder@demo.klaspoort.nl", PROFESSIONAL_PASSWORD);
        String school = admin.schoolId("12AB");
        String last = "Live" + (char) ('a' + System.nanoTime() % 26) + (char) ('a' + System.nanoTime() / 7 % 26);
        String student = admin.createStudent(school, "Roos", last, 5, "LEESLAB", SUPERVISOR);

        openResults();
        Ui.fill(page, "Zoeken", last);
        assertThat(Ui.row(page, "Roos " + last)).isVisible();
        assertThat(Ui.visible(page, "[data-testid=practice-total-" + student + "]")).hasText("0 min");

        String token = Api.productToken(app, "leeslab-demo", "leeslab-demo-geheim-2026");
        Instant start = Instant.now().minus(30, ChronoUnit.MINUTES);
        JsonNode recorded = Api.productGraphql(app, token, """
                mutation($input: PracticeSessionsRecordInput!) { practiceSessionsRecord(input: $input) { created errors { message } } }
                """, Map.of("input", Map.of("sessions", List.of(Map.of(
                "sessionId", "journey-" + last, "studentId", student, "startedAt", start.toString(),
                "endedAt", start.plus(25, ChronoUnit.MINUTES).toString(), "clientIp", "192.0.2.44",
                "lessonPosition", 1, "completed", true))))).get("practiceSessionsRecord");
        assertThat(recorded.get("created").asInt()).isEqualTo(1);

        assertThat(Ui.visible(page, "[data-testid=practice-total-" + student + "]")).hasText("25 min");
    }

    @Test
    @DisplayName("B2 an admin adds, deactivates and removes an IP range; malformed input gets a Dutch error")
    void ipRanges() {
        login("beheerder@demo.klaspoort.nl", PROFESSIONAL_PASSWORD);
        assertThat(page.locator("#dashboard-title")).isVisible();
        page.navigate("/beheer/ip-adressen");
        assertThat(page.locator("#ip-title")).isVisible();

        Ui.fill(page, "IP-adres of begin van de reeks", "145.12.10.300");
        Ui.button(page, "Toevoegen").click();
        assertThat(Ui.component(page, "vaadin-text-field", "IP-adres of begin van de reeks")).hasAttribute("invalid", "");

        int octet = 1 + (int) (System.nanoTime() % 200);
        String cidr = "10." + octet + ".0.0/16";
        Ui.fill(page, "IP-adres of begin van de reeks", cidr);
        Ui.button(page, "Toevoegen").click();
        assertThat(page.getByText("Toegevoegd: " + cidr)).isVisible();
        assertThat(Ui.row(page, cidr)).isVisible();
        Accessibility.assertNoSeriousViolations(page);

        page.getByTestId("toggle-" + cidr).click();
        assertThat(page.getByTestId("toggle-" + cidr)).hasText("Activeren");
        page.getByTestId("remove-" + cidr).click();
        page.getByRole(AriaRole.DIALOG).getByRole(AriaRole.BUTTON,
                new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Verwijderen")).click();
        assertThat(page.getByText("Verwijderd: " + cidr)).isVisible();
    }
}
