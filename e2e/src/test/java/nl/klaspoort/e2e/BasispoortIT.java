package nl.klaspoort.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Path;
import java.time.Duration;
import klaspoort.peers.mail.CaughtMail;
import klaspoort.peers.mail.MailCatcher;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Beheer → Basispoort ({@code /basispoort}) in the browser, against the packaged jar beside the local Basispoort
 * simulator: the demo's "Basisschool De Klimop" (BRIN 99KP, activated, no pupils yet) takes its roster from the
 * simulator's school with consent, "Basisschool De Vlinder" (99XX) uploads the repository's EDEXML samples. The
 * journeys of De Klimop build on each other (first sync, then changes in Basispoort through the simulator's control
 * API), hence their order.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BasispoortIT extends BrowserJourney {

    private static final String KLIMOP_ADMIN = "beheer.klimop@demo.klaspoort.nl";
    private static final String VLINDER_ADMIN = "beheer.vlinder@demo.klaspoort.nl";
    private static final long KLIMOP = 100001; // the simulator's demo school (WorldGenerator.DEMO_SCHOOL_ID)
    private static final Path SAMPLES = Path.of("../edexml/src/test/resources/samples").toAbsolutePath();
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    @Order(1)
    @DisplayName("BP1 consent given, BP3 X2 X4: the connection checked, ‘Nu synchroniseren’ previewed, applied with progress, the report kept")
    void checkSyncPreviewApply() {
        openBasispoort(KLIMOP_ADMIN);
        Ui.button(page, "Verbinding controleren").click();
        assertThat(page.getByTestId("connection-status")).containsText("School gevonden en heeft toestemming verleend.");
        assertThat(page.getByTestId("connection-status")).containsText("BRIN 99KP");

        Ui.button(page, "Nu synchroniseren").click();
        Locator run = page.getByTestId("run-detail");
        status(run, "PREVIEW");
        assertThat(run).containsText("Voorbeeld: nog niets gewijzigd");
        assertThat(run).containsText("Leerlingen: 200 nieuw");
        assertThat(run.getByRole(AriaRole.ROW).filter(new Locator.FilterOptions().setHasText("Nieuw in Basispoort")).first())
                .isVisible();
        Accessibility.assertNoSeriousViolations(page);

        apply();
        status(run, "APPLIED");
        assertThat(run).containsText("De wijzigingen zijn toegepast.");
        assertThat(run).containsText("Toegepast door Marieke Hoekstra");
        Locator report = runsTable().getByRole(AriaRole.ROW).nth(1);
        assertThat(report).containsText("Toegepast");
        assertThat(report).containsText("Leerlingen: 200 nieuw");
        assertThat(report).containsText("Marieke Hoekstra");

        // the same roster again: nothing to do, said so
        Ui.button(page, "Nu synchroniseren").click();
        status(run, "UNCHANGED");
        assertThat(run).containsText("Er is niets veranderd sinds de vorige synchronisatie.");
    }

    @Test
    @Order(2)
    @DisplayName("X11 X2: a preview reviewed per change and all at once; a rejected pupil is not created, and comes back in the next preview")
    void reviewPerChange() {
        addPupil("Fenna", "Ruiter");
        addPupil("Gijs", "Molenaar");
        openBasispoort(KLIMOP_ADMIN);
        Ui.button(page, "Nu synchroniseren").click();
        Locator run = page.getByTestId("run-detail");
        status(run, "PREVIEW");
        assertThat(run).containsText("Leerlingen: 2 nieuw");

        Locator gijs = run.getByRole(AriaRole.ROW).filter(new Locator.FilterOptions().setHasText("Gijs"));
        gijs.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Afwijzen: ").setExact(false)).click();
        assertThat(gijs.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Afwijzen: ").setExact(false)))
                .hasAttribute("aria-pressed", "true");
        apply();
        status(run, "APPLIED");

        Ui.button(page, "Nu synchroniseren").click();
        status(run, "PREVIEW");
        assertThat(run).containsText("Leerlingen: 1 nieuw");
        assertThat(run.getByRole(AriaRole.ROW).filter(new Locator.FilterOptions().setHasText("Gijs"))).hasCount(1);
        assertThat(run.getByRole(AriaRole.ROW).filter(new Locator.FilterOptions().setHasText("Fenna"))).hasCount(0);

        Ui.button(page, "Alles afwijzen").click();
        assertThat(gijs.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Afwijzen: ").setExact(false)))
                .hasAttribute("aria-pressed", "true");
        Ui.button(page, "Verwerpen").click();
        status(run, "DISCARDED");
        assertThat(run).containsText("De synchronisatie is verworpen; er is niets gewijzigd.");
    }

    @Test
    @Order(3)
    @DisplayName("X12 BP3: a pupil who left Basispoort goes to the archive and, back in Basispoort, gets the same account back")
    void returningPupil() {
        JsonNode pupil = control("GET", "/schools/" + KLIMOP + "/pupils", null).get(0);
        String first = pupil.path("persoonsgegevens").path("voornaam").asText();
        control("DELETE", "/schools/" + KLIMOP + "/pupils/" + pupil.path("id").asLong(), null);

        openBasispoort(KLIMOP_ADMIN);
        Ui.button(page, "Nu synchroniseren").click();
        Locator run = page.getByTestId("run-detail");
        status(run, "PREVIEW");
        Locator leaving = run.getByRole(AriaRole.ROW).filter(new Locator.FilterOptions().setHasText("Naar archief"));
        assertThat(leaving).containsText(first);
        assertThat(leaving).containsText("Niet meer in Basispoort");
        apply();
        status(run, "APPLIED");

        control("POST", "/schools/" + KLIMOP + "/pupils", pupil.toString());
        Ui.button(page, "Nu synchroniseren").click();
        status(run, "PREVIEW");
        Locator back = run.getByRole(AriaRole.ROW).filter(new Locator.FilterOptions().setHasText("Terug uit archief"));
        assertThat(back).containsText(first);
        assertThat(back).containsText("Weer op school: het bestaande account wordt hersteld");
        apply();
        status(run, "APPLIED");
        assertThat(run).containsText("1 terug");
    }

    @Test
    @Order(4)
    @DisplayName("BP1 consent missing: the check says the school gave Klaspoort no consent, and where to give it")
    void consentMissing() {
        control("POST", "/schools/" + KLIMOP + "/consent", "{\"granted\": false}");
        try {
            openBasispoort(KLIMOP_ADMIN);
            Ui.button(page, "Verbinding controleren").click();
            assertThat(page.getByTestId("connection-status"))
                    .containsText("De school staat in Basispoort, maar heeft Klaspoort geen toestemming gegeven.");
            assertThat(page.getByTestId("connection-status")).containsText("Beheer → Uitgeverijen");
            assertThat(Ui.button(page, "Nu synchroniseren")).isDisabled();
        } finally {
            control("POST", "/schools/" + KLIMOP + "/consent", "{\"granted\": true}");
        }
    }

    @Test
    @Order(5)
    @DisplayName("BP6 X2 X3: the invalid sample shows its line; the 400-pupil export uploaded, previewed and applied (English too)")
    void edexmlUpload() {
        openBasispoort(VLINDER_ADMIN);
        page.getByTestId("edexml-file").setInputFiles(SAMPLES.resolve("EDEXML.1.03.invalid-jaargroep.xml"));
        Ui.button(page, "Bestand inlezen").click();
        Locator run = page.getByTestId("run-detail");
        status(run, "FAILED");
        assertThat(run).containsText("Het bestand is geweigerd; er is niets ingelezen. Zie de fouten per regel.");
        assertThat(page.getByTestId("file-errors")).containsText("Regel 15:");

        page.getByTestId("edexml-file").setInputFiles(SAMPLES.resolve("EDEXML.1.03.cito-export-400.xml"));
        Ui.button(page, "Bestand inlezen").click();
        status(run, "PREVIEW");
        assertThat(run).containsText("EDEXML-bestand EDEXML.1.03.cito-export-400.xml");
        assertThat(run).containsText("Leerlingen: 398 nieuw");
        Accessibility.assertNoSeriousViolations(page);
        apply();
        status(run, "APPLIED");
        assertThat(runsTable().getByRole(AriaRole.ROW).nth(1)).containsText("Toegepast");
    }

    @Test
    @Order(6)
    @DisplayName("BP5 a teacher's new e-mail address in Basispoort: the old login stops working, an activation mail goes to the new address, and the teacher signs in with it")
    void teacherEmailChange() {
        JsonNode teacher = control("GET", "/schools/" + KLIMOP + "/staff", null).get(2);
        String oldEmail = teacher.path("emailadres").asText();
        assertThat(oldEmail).contains("@");
        // the teacher chose a password through 'Wachtwoord vergeten of wachtwoord instellen?'
        page.navigate("/login");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Wachtwoord vergeten of wachtwoord instellen?")).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Wachtwoord vergeten of wachtwoord instellen"))).isVisible();
        page.getByLabel("E-mailadres").fill(oldEmail);
        Ui.button(page, "Link versturen").click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("Als dit adres bij Klaspoort bekend is");
        choosePassword(app.mail().awaitMail(MailCatcher.to(oldEmail), Duration.ofSeconds(30)).links().getFirst(),
                "Oud2026wachtwoord");
        assertThat(page.getByRole(AriaRole.STATUS)).hasText("Uw wachtwoord is ingesteld. U kunt nu inloggen.");
        login(oldEmail, "Oud2026wachtwoord");
        assertThat(page.getByText("U heeft op geen enkele school een rol.")).isVisible();
        context.clearCookies();

        String newEmail = "nieuw." + oldEmail;
        control("PUT", "/schools/" + KLIMOP + "/staff/" + teacher.path("id").asLong(),
                ((ObjectNode) teacher.deepCopy()).put("emailadres", newEmail).toString());
        openBasispoort(KLIMOP_ADMIN);
        Ui.button(page, "Verbinding controleren").click(); // consent was given again after the previous journey
        assertThat(page.getByTestId("connection-status")).containsText("School gevonden en heeft toestemming verleend.");
        Ui.button(page, "Nu synchroniseren").click();
        Locator run = page.getByTestId("run-detail");
        status(run, "PREVIEW");
        assertThat(run.getByTestId("new-login")).hasText(
                "Nieuw e-mailadres: na toepassen werkt het oude e-mailadres niet meer en gaat er een activatiemail naar het nieuwe.");
        apply();
        status(run, "APPLIED");
        assertThat(run.getByTestId("new-login")).hasText(
                "Nieuw e-mailadres: activatiemail verstuurd. Het oude e-mailadres en wachtwoord werken niet meer.");
        context.clearCookies();

        CaughtMail activation = app.mail().awaitMail(MailCatcher.to(newEmail), Duration.ofSeconds(30));
        assertThat(activation.subject()).isEqualTo("Stel uw wachtwoord in voor Klaspoort");
        login(oldEmail, "Oud2026wachtwoord");
        assertThat(page.getByText("Onjuiste gebruikersnaam of wachtwoord")).isVisible();
        login(newEmail, "Oud2026wachtwoord");
        assertThat(page.getByText("Onjuiste gebruikersnaam of wachtwoord")).isVisible();

        choosePassword(activation.links().getFirst(), "Nieuw2026wachtwoord");
        assertThat(page.getByRole(AriaRole.STATUS)).hasText("Uw wachtwoord is ingesteld. U kunt nu inloggen.");
        login(newEmail, "Nieuw2026wachtwoord");
        assertThat(page.getByText("U heeft op geen enkele school een rol.")).isVisible();
    }

    /**
     * The run shown has this status: a sync reads Basispoort and compares, an apply writes a whole school in one
     * transaction, so this waits longer than an ordinary assertion (up to 60 s on a loaded machine).
     */
    private static void status(Locator run, String status) {
        assertThat(run).hasAttribute("data-status", status,
                new com.microsoft.playwright.assertions.LocatorAssertions.HasAttributeOptions().setTimeout(60_000));
    }

    private void openBasispoort(String admin) {
        login(admin, PROFESSIONAL_PASSWORD);
        assertThat(page.locator("#dashboard-title")).isVisible();
        page.navigate("/basispoort");
        assertThat(page.locator("#bp-title")).hasText("Basispoort");
    }

    /** ‘Toepassen’, then the confirmation's ‘Toepassen’. */
    private void apply() {
        page.getByTestId("apply").click();
        Ui.dialog(page).getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Toepassen")).click();
    }

    private Locator runsTable() {
        return page.getByRole(AriaRole.TABLE, new Page.GetByRoleOptions().setName("Eerdere synchronisaties"));
    }

    private void addPupil(String first, String last) {
        ObjectNode pupil = JSON.createObjectNode();
        pupil.put("id", 0);
        pupil.put("lasKey", "e2e-" + first.toLowerCase());
        pupil.put("jaargroep", "5");
        pupil.putObject("persoonsgegevens").put("voornaam", first).put("achternaam", last);
        control("POST", "/schools/" + KLIMOP + "/pupils", pupil.toString());
    }

    /** A call of the simulator's control API; its JSON answer. */
    private static JsonNode control(String method, String path, String body) {
        return BasispoortControl.call(method, path, body);
    }
}
