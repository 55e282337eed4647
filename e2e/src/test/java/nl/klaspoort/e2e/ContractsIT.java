package nl.klaspoort.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Request;
import com.microsoft.playwright.options.AriaRole;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Contracts and licences (A1–A5), the school dashboard (D1), the professionals' product dashboards (D2) and a pupil
 * launching a product (D3), on the demo data: OBS De Regenboog (12AB) has Leeslab school-wide, Spellingster per pupil
 * and an ended Rekenroute; CBS Het Kompas (34CD) has Leeslab school-wide and an ending, nearly full Rekenroute.
 */
class ContractsIT extends BrowserJourney {

    private static final String ADMIN = "beheerder@demo.klaspoort.nl";
    private static final String SUPERVISOR = "begeleider@demo.klaspoort.nl";
    private static final String ADMIN_KOMPAS = "beheer.kompas@demo.klaspoort.nl";
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private static final String CONTRACTS = """
            query($school: ID!) { school(id: $school) { contracts(first: 100) { edges { node {
              id name seats licencesInUse startDate renewalDate endDate status product { code name } } } } } }""";

    private void signIn(String username, String password) {
        login(username, password);
        assertThat(page.locator("#dashboard-title")).isVisible();
    }

    private void signOut() {
        context.clearCookies();
        page.navigate("/login");
    }

    /** The date as the screens write it in Dutch (the app's own formatter: Intl in Europe/Amsterdam). */
    private String dutchDate(String isoDate) {
        return (String) page.evaluate("d => new Intl.DateTimeFormat('nl', { day: 'numeric', month: 'short', year: 'numeric',"
                + " timeZone: 'Europe/Amsterdam' }).format(new Date(d))", isoDate);
    }

    private static JsonNode contract(Api api, String schoolId, String productCode) {
        for (JsonNode edge : api.graphql(CONTRACTS, Map.of("school", schoolId)).get("school").get("contracts").get("edges")) {
            JsonNode node = edge.get("node");
            if (node.get("product").get("code").asString().equals(productCode)) {
                return node;
            }
        }
        throw new IllegalStateException("no contract for " + productCode);
    }

