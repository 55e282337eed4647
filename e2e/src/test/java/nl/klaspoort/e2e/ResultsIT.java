package nl.klaspoort.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.IsoFields;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
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
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Oefentijd per week"))).isVisible();
        assertThat(page.locator(".kp-chart canvas")).hasCount(1);
        Accessibility.assertNoSeriousViolations(page);
    }

    @Test
    @DisplayName("X4 a result posted through the API while the overview is open appears without reload")
    void liveUpdate() {
        Pupil roos = leeslabStudent("Roos", "Live");
        String last = roos.last();
        String student = roos.id();

        openResults();
        Ui.fill(page, "Zoeken", last);
        assertThat(Ui.row(page, "Roos " + last)).isVisible();
        assertThat(Ui.visible(page, "[data-testid=practice-total-" + student + "]")).hasText("0 min");

        practise(student, "journey-" + last, Instant.now().minus(30, ChronoUnit.MINUTES), 25, "192.0.2.44", 1, null);

        assertThat(Ui.visible(page, "[data-testid=practice-total-" + student + "]")).hasText("25 min");
    }

    @Test
    @DisplayName("B2 an admin adds, deactivates and removes an IP range; malformed and overlapping input get a Dutch error; the Logboek shows the changes in words")
    void ipRanges() {
        login("beheerder@demo.klaspoort.nl", PROFESSIONAL_PASSWORD);
        assertThat(page.locator("#dashboard-title")).isVisible();
        page.navigate("/beheer/ip-adressen");
        assertThat(page.locator("#ip-title")).isVisible();
        Locator from = Ui.component(page, "vaadin-text-field", "IP-adres of begin van de reeks");

        Ui.fill(page, "IP-adres of begin van de reeks", "145.12.10.300");
        Ui.button(page, "Toevoegen").click();
        assertThat(from).hasAttribute("invalid", "");
        assertThat(from).containsText("'145.12.10.300' is geen geldig IPv4- of IPv6-adres.");

        int octet = 1 + (int) (System.nanoTime() % 200);
        String cidr = "10." + octet + ".0.0/16";
        Ui.fill(page, "IP-adres of begin van de reeks", cidr);
        Ui.button(page, "Toevoegen").click();
        assertThat(page.getByText("Toegevoegd: " + cidr)).isVisible();
        assertThat(Ui.row(page, cidr)).isVisible();
        Accessibility.assertNoSeriousViolations(page);

        Ui.fill(page, "IP-adres of begin van de reeks", "10." + octet + ".5.0/24");
        Ui.button(page, "Toevoegen").click();
        assertThat(from).containsText("Dit bereik overlapt met " + cidr + ", dat al bij deze school hoort.");
        assertThat(page.locator("table.kp-table mark")).hasText(cidr);

        page.getByTestId("toggle-" + cidr).click();
        assertThat(page.getByTestId("toggle-" + cidr)).hasText("Activeren");
        page.getByTestId("remove-" + cidr).click();
        page.getByRole(AriaRole.DIALOG).getByRole(AriaRole.BUTTON,
                new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Verwijderen")).click();
        assertThat(page.getByText("Verwijderd: " + cidr)).isVisible();

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Logboek")).click();
        assertThat(page.locator("#audit-title")).isVisible();
        Ui.select(page, "Actie", "IP-adres gedeactiveerd");
        assertThat(Ui.rowWith(page, "IP-adres gedeactiveerd", cidr, "Gebruikt voor schoolresultaten: Actief → Niet actief")).hasCount(1);
        Accessibility.assertNoSeriousViolations(page);
    }

    /** A family name no other journey uses. */
    private static String family(String prefix) {
        long n = System.nanoTime();
        return prefix + (char) ('a' + n % 26) + (char) ('a' + n / 26 % 26) + (char) ('a' + n / 676 % 26);
    }

    /** A new Leeslab student at OBS De Regenboog, followed by the supervisor, with a family name of its own. */
    private record Pupil(String id, String last) {}

    private static Pupil leeslabStudent(String first, String prefix) {
        Api admin = Api.signIn(app, "beheerder@demo.klaspoort.nl", PROFESSIONAL_PASSWORD);
        String last = family(prefix);
        return new Pupil(admin.createStudent(admin.schoolId("12AB"), first, last, 5, "LEESLAB", SUPERVISOR), last);
    }

    /** Records one Leeslab practice session for a student through the product API; fails unless it is stored. */
    private static void practise(String student, String sessionId, Instant start, int minutes, String ip, int lesson,
            Double testScore) {
        String token = Api.productToken(app, "leeslab-demo", "leeslab-demo-geheim-2026");
        Map<String, Object> session = new java.util.HashMap<>(Map.of("sessionId", sessionId, "studentId", student,
                "startedAt", start.toString(), "endedAt", start.plus(minutes, ChronoUnit.MINUTES).toString(), "clientIp", ip,
                "lessonPosition", lesson, "completed", true));
        if (testScore != null) {
            session.put("testScore", testScore);
        }
        JsonNode recorded = Api.productGraphql(app, token, """
                mutation($input: PracticeSessionsRecordInput!) { practiceSessionsRecord(input: $input) { created errors { message } } }
                """, Map.of("input", Map.of("sessions", List.of(session)))).get("practiceSessionsRecord");
        assertThat(recorded.get("created").asInt()).as(recorded.toString()).isEqualTo(1);
    }

    @Test
    @DisplayName("RS1 a supervisor sees only the students linked to them for the chosen product; the product is kept when switching school")
    void overviewPerSchoolAndProduct() {
        Api admin = Api.signIn(app, "beheerder@demo.klaspoort.nl", PROFESSIONAL_PASSWORD);
        String school = admin.schoolId("12AB");
        String last = family("Eigen");
        admin.createStudent(school, "Mila", last, 6, "SPELLINGSTER", SUPERVISOR);
        admin.createStudent(school, "Niels", last, 6, "SPELLINGSTER", "ib@demo.klaspoort.nl");

        openResults();
        Ui.select(page, "Product", "Spellingster");
        Ui.fill(page, "Zoeken", last);
        assertThat(Ui.row(page, "Mila " + last)).isVisible();
        assertThat(Ui.row(page, "Niels " + last)).hasCount(0);
        assertThat(page.locator(".kp-pager")).containsText("1 leerling");
        Accessibility.assertNoSeriousViolations(page);

        // the product choice stays with the supervisor after a reload
        page.reload();
        assertThat(Ui.component(page, "vaadin-select", "Product").locator("vaadin-select-value-button")).hasText("Spellingster");
    }

    @Test
    @DisplayName("RS1 a supervisor without students in a product sees why the list is empty and what to do")
    void emptyOverviewExplains() {
        login("directeur@demo.klaspoort.nl", PROFESSIONAL_PASSWORD);
        assertThat(page.locator("#dashboard-title")).hasText("CBS Het Kompas");
        page.locator("vaadin-select.kp-school-select").click();
        page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName("OBS De Regenboog")).click();
        assertThat(page.locator("#dashboard-title")).hasText("OBS De Regenboog");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Resultaten").setExact(true)).click();
        Ui.select(page, "Product", "Leeslab");

        Locator empty = page.locator(".kp-empty");
        assertThat(empty).containsText("U volgt in Leeslab nog geen leerlingen");
        assertThat(empty).containsText("beheerder");
        assertThat(page.getByText("0 leerlingen")).hasCount(0);
        Accessibility.assertNoSeriousViolations(page);
    }

    @Test
    @DisplayName("RS2 choosing Leerjaar 'Groep 3' and then 'Alle' keeps the week and its arrows; the next-week arrow stops at this week")
    void gradeYearAllAgainAndWeekLimits() {
        openResults();
        Locator gradeYear = Ui.component(page, "vaadin-select", "Leerjaar").locator("vaadin-select-value-button");
        assertThat(gradeYear).hasText("Alle");
        String thisWeek = page.locator(".kp-week-label").textContent();
        assertThat(thisWeek).contains(String.valueOf(LocalDate.now(ZoneId.of("Europe/Amsterdam")).get(IsoFields.WEEK_OF_WEEK_BASED_YEAR)));

        Ui.select(page, "Leerjaar", "Groep 3");
        assertThat(gradeYear).hasText("Groep 3");
        Ui.select(page, "Leerjaar", "Alle");
        assertThat(gradeYear).hasText("Alle");
        assertThat(page.getByText("Er ging iets mis")).hasCount(0);
        assertThat(page.locator(".kp-week-label")).hasText(thisWeek);

        Locator previous = page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Vorige week"));
        Locator next = page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Volgende week"));
        assertThat(previous).isEnabled();
        assertThat(next).isDisabled();
        assertThat(page.locator(".kp-week")).containsText("Dit is de huidige week");

        previous.click();
        assertThat(page.locator(".kp-week-label")).not().hasText(thisWeek);
        assertThat(next).isEnabled();
        next.click();
        assertThat(page.locator(".kp-week-label")).hasText(thisWeek);
        assertThat(next).isDisabled();
    }

    @Test
    @DisplayName("RS3 practice time is split into school, home and total; on a slow connection a week step shows the busy state, not the old numbers")
    void practiceTimeSplitAndBusyOnSlowConnection() {
        Pupil sam = leeslabStudent("Sam", "Traag");
        String student = sam.id();
        String last = sam.last();
        Instant now = Instant.now();
        practise(student, "rs3-school-" + last, now.minus(80, ChronoUnit.MINUTES), 20, "192.0.2.10", 1, null);
        practise(student, "rs3-home-" + last, now.minus(55, ChronoUnit.MINUTES), 25, "203.0.113.9", 2, null);

        openResults();
        Ui.fill(page, "Zoeken", last);
        assertThat(Ui.row(page, "Sam " + last)).isVisible();
        Locator total = Ui.visible(page, "[data-testid=practice-total-" + student + "]");
        assertThat(total).hasText("45 min");
        Locator row = page.locator("table.kp-table tbody tr").filter(new Locator.FilterOptions().setHasText("Sam " + last));
        assertThat(row.locator("td").nth(4)).hasText("20 min");
        assertThat(row.locator("td").nth(5)).hasText("25 min");

        slowConnection(2000);

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Vorige week")).click();
        assertThat(Ui.busy(page)).isVisible();
        assertThat(total).hasCount(0);
        assertThat(Ui.visible(page, "[data-testid=practice-total-" + student + "]")).hasText("0 min",
                new com.microsoft.playwright.assertions.LocatorAssertions.HasTextOptions().setTimeout(30_000));
        assertThat(Ui.busy(page)).hasCount(0);
    }

    @Test
    @DisplayName("RS4 the weekly chart runs from old to new with empty weeks shown, has a table alternative, and scores use a decimal comma")
    void studentDetail() {
        Pupil fenna = leeslabStudent("Fenna", "Grafiek");
        String student = fenna.id();
        String last = fenna.last();
        ZoneId amsterdam = ZoneId.of("Europe/Amsterdam");
        Instant thisWeek = Instant.now().minus(40, ChronoUnit.MINUTES);
        Instant threeWeeksAgo = thisWeek.minus(21, ChronoUnit.DAYS);
        LocalDate thisMonday = LocalDate.ofInstant(thisWeek, amsterdam);
        practise(student, "rs4-a-" + last, threeWeeksAgo, 30, "203.0.113.9", 1, null);
        // Leeslab's tenth lesson ends with a test
        practise(student, "rs4-b-" + last, thisWeek, 15, "192.0.2.10", 10, 72.5);

        openResults();
        Ui.fill(page, "Zoeken", last);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Fenna " + last)).click();
        assertThat(page.locator("#student-title")).hasText("Fenna " + last);
        assertThat(page.locator(".kp-chart canvas")).hasCount(1);

        page.getByText("Oefentijd per week als tabel").click();
        Locator weeks = page.locator("table.kp-week-table tbody tr");
        assertThat(weeks).hasCount(4);
        int oldest = thisMonday.minusWeeks(3).get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
        int newest = thisMonday.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
        assertThat(weeks.first()).containsText("Week " + oldest);
        assertThat(weeks.first()).containsText("30 min");
        assertThat(weeks.nth(1)).containsText("0 min");
        assertThat(weeks.last()).containsText("Week " + newest);
        assertThat(Ui.row(page, "72,5").first()).isVisible();
        Accessibility.assertNoSeriousViolations(page);
    }

    @Test
    @DisplayName("B2 a double click on 'Toevoegen' adds the range once and shows only the success")
    void doubleClickAddsOnce() {
        login("beheerder@demo.klaspoort.nl", PROFESSIONAL_PASSWORD);
        assertThat(page.locator("#dashboard-title")).isVisible();
        page.navigate("/beheer/ip-adressen");
        assertThat(page.locator("#ip-title")).isVisible();
        AtomicInteger adds = new AtomicInteger();
        page.onRequest(request -> {
            if (request.url().endsWith("/graphql") && request.postData() != null && request.postData().contains("schoolIpRangeAdd")) {
                adds.incrementAndGet();
            }
        });
        String cidr = "10." + (201 + (int) (System.nanoTime() % 50)) + ".0.0/16";
        Ui.fill(page, "IP-adres of begin van de reeks", cidr);
        Ui.button(page, "Toevoegen").dblclick();
        assertThat(page.getByText("Toegevoegd: " + cidr)).isVisible();
        assertThat(Ui.row(page, cidr)).hasCount(1);
        assertThat(page.locator(".kp-error")).hasCount(0);
        assertThat(adds.get()).isEqualTo(1);
    }
}
