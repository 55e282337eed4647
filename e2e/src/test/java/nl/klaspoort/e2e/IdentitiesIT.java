package nl.klaspoort.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import tools.jackson.databind.JsonNode;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Basispoort identities (issue 12). The browser reaches the application through the loopback address, which the
 * application trusts as its proxy, so a journey sets {@code X-Forwarded-For} to play a pupil at home or at school.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class IdentitiesIT extends BrowserJourney {

    private static final String AT_HOME = "203.0.113.9";
    private static final String KOMPAS_ADMIN = "beheer.kompas@demo.klaspoort.nl";
    private static final ObjectMapper JSON = BasispoortControl.JSON;
    /** CBS Het Kompas in Basispoort (made by the first journey that needs it) and its pupils there. */
    private static long kompasInBasispoort;
    private static long fenna;

    @Test
    @Order(3)
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
            page.getByRole(AriaRole.CHECKBOX, new Page.GetByRoleOptions().setName("Leerlingen mogen alleen op school inloggen")).check();
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

    @Test
    @Order(1)
    @DisplayName("BP2 + X1 the admin accepts all suggestions above 90% after seeing them, links a pupil by hand and unlinks her with the cross; the pupil who would end up twice is named")
    void matching() {
        kompasInBasispoort();
        login(KOMPAS_ADMIN, PROFESSIONAL_PASSWORD);
        assertThat(page.locator("#dashboard-title")).isVisible();
        page.navigate("/basispoort-koppelen");
        assertThat(page.locator("#bp-match-title")).hasText("Leerlingen koppelen aan Basispoort");
        Locator local = page.getByTestId("bp-local");
        Locator remote = page.getByTestId("bp-remote");
        assertThat(remote.getByRole(AriaRole.OPTION, new Locator.GetByRoleOptions().setName(Pattern.compile("Fenna Mulder")))).isVisible();
        assertThat(page.getByTestId("likely-duplicates")).containsText("Sophie Jansen");
        Accessibility.assertNoSeriousViolations(page);

        // "accept all above 90 %": the pairs are shown before anything is linked
        Ui.button(page, "Alle suggesties boven 90% accepteren (2)").click();
        Locator proposals = page.getByTestId("accept-all-pairs");
        assertThat(proposals).containsText("Fenna Mulder & Fenna Mulder (");
        assertThat(proposals).containsText("Daan van der Berg & Daan van der Berg (");
        assertThat(proposals.locator("li")).hasCount(2);
        Ui.dialog(page).getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("2 koppelingen maken")).click();
        assertThat(page.getByText("2 leerlingen gekoppeld.")).isVisible();
        Locator linked = page.locator(".kp-match-pair");
        assertThat(linked).hasCount(2);

        // by hand: Sophie on the left, her suggestion (Sofie) is selected in the middle, both blue
        local.getByRole(AriaRole.OPTION, new Locator.GetByRoleOptions().setName(Pattern.compile("Sophie Jansen"))).click();
        assertThat(local.locator(".kp-selected")).containsText("Sophie Jansen");
        assertThat(remote.locator(".kp-selected")).containsText("Sofie Jansen");
        Ui.button(page, "Koppelen").click();
        assertThat(page.getByText("1 leerling gekoppeld.")).isVisible();
        assertThat(linked).hasCount(3);
        assertThat(page.getByTestId("likely-duplicates")).hasCount(0);

        // the red cross undoes it
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Koppeling van Sophie Jansen opheffen")).click();
        assertThat(page.getByText("Koppeling van Sophie Jansen opgeheven.")).isVisible();
        assertThat(linked).hasCount(2);
        assertThat(local.getByRole(AriaRole.OPTION, new Locator.GetByRoleOptions().setName(Pattern.compile("Sophie Jansen")))).isVisible();
    }

    @Test
    @Order(2)
    @DisplayName("BP4 a pupil and a teacher sign in through Basispoort's OpenID Connect server and land on their start page; a Basispoort user without a link is told so in Dutch")
    void singleSignOn() {
        kompasInBasispoort();
        Api admin = Api.signIn(app, KOMPAS_ADMIN, PROFESSIONAL_PASSWORD);
        String kompas = admin.schoolId("34CD");
        if (admin.graphql("query($id: ID!) { school(id: $id) { basispoortMatching { linked { localPupil { id } } } } }",
                Map.of("id", kompas)).get("school").get("basispoortMatching").get("linked").isEmpty()) {
            link(admin, kompas, "Fenna Mulder");
        }
        // the teacher: the sync finds him by his Basispoort login, his e-mail address (seed 003), and links him
        JsonNode run = admin.graphql("mutation($input: BasispoortSyncStartInput!) { basispoortSyncStart(input: $input) { run { id status } errors { code } } }",
                Map.of("input", Map.of("schoolId", kompas))).get("basispoortSyncStart");
        if ("PREVIEW".equals(run.get("run").get("status").asString())) {
            admin.graphql("mutation($input: RosterRunApplyInput!) { rosterRunApply(input: $input) { run { status } errors { code } } }",
                    Map.of("input", Map.of("runId", run.get("run").get("id").asString())));
        }

        // the pupil
        page.navigate("/login");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Inloggen met Basispoort")).click();
        signInAtBasispoort("fenna." + fenna);
        assertThat(page.locator("#dashboard-title")).hasText("CBS Het Kompas");
        assertThat(page).hasURL(Pattern.compile(".*/$"));

        // the teacher
        context.clearCookies();
        page.navigate("/login");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Inloggen met Basispoort")).click();
        signInAtBasispoort(KOMPAS_ADMIN);
        assertThat(page.locator("#dashboard-title")).hasText("CBS Het Kompas");
        assertThat(page.locator(".kp-subtitle")).containsText("Beheerder");

        // a pupil new in Basispoort since the last sync, linked to nobody: back at the login page with the reason
        long noor = addPupil("Noor", null, "Smit");
        context.clearCookies();
        page.navigate("/login");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Inloggen met Basispoort")).click();
        signInAtBasispoort("noor." + noor);
        assertThat(page).hasURL(Pattern.compile(".*/login\\?sso=NO_LINK$"));
        assertThat(page.getByRole(AriaRole.ALERT)).containsText("Je Basispoort-account is nog niet gekoppeld aan een account in Klaspoort.");
        Accessibility.assertNoSeriousViolations(page);
    }

    /** Basispoort's sign-in page (the OIDC server on loopback): types the login and signs in. */
    private void signInAtBasispoort(String login) {
        assertThat(page.locator("#username")).isVisible();
        page.locator("#username").fill(login);
        page.locator("form.card button[type=submit]").click();
    }

    /**
     * Once per run: CBS Het Kompas (34CD) as a school in Basispoort with consent, its pupils there (Fenna Mulder and
     * Daan van der Berg as Klaspoort has them, Sofie Jansen whom Klaspoort spells Sophie, Lotte Kok who is new) and its admin as a teacher there (his Basispoort login is his e-mail address), activated by the publisher.
     */
    private static synchronized void kompasInBasispoort() {
        if (kompasInBasispoort != 0) {
            return;
        }
        ObjectNode school = JSON.createObjectNode().put("naam", "CBS Het Kompas").put("brincode", "34CD")
                .put("dependancecode", "00").put("woonplaats", "Utrecht").put("consent", true);
        kompasInBasispoort = control("POST", "/schools", school.toString()).get("id").asLong();
        control("PUT", "/schools/" + kompasInBasispoort + "/groups/K5", JSON.createObjectNode().put("lasKey", "K5")
                .put("naam", "Groep 5").put("jaargroep", "5").toString());
        fenna = addPupil("Fenna", null, "Mulder");
        addPupil("Daan", "van der", "Berg");
        addPupil("Sofie", null, "Jansen");
        addPupil("Lotte", null, "Kok");
        ObjectNode teacher = JSON.createObjectNode().put("id", 0).put("lasKey", "e2e-youssef").put("emailadres", KOMPAS_ADMIN);
        teacher.putObject("persoonsgegevens").put("voornaam", "Youssef").put("achternaam", "El Amrani");
        teacher.putArray("rollen").add("Leerkracht");
        teacher.putArray("groepen").add("K5");
        control("POST", "/schools/" + kompasInBasispoort + "/staff", teacher.toString());

        Api admin = Api.signIn(app, KOMPAS_ADMIN, PROFESSIONAL_PASSWORD);
        String kompas = admin.schoolId("34CD");
        admin.createStudent(kompas, "Fenna", "Mulder", 5, "LEESLAB", "directeur@demo.klaspoort.nl");
        admin.createStudent(kompas, "Daan", "van der Berg", 5, "LEESLAB", "directeur@demo.klaspoort.nl");
        admin.createStudent(kompas, "Sophie", "Jansen", 5, "LEESLAB", "directeur@demo.klaspoort.nl");
        Api publisher = Api.signIn(app, "directeur@demo.klaspoort.nl", PROFESSIONAL_PASSWORD);
        JsonNode activated = publisher.graphql("""
                mutation($input: BasispoortSchoolActivateInput!) {
                  basispoortSchoolActivate(input: $input) { errors { code message } }
                }""", Map.of("input", Map.of("schoolId", kompas, "basispoortId", Long.toString(kompasInBasispoort))));
        org.assertj.core.api.Assertions.assertThat(activated.get("basispoortSchoolActivate").get("errors").isEmpty())
                .as("activated: %s", activated).isTrue();
    }

    /** Links a Klaspoort pupil to the Basispoort pupil with the same name through the screen's mutation. */
    private static void link(Api admin, String kompas, String name) {
        JsonNode matching = admin.graphql("""
                query($id: ID!) { school(id: $id) { basispoortMatching {
                  localPupils { id name } basispoortPupils { id name } } } }""", Map.of("id", kompas))
                .get("school").get("basispoortMatching");
        String localId = null;
        String remoteId = null;
        for (JsonNode p : matching.get("localPupils")) {
            if (p.get("name").asString().equals(name)) localId = p.get("id").asString();
        }
        for (JsonNode p : matching.get("basispoortPupils")) {
            if (p.get("name").asString().equals(name)) remoteId = p.get("id").asString();
        }
        admin.graphql("mutation($input: BasispoortPupilsLinkInput!) { basispoortPupilsLink(input: $input) { changed } }",
                Map.of("input", Map.of("schoolId", kompas, "pairs", List.of(Map.of("localPupilId", localId, "basispoortPupilId", remoteId)))));
    }

    private static long addPupil(String first, String prefix, String last) {
        ObjectNode pupil = JSON.createObjectNode().put("id", 0).put("lasKey", "e2e-" + first.toLowerCase()).put("jaargroep", "5")
                .put("groep", "K5");
        ObjectNode person = pupil.putObject("persoonsgegevens").put("voornaam", first).put("achternaam", last);
        if (prefix != null) {
            person.put("voorvoegsel", prefix);
        }
        return control("POST", "/schools/" + kompasInBasispoort + "/pupils", pupil.toString()).get("id").asLong();
    }

    private static JsonNode control(String method, String path, String body) {
        return BasispoortControl.call(method, path, body);
    }
}
