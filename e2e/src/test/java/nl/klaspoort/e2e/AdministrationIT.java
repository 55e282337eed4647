package nl.klaspoort.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The daily work of a school admin (issue 4, manual chapter 4), journey by journey. Each journey creates the users it
 * works on through the API, with a family name of its own, so journeys never depend on each other.
 */
class AdministrationIT extends BrowserJourney {

    private static final String ADMIN = "beheerder@demo.klaspoort.nl";
    private static final String SUPERVISOR = "begeleider@demo.klaspoort.nl";
    private static final String IB = "ib@demo.klaspoort.nl";
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private Api api;
    private String regenboog;

    @BeforeEach
    void arrange() {
        api = Api.signIn(app, ADMIN, PROFESSIONAL_PASSWORD);
        regenboog = api.schoolId("12AB");
    }

    /** A family name no other journey uses, e.g. "Vkaaa". */
    private static String family(String prefix) {
        int n = SEQUENCE.incrementAndGet();
        return prefix + (char) ('a' + n % 26) + (char) ('a' + (n / 26) % 26) + (char) ('a' + System.nanoTime() % 26);
    }

    private void openOverview() {
        login(ADMIN, PROFESSIONAL_PASSWORD);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Beheer").setExact(true)).click();
        assertThat(page.locator("#admin-title")).hasText("Gebruikersbeheer");
    }

