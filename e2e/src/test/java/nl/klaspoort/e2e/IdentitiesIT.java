package nl.klaspoort.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import tools.jackson.databind.JsonNode;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Basispoort identities (issue 12). The browser reaches the application through the loopback address, which the
 * application trusts as its proxy, so a journey sets {@code X-Forwarded-For} to play a pupil at home or at school.
 */
class IdentitiesIT extends BrowserJourney {

    private static final String AT_HOME = "203.0.113.9";

    @Test
    @DisplayName("BP7 with 'leerlingen mogen alleen op school inloggen' a pupil from outside is refused in Dutch, from the school's range gets in; a professional from outside gets in")
    void studentsOnlyAtSchool() {
        int octet = 1 + (int) (System.nanoTime() % 250);
        String range = "198.18." + octet + ".0/24";
        String atSchool = "198.18." + octet + ".20";
        Api admin = Api.signIn(app, "beheerder@demo.klaspoort.nl", PROFESSIONAL_PASSWORD);
        String schoolId = admin.schoolId("12AB");
        try {
            login("beheerder@demo.klaspoort.nl", PROFESSIONAL_PASSWORD);
            assertThat(page.locator("#dashboard-title")).isVisible();
            page.navigate("/beheer/ip-adressen");
            Ui.fill(page, "IP-adres of begin van de reeks", range);
            Ui.button(page, "Toevoegen").click();
            assertThat(page.getByText("Toegevoegd: " + range)).isVisible();
            page.locator("vaadin-checkbox[data-testid=students-only-at-school]").click();
            assertThat(page.getByText("Leerlingen kunnen nu alleen op school inloggen.")).isVisible();
            assertThat(page.locator("vaadin-checkbox[data-testid=students-only-at-school]")).hasAttribute("checked", "");
            Accessibility.assertNoSeriousViolations(page);

            // a pupil at home
            context.clearCookies();
            context.setExtraHTTPHeaders(Map.of("X-Forwarded-For", AT_HOME));
            login("sanne.dejong", STUDENT_PASSWORD);
            assertThat(page.getByText("Je kunt alleen op school inloggen. Je school laat leerlingen niet van buiten school inloggen."))
                    .isVisible();
            assertThat(page).hasURL(Pattern.compile(".*/login$"));
            Accessibility.assertNoSeriousViolations(page);

            // a teacher at home is not held back
            login("begeleider@demo.klaspoort.nl", PROFESSIONAL_PASSWORD);
            assertThat(page.locator("#dashboard-title")).hasText("OBS De Regenboog");

            // the pupil at school
            context.clearCookies();
            context.setExtraHTTPHeaders(Map.of("X-Forwarded-For", atSchool));
            login("sanne.dejong", STUDENT_PASSWORD);
            assertThat(page.locator("#dashboard-title")).hasText("OBS De Regenboog");
        } finally {
            admin.graphql("mutation($input: SchoolLoginRuleSetInput!) { schoolLoginRuleSet(input: $input) { studentsOnlyAtSchool } }",
                    Map.of("input", Map.of("schoolId", schoolId, "studentsOnlyAtSchool", false)));
            JsonNode ranges = admin.graphql("query($id: ID!) { school(id: $id) { ipRanges { id notation } } }", Map.of("id", schoolId));
            for (JsonNode r : ranges.get("school").get("ipRanges")) {
                if (r.get("notation").asString().equals(range)) {
                    admin.graphql("mutation($input: SchoolIpRangeRemoveInput!) { schoolIpRangeRemove(input: $input) { errors { code } } }",
                            Map.of("input", Map.of("ipRangeId", r.get("id").asString())));
                }
            }
        }
    }
}
