package nl.klaspoort.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Issue 13 in the browser: the wizard's "Meerdere" (B5, B7) from the template to the archive, the error workbook's round
 * trip through Excel (X3), and "Downloaden" of the overview (B15). Each journey uses family names of its own.
 */
class SpreadsheetIT extends BrowserJourney {

    private static final String ADMIN = "beheerder@demo.klaspoort.nl";
    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    /** A family name (letters only) no other journey uses. */
    private static String family(String prefix) {
        int n = SEQUENCE.incrementAndGet();
        long now = System.nanoTime();
        return prefix + (char) ('a' + n % 26) + (char) ('a' + now % 26) + (char) ('a' + (now / 26) % 26) + (char) ('a' + (now / 676) % 26);
    }

    private void openOverview() {
        login(ADMIN, PROFESSIONAL_PASSWORD);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Beheer").setExact(true)).click();
        assertThat(page.locator("#admin-title")).hasText("Gebruikersbeheer");
    }

    /** Wizard step 1 with "Meerdere" for this role, then step 2: the template, downloaded through the page. */
    private byte[] startImport(String role, String template) {
        openOverview();
        Ui.button(page, "Gebruikers aanmaken").click();
        page.getByRole(AriaRole.RADIO, new Page.GetByRoleOptions().setName(role).setExact(true)).check();
        page.getByRole(AriaRole.RADIO, new Page.GetByRoleOptions().setName("Meerdere (Excel-import)")).check();
        Ui.button(page, "Volgende").click();
        return download(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(template)));
    }

    private byte[] download(Locator trigger) {
        Download download = page.waitForDownload(trigger::click);
        try {
            return Files.readAllBytes(download.path());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void upload(String name, byte[] workbook) {
        page.getByLabel("Ingevuld sjabloon").setInputFiles(new FilePayload(name, XLSX, workbook));
        Ui.button(page, "Uploaden").click();
        assertThat(page.getByText("Stap 2B: controleer de lijst", new Page.GetByTextOptions().setExact(true))).isVisible();
    }

    private Locator counts() {
        return page.getByTestId("import-counts");
    }

    private Locator cell(String column, int row) {
        return page.getByLabel(column + ", rij " + row, new Page.GetByLabelOptions().setExact(true));
    }

    /** The problems shown under a cell. */
    private Locator cellError(String column, int row) {
        return page.locator(".kp-cell:has(input[aria-label='" + column + ", rij " + row + "']) .kp-cell-error");
    }

    /** Types into a cell of the review grid and leaves it, which saves it. */
    private void correct(String column, int row, String value) {
        cell(column, row).fill(value);
        cell(column, row).press("Tab");
    }

    /** The archive, searched for a family name: exactly these users. */
    private void assertInArchive(String family, String... names) {
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Naar het archief")).click();
        assertThat(page.locator("#admin-title")).hasText("Gebruikersarchief");
        Ui.fill(page, "Zoeken", family);
        assertThat(page.locator("nav.kp-pager")).containsText("1–" + names.length + " van " + names.length);
        for (String name : names) {
            assertThat(Ui.row(page, name)).isVisible();
        }
    }

    @Test
    @DisplayName("B7 an admin imports students from the template: an error on its row and cell, corrected in the grid, confirmed into the archive")
    void importStudents() {
        String last = family("Leerling");
        byte[] template = startImport("Leerling", "sjabloon leerlingen (.xlsx)");
        upload("leerlingen.xlsx", Sheets.fill(template,
                new Object[] {"Fenna", null, last, 5, "5A"},
                new Object[] {"Daan", "van der", last, 9, "5A"},
                new Object[] {"Yasmina", null, last, 6, "6B"}));

        assertThat(counts()).hasText("2 goed, 1 met fouten");
        assertThat(cell("Leerjaar", 3)).hasAttribute("aria-invalid", "true");
        assertThat(cellError("Leerjaar", 3)).hasText("Het leerjaar moet tussen 1 en 8 liggen.");
        assertThat(cell("Leerjaar", 2)).hasAttribute("aria-invalid", "false");
        assertThat(cell("Gebruikersnaam", 2)).hasValue("fenna." + last.toLowerCase());
        assertThat(Ui.button(page, "2 gebruikers aanmaken")).isDisabled();
        Accessibility.assertNoSeriousViolations(page);

        correct("Leerjaar", 3, "5");
        assertThat(counts()).hasText("3 goed, 0 met fouten");
        assertThat(cellError("Leerjaar", 3)).hasCount(0);
        Ui.button(page, "3 gebruikers aanmaken").click();

        assertThat(page.getByText("3 gebruikers zijn aangemaakt")).isVisible();
        Locator logins = page.getByRole(AriaRole.TABLE, new Page.GetByRoleOptions().setName("Inloggegevens van de nieuwe leerlingen"));
        assertThat(logins.locator("tbody tr")).hasCount(3);
        assertThat(logins).containsText("daan.vander" + last.toLowerCase());
        assertInArchive(last, "Fenna " + last, "Daan van der " + last, "Yasmina " + last);
    }

    @Test
    @DisplayName("B5 an admin imports professionals: a malformed e-mail shown on its cell, corrected in the grid, confirmed; supervisors in the archive")
    void importProfessionals() {
        String last = family("Collega");
        byte[] template = startImport("Onderwijsprofessional (beheerder en/of begeleider)", "sjabloon onderwijsprofessionals (.xlsx)");
        upload("collegas.xlsx", Sheets.fill(template,
                new Object[] {"Fatima", null, last, "Begeleider", "fatima." + last.toLowerCase() + "@school.example"},
                new Object[] {"Joris", "de", last, "Begeleider", "joris-zonder-domein"}));

        assertThat(counts()).hasText("1 goed, 1 met fouten");
        assertThat(cell("E-mailadres", 3)).hasAttribute("aria-invalid", "true");
        assertThat(cellError("E-mailadres", 3)).hasText("Vul een geldig e-mailadres in.");

        correct("E-mailadres", 3, "joris." + last.toLowerCase() + "@school.example");
        assertThat(counts()).hasText("2 goed, 0 met fouten");
        assertThat(page.getByText("Na het aanmaken ontvangt iedere onderwijsprofessional een e-mail")).isVisible();
        Ui.button(page, "2 gebruikers aanmaken").click();

        assertThat(page.getByText("2 gebruikers zijn aangemaakt")).isVisible();
        assertThat(page.getByText("Iedere onderwijsprofessional ontvangt een e-mail om een wachtwoord in te stellen.")).isVisible();
        assertInArchive(last, "Fatima " + last, "Joris de " + last);
    }

    @Test
    @DisplayName("X3 the error workbook goes round trip: downloaded with a Fout column, corrected in Excel, uploaded again, confirmed")
    void errorWorkbookRoundTrip() {
        String last = family("Retour");
        byte[] template = startImport("Leerling", "sjabloon leerlingen (.xlsx)");
        upload("leerlingen.xlsx", Sheets.fill(template,
                new Object[] {"Sem", null, last, 4, "4A"},
                new Object[] {"Lotte", null, last, "vier", "4A"}));
        assertThat(counts()).hasText("1 goed, 1 met fouten");

        byte[] errors = download(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("lijst met fouten downloaden (.xlsx)")));
        List<List<String>> sheet = Sheets.read(errors);
        assertThat(sheet.get(0)).containsExactly("Voornaam", "Tussenvoegsel", "Achternaam", "Leerjaar", "Groep", "Fout");
        assertThat(sheet.get(1).subList(0, 5)).containsExactly("Sem", "", last, "4", "4A");
        assertThat(sheet.get(2)).containsExactly("Lotte", "", last, "vier", "4A", "Leerjaar 'vier' is geen heel getal: vul 1 tot en met 8 in.");

        // corrected in "Excel": the grade year of row 3, the Fout column left as it is
        byte[] corrected = Sheets.edit(errors, s -> s.getRow(2).createCell(3).setCellValue(4));
        Ui.button(page, "Ander bestand uploaden").click();
        upload("leerlingen-verbeterd.xlsx", corrected);
        assertThat(counts()).hasText("2 goed, 0 met fouten");
        Ui.button(page, "2 gebruikers aanmaken").click();
        assertThat(page.getByText("2 gebruikers zijn aangemaakt")).isVisible();
        assertInArchive(last, "Sem " + last, "Lotte " + last);
    }

    @Test
    @DisplayName("B15 an admin downloads the overview's current filter; the file opens and holds the overview's rows")
    void downloadOverview() {
        String last = family("Export");
        Api api = Api.signIn(app, ADMIN, PROFESSIONAL_PASSWORD);
        String school = api.schoolId("12AB");
        api.createStudent(school, "Anouk", last, 3, "LEESLAB", "begeleider@demo.klaspoort.nl");
        api.createStudent(school, "Bram", last, 7, "LEESLAB", "begeleider@demo.klaspoort.nl");
        openOverview();
        Ui.fill(page, "Zoeken", last);
        assertThat(page.locator("nav.kp-pager")).containsText("1–2 van 2");

        Ui.task(page, "Downloaden");
        Locator dialog = Ui.dialog(page);
        assertThat(dialog.getByRole(AriaRole.RADIO, new Locator.GetByRoleOptions().setName("Alleen de 2 gebruikers van het huidige filter"))).isChecked();
        byte[] file = download(dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Downloaden").setExact(true)));
        assertThat(dialog).isHidden();

        List<List<String>> rows = Sheets.read(file);
        assertThat(rows.get(0)).startsWith("Voornaam", "Tussenvoegsel", "Achternaam", "Leerjaar", "Groep", "Rollen");
        assertThat(rows.subList(1, rows.size())).extracting(r -> r.get(0) + " " + r.get(2) + " " + r.get(3) + " " + r.get(5))
                .containsExactly("Anouk " + last + " 3 Leerling", "Bram " + last + " 7 Leerling");
        assertThat(rows.get(1)).contains("Leeslab");
    }
}