    /** Finds a user in the overview by family name and opens their profile. */
    private void openProfile(String name, String last) {
        openOverview();
        search(last);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(name)).click();
    }

    /** Opens the wizard for one student and fills step 2 (Leeslab, followed by Peter van Dam). */
    private void studentStep2(String first, String last, int gradeYear) {
        Ui.button(page, "Gebruikers aanmaken").click();
        page.getByRole(AriaRole.RADIO, new Page.GetByRoleOptions().setName("Leerling").setExact(true)).check();
        Ui.button(page, "Volgende").click();
        Ui.fill(page, "Voornaam", first);
        Ui.fill(page, "Achternaam", last);
        Ui.fill(page, "Leerjaar", String.valueOf(gradeYear));
        Ui.tick(page, "Producten", 0, "Leeslab");
        Ui.tick(page, "Begeleider(s)", 0, "Peter van Dam");
    }

    /** Opens the task dialog for the selection and runs the dry run ("Controleren"). */
    private void continueAndCheck() {
        Ui.button(page, "Doorgaan").click();
        Ui.button(page, "Controleren").click();
    }

    private int gradeYear(String studentId) {
        return api.graphql("query($s: ID!, $id: ID!) { school(id: $s) { user(id: $id) { user { ... on Student { gradeYear } } } } }",
                Map.of("s", regenboog, "id", studentId)).get("school").get("user").get("user").get("gradeYear").asInt();
    }

    private void search(String text) {
        Ui.fill(page, "Zoeken", text);
    }

    /** Searches and waits until the page shows exactly {@code count} matches. */
    private void search(String text, int count) {
        search(text);
        assertThat(page.locator("nav.kp-pager")).containsText("1–" + count + " van " + count);
    }

    @Test
    @DisplayName("B3 an admin searches, filters and sorts the user overview")
    void overview() {
        openOverview();
        Accessibility.assertNoSeriousViolations(page);

        search("jong");
        assertThat(Ui.row(page, "Sanne de Jong")).isVisible();
        assertThat(page.locator("nav.kp-pager")).containsText("van");

        search("");
        Ui.select(page, "Rol", "Beheerder");
        assertThat(Ui.row(page, "Mirjam Kramer")).isVisible();
        assertThat(Ui.row(page, "Sanne de Jong")).hasCount(0);

        Ui.select(page, "Rol", "Alle");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Naam, sorteren")).click();
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Naam, sorteren"))).containsText("▼");
    }

    @Test
    @DisplayName("B4 an admin creates a professional with the wizard; the activation e-mail with a link arrives")
    void createProfessional() {
        String email = family("nieuw.") + "@school.example";
        openOverview();
        Ui.button(page, "Gebruikers aanmaken").click();
        assertThat(page.locator("#create-title")).isVisible();
        page.getByRole(AriaRole.RADIO, new Page.GetByRoleOptions().setName("Onderwijsprofessional (beheerder en/of begeleider)")).check();
        Ui.button(page, "Volgende").click();

        Ui.fill(page, "Voornaam", "Fatima");
        Ui.fill(page, "Achternaam", "Bouzid");
        Ui.fill(page, "E-mailadres", email);
        Ui.checkbox(page, "Begeleider").click();
        Accessibility.assertNoSeriousViolations(page);
        Ui.button(page, "Volgende").click();
        assertThat(page.getByText("Stap 2B: controleer de gegevens")).isVisible();
        Ui.button(page, "Opslaan").click();

        assertThat(page.getByText("De gebruiker is aangemaakt")).isVisible();
        assertThat(page.getByTestId("created-username")).hasText(email);
        assertThat(page.getByText("ontvangt een e-mail om een wachtwoord in te stellen")).isVisible();
        var mail = app.mail().awaitMail(klaspoort.peers.mail.MailCatcher.to(email), java.time.Duration.ofSeconds(30));
        org.assertj.core.api.Assertions.assertThat(mail.text()).contains("Fatima", "OBS De Regenboog");
        org.assertj.core.api.Assertions.assertThat(mail.links().getFirst()).startsWith(app.baseUrl() + "/wachtwoord-instellen#");
    }

    @Test
    @DisplayName("B6 an admin creates a student; step 2B shows the generated username and password, editable")
    void createStudent() {
        String last = family("Nieuwling");
        openOverview();
        studentStep2("Noah", last, 4);
        Ui.button(page, "Volgende").click();

        Locator username = page.getByLabel("Gebruikersnaam", new Page.GetByLabelOptions().setExact(true));
        assertThat(username).hasValue("noah." + last.toLowerCase());
        username.fill("noah.eigen." + last.toLowerCase());
        Accessibility.assertNoSeriousViolations(page);
        Ui.button(page, "Opslaan").click();

        assertThat(page.getByTestId("created-username")).hasText("noah.eigen." + last.toLowerCase());
        String password = page.getByTestId("created-password").textContent();
        assertThat(password).matches("(?=.*[A-Za-z])(?=.*\\d).{8,}");
        Api.signIn(app, "noah.eigen." + last.toLowerCase(), password);
    }

    @Test
    @DisplayName("B8 an admin archives two students in one action; they move to the archive (B9)")
    void archiveInBulk() {
        String last = family("Archief");
        api.createStudent(regenboog, "Ada", last, 5, "LEESLAB", SUPERVISOR);
        api.createStudent(regenboog, "Bo", last, 6, "LEESLAB", SUPERVISOR);
        openOverview();
        search(last, 2);
        assertThat(Ui.row(page, "Ada " + last)).isVisible();

        Ui.task(page, "Gebruikers archiveren");
        Ui.selectUser(page, "Ada " + last);
        Ui.selectUser(page, "Bo " + last);
        assertThat(page.locator(".kp-selection-count")).hasText("2 geselecteerd");
        continueAndCheck();
        assertThat(page.locator(".kp-preview")).containsText("2 worden gewijzigd");
        Accessibility.assertNoSeriousViolations(page);
        Ui.button(page, "Bevestigen").click();

        assertThat(page.getByText("Gebruikers archiveren: 2 gebruikers gewijzigd")).isVisible();
        assertThat(Ui.row(page, "Ada " + last)).hasCount(0);

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Gebruikersarchief")).click();
        assertThat(page.locator("#admin-title")).hasText("Gebruikersarchief");
        search(last, 2);
        assertThat(Ui.row(page, "Ada " + last)).isVisible();
        assertThat(Ui.row(page, "Bo " + last)).isVisible();
        Accessibility.assertNoSeriousViolations(page);
    }

    @Test
    @DisplayName("B8 archiving the only supervisor of a student is refused with the reason, and nothing changes")
    void onlySupervisorRefused() {
        String last = family("Enig");
        String email = last.toLowerCase() + "@school.example";
        JsonNode created = api.graphql("""
                mutation($input: ProfessionalCreateInput!) { professionalCreate(input: $input) { userId errors { message } } }
                """, Map.of("input", Map.of("schoolId", regenboog, "firstName", "Els", "lastName", last, "email", email,
                "roles", List.of("SUPERVISOR"), "productIds", List.of(api.productId("LEESLAB")))));
        assertThat(created.get("professionalCreate").get("errors").isEmpty()).isTrue();
        api.createStudent(regenboog, "Cas", last, 4, "LEESLAB", email);

        openOverview();
        search(last, 2);
        Ui.task(page, "Gebruikers archiveren");
        Ui.selectUser(page, "Els " + last);
        continueAndCheck();
        assertThat(page.locator(".kp-refused")).containsText("Els " + last);
        assertThat(page.locator(".kp-preview")).containsText("Er wordt niets gewijzigd");
        assertThat(Ui.button(page, "Bevestigen")).hasCount(0);
        Ui.dialog(page).getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Annuleren")).click();
        assertThat(Ui.row(page, "Els " + last)).isVisible();
    }

    @Test
    @DisplayName("B10 an admin dearchives a student from the archive; the previous links come back")
    void dearchive() {
        String last = family("Terug");
        String id = api.createStudent(regenboog, "Dex", last, 3, "SPELLINGSTER", SUPERVISOR);
        api.graphql("mutation($input: UsersArchiveInput!) { usersArchive(input: $input) { errors { message } } }",
                Map.of("input", Map.of("schoolId", regenboog, "userIds", List.of(id))));

        openOverview();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Gebruikersarchief")).click();
        assertThat(page.locator("#admin-title")).hasText("Gebruikersarchief");
        search(last);
        Ui.task(page, "Gebruikers dearchiveren");
        Ui.selectUser(page, "Dex " + last);
        continueAndCheck();
        Ui.button(page, "Bevestigen").click();
        assertThat(Ui.row(page, "Dex " + last)).hasCount(0);

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Gebruikersoverzicht").setExact(true)).click();
        assertThat(page.locator("#admin-title")).hasText("Gebruikersbeheer");
        search(last, 1);
        assertThat(Ui.row(page, "Dex " + last)).isVisible();
        assertThat(Ui.row(page, "Spellingster")).isVisible();
    }

    @Test
    @DisplayName("B11 an admin gives professionals the supervisor role and a product in one action")
    void linkProfessionals() {
        String last = family("Rol");
        for (String first : List.of("Gert", "Hanna")) {
            api.graphql("mutation($input: ProfessionalCreateInput!) { professionalCreate(input: $input) { userId } }",
                    Map.of("input", Map.of("schoolId", regenboog, "firstName", first, "lastName", last,
                            "email", first.toLowerCase() + "." + last.toLowerCase() + "@school.example", "roles", List.of("ADMIN"))));
        }
        openOverview();
        search(last, 2);
        Ui.task(page, "Professionals koppelen");
        Ui.selectUser(page, "Gert " + last);
        Ui.selectUser(page, "Hanna " + last);
        Ui.button(page, "Doorgaan").click();
        Ui.checkbox(page, "Begeleider").click();
        Ui.tick(page, "Producten (alleen voor begeleiders)", 0, "Leeslab");
        Ui.button(page, "Controleren").click();
        assertThat(page.locator(".kp-preview")).containsText("2 worden gewijzigd");
        Ui.button(page, "Bevestigen").click();

        assertThat(Ui.visible(page, "table.kp-table .kp-badge-supervisor")).hasCount(2);
        assertThat(Ui.row(page, "Leeslab")).hasCount(2);
        assertThat(Ui.row(page, "Gert " + last)).isVisible();
    }

    @Test
    @DisplayName("B12 links 30 students to two products and two supervisors in one action, through select all matching")
    void linkThirtyStudents() {
        String last = family("Dertig");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            ids.add(api.createStudent(regenboog, "Kind" + (char) ('a' + i % 26) + (char) ('a' + i / 26), last, 3 + i % 6,
                    "LEESLAB", SUPERVISOR));
        }
        openOverview();
        search(last, 30);
        Ui.task(page, "Leerlingen koppelen");
        Ui.button(page, "Selecteer alle 30 leerlingen die aan dit filter voldoen").click();
        assertThat(page.locator(".kp-selection-count")).hasText("30 geselecteerd");
        Ui.button(page, "Doorgaan").click();

        Ui.selectIn(page, Ui.dialog(page), "Product", "Leeslab");
        Ui.tick(page, "Begeleider(s)", 0, "Peter van Dam", "Karin Smeets");
        Ui.button(page, "Nog een koppeling toevoegen").click();
        page.locator(".kp-link-row").nth(1).locator("vaadin-select").click();
        page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName("Spellingster")).click();
        Ui.tick(page, "Begeleider(s)", 1, "Peter van Dam", "Karin Smeets");
        Ui.button(page, "Controleren").click();
        assertThat(page.locator(".kp-preview")).containsText("30 worden gewijzigd");
        Accessibility.assertNoSeriousViolations(page);
        Ui.button(page, "Bevestigen").click();
        assertThat(page.getByText("Leerlingen koppelen: 30 gebruikers gewijzigd")).isVisible();

        JsonNode student = api.graphql("""
                query($school: ID!, $id: ID!) { school(id: $school) { user(id: $id) {
                  enrollments { product { code } supervisors { username } } } } }
                """, Map.of("school", regenboog, "id", ids.get(17))).get("school").get("user");
        assertThat(student.get("enrollments")).hasSize(2);
        for (JsonNode enrollment : student.get("enrollments")) {
            List<String> supervisors = new ArrayList<>();
            enrollment.get("supervisors").forEach(s -> supervisors.add(s.get("username").asString()));
            assertThat(supervisors).contains(SUPERVISOR, IB);
        }
    }

    @Test
    @DisplayName("B13 an admin removes the admin role from professionals in bulk")
    void removeRoles() {
        String last = family("Minder");
        api.graphql("mutation($input: ProfessionalCreateInput!) { professionalCreate(input: $input) { userId } }",
                Map.of("input", Map.of("schoolId", regenboog, "firstName", "Iris", "lastName", last,
                        "email", "iris." + last.toLowerCase() + "@school.example", "roles", List.of("ADMIN", "SUPERVISOR"))));
        openOverview();
        search(last, 1);
        assertThat(Ui.visible(page, "table.kp-table .kp-badge-admin")).hasCount(1);
        Ui.task(page, "Rollen verwijderen");
        Ui.selectUser(page, "Iris " + last);
        Ui.button(page, "Doorgaan").click();
        Ui.checkbox(page, "Beheerder").click();
        Ui.button(page, "Controleren").click();
        Ui.button(page, "Bevestigen").click();
        assertThat(Ui.visible(page, "table.kp-table .kp-badge-admin")).hasCount(0);
        assertThat(Ui.visible(page, "table.kp-table .kp-badge-supervisor")).hasCount(1);
    }

    @Test
    @DisplayName("B14 grade year up: a group-8 student is refused and nothing changes; without them it applies")
    void gradeYearUp() {
        String last = family("Groep");
        String jip = api.createStudent(regenboog, "Jip", last, 5, "LEESLAB", SUPERVISOR);
        String kiki = api.createStudent(regenboog, "Kiki", last, 8, "LEESLAB", SUPERVISOR);
        openOverview();
        search(last, 2);
        Ui.task(page, "Leerjaar ophogen");
        Ui.button(page, "Selecteer alle 2 leerlingen die aan dit filter voldoen").click();
        continueAndCheck();
        assertThat(page.locator(".kp-preview")).containsText("1 wordt gewijzigd");
        assertThat(page.locator(".kp-refused")).containsText("Kiki " + last);
        Ui.dialog(page).getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Annuleren")).click();
        assertThat(gradeYear(jip)).isEqualTo(5);

        Ui.selectUser(page, "Kiki " + last);
        assertThat(page.locator(".kp-selection-count")).hasText("1 geselecteerd");
        continueAndCheck();
        assertThat(page.locator(".kp-preview")).containsText("1 wordt gewijzigd");
        Ui.button(page, "Bevestigen").click();
        assertThat(page.getByText("Leerjaar ophogen: 1 gebruiker gewijzigd")).isVisible();
        assertThat(gradeYear(jip)).isEqualTo(6);
        assertThat(gradeYear(kiki)).isEqualTo(8);
    }

    @Test
    @DisplayName("B16 an admin edits a student's profile; mandatory fields are enforced; archived profiles are read-only")
    void editProfile() {
        String last = family("Profiel");
        String id = api.createStudent(regenboog, "Lot", last, 4, "LEESLAB", SUPERVISOR);
        openProfile("Lot " + last, last);
        assertThat(page.locator("#profile-title")).hasText("Lot " + last);
        Ui.button(page, "Wijzig profiel").click();
        Ui.fill(page, "Voornaam", "");
        Ui.button(page, "Wijzigingen opslaan").click();
        assertThat(Ui.component(page, "vaadin-text-field", "Voornaam")).hasAttribute("invalid", "");
        assertThat(page.getByText("Vul een geldige voor- en achternaam in.")).isVisible();
        Ui.fill(page, "Voornaam", "Lotte");
        Ui.button(page, "Wijzigingen opslaan").click();
        assertThat(page.getByText("Het profiel is opgeslagen.")).isVisible();
        assertThat(page.locator("#profile-title")).hasText("Lotte " + last);
        Accessibility.assertNoSeriousViolations(page);

        Ui.button(page, "Archiveren").click();
        Ui.dialog(page).getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Archiveren")).click();
        assertThat(page.getByText("Dit profiel is gearchiveerd")).isVisible();
        assertThat(Ui.button(page, "Wijzig profiel")).hasCount(0);
        assertThat(id).isNotBlank();
    }

    @Test
    @DisplayName("B17 an admin generates a new password for a student, who can log in with it")
    void resetStudentPassword() {
        String last = family("Wachtwoord");
        api.createStudent(regenboog, "Mats", last, 7, "LEESLAB", SUPERVISOR);
        openProfile("Mats " + last, last);
        Ui.button(page, "Nieuw wachtwoord genereren").click();
        Ui.dialog(page).getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Genereren")).click();
        String password = page.getByTestId("new-password").textContent();
        Api.signIn(app, "mats." + last.toLowerCase(), password);
    }

    @Test
    @DisplayName("B18 turning off a student's last product archives the student")
    void lastProductOffArchives() {
        String last = family("Laatste");
        api.createStudent(regenboog, "Nina", last, 5, "SPELLINGSTER", SUPERVISOR);
        openProfile("Nina " + last, last);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Koppeling 1 verwijderen")).click();
        Ui.button(page, "Producten opslaan").click();
        assertThat(Ui.dialog(page)).containsText("wordt de leerling gearchiveerd");
        Ui.dialog(page).getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Opslaan en archiveren")).click();
        assertThat(page.locator(".kp-subtitle")).containsText("gearchiveerd");
    }

    @Test
    @DisplayName("X5 an admin undoes a bulk archive from the toast, and the audit log shows both, the change in words")
    void undoFromToast() {
        String last = family("Spijt");
        api.createStudent(regenboog, "Otto", last, 5, "LEESLAB", SUPERVISOR);
        api.createStudent(regenboog, "Pien", last, 5, "LEESLAB", SUPERVISOR);
        openOverview();
        search(last, 2);
        Ui.task(page, "Gebruikers archiveren");
        Ui.button(page, "Selecteer alle 2 gebruikers die aan dit filter voldoen").click();
        continueAndCheck();
        Ui.button(page, "Bevestigen").click();
        assertThat(Ui.row(page, "Otto " + last)).hasCount(0);

        Ui.button(page, "Ongedaan maken").click();
        assertThat(page.getByText("De wijziging is ongedaan gemaakt.")).isVisible();
        assertThat(Ui.row(page, "Otto " + last)).isVisible();
        assertThat(Ui.row(page, "Pien " + last)).isVisible();

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Logboek")).click();
        assertThat(page.locator("#audit-title")).isVisible();
        Ui.select(page, "Actie", "Ongedaan gemaakt");
        assertThat(Ui.rowWith(page, "Ongedaan gemaakt", "Otto " + last, "Status: Gearchiveerd → Actief")).hasCount(1);
        assertThat(Ui.rowWith(page, "Ongedaan gemaakt", "Pien " + last, "Status: Gearchiveerd → Actief")).hasCount(1);
        Accessibility.assertNoSeriousViolations(page);
    }

    /** Creates a professional through the API (an activation is pending, so they cannot log in); returns the id. */
    private String professional(String first, String last, List<String> roles) {
        JsonNode created = api.graphql("""
                mutation($input: ProfessionalCreateInput!) { professionalCreate(input: $input) { userId errors { message } } }
                """, Map.of("input", Map.of("schoolId", regenboog, "firstName", first, "lastName", last,
                "email", first.toLowerCase() + "." + last.toLowerCase() + "@school.example", "roles", roles)));
        assertThat(created.get("professionalCreate").get("errors").isEmpty()).isTrue();
        return created.get("professionalCreate").get("userId").asString();
    }

    private void archive(String... ids) {
        api.graphql("mutation($input: UsersArchiveInput!) { usersArchive(input: $input) { errors { message } } }",
                Map.of("input", Map.of("schoolId", regenboog, "userIds", List.of(ids))));
    }

    private Locator field(String tag, String label) {
        return Ui.component(page, tag, label);
    }

    @Test
    @DisplayName("B6 step 2 shows every missing field at once, a too-long name says so, and the review shows products, supervisors and group")
    void studentWizardShowsAllErrors() {
        openOverview();
        Ui.button(page, "Gebruikers aanmaken").click();
        page.getByRole(AriaRole.RADIO, new Page.GetByRoleOptions().setName("Leerling").setExact(true)).check();
        Ui.button(page, "Volgende").click();

        Ui.fill(page, "Voornaam", "A".repeat(300));
        Ui.button(page, "Volgende").click();
        assertThat(field("vaadin-text-field", "Voornaam")).hasAttribute("invalid", "");
        assertThat(field("vaadin-text-field", "Voornaam")).containsText("hoogstens 100 tekens");
        assertThat(field("vaadin-text-field", "Achternaam")).hasAttribute("invalid", "");
        assertThat(field("vaadin-integer-field", "Leerjaar")).hasAttribute("invalid", "");
        assertThat(field("vaadin-checkbox-group", "Producten")).hasAttribute("invalid", "");
        assertThat(field("vaadin-checkbox-group", "Producten")).containsText("Kies minstens één product.");
        assertThat(field("vaadin-checkbox-group", "Begeleider(s)")).hasAttribute("invalid", "");
        assertThat(field("vaadin-checkbox-group", "Begeleider(s)")).containsText("Kies minstens één begeleider.");
        Accessibility.assertNoSeriousViolations(page);

        String last = family("Volledig");
        Ui.fill(page, "Voornaam", "Vera");
        Ui.fill(page, "Achternaam", last);
        Ui.fill(page, "Leerjaar", "5");
        Ui.fill(page, "Groep (klas)", "5B");
        Ui.tick(page, "Producten", 0, "Leeslab", "Spellingster");
        Ui.tick(page, "Begeleider(s)", 0, "Peter van Dam");
        Ui.button(page, "Volgende").click();
        Locator review = page.locator(".kp-summary");
        assertThat(review).containsText("Leeslab, Spellingster");
        assertThat(review).containsText("Peter van Dam");
        assertThat(review).containsText("5B");
    }

    @Test
    @DisplayName("B6 a taken username and a weak password at step 2B show their errors on step 2B and keep what was typed")
    void studentWizardReviewErrorsStay() {
        String taken = family("Bezet");
        api.createStudent(regenboog, "Tim", taken, 4, "LEESLAB", SUPERVISOR);
        String last = family("Tweede");
        openOverview();
        studentStep2("Ilse", last, 6);
        Ui.button(page, "Volgende").click();
        assertThat(page.getByText("Stap 2B: controleer de gegevens")).isVisible();

        Ui.fill(page, "Gebruikersnaam", "tim." + taken.toLowerCase());
        Ui.fill(page, "Wachtwoord", "zwak");
        Ui.button(page, "Opslaan").click();
        assertThat(page.getByText("Stap 2B: controleer de gegevens")).isVisible();
        assertThat(field("vaadin-text-field", "Gebruikersnaam")).containsText("Deze gebruikersnaam is al in gebruik.");
        assertThat(field("vaadin-text-field", "Wachtwoord")).containsText("8 tot 200 tekens");
        assertThat(page.getByLabel("Gebruikersnaam", new Page.GetByLabelOptions().setExact(true))).hasValue("tim." + taken.toLowerCase());

        Ui.fill(page, "Gebruikersnaam", "ilse." + last.toLowerCase());
        Ui.fill(page, "Wachtwoord", "Sterk2026x");
        Ui.button(page, "Opslaan").click();
        assertThat(page.getByTestId("created-username")).hasText("ilse." + last.toLowerCase());
        Api.signIn(app, "ilse." + last.toLowerCase(), "Sterk2026x");
    }

    @Test
    @DisplayName("B4 an empty professional form or no role stays on step 2 with every error shown")
    void professionalWizardShowsAllErrors() {
        openOverview();
        Ui.button(page, "Gebruikers aanmaken").click();
        // the wizard is there before its "Volgende" is pressed: until then the overview's pager has one too
        assertThat(page.locator("#create-title")).isVisible();
        Ui.button(page, "Volgende").click();
        // step 2 is there before its "Volgende" is pressed (a second click could land on step 1's button)
        assertThat(field("vaadin-text-field", "Voornaam")).isVisible();
        Ui.button(page, "Volgende").click();
        assertThat(page.getByText("Stap 2B: controleer de gegevens")).hasCount(0);
        assertThat(field("vaadin-text-field", "Voornaam")).hasAttribute("invalid", "");
        assertThat(field("vaadin-text-field", "Achternaam")).hasAttribute("invalid", "");
        assertThat(field("vaadin-email-field", "E-mailadres")).hasAttribute("invalid", "");
        assertThat(field("vaadin-checkbox-group", "Rollen")).containsText("Kies minstens één rol.");

        String last = family("Prof");
        Ui.fill(page, "Voornaam", "Ruben");
        Ui.fill(page, "Achternaam", last);
        Ui.fill(page, "E-mailadres", "ruben." + last.toLowerCase() + "@school.example");
        Ui.tick(page, "Rollen", 0, "Begeleider");
        Ui.tick(page, "Producten (alleen voor begeleiders)", 0, "Spellingster");
        Ui.button(page, "Volgende").click();
        assertThat(page.locator(".kp-summary")).containsText("Begeleider");
        assertThat(page.locator(".kp-summary")).containsText("Spellingster");
        Ui.button(page, "Opslaan").click();
        assertThat(page.getByText("De gebruiker is aangemaakt")).isVisible();
    }

    @Test
    @DisplayName("B12 from the archive: select all counts students only, the dialog lists them, says they are dearchived, names a missing product and removes a row")
    void linkFromArchiveDialog() {
        String last = family("Koppel");
        String a = api.createStudent(regenboog, "Anouk", last, 4, "LEESLAB", SUPERVISOR);
        String b = api.createStudent(regenboog, "Boris", last, 4, "LEESLAB", SUPERVISOR);
        String c = professional("Carla", last, List.of("ADMIN"));
        archive(a, b, c);

        openOverview();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Gebruikersarchief")).click();
        assertThat(page.locator("#admin-title")).hasText("Gebruikersarchief");
        search(last, 3);
        Ui.task(page, "Leerlingen koppelen");
        Ui.button(page, "Selecteer alle 2 leerlingen die aan dit filter voldoen").click();
        assertThat(page.locator(".kp-selection-count")).hasText("2 geselecteerd");
        Ui.button(page, "Doorgaan").click();

        Locator dialog = Ui.dialog(page);
        assertThat(dialog).containsText("Anouk " + last);
        assertThat(dialog).containsText("Boris " + last);
        assertThat(dialog).not().containsText("Carla " + last);
        assertThat(dialog).containsText("gedearchiveerd");

        Ui.tick(page, "Begeleider(s)", 0, "Peter van Dam");
        Ui.button(page, "Nog een koppeling toevoegen").click();
        Ui.button(page, "Controleren").click();
        assertThat(dialog.locator(".kp-link-row").first()).containsText("Kies een product.");
        dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Koppeling 2 verwijderen")).click();
        assertThat(dialog.locator(".kp-link-row")).hasCount(1);
        Ui.selectIn(page, dialog, "Product", "Spellingster");
        Ui.button(page, "Controleren").click();
        assertThat(page.locator(".kp-preview")).containsText("2 worden gewijzigd");
        Accessibility.assertNoSeriousViolations(page);
        Ui.button(page, "Bevestigen").click();
        assertThat(page.getByText("Leerlingen koppelen: 2 gebruikers gewijzigd")).isVisible();
        assertThat(Ui.row(page, "Anouk " + last)).hasCount(0);
    }

    @Test
    @DisplayName("B11 'Professionals koppelen' marks the roles the selected professionals already hold")
    void linkProfessionalsMarksHeldRoles() {
        String last = family("Houder");
        professional("Dirk", last, List.of("ADMIN"));
        professional("Eva", last, List.of("ADMIN", "SUPERVISOR"));
        openOverview();
        search(last, 2);
        Ui.task(page, "Professionals koppelen");
        Ui.selectUser(page, "Dirk " + last);
        Ui.selectUser(page, "Eva " + last);
        Ui.button(page, "Doorgaan").click();
        Locator dialog = Ui.dialog(page);
        assertThat(dialog).containsText("Beheerder: al aanwezig bij 2 van 2");
        assertThat(dialog).containsText("Begeleider: al aanwezig bij 1 van 2");
        Accessibility.assertNoSeriousViolations(page);
    }

    @Test
    @DisplayName("B9 the archive lists archived users and users not linked yet; a search that finds nobody says why and what to do")
    void archiveView() {
        String last = family("Kast");
        String id = api.createStudent(regenboog, "Guus", last, 3, "LEESLAB", SUPERVISOR);
        archive(id);
        openOverview();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Gebruikersarchief")).click();
        assertThat(page.locator("#admin-title")).hasText("Gebruikersarchief");
        search(last, 1);
        assertThat(Ui.row(page, "Guus " + last)).isVisible();
        Accessibility.assertNoSeriousViolations(page);

        search("niemand-heet-zo");
        assertThat(page.locator(".kp-empty")).containsText("Niemand in het archief voldoet aan deze zoekopdracht");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Gebruikersoverzicht").setExact(true)).click();
        assertThat(page.locator("#admin-title")).hasText("Gebruikersbeheer");
    }

    @Test
    @DisplayName("B16 archiving from a profile asks first; one's own profile offers no 'Archiveren'; an archived profile says why it is read-only")
    void profileConfirmations() {
        String last = family("Bevestig");
        String id = api.createStudent(regenboog, "Hugo", last, 5, "LEESLAB", SUPERVISOR);
        login(ADMIN, PROFESSIONAL_PASSWORD);
        assertThat(page.locator("#dashboard-title")).isVisible();
        page.navigate("/profiel");
        assertThat(page.locator("#profile-title")).hasText("Mirjam Kramer");
        assertThat(Ui.button(page, "Archiveren")).hasCount(0);
        Accessibility.assertNoSeriousViolations(page);

        page.navigate("/beheer/gebruiker/" + id);
        Locator archive = page.locator("#archive-title ~ .kp-buttons").getByRole(AriaRole.BUTTON,
                new Locator.GetByRoleOptions().setName("Archiveren"));
        archive.click();
        Ui.dialog(page).getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Annuleren")).click();
        assertThat(page.locator(".kp-subtitle")).not().containsText("gearchiveerd");
        archive.click();
        Ui.dialog(page).getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Archiveren")).click();
        assertThat(page.locator(".kp-subtitle")).containsText("gearchiveerd");
        assertThat(page.getByText("Dit profiel is gearchiveerd")).isVisible();
        assertThat(page.locator(".kp-link-row").first()).containsText("Leeslab");
        Accessibility.assertNoSeriousViolations(page);
    }

    @Test
    @DisplayName("B17 an admin types a chosen password for a student, who logs in with it")
    void chosenStudentPassword() {
        String last = family("Eigenww");
        api.createStudent(regenboog, "Jet", last, 7, "LEESLAB", SUPERVISOR);
        openProfile("Jet " + last, last);
        Ui.fill(page, "Nieuw wachtwoord", "kort");
        Ui.button(page, "Wachtwoord instellen").click();
        assertThat(field("vaadin-password-field", "Nieuw wachtwoord")).containsText("8 tot 200 tekens");
        Ui.fill(page, "Nieuw wachtwoord", "Gekozen2026");
        Ui.button(page, "Wachtwoord instellen").click();
        assertThat(page.getByText("Het wachtwoord is ingesteld.")).isVisible();
        Api.signIn(app, "jet." + last.toLowerCase(), "Gekozen2026");
    }

    @Test
    @DisplayName("B18 an admin adds a product with a supervisor to a student's profile")
    void addProductToStudent() {
        String last = family("Erbij");
        String id = api.createStudent(regenboog, "Kai", last, 5, "LEESLAB", SUPERVISOR);
        openProfile("Kai " + last, last);
        Ui.button(page, "Nog een koppeling toevoegen").click();
        Locator row = page.locator(".kp-link-row").nth(1);
        row.locator("vaadin-select").click();
        page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName("Spellingster")).click();
        Ui.tick(page, "Begeleider(s)", 1, "Karin Smeets");
        Ui.button(page, "Producten opslaan").click();
        assertThat(page.getByText("De producten en begeleiders zijn opgeslagen.")).isVisible();
        JsonNode enrollments = api.graphql("""
                query($s: ID!, $id: ID!) { school(id: $s) { user(id: $id) { enrollments { product { code } supervisors { username } } } } }
                """, Map.of("s", regenboog, "id", id)).get("school").get("user").get("enrollments");
        assertThat(enrollments).hasSize(2);
        assertThat(enrollments.toString()).contains("SPELLINGSTER", IB);
    }

    @Test
    @DisplayName("B18 ticking a professional's role changes nothing until 'Rollen opslaan', which sends one change")
    void professionalRolesSaveOnce() {
        String last = family("Rolwissel");
        String id = professional("Lars", last, List.of("ADMIN"));
        AtomicInteger changes = new AtomicInteger();
        page.onRequest(request -> {
            if (request.url().endsWith("/graphql") && request.postData() != null && request.postData().contains("professionalRolesSet")) {
                changes.incrementAndGet();
            }
        });
        login(ADMIN, PROFESSIONAL_PASSWORD);
        assertThat(page.locator("#dashboard-title")).isVisible();
        page.navigate("/beheer/gebruiker/" + id);
        assertThat(page.locator("#profile-title")).hasText("Lars " + last);
        Ui.tick(page, "Rollen", 0, "Begeleider");
        assertThat(Ui.button(page, "Rollen opslaan")).isEnabled();
        assertThat(changes.get()).isZero();
        Ui.button(page, "Rollen opslaan").click();
        assertThat(page.getByText("De rollen zijn opgeslagen.")).isVisible();
        assertThat(page.locator(".kp-subtitle")).containsText("Begeleider");
        assertThat(changes.get()).isEqualTo(1);
    }
}
