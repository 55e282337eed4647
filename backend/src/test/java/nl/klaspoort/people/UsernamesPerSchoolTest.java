package nl.klaspoort.people;

import static nl.klaspoort.support.GraphQl.errorCodes;
import static nl.klaspoort.support.GraphQl.ids;
import static nl.klaspoort.support.GraphQl.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.klaspoort.support.FreshSchoolTest;
import nl.klaspoort.support.Fixtures.TestSchool;
import nl.klaspoort.support.Sessions;
import nl.klaspoort.support.Sessions.Attempt;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 10 item 9: a pupil's username is unique at their school, not across the publisher, so an admin typing one
 * learns nothing about other schools (B6 wizard, B16 profile edit; the Excel import in {@code StudentImportTest}, the
 * roster's moves in {@code ReturningPupilsTest}). Pupils still sign in with the username alone (S6): the password picks
 * the school, and only a password that fits at several schools makes the pupil choose one.
 */
@ExtendWith(OutputCaptureExtension.class)
class UsernamesPerSchoolTest extends FreshSchoolTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private TestSchool other;
    private HttpGraphQlTester otherAdmin;
    private String tag;

    @BeforeEach
    void otherSchool() {
        tag = UUID.randomUUID().toString().substring(0, 8);
        other = fixture.school().named("Andere school " + tag).withAdmin().withSupervisors(1).withContracts().create();
        otherAdmin = Sessions.tester(port, other.adminEmail());
    }

    @Test
    @DisplayName("B6 a username a pupil of another school has is free here; the same username twice at one school is taken")
    void theWizardChecksUsernamesAtTheOwnSchoolOnly() {
        String username = "sam.eigen." + tag;
        assertThat(errorCodes(create(otherAdmin, other, "Sam", "Eigen", username, "Anders2026"), "studentCreate")).isEmpty();

        GraphQlTester.Response here = create(admin, school, "Sam", "Eigen", username, "Hier2026x");
        assertThat(errorCodes(here, "studentCreate")).isEmpty();
        here.path("studentCreate.credentials.username").entity(String.class).isEqualTo(username);

        GraphQlTester.Response twice = create(admin, school, "Sam", "Tweede", username.toUpperCase(), "Hier2026y");
        assertThat(errorCodes(twice, "studentCreate")).containsExactly("USERNAME_TAKEN");
        twice.path("studentCreate.errors[0].field").entity(String.class).isEqualTo("username");
        twice.path("studentCreate.errors[0].message").entity(String.class).isEqualTo("Deze gebruikersnaam is al in gebruik.");
        twice.path("studentCreate.userId").valueIsNull();

        // each pupil signs in with their own password, into their own school
        assertThat(schoolOf(Sessions.login(port, username, "Hier2026x"))).isEqualTo(school.schoolId());
        assertThat(schoolOf(Sessions.login(port, username, "Anders2026"))).isEqualTo(other.schoolId());
        assertThat(Sessions.attempt(port, username, "Geen2026x", null).status()).isEqualTo(401);
    }

    @Test
    @DisplayName("B6 a generated username counts only the own school's namesakes: voornaam.achternaam, then 2, 3")
    void generatedUsernamesNumberTheOwnSchoolsNamesakes() {
        String letters = tag.chars().mapToObj(c -> String.valueOf((char) ('a' + c % 26)))
                .collect(java.util.stream.Collectors.joining());
        String last = "Namesake" + letters;
        String base = "zoe.namesake" + letters;
        assertThat(generated(otherAdmin, other, last)).isEqualTo(base);
        assertThat(generated(otherAdmin, other, last)).isEqualTo(base + "2");
        assertThat(generated(admin, school, last)).as("the other school's two namesakes do not count").isEqualTo(base);
        assertThat(generated(admin, school, last)).isEqualTo(base + "2");
        assertThat(generated(admin, school, last)).isEqualTo(base + "3");
    }

    @Test
    @DisplayName("B16 the profile takes a username of another school's pupil, not one of the own school's")
    void theProfileChecksUsernamesAtTheOwnSchoolOnly() {
        String elsewhere = "lot.elders." + tag;
        String here = "lot.hier." + tag;
        create(otherAdmin, other, "Lot", "Elders", elsewhere, "Anders2026");
        create(admin, school, "Lot", "Hier", here, "Hier2026x");
        long pupil = Long.parseLong(create(admin, school, "Pim", "Profiel", null, "Profiel2026")
                .path("studentCreate.userId").entity(String.class).get());

        Map<String, Object> input = new HashMap<>(Map.of("schoolId", school.schoolId(), "userId", Long.toString(pupil),
                "firstName", "Pim", "lastName", "Profiel", "username", here, "gradeYear", 4, "group", "4A"));
        GraphQlTester.Response taken = run(admin, "admin-user-update", input);
        assertThat(errorCodes(taken, "userUpdate")).containsExactly("USERNAME_TAKEN");
        taken.path("userUpdate.errors[0].field").entity(String.class).isEqualTo("username");

        input.put("username", elsewhere);
        GraphQlTester.Response renamed = run(admin, "admin-user-update", input);
        assertThat(errorCodes(renamed, "userUpdate")).isEmpty();
        Sessions.tester(port, Sessions.login(port, elsewhere, "Profiel2026")).documentName("me").execute()
                .path("me.user.username").entity(String.class).isEqualTo(elsewhere)
                .path("me.user.displayName").entity(String.class).isEqualTo("Pim Profiel");

        // the old username went to another pupil of the school meanwhile: the edit cannot be undone
        create(admin, school, "Pim", "Profiel", null, "Ander2026x").path("studentCreate.credentials.username")
                .entity(String.class).isEqualTo("pim.profiel");
        GraphQlTester.Response undo = run(admin, "admin-audit-batch-undo",
                Map.of("batchId", renamed.path("userUpdate.batchId").entity(String.class).get()));
        undo.path("auditBatchUndo.results[0].error.code").entity(String.class).isEqualTo("UNDO_CONFLICT");
        Sessions.login(port, elsewhere, "Profiel2026");
    }

    @Test
    @DisplayName("S6 a username and password that fit pupils at two schools: SCHOOL_NEEDED names only those schools, then the chosen one signs in")
    void theSameUsernameAndPasswordAtTwoSchoolsAsksForTheSchool(CapturedOutput output) {
        TestSchool third = fixture.school().named("Derde school " + tag).withAdmin().withSupervisors(1).withContracts().create();
        String username = "noor.dubbel." + tag;
        create(admin, school, "Noor", "Dubbel", username, "Samen2026");
        create(otherAdmin, other, "Noor", "Dubbel", username, "Samen2026");
        create(Sessions.tester(port, third.adminEmail()), third, "Noor", "Dubbel", username, "Eigen2026");

        Attempt ambiguous = Sessions.attempt(port, username, "Samen2026", null);
        assertThat(ambiguous.status()).isEqualTo(409);
        JsonNode answer = JSON.readTree(ambiguous.body());
        assertThat(answer.get("ok").asBoolean()).isFalse();
        assertThat(answer.get("error").asString()).isEqualTo("SCHOOL_NEEDED");
        assertThat(answer.get("schools").valueStream().map(s -> s.get("id").asLong() + ":" + s.get("name").asString()))
                .as("only the schools where this password fits, by name").containsExactly(
                        other.id() + ":" + other.name(), school.id() + ":" + school.name());

        for (int i = 0; i < 6; i++) { // the right password: no failed attempt for the throttle (5 per account)
            assertThat(Sessions.attempt(port, username, "Samen2026", null).status()).isEqualTo(409);
        }
        assertThat(schoolOf(Sessions.login(port, username, "Samen2026", school.id()))).isEqualTo(school.schoolId());
        assertThat(schoolOf(Sessions.login(port, username, "Samen2026", other.id()))).isEqualTo(other.schoolId());
        assertThat(schoolOf(Sessions.login(port, username, "Eigen2026"))).as("one fitting password needs no choice")
                .isEqualTo(third.schoolId());
        assertThat(Sessions.attempt(port, username, "Samen2026", third.id()).status())
                .as("the chosen school's account has another password").isEqualTo(401);
        Attempt wrong = Sessions.attempt(port, username, "Fout2026x", null);
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.body()).isEqualTo("{\"ok\":false,\"error\":\"BAD_CREDENTIALS\"}");
        assertThat(output.getAll()).contains("reason=SCHOOL_NEEDED").doesNotContain(username);
    }

    private GraphQlTester.Response create(HttpGraphQlTester tester, TestSchool at, String first, String last, String username,
            String password) {
        Map<String, Object> input = new HashMap<>(Map.of("schoolId", at.schoolId(), "firstName", first, "lastName", last,
                "gradeYear", 4, "group", "4A", "productIds", ids(at.leeslab()), "supervisorIds", ids(at.supervisorA()),
                "password", password));
        if (username != null) {
            input.put("username", username);
        }
        return run(tester, "admin-student-create", input);
    }

    private String generated(HttpGraphQlTester tester, TestSchool at, String last) {
        GraphQlTester.Response response = run(tester, "admin-student-create", Map.of("schoolId", at.schoolId(),
                "firstName", "Zoë", "lastName", last, "gradeYear", 3, "productIds", ids(at.leeslab()),
                "supervisorIds", ids(at.supervisorA())));
        assertThat(errorCodes(response, "studentCreate")).isEmpty();
        return response.path("studentCreate.credentials.username").entity(String.class).get();
    }

    /** The school a signed-in pupil belongs to, as {@code Query.me} shows it. */
    private String schoolOf(Sessions.Session session) {
        List<String> schools = Sessions.tester(port, session).documentName("me").execute()
                .path("me.memberships[*].school.id").entityList(String.class).get();
        assertThat(schools).hasSize(1);
        return schools.getFirst();
    }
}
