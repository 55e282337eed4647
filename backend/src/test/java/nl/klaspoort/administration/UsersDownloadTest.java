package nl.klaspoort.administration;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import nl.klaspoort.access.Role;
import nl.klaspoort.support.Fixtures.TestSchool;
import nl.klaspoort.support.FreshSchoolTest;
import nl.klaspoort.support.HttpFiles;
import nl.klaspoort.support.Sessions;
import nl.klaspoort.support.SqlStatementCounter;
import nl.klaspoort.support.Workbooks;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;

/**
 * B15 (manual 4.11): "Downloaden" gives the overview's users, all or the overview's filter, in its order, as a workbook
 * with name, grade year, group, roles, products and username, streamed from one statement.
 */
class UsersDownloadTest extends FreshSchoolTest {

    private HttpFiles files;

    @BeforeEach
    void signInForFiles() {
        files = HttpFiles.as(port, Sessions.login(port, school.adminEmail(), Sessions.PROFESSIONAL_PASSWORD));
    }

    @Test
    void theDownloadHoldsTheOverviewsUsersAllOrFiltered() {
        List<Long> fifth = fixture.students(school, 3, 5, false);
        List<Long> sixth = fixture.students(school, 2, 6, false);
        fixture.students(school, 2, 7, false); // not linked: in the archive, not in the overview
        for (long student : fifth) {
            fixture.enroll(school, student, school.leeslab(), school.supervisorA());
        }
        for (long student : sixth) {
            fixture.enroll(school, student, school.spelling(), school.supervisorA());
            fixture.enroll(school, student, school.leeslab(), school.supervisorA());
        }
        jdbc.sql("update app_user set group_name = '=1+2' where id = :id").param("id", sixth.getFirst()).update();

        HttpFiles.Answer all = files.postJson("/api/schools/" + school.id() + "/users.xlsx", "");
        assertThat(all.status()).as(all.text()).isEqualTo(200);
        List<List<String>> rows = Workbooks.read(all.body(), 0);
        assertThat(rows.getFirst()).containsExactly("Voornaam", "Tussenvoegsel", "Achternaam", "Leerjaar", "Groep", "Rollen",
                "Producten", "Gebruikersnaam");
        // the overview's users, in its order (by name)
        List<String> overview = admin.documentName("users-full").variable("schoolId", school.schoolId()).variable("first", 100).variable("archive", false)
                .execute().path("school.users.edges[*].node.user.displayName").entityList(String.class).get();
        assertThat(rows.subList(1, rows.size())).extracting(r -> r.get(0) + (r.get(1).isEmpty() ? "" : " " + r.get(1)) + " " + r.get(2))
                .containsExactlyElementsOf(overview);
        assertThat(rows).hasSize(1 + 5 + 3); // the students, the admin and two supervisors
        String sixthUsername = fixture.username(sixth.getFirst());
        assertThat(rows).anySatisfy(r -> assertThat(r).containsExactly("Test", "", r.get(2), "6", "=1+2", "Leerling",
                "Leeslab, Spellingster", sixthUsername));
        assertThat(rows).anySatisfy(r -> assertThat(r).containsExactly("Bea", "", "Begeleider", "", "", "Begeleider",
                "Leeslab, Spellingster", fixture.email(school.supervisorA())));
        assertThat(rows).anySatisfy(r -> assertThat(r.subList(0, 6)).containsExactly("Adam", "", "Admin", "", "", "Beheerder"));
        // a cell that starts like a formula stays text: never a formula, and Excel keeps it text on editing
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(all.body()))) {
            Cell group = book.getSheetAt(0).getRow(rows.indexOf(rows.stream().filter(r -> r.get(4).equals("=1+2")).findFirst().orElseThrow()))
                    .getCell(4);
            assertThat(group.getCellType()).isEqualTo(CellType.STRING);
            assertThat(group.getCellStyle().getQuotePrefixed()).isTrue();
        } catch (IOException e) {
            throw new AssertionError(e);
        }

        // the overview's current filter and sort: grade 6 first, students only
        HttpFiles.Answer filtered = files.postJson("/api/schools/" + school.id() + "/users.xlsx",
                "{\"filter\": {\"kind\": \"STUDENT\", \"gradeYears\": [5, 6]}, \"sort\": {\"field\": \"GRADE_YEAR\", \"direction\": \"DESC\"}}");
        List<List<String>> students = Workbooks.read(filtered.body(), 0);
        assertThat(students.subList(1, students.size())).extracting(r -> r.get(3)).containsExactly("6", "6", "5", "5", "5");
        assertThat(filtered.contentType()).isEqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    }

    @Test
    void theDownloadIsOneStatementWhateverTheNumberOfUsers() {
        assertThat(statementsOfDownload(4)).isEqualTo(statementsOfDownload(300));
    }

    private int statementsOfDownload(int students) {
        TestSchool other = fixture.school().withAdmin().withSupervisors(1).create();
        for (long student : fixture.students(other, students, 4, false)) {
            fixture.enroll(other, student, other.leeslab(), other.supervisorA());
        }
        HttpFiles admin = HttpFiles.as(port, Sessions.login(port, other.adminEmail(), Sessions.PROFESSIONAL_PASSWORD));
        SqlStatementCounter.reset();
        HttpFiles.Answer answer = admin.postJson("/api/schools/" + other.id() + "/users.xlsx", "{}");
        int statements = SqlStatementCounter.count();
        assertThat(Workbooks.read(answer.body(), 0)).hasSize(1 + students + 2);
        return statements;
    }

    @Test
    void onlyTheSchoolsAdminsMayDownload() {
        TestSchool other = fixture.school().withAdmin().create();
        HttpFiles otherAdmin = HttpFiles.as(port, Sessions.login(port, other.adminEmail(), Sessions.PROFESSIONAL_PASSWORD));
        HttpFiles.Answer notFound = otherAdmin.postJson("/api/schools/" + school.id() + "/users.xlsx", "{}");
        assertThat(notFound.status()).isEqualTo(404);
        assertThat(notFound.text()).contains("\"code\":\"NOT_FOUND\"").doesNotContain("Adam");
        HttpFiles supervisor = HttpFiles.as(port, Sessions.login(port, fixture.email(school.supervisorA()), Sessions.PROFESSIONAL_PASSWORD));
        assertThat(supervisor.postJson("/api/schools/" + school.id() + "/users.xlsx", "{}").status()).isEqualTo(403);
        assertThat(HttpFiles.anonymous(port).postJson("/api/schools/" + school.id() + "/users.xlsx", "{}").status()).isEqualTo(401);
        HttpFiles.Answer bad = files.inLanguage("en").postJson("/api/schools/" + school.id() + "/users.xlsx",
                "{\"filter\": {\"gradeYears\": [9]}}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.text()).contains("ARGUMENT_OUT_OF_RANGE").contains("gradeYears must be between 1 and 8, was 9");
        assertThat(fixture.roles(school.id(), school.supervisorA())).containsExactly(Role.SUPERVISOR.name());
    }

    static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() {};
}