    private void openContracts() {
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Beheer").setExact(true)).click();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Abonnementen").setExact(true)).click();
        assertThat(page.locator("#contracts-title")).hasText("Abonnementen");
    }

    private void openContract(String productName) {
        openContracts();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(productName)).first().click();
        assertThat(page.locator("#contract-title")).containsText(productName);
    }

    @Test
    @DisplayName("A1 an admin lists the school's contracts with licences in use, start date and the manual's status texts, and sees the renewal date in the details")
    void listContracts() {
        Api api = Api.signIn(app, ADMIN, PROFESSIONAL_PASSWORD);
        String school = api.schoolId("12AB");
        JsonNode leeslab = contract(api, school, "LEESLAB");
        JsonNode rekenroute = contract(api, school, "REKENROUTE");
        signIn(ADMIN, PROFESSIONAL_PASSWORD);
        openContracts();

        Locator leeslabRow = Ui.rowWith(page, "Leeslab", "Schoolbreed abonnement");
        assertThat(leeslabRow).containsText("Actief");
        assertThat(leeslabRow).containsText(leeslab.get("licencesInUse").asInt() + " van " + leeslab.get("seats").asInt());
        assertThat(leeslabRow).containsText(dutchDate(leeslab.get("startDate").asString()));
        assertThat(Ui.rowWith(page, "Spellingster", "School abonnement (per leerling)")).containsText("Actief");
        assertThat(Ui.rowWith(page, "Rekenroute")).containsText("Beëindigd sinds " + dutchDate(rekenroute.get("endDate").asString()));
        Accessibility.assertNoSeriousViolations(page);

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Leeslab")).first().click();
        assertThat(page.getByTestId("renewal-date")).hasText(dutchDate(leeslab.get("renewalDate").asString()));
        assertThat(page.getByTestId("contract-status")).hasText("Actief");
        assertThat(page.getByRole(AriaRole.TABLE, new Page.GetByRoleOptions().setName("Licenties"))).isVisible();
    }

    @Test
    @DisplayName("A2 an admin ends a contract (its renewal date becomes the end date: 'Eindigt op') and cancels the ending")
    void endAndCancel() {
        Api api = Api.signIn(app, ADMIN_KOMPAS, PROFESSIONAL_PASSWORD);
        String renewal = contract(api, api.schoolId("34CD"), "LEESLAB").get("renewalDate").asString();
        signIn(ADMIN_KOMPAS, PROFESSIONAL_PASSWORD);
        openContract("Leeslab");

        Ui.button(page, "Abonnement beëindigen").click();
        assertThat(Ui.dialog(page)).containsText(dutchDate(renewal));
        Ui.dialog(page).getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Abonnement beëindigen")).click();
        assertThat(page.getByText("Het abonnement wordt niet meer verlengd.")).isVisible();
        assertThat(page.getByTestId("contract-status")).hasText("Eindigt op " + dutchDate(renewal));
        assertThat(page.getByTestId("renewal-date")).hasText("–");
        assertThat(contract(api, api.schoolId("34CD"), "LEESLAB").get("endDate").asString()).isEqualTo(renewal);

        Ui.button(page, "Beëindiging annuleren").click();
        assertThat(page.getByText("De beëindiging is geannuleerd; het abonnement wordt weer verlengd.")).isVisible();
        assertThat(page.getByTestId("contract-status")).hasText("Actief");
        assertThat(page.getByTestId("renewal-date")).hasText(dutchDate(renewal));
        openContracts();
        assertThat(Ui.rowWith(page, "Leeslab")).containsText("Actief");
    }

    @Test
    @DisplayName("A3 an admin ends one pupil's licence of a school-wide contract at once: that pupil's tile disappears; the ending is cancelled")
    void endOnePupilsLicence() {
        signIn("daan.visser", STUDENT_PASSWORD);
        Locator tile = page.locator(".kp-tile[data-product='LEESLAB']");
        assertThat(tile).isVisible();
        signOut();

        signIn(ADMIN, PROFESSIONAL_PASSWORD);
        openContract("Leeslab");
        Ui.fill(page, "Zoek een leerling", "Daan Visser");
        assertThat(page.locator("table[aria-label='Licenties'] tbody tr")).hasCount(1);
        Ui.button(page, "Licentie van Daan Visser beëindigen").click();
        assertThat(page.getByText("De licentie van Daan Visser is beëindigd.")).isVisible();
        assertThat(Ui.rowWith(page, "Daan Visser")).containsText("Beëindigd sinds");
        signOut();

        signIn("daan.visser", STUDENT_PASSWORD);
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Mijn programma’s"))).isVisible();
        assertThat(tile).hasCount(0);
        signOut();

        signIn(ADMIN, PROFESSIONAL_PASSWORD);
        openContract("Leeslab");
        Ui.fill(page, "Zoek een leerling", "Daan Visser");
        Ui.button(page, "Beëindiging van de licentie van Daan Visser annuleren").click();
        assertThat(page.getByText("De licentie van Daan Visser telt weer mee.")).isVisible();
        assertThat(Ui.rowWith(page, "Daan Visser")).containsText("Actief");
    }

    @Test
    @DisplayName("A4 an admin stops the renewal of one pupil's licence of a legacy per-pupil contract ('Eindigt op' its renewal date) and cancels that")
    void stopPerPupilRenewal() {
        signIn(ADMIN, PROFESSIONAL_PASSWORD);
        openContract("Spellingster");
        Ui.fill(page, "Zoek een leerling", "Emma Vos");
        Locator row = Ui.rowWith(page, "Emma Vos");
        assertThat(row).containsText("Actief");
        String renewal = row.locator("td").nth(2).innerText();
        Ui.button(page, "Verlenging van de licentie van Emma Vos stoppen").click();
        assertThat(page.getByText("De licentie van Emma Vos wordt niet meer verlengd.")).isVisible();
        assertThat(row).containsText("Eindigt op " + renewal);

        Ui.button(page, "Stoppen van de verlenging voor Emma Vos annuleren").click();
        assertThat(page.getByText("De licentie van Emma Vos wordt weer verlengd.")).isVisible();
        assertThat(row).containsText("Actief");
    }

    @Test
    @DisplayName("A5 linking more pupils than a contract has free licences is refused with the numbers, and nothing changes")
    void beyondTheSeats() {
        Api api = Api.signIn(app, ADMIN_KOMPAS, PROFESSIONAL_PASSWORD);
        String school = api.schoolId("34CD");
        JsonNode rekenroute = contract(api, school, "REKENROUTE");
        int seats = rekenroute.get("seats").asInt();
        int free = seats - rekenroute.get("licencesInUse").asInt();
        String last = "Stoel" + (char) ('a' + SEQUENCE.incrementAndGet() % 26) + (char) ('a' + System.nanoTime() % 26);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i <= free; i++) {
            ids.add(api.createStudent(school, "Kind" + (char) ('a' + i), last, 6, "LEESLAB", "anna.vanderveen@demo.klaspoort.nl"));
        }

        signIn(ADMIN_KOMPAS, PROFESSIONAL_PASSWORD);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Beheer").setExact(true)).click();
        Ui.fill(page, "Zoeken", last);
        assertThat(page.locator("nav.kp-pager")).containsText("1–" + ids.size() + " van " + ids.size());
        Ui.task(page, "Leerlingen koppelen");
        Ui.button(page, "Selecteer alle " + ids.size() + " leerlingen die aan dit filter voldoen").click();
        Ui.button(page, "Doorgaan").click();
        Ui.selectIn(page, Ui.dialog(page), "Product", "Rekenroute");
        Ui.tick(page, "Begeleider(s)", 0, "Anna van der Veen");
        Ui.button(page, "Controleren").click();
        String numbers = switch (free) {
            case 0 -> "Alle " + seats + " licenties voor Rekenroute zijn in gebruik";
            case 1 -> "Er is nog 1 van de " + seats + " licenties vrij voor Rekenroute";
            default -> "Er zijn nog " + free + " van de " + seats + " licenties vrij voor Rekenroute";
        };
        assertThat(Ui.dialog(page)).containsText(numbers + "; nodig: " + ids.size() + ". Er is niets gewijzigd.");
        assertThat(contract(api, school, "REKENROUTE").get("licencesInUse").asInt()).isEqualTo(seats - free);
    }

    @Test
    @DisplayName("D1 the school dashboard: video carousel, licence use and active/archived users as charts with tables of the API's numbers, recommendations, running contracts, announcements")
    void schoolDashboard() {
        Api api = Api.signIn(app, ADMIN, PROFESSIONAL_PASSWORD);
        String school = api.schoolId("12AB");
        JsonNode data = api.graphql("""
                query($school: ID!) { school(id: $school) { counts { activeStudents activeProfessionals archivedUsers }
                  licenceUse { product { name } total inUse } } }""", Map.of("school", school)).get("school");
        signIn(ADMIN, PROFESSIONAL_PASSWORD);

        Locator carousel = page.getByRole(AriaRole.GROUP, new Page.GetByRoleOptions().setName("Aan de slag met Klaspoort"));
        assertThat(carousel).containsText("Aan de slag: inloggen en rondkijken");
        carousel.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Volgende video")).click();
        assertThat(carousel).containsText("Leerlingen koppelen aan producten");
        carousel.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Vorige video")).click();
        assertThat(carousel).containsText("Aan de slag: inloggen en rondkijken");

        assertThat(page.locator("figure.kp-chart canvas")).hasCount(2);
        page.getByText("Licentiegebruik als tabel").click();
        for (JsonNode use : data.get("licenceUse")) {
            Locator row = page.getByTestId("licence-table").locator("tr", new Locator.LocatorOptions()
                    .setHas(page.getByRole(AriaRole.ROWHEADER, new Page.GetByRoleOptions().setName(use.get("product").get("name").asString()))));
            assertThat(row.locator("td").nth(0)).hasText(String.valueOf(use.get("inUse").asInt()));
            assertThat(row.locator("td").nth(1)).hasText(String.valueOf(use.get("total").asInt()));
        }
        page.getByText("Gebruikers als tabel").click();
        JsonNode counts = data.get("counts");
        int active = counts.get("activeStudents").asInt() + counts.get("activeProfessionals").asInt();
        assertThat(page.getByTestId("users-table").locator("tbody tr").nth(0).locator("td").nth(0)).hasText(String.valueOf(active));
        assertThat(page.getByTestId("users-table").locator("tbody tr").nth(1).locator("td").nth(0))
                .hasText(String.valueOf(counts.get("archivedUsers").asInt()));

        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Aanbevolen programma’s"))).isVisible();
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Rekenroute"))).isVisible();
        assertThat(page.getByTestId("running-contracts")).containsText("Leeslab");
        assertThat(page.getByTestId("running-contracts")).not().containsText("Rekenroute");
        assertThat(page.getByText("Onderhoud zaterdagochtend")).isVisible();
        Accessibility.assertNoSeriousViolations(page);
    }

    @Test
    @DisplayName("D1 the publisher adds an announcement on the publisher screen; every school's dashboard shows it; a bad address is refused at its field; the publisher removes it")
    void publisherManagesDashboardItems() {
        String title = "Nieuwe lesmethode " + (char) ('a' + SEQUENCE.incrementAndGet() % 26) + (char) ('a' + System.nanoTime() % 26);
        signIn("directeur@demo.klaspoort.nl", PROFESSIONAL_PASSWORD);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Dashboard-items beheren")).click();
        assertThat(page.locator("#publisher-title")).hasText("Dashboard-items van de uitgeverij");
        Ui.select(page, "Soort", "Mededeling");
        Ui.fill(page, "Titel", title);
        Ui.fill(page, "Tekst", "Vanaf januari in alle groepen.");
        Ui.fill(page, "Adres (URL)", "geen-adres");
        Ui.button(page, "Opslaan").click();
        assertThat(Ui.component(page, "vaadin-text-field", "Adres (URL)")).hasAttribute("invalid", "");
        Ui.fill(page, "Adres (URL)", "");
        Ui.button(page, "Opslaan").click();
        assertThat(page.getByText("‘" + title + "’ is opgeslagen.")).isVisible();
        Accessibility.assertNoSeriousViolations(page);
        signOut();

        signIn(ADMIN_KOMPAS, PROFESSIONAL_PASSWORD);
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Mededelingen"))).isVisible();
        assertThat(page.getByText(title)).isVisible();
        signOut();

        signIn("directeur@demo.klaspoort.nl", PROFESSIONAL_PASSWORD);
        page.navigate("/uitgever");
        Ui.button(page, "‘" + title + "’ verwijderen").click();
        Ui.dialog(page).getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Verwijderen")).click();
        assertThat(page.getByText("‘" + title + "’ is verwijderd.")).isVisible();
        assertThat(Ui.rowWith(page, title)).hasCount(0);
    }

    @Test
    @DisplayName("D2 the 'Dashboard' button gives a supervisor a tile per product leading to its supervisor environment")
    void productDashboards() {
        signIn(SUPERVISOR, PROFESSIONAL_PASSWORD);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Dashboard").setExact(true)).click();
        Locator tiles = page.getByRole(AriaRole.LIST, new Page.GetByRoleOptions().setName("Dashboards van de producten"));
        assertThat(tiles.locator(".kp-tile")).hasCount(2);
        Page environment = page.waitForPopup(() -> page.getByRole(AriaRole.LINK,
                new Page.GetByRoleOptions().setName("Begeleidersomgeving van Leeslab openen (nieuw venster)")).click());
        assertThat(environment.locator("h1")).hasText("Begeleidersomgeving van Leeslab");
    }

    @Test
    @DisplayName("D3 a pupil sees only their products' tiles and no school figures, launches one (the landing page verifies the token) and a replayed token is refused")
    void pupilLaunches() {
        signIn("sem.dijkstra", STUDENT_PASSWORD);
        assertThat(page.locator(".kp-card")).hasCount(0);
        assertThat(page.locator(".kp-tile")).hasCount(1);
        Locator leeslab = page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Leeslab starten"));
        Accessibility.assertNoSeriousViolations(page);

        Request launch = page.waitForRequest(request -> request.url().endsWith("/leeslab/start"), leeslab::click);
        assertThat(page.locator("#welcome")).hasText("Welkom bij Leeslab, Sem Dijkstra!");
        assertThat(page.locator("main")).containsText("OBS De Regenboog");
        String token = launch.postData();
        assertThat(token).as("the token travels in the form, not the address").startsWith("launch_token=");
        assertThat(launch.url()).doesNotContain("launch_token");

        // the same token posted again, by the browser, as a replay from its history would be
        page.setContent("<form method='post' action='" + launch.url() + "'><input type='hidden' name='launch_token' value='"
                + URLDecoder.decode(token.substring("launch_token=".length()), StandardCharsets.UTF_8)
                + "'><button>opnieuw</button></form>");
        page.locator("button").click();
        assertThat(page.locator("#refusal")).hasAttribute("data-reason", "replayed");
        assertThat(page.locator("#refusal")).containsText("al gebruikt");
    }
}
