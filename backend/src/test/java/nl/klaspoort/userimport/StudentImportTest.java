package nl.klaspoort.userimport;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import nl.klaspoort.support.Sessions;
import nl.klaspoort.support.SqlStatementCounter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.graphql.test.tester.GraphQlTester;

/**
 * B7 (manual 4.4.2.2): students from the template, reviewed with generated logins, every problem on its row and cell,
 * corrected in the grid, confirmed all at once into the archive.
 */
@ExtendWith(OutputCaptureExtension.class)
class StudentImportTest extends ImportTestBase {

    @Test
    void studentsAreReviewedCorrectedAndConfirmedIntoTheArchive(CapturedOutput output) {
        String before = fixture.state(school.id());
        String t = tag();
        String id = upload("STUDENTS",
                row("Fenna", null, "Visser" + t, 5, "5A"),
                row("Daan", "van der", "Berg" + t, 9, "5A"),
                row("Yasmina", null, "El Amrani" + t, 6, "6B"));

        Map<String, Object> review = importOf(id);
        assertThat(review).containsEntry("kind", "STUDENTS");
        assertThat(counts(review)).containsEntry("total", 3).containsEntry("good", 2).containsEntry("withProblems", 1);
        Map<String, Object> daan = rowOf(id, 3);
        assertThat(problems(daan)).containsExactly("gradeYear:INVALID_GRADE_YEAR");
        assertThat(daan.get("problems")).asString().contains("itemId=3").contains("Het leerjaar moet tussen 1 en 8 liggen.");
        Map<String, Object> fenna = rowOf(id, 2);
        assertThat(fenna.get("username")).isEqualTo("fenna.visser" + t);
        assertThat((String) fenna.get("password")).hasSize(10).matches(".*[0-9].*").matches(".*[a-zA-Z].*");
        assertThat(rowOf(id, 4).get("username")).isEqualTo("yasmina.elamrani" + t);

        // refused while a row has a problem: nothing is written
        GraphQlTester.Response refused = confirm(id);
        refused.path("spreadsheetImportConfirm.errors[0].code").entity(String.class).isEqualTo("IMPORT_HAS_PROBLEMS");
        refused.path("spreadsheetImportConfirm.errors[0].message").entity(String.class)
                .isEqualTo("Er is nog 1 rij met fouten; er is niemand aangemaakt. Verbeter de rijen in de lijst, of download de"
                        + " lijst met fouten, verbeter die in Excel en upload hem opnieuw.");
        refused.path("spreadsheetImportConfirm.created").entity(Integer.class).isEqualTo(0);
        assertThat(fixture.state(school.id())).isEqualTo(before);

        // corrected in the grid: the row is checked again, and so are the counts
        GraphQlTester.Response corrected = update(id, daan, Map.of("gradeYear", "5"));
        corrected.path("spreadsheetImportRowUpdate.errors").entityList(Object.class).hasSize(0);
        corrected.path("spreadsheetImportRowUpdate.row.problems").entityList(Object.class).hasSize(0);
        corrected.path("spreadsheetImportRowUpdate.spreadsheetImport.counts.good").entity(Integer.class).isEqualTo(3);

        GraphQlTester.Response confirmed = confirm(id);
        confirmed.path("spreadsheetImportConfirm.errors").entityList(Object.class).hasSize(0);
        confirmed.path("spreadsheetImportConfirm.created").entity(Integer.class).isEqualTo(3);
        confirmed.path("spreadsheetImportConfirm.spreadsheetImport.status").entity(String.class).isEqualTo("CONFIRMED");
        List<Map<String, Object>> logins = confirmed.path("spreadsheetImportConfirm.logins").entity(LIST).get();
        assertThat(logins).extracting(l -> l.get("name") + ":" + l.get("username"))
                .containsExactly("Fenna Visser%s:fenna.visser%s".formatted(t, t), "Daan van der Berg%s:daan.vanderberg%s".formatted(t, t),
                        "Yasmina El Amrani%s:yasmina.elamrani%s".formatted(t, t));
        assertThat(logins.getFirst().get("password")).isEqualTo(fenna.get("password"));
        // the passwords are handed out once: the import forgets them
        assertThat(confirmed.path("spreadsheetImportConfirm.spreadsheetImport.rows.edges[*].node").entity(LIST).get())
                .allSatisfy(r -> assertThat(r.get("password")).isNull()).allSatisfy(r -> assertThat(r.get("userId")).isNotNull());

        // manual 4.4.2.2: in the archive until they get a product and a supervisor; not in the overview
        assertThat(members("archive")).contains("Fenna Visser" + t + ":true:[STUDENT]", "Daan van der Berg" + t + ":true:[STUDENT]",
                "Yasmina El Amrani" + t + ":true:[STUDENT]");
        assertThat(members("users")).noneMatch(m -> m.startsWith("Fenna"));

        // linked later, Fenna signs in with the password the review showed
        long fennaId = fixture.userId("fenna.visser" + t);
        admin.documentName("admin-students-link").variable("input", Map.of("schoolId", school.schoolId(),
                        "studentIds", List.of(Long.toString(fennaId)), "links", List.of(Map.of("productId",
                                Long.toString(school.leeslab()), "supervisorIds", List.of(Long.toString(school.supervisorA()))))))
                .execute().path("studentsLink.errors").entityList(Object.class).hasSize(0);
        Sessions.login(port, "fenna.visser" + t, (String) fenna.get("password"));

        // confirming again creates nobody
        confirm(id).path("spreadsheetImportConfirm.errors[0].code").entity(String.class).isEqualTo("IMPORT_CONFIRMED");
        assertThat(jdbc.sql("select count(*) from app_user where school_id = :s and first_name = 'Fenna'")
                .param("s", school.id()).query(Integer.class).single()).isEqualTo(1);

        // one audit batch, and the log never holds a name or a password
        assertThat(jdbc.sql("select count(distinct batch_id) || ':' || count(*) from audit_event where school_id = :s and action = 'STUDENTS_IMPORT'")
                .param("s", school.id()).query(String.class).single()).isEqualTo("1:3");
        assertThat(output.getAll()).doesNotContain("Fenna", "Visser" + t, "Yasmina", "El Amrani", (String) fenna.get("password"));
    }

