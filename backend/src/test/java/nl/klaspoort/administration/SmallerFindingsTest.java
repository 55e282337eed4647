package nl.klaspoort.administration;

import static nl.klaspoort.support.GraphQl.errorCodes;
import static nl.klaspoort.support.GraphQl.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.klaspoort.access.Role;
import nl.klaspoort.support.FreshSchoolTest;
import nl.klaspoort.support.Http;
import nl.klaspoort.support.Sessions;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;

/**
 * The review's smaller findings (issue 10, item 9) about users: every length has a clear Dutch error instead of an
 * internal error, long passwords work, a password reset ends the sessions, and pupils read neither the staff's e-mail
 * addresses nor the school's numbers.
 */
class SmallerFindingsTest extends FreshSchoolTest {

    private Map<String, Object> newStudent(String password, String group) {
        Map<String, Object> input = new HashMap<>(Map.of("schoolId", school.schoolId(), "firstName", "Lange", "lastName", "Zin",
                "gradeYear", 5, "productIds", List.of(Long.toString(school.leeslab())),
                "supervisorIds", List.of(Long.toString(school.supervisorA()))));
        if (password != null) {
            input.put("password", password);
        }
        if (group != null) {
            input.put("group", group);
        }
        return input;
    }

    @Test
    void valuesLongerThanTheirColumnGetADutchErrorAndChangeNothing() {
        long existing = fixture.student(school, 4);
        String before = fixture.state(school.id());
        GraphQlTester.Response professional = run(admin, "admin-professional-create", Map.of("schoolId", school.schoolId(),
                "firstName", "Fien", "lastName", "Functie", "email", "fien." + school.id() + "@test.klaspoort.nl",
                "function", "f".repeat(101), "roles", List.of("SUPERVISOR")));
        assertThat(errorCodes(professional, "professionalCreate")).containsExactly("TOO_LONG");
        professional.path("professionalCreate.errors[0].field").entity(String.class).isEqualTo("function");
        professional.path("professionalCreate.errors[0].message").entity(String.class).isEqualTo("Dit mag hoogstens 100 tekens lang zijn.");

        GraphQlTester.Response student = run(admin, "admin-student-create", newStudent(null, "g".repeat(61)));
        assertThat(errorCodes(student, "studentCreate")).containsExactly("TOO_LONG");
        student.path("studentCreate.errors[0].field").entity(String.class).isEqualTo("group");

        GraphQlTester.Response update = run(admin, "admin-user-update", Map.of("schoolId", school.schoolId(), "userId", Long.toString(existing),
                "firstName", "Test", "lastName", "Leerling", "username", "t" + existing + ".leerling", "gradeYear", 4, "group", "g".repeat(61)));
        assertThat(errorCodes(update, "userUpdate")).containsExactly("TOO_LONG");
        GraphQlTester.Response function = run(admin, "admin-user-update", Map.of("schoolId", school.schoolId(),
                "userId", Long.toString(school.supervisorA()), "firstName", "Bea", "lastName", "Begeleider",
                "email", jdbc.sql("select email from app_user where id = :id").param("id", school.supervisorA()).query(String.class).single(),
                "function", "f".repeat(101)));
        assertThat(errorCodes(function, "userUpdate")).containsExactly("TOO_LONG");
        assertThat(fixture.state(school.id())).isEqualTo(before);
    }

    @Test
    void passwordsLongerThanBcryptsSeventyTwoBytesWorkAndEveryCharacterCounts() {
        String passphrase = "Mijn lievelingsdier is een olifant en ik woon in Zwolle sinds groep 3, al 2 jaar lang dus";
        assertThat(passphrase.getBytes(java.nio.charset.StandardCharsets.UTF_8).length).isGreaterThan(72);
        GraphQlTester.Response created = run(admin, "admin-student-create", newStudent(passphrase, null));
        assertThat(errorCodes(created, "studentCreate")).isEmpty();
        String username = created.path("studentCreate.credentials.username").entity(String.class).get();

        assertThat(Http.graphql(port, Sessions.login(port, username, passphrase), Http.query("{ me { user { id } } }")).statusCode()).isEqualTo(200);
        // differs only after the 72nd byte: bcrypt alone would have let it in
        assertThatThrownBy(() -> Sessions.login(port, username, passphrase.substring(0, passphrase.length() - 1) + "X"))
                .hasMessageContaining("401");

        GraphQlTester.Response tooLong = run(admin, "admin-student-create", newStudent("Aa1" + "x".repeat(198), null));
        assertThat(errorCodes(tooLong, "studentCreate")).containsExactly("INVALID_PASSWORD");
        tooLong.path("studentCreate.errors[0].message").entity(String.class).isEqualTo("Een wachtwoord heeft 8 tot 200 tekens, met letters én cijfers.");
    }

    @Test
    void aLongPasswordAgainstAnOldBcryptHashIsAWrongPasswordNotAnError() {
        long old = fixture.professional(school.id(), "Oud", "Wachtwoord", "oud." + school.id() + "@test.klaspoort.nl", Role.SUPERVISOR);
        jdbc.sql("update app_user set password_hash = :hash where id = :id").param("id", old)
                .param("hash", PasswordEncoderFactories.createDelegatingPasswordEncoder().encode("Oud2026wachtwoord")).update();
        assertThatThrownBy(() -> Sessions.login(port, "oud." + school.id() + "@test.klaspoort.nl", "L".repeat(80) + "1"))
                .hasMessageContaining("401");
        Sessions.login(port, "oud." + school.id() + "@test.klaspoort.nl", "Oud2026wachtwoord");
    }