    @Test
    void usernamesAreFreePerSchoolAndEditable() {
        // usernames are unique per school (issue 10): the school's own Lotte de Wit counts, another school's namesake
        // (who has the "2") does not; two Noah Bakkers in the file get two usernames
        String wit = "Wit" + tag();
        String lotte = "lotte.de" + wit.toLowerCase();
        long elsewhere = fixture.student(fixture.school().create().id(), "Lotte", "de", wit, 4, "4A");
        long own = fixture.student(school.id(), "Lotte", "de", wit, 4, "4A");
        jdbc.sql("update app_user set username = case when id = :elsewhere then :lotte || '2' else :lotte end where id in (:elsewhere, :own)")
                .param("elsewhere", elsewhere).param("own", own).param("lotte", lotte).update();
        String bakker = "Bakker" + tag();
        String id = upload("STUDENTS",
                row("Lotte", "de", wit, 4, "4A"),
                row("Noah", null, bakker, 4, "4A"),
                row("Noah", null, bakker, 4, "4B"));
        List<Map<String, Object>> rows = rows(id);
        String noah = "noah." + bakker.toLowerCase();
        assertThat(rows.get(0).get("username")).isEqualTo(lotte + "2");
        assertThat(rows.get(1).get("username")).isEqualTo(noah);
        assertThat(rows.get(2).get("username")).isEqualTo(noah + "2");
        assertThat(counts(importOf(id))).containsEntry("good", 3);

        // typed: one taken by a pupil of the school, one twice in the list
        update(id, rows.get(0), Map.of("username", lotte)).path("spreadsheetImportRowUpdate.row.problems[0]")
                .entity(Map.class).satisfies(p -> assertThat(p).containsEntry("code", "USERNAME_TAKEN").containsEntry("field", "username")
                        .containsEntry("message", "Deze gebruikersnaam is al in gebruik."));
        update(id, rows.get(2), Map.of("username", noah));
        assertThat(problems(rowOf(id, 3))).containsExactly("username:DUPLICATE_USERNAME");
        assertThat(rowOf(id, 4).get("problems")).asString().contains("rows, value=3, 4");
        assertThat(counts(importOf(id))).containsEntry("withProblems", 3);

        // cleared: a new suggestion; a password cleared: a new one; a weak one: a problem on its cell
        Map<String, Object> cleared = update(id, rowOf(id, 2), Map.of("username", "", "password", ""))
                .path("spreadsheetImportRowUpdate.row").entity(MAP).get();
        assertThat(cleared.get("username")).isEqualTo(lotte + "2");
        assertThat(cleared.get("password")).isNotNull().isNotEqualTo(rows.get(0).get("password"));
        assertThat(problems(update(id, rowOf(id, 4), Map.of("username", noah + ".4b", "password", "kort"))
                .path("spreadsheetImportRowUpdate.row").entity(MAP).get())).containsExactly("password:INVALID_PASSWORD");
        update(id, rowOf(id, 4), Map.of("password", "Geheim2026"));
        assertThat(counts(importOf(id))).containsEntry("good", 3);

        GraphQlTester.Response confirmed = confirm(id);
        confirmed.path("spreadsheetImportConfirm.errors").entityList(Object.class).hasSize(0);
        assertThat(confirmed.path("spreadsheetImportConfirm.logins[*].username").entityList(String.class).get())
                .containsExactly((String) cleared.get("username"), noah, noah + ".4b");
        assertThat(confirmed.path("spreadsheetImportConfirm.logins[2].password").entity(String.class).get()).isEqualTo("Geheim2026");
    }

    @Test
    void theStatementsOfReviewEditAndConfirmDoNotGrowWithTheRows() {
        List<Integer> small = statements(5);
        List<Integer> large = statements(150);
        assertThat(large).isEqualTo(small);
        assertThat(small.get(0)).as("review").isLessThanOrEqualTo(6);
        assertThat(small.get(2)).as("confirm").isLessThanOrEqualTo(12);
    }

    /** The statements of one review of every row, one edit and the confirmation. */
    private List<Integer> statements(int students) {
        Object[][] rows = new Object[students][];
        for (int i = 0; i < students; i++) {
            rows[i] = row("Leerling", null, "Nummer" + tag() + (char) ('a' + i % 26) + (char) ('a' + i / 26), 1 + i % 8, "G" + i % 3);
        }
        String id = upload("STUDENTS", rows);
        ImportProgress.awaitReady(port, session, school.schoolId(), id);
        SqlStatementCounter.reset();
        view(admin, id).path("school.spreadsheetImport.counts.good").entity(Integer.class).isEqualTo(students);
        int review = SqlStatementCounter.count();
        Map<String, Object> first = rowOf(id, 2);
        SqlStatementCounter.reset();
        update(id, first, Map.of("group", "G9")).path("spreadsheetImportRowUpdate.errors").entityList(Object.class).hasSize(0);
        int edit = SqlStatementCounter.count();
        SqlStatementCounter.reset();
        confirm(id).path("spreadsheetImportConfirm.created").entity(Integer.class).isEqualTo(students);
        int confirm = SqlStatementCounter.count();
        return List.of(review, edit, confirm);
    }
}