    @Test
    void aPasswordResetEndsTheStudentsSessionsEverywhere() {
        GraphQlTester.Response created = run(admin, "admin-student-create", newStudent("Eerste2026", null));
        String username = created.path("studentCreate.credentials.username").entity(String.class).get();
        String studentId = created.path("studentCreate.userId").entity(String.class).get();
        Sessions.Session tablet = Sessions.login(port, username, "Eerste2026");
        Sessions.Session home = Sessions.login(port, username, "Eerste2026");
        assertThat(Http.graphql(port, tablet, Http.query("{ me { user { id } } }")).statusCode()).isEqualTo(200);

        GraphQlTester.Response reset = run(admin, "admin-student-credentials-reset",
                Map.of("schoolId", school.schoolId(), "studentId", studentId, "password", "Tweede2026"));
        assertThat(errorCodes(reset, "studentCredentialsReset")).isEmpty();

        assertThat(Http.graphql(port, tablet, Http.query("{ me { user { id } } }")).statusCode()).isEqualTo(401);
        assertThat(Http.graphql(port, home, Http.query("{ me { user { id } } }")).statusCode()).isEqualTo(401);
        Sessions.login(port, username, "Tweede2026");
    }

    @Test
    void archivingAUserSignsThemOutAtOnce() {
        String email = jdbc.sql("select email from app_user where id = :id").param("id", school.supervisorB()).query(String.class).single();
        Sessions.Session session = Sessions.login(port, email, Sessions.PROFESSIONAL_PASSWORD);
        assertThat(Http.graphql(port, session, Http.query("{ me { user { id } } }")).statusCode()).isEqualTo(200);
        GraphQlTester.Response archived = run(admin, "admin-users-archive",
                Map.of("schoolId", school.schoolId(), "userIds", List.of(Long.toString(school.supervisorB())), "dryRun", false));
        assertThat(errorCodes(archived, "usersArchive")).isEmpty();
        assertThat(Http.graphql(port, session, Http.query("{ me { user { id } } }")).statusCode()).isEqualTo(401);
    }

    @Test
    void pupilsReadNeitherTheStaffsEmailAddressesNorTheSchoolsNumbers() {
        long regenboog = jdbc.sql("select id from school where brin = '12AB'").query(Long.class).single();
        HttpGraphQlTester pupil = Sessions.tester(port, Sessions.STUDENT_REGENBOOG);
        pupil.document("{ school(id: \"" + regenboog + "\") { name supervisors { displayName email } } }").execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement()
                        .satisfies(e -> assertThat(e.getErrorType().toString()).isEqualTo("FORBIDDEN")));
        pupil.document("{ school(id: \"" + regenboog + "\") { name counts { activeStudents } } }").execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement()
                        .satisfies(e -> assertThat(e.getErrorType().toString()).isEqualTo("FORBIDDEN")));
        pupil.document("{ school(id: \"" + regenboog + "\") { name } }").execute()
                .path("school.name").entity(String.class).isEqualTo("OBS De Regenboog");

        HttpGraphQlTester supervisor = Sessions.tester(port, Sessions.SUPERVISOR_REGENBOOG);
        supervisor.document("{ school(id: \"" + regenboog + "\") { supervisors { email } counts { activeStudents } } }").execute()
                .path("school.supervisors").entityList(Object.class).hasSizeGreaterThan(0)
                .path("school.counts.activeStudents").entity(Integer.class).satisfies(n -> assertThat(n).isPositive());
    }
    @Test
    void aSupervisorSeesOfAPupilOnlyTheProductsTheyFollowAndWhoFollowsThemThere() {
        long pupil = fixture.student(school, 6);
        fixture.assign(school.id(), school.supervisorA(), school.leeslab());
        fixture.assign(school.id(), school.supervisorB(), school.leeslab(), school.spelling());
        fixture.enroll(school, pupil, school.leeslab(), school.supervisorA(), school.supervisorB());
        fixture.enroll(school, pupil, school.spelling(), school.supervisorB());

        HttpGraphQlTester supervisorA = Sessions.tester(port, fixture.email(school.supervisorA()));
        supervisorA.documentName("users-member").variable("schoolId", school.schoolId()).variable("id", Long.toString(pupil)).execute()
                .path("school.user.products[*].code").entityList(String.class).containsExactly("LEESLAB")
                .path("school.user.enrollments[*].product.code").entityList(String.class).containsExactly("LEESLAB")
                .path("school.user.supervisors").entityList(Object.class).hasSize(2);
        // the admin sees everything
        admin.documentName("users-member").variable("schoolId", school.schoolId()).variable("id", Long.toString(pupil)).execute()
                .path("school.user.products").entityList(Object.class).hasSize(2)
                .path("school.user.enrollments").entityList(Object.class).hasSize(2);

        // a supervisor who follows the pupil in spelling only does not see who follows them in leeslab
        jdbc.sql("""
                delete from enrollment_supervisor where supervisor_id = :b and enrollment_id in
                       (select id from enrollment where student_id = :p and product_id = :leeslab)
                """).param("b", school.supervisorB()).param("p", pupil).param("leeslab", school.leeslab()).update();
        Sessions.tester(port, fixture.email(school.supervisorB())).documentName("users-member").variable("schoolId", school.schoolId()).variable("id", Long.toString(pupil)).execute()
                .path("school.user.products[*].code").entityList(String.class).containsExactly("SPELLINGSTER")
                .path("school.user.enrollments[*].product.code").entityList(String.class).containsExactly("SPELLINGSTER")
                .path("school.user.supervisors[*].displayName").entityList(String.class).hasSize(1);
    }
}
