package nl.klaspoort.administration;

import nl.klaspoort.support.FreshSchoolTest;

import nl.klaspoort.access.Role;

import static nl.klaspoort.support.GraphQl.errorCodes;
import static nl.klaspoort.support.GraphQl.ids;
import static nl.klaspoort.support.GraphQl.run;
import static nl.klaspoort.support.GraphQl.statuses;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.klaspoort.support.Sessions;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.GraphQlTester;

/** The user mutations of chapter 4 with the manual's rules: archive, dearchive, gradeYear, create, edit, reset. */
class UserMutationTest extends FreshSchoolTest {

    private Map<String, Object> users(List<String> ids, boolean dryRun) {
        return Map.of("schoolId", school.schoolId(), "userIds", ids, "dryRun", dryRun);
    }

    @Test
    void archivingKeepsTheLinksAndDearchivingBringsThemBackExactly() {
        long student = fixture.student(school, 5);
        fixture.enroll(school, student, school.leeslab(), school.supervisorA(), school.supervisorB());
        fixture.enroll(school, student, school.spelling(), school.supervisorB());
        List<String> links = fixture.links(student);

        GraphQlTester.Response archived = run(admin, "admin-users-archive", users(ids(student, school.supervisorA()), false));
        assertThat(statuses(archived, "usersArchive")).containsExactly(student + ":APPLIED", school.supervisorA() + ":APPLIED");
        assertThat(errorCodes(archived, "usersArchive")).isEmpty();
        archived.path("usersArchive.batchId").hasValue();
        assertThat(fixture.archived(school.id(), student)).isTrue();
        assertThat(fixture.archived(school.id(), school.supervisorA())).isTrue();

        GraphQlTester.Response again = run(admin, "admin-users-archive", users(ids(student), false));
        assertThat(statuses(again, "usersArchive")).containsExactly(student + ":UNCHANGED");
        again.path("usersArchive.batchId").valueIsNull();

        GraphQlTester.Response back = run(admin, "admin-users-dearchive", users(ids(student, school.supervisorA()), false));
        assertThat(statuses(back, "usersDearchive")).containsExactly(student + ":APPLIED", school.supervisorA() + ":APPLIED");
        assertThat(fixture.archived(school.id(), student)).isFalse();
        assertThat(fixture.links(student)).isEqualTo(links);
        assertThat(fixture.roles(school.id(), school.supervisorA())).containsExactly("SUPERVISOR");
        assertThat(fixture.assignedProducts(school.id(), school.supervisorA())).containsExactly(school.leeslab());
    }

    @Test
    void nobodyArchivesThemselvesAndOneRefusalWritesNothing() {
        long student = fixture.student(school, 4);
        String before = fixture.state(school.id());
        GraphQlTester.Response response = run(admin, "admin-users-archive", users(ids(student, school.admin()), false));
        assertThat(statuses(response, "usersArchive")).containsExactly(student + ":APPLIED", school.admin() + ":REFUSED:SELF");
        assertThat(errorCodes(response, "usersArchive")).containsExactly("SELF");
        response.path("usersArchive.batchId").valueIsNull();
        assertThat(fixture.state(school.id())).isEqualTo(before);
    }

    @Test
    void theOnlySupervisorOfAStudentCannotBeArchivedButAnAdminAndACoSupervisorCan() {
        long onlyA = fixture.student(school, 6);
        long both = fixture.student(school, 6);
        fixture.enroll(school, onlyA, school.leeslab(), school.supervisorA());
        fixture.enroll(school, both, school.leeslab(), school.supervisorA(), school.supervisorB());
        long otherAdmin = fixture.professional(school.id(), "Olga", "Admin", "olga." + school.id() + "@test.klaspoort.nl", Role.ADMIN);
        String before = fixture.state(school.id());

        GraphQlTester.Response refused = run(admin, "admin-users-archive", users(ids(school.supervisorA(), otherAdmin), false));
        assertThat(statuses(refused, "usersArchive"))
                .containsExactly(school.supervisorA() + ":REFUSED:ONLY_SUPERVISOR", otherAdmin + ":APPLIED");
        refused.path("usersArchive.errors[0].message").entity(String.class).satisfies(m -> assertThat(m).contains("enige begeleider"));
        assertThat(fixture.state(school.id())).isEqualTo(before);

        GraphQlTester.Response dryRun = run(admin, "admin-users-archive", users(ids(school.supervisorB()), true));
        assertThat(statuses(dryRun, "usersArchive")).containsExactly(school.supervisorB() + ":APPLIED");
        dryRun.path("usersArchive.dryRun").entity(Boolean.class).isEqualTo(true);
        dryRun.path("usersArchive.batchId").valueIsNull();
        assertThat(fixture.state(school.id())).as("a dry run writes nothing").isEqualTo(before);

        // archiving both supervisors of a student at once would leave the student unsupervised
        GraphQlTester.Response together = run(admin, "admin-users-archive", users(ids(school.supervisorA(), school.supervisorB()), false));
        assertThat(statuses(together, "usersArchive")).containsExactly(school.supervisorA() + ":REFUSED:ONLY_SUPERVISOR",
                school.supervisorB() + ":REFUSED:ONLY_SUPERVISOR");
        assertThat(fixture.state(school.id())).isEqualTo(before);

        // with their only student archived in the same batch, the supervisor may go; the co-supervised student keeps B
        GraphQlTester.Response withStudent = run(admin, "admin-users-archive", users(ids(school.supervisorA(), onlyA, otherAdmin), false));
        assertThat(errorCodes(withStudent, "usersArchive")).isEmpty();
        assertThat(fixture.archived(school.id(), otherAdmin)).isTrue();
        assertThat(fixture.archived(school.id(), school.supervisorA())).isTrue();
        assertThat(fixture.archived(school.id(), onlyA)).isTrue();
        assertThat(statuses(run(admin, "admin-users-archive", users(ids(school.supervisorB()), false)), "usersArchive"))
                .as("B is now the only active supervisor of the co-supervised student")
                .containsExactly(school.supervisorB() + ":REFUSED:ONLY_SUPERVISOR");
    }

    @Test
    void dearchiveIsOnlyForUsersThatWereLinked() {
        List<Long> neverLinked = fixture.students(school, 1, 3, true);
        long professional = fixture.professional(school.id(), "Rolf", "Rolloos", "rolf." + school.id() + "@test.klaspoort.nl");
        jdbc.sql("update school_member set archived_at = now() where user_id = :id").param("id", professional).update();
        long active = fixture.student(school, 3);
        String before = fixture.state(school.id());

        GraphQlTester.Response response = run(admin, "admin-users-dearchive",
                users(ids(neverLinked.getFirst(), professional, active), false));
        assertThat(statuses(response, "usersDearchive")).containsExactly(neverLinked.getFirst() + ":REFUSED:NO_PREVIOUS_LINKS",
                professional + ":REFUSED:NO_PREVIOUS_LINKS", active + ":UNCHANGED");
        assertThat(fixture.state(school.id())).isEqualTo(before);
    }

    @Test
    void gradeYearMovesAllOrNothing() {
        long four = fixture.student(school, 4);
        long eight = fixture.student(school, 8);
        String before = fixture.state(school.id());
        Map<String, Object> up = Map.of("schoolId", school.schoolId(), "studentIds", ids(four, eight), "step", "UP");

        GraphQlTester.Response refused = run(admin, "admin-students-grade-year-change", up);
        assertThat(statuses(refused, "studentsGradeYearChange"))
                .containsExactly(four + ":APPLIED", eight + ":REFUSED:GRADE_YEAR_OUT_OF_RANGE");
        assertThat(fixture.state(school.id())).isEqualTo(before);

        GraphQlTester.Response down = run(admin, "admin-students-grade-year-change",
                Map.of("schoolId", school.schoolId(), "studentIds", ids(four, eight), "step", "DOWN"));
        assertThat(errorCodes(down, "studentsGradeYearChange")).isEmpty();
        assertThat(fixture.gradeYear(four)).isEqualTo(3);
        assertThat(fixture.gradeYear(eight)).isEqualTo(7);

        long one = fixture.student(school, 1);
        assertThat(statuses(run(admin, "admin-students-grade-year-change",
                Map.of("schoolId", school.schoolId(), "studentIds", ids(one), "step", "DOWN")), "studentsGradeYearChange"))
                .containsExactly(one + ":REFUSED:GRADE_YEAR_OUT_OF_RANGE");
        assertThat(fixture.gradeYear(one)).isEqualTo(1);
    }

    @Test
    void badBulkInputIsATypedErrorAndChangesNothing() {
        long student = fixture.student(school, 5);
        String before = fixture.state(school.id());
        assertThat(errorCodes(run(admin, "admin-users-archive", users(List.of(), false)), "usersArchive"))
                .containsExactly("EMPTY_LIST");
        List<String> tooMany = new ArrayList<>();
        for (int i = 0; i < 1_001; i++) {
            tooMany.add(Integer.toString(900_000_000 + i));
        }
        assertThat(errorCodes(run(admin, "admin-users-archive", users(tooMany, false)), "usersArchive"))
                .containsExactly("TOO_MANY_ITEMS");
        GraphQlTester.Response unknown = run(admin, "admin-users-archive", users(List.of(Long.toString(student), "999999999", "abc"), false));
        assertThat(statuses(unknown, "usersArchive"))
                .containsExactly(student + ":APPLIED", "999999999:REFUSED:NOT_FOUND", "abc:REFUSED:NOT_FOUND");
        assertThat(fixture.archived(school.id(), student)).isFalse();
        assertThat(fixture.state(school.id())).isEqualTo(before);
    }

    @Test
    void createProfessionalRecordsAPendingActivationAndRefusesATakenEmail() {
        Map<String, Object> input = new HashMap<>(Map.of("schoolId", school.schoolId(), "firstName", "Jan", "namePrefix", "van der",
                "lastName", "Berg", "email", " Jan.VanDerBerg." + school.id() + "@School.nl ", "roles", List.of("SUPERVISOR"),
                "productIds", ids(school.leeslab())));
        GraphQlTester.Response created = run(admin, "admin-professional-create", input);
        assertThat(errorCodes(created, "professionalCreate")).isEmpty();
        created.path("professionalCreate.activationPending").entity(Boolean.class).isEqualTo(true);
        long id = Long.parseLong(created.path("professionalCreate.userId").entity(String.class).get());
        assertThat(jdbc.sql("select email || '|' || name_prefix || '|' || (password_hash is null) || '|' || (activation_token is not null) from app_user where id = :id")
                .param("id", id).query(String.class).single())
                .isEqualTo("jan.vanderberg." + school.id() + "@school.nl|van der|true|true");
        assertThat(fixture.roles(school.id(), id)).containsExactly("SUPERVISOR");
        assertThat(fixture.assignedProducts(school.id(), id)).containsExactly(school.leeslab());

        input.put("email", "JAN.VANDERBERG." + school.id() + "@school.nl");
        assertThat(errorCodes(run(admin, "admin-professional-create", input), "professionalCreate")).containsExactly("EMAIL_TAKEN");
        input.putAll(Map.of("email", "geen-adres", "firstName", " ", "roles", List.of("ADMIN")));
        assertThat(errorCodes(run(admin, "admin-professional-create", input), "professionalCreate"))
                .containsExactlyInAnyOrder("INVALID_NAME", "INVALID_EMAIL", "NOT_A_SUPERVISOR");
        input.putAll(Map.of("firstName", "Piet", "email", "piet." + school.id() + "@school.nl", "roles", List.of()));
        assertThat(errorCodes(run(admin, "admin-professional-create", input), "professionalCreate")).contains("NO_ROLES");
    }

    @Test
    void createStudentGeneratesCredentialsOnceThatSignIn() {
        Map<String, Object> input = new HashMap<>(Map.of("schoolId", school.schoolId(), "firstName", "Zoë", "namePrefix", "de",
                "lastName", "Léon", "gradeYear", 5, "productIds", ids(school.leeslab(), school.spelling()),
                "supervisorIds", ids(school.supervisorA())));
        GraphQlTester.Response first = run(admin, "admin-student-create", input);
        assertThat(errorCodes(first, "studentCreate")).isEmpty();
        String username = first.path("studentCreate.credentials.username").entity(String.class).get();
        String password = first.path("studentCreate.credentials.password").entity(String.class).get();
        long id = Long.parseLong(first.path("studentCreate.userId").entity(String.class).get());
        assertThat(username).startsWith("zoe.deleon");
        assertThat(password).hasSizeGreaterThanOrEqualTo(8).containsPattern("[0-9]").containsPattern("[A-Za-z]");
        assertThat(fixture.links(id)).containsExactly(school.leeslab() + ":" + school.supervisorA(),
                school.spelling() + ":" + school.supervisorA());
        assertThat(fixture.assignedProducts(school.id(), school.supervisorA())).containsExactlyInAnyOrder(school.leeslab(), school.spelling());

        String second = run(admin, "admin-student-create", input).path("studentCreate.credentials.username").entity(String.class).get();
        assertThat(second).as("the next number of the school's namesakes").isEqualTo(username + "2");

        Sessions.tester(port, Sessions.login(port, username, password)).documentName("me").execute()
                .path("me.user.displayName").entity(String.class).isEqualTo("Zoë de Léon");

        input.putAll(Map.of("username", username, "password", "kort", "gradeYear", 9));
        assertThat(errorCodes(run(admin, "admin-student-create", input), "studentCreate"))
                .containsExactlyInAnyOrder("USERNAME_TAKEN", "INVALID_PASSWORD", "INVALID_GRADE_YEAR");
        input.putAll(Map.of("username", "eigen.naam." + school.id(), "password", "Geheim123", "gradeYear", 2,
                "supervisorIds", ids(school.admin())));
        assertThat(errorCodes(run(admin, "admin-student-create", input), "studentCreate")).containsExactly("NOT_A_SUPERVISOR");
    }

    @Test
    void aDryRunSuggestsTheCredentialsWithoutCreatingTheStudent() {
        Map<String, Object> input = new HashMap<>(Map.of("schoolId", school.schoolId(), "firstName", "Mila",
                "lastName", "Proef", "gradeYear", 3, "productIds", ids(school.leeslab()),
                "supervisorIds", ids(school.supervisorA()), "dryRun", true));
        long studentsBefore = jdbc.sql("select count(*) from app_user where school_id = :s").param("s", school.id())
                .query(Long.class).single();
        GraphQlTester.Response preview = run(admin, "admin-student-create", input);
        assertThat(errorCodes(preview, "studentCreate")).isEmpty();
        preview.path("studentCreate.userId").valueIsNull().path("studentCreate.batchId").valueIsNull();
        String suggested = preview.path("studentCreate.credentials.username").entity(String.class).get();
        assertThat(suggested).startsWith("mila.proef");
        assertThat(preview.path("studentCreate.credentials.password").entity(String.class).get()).hasSizeGreaterThanOrEqualTo(8);
        assertThat(jdbc.sql("select count(*) from app_user where school_id = :s").param("s", school.id())
                .query(Long.class).single()).isEqualTo(studentsBefore);

        input.put("dryRun", false);
        assertThat(run(admin, "admin-student-create", input).path("studentCreate.credentials.username")
                .entity(String.class).get()).isEqualTo(suggested);
    }

    @Test
    void aStudentCannotBeCreatedBeforeTheSchoolHasASupervisor() {
        jdbc.sql("delete from role_grant where school_id = :s and role = 'SUPERVISOR'").param("s", school.id()).update();
        GraphQlTester.Response response = run(admin, "admin-student-create", Map.of("schoolId", school.schoolId(), "firstName", "Kim",
                "lastName", "Jansen", "gradeYear", 3, "productIds", ids(school.leeslab()), "supervisorIds", ids(school.supervisorA())));
        assertThat(errorCodes(response, "studentCreate")).containsExactly("NO_SUPERVISOR_AT_SCHOOL");
        response.path("studentCreate.userId").valueIsNull();
    }

    @Test
    void editProfileEnforcesMandatoryFieldsUniquenessAndReadOnlyArchive() {
        long student = fixture.student(school, 5);
        Map<String, Object> input = new HashMap<>(Map.of("schoolId", school.schoolId(), "userId", Long.toString(student),
                "firstName", "Fenna", "lastName", "Vos", "username", "fenna.vos." + school.id(), "gradeYear", 6, "group", "6A"));
        assertThat(errorCodes(run(admin, "admin-user-update", input), "userUpdate")).isEmpty();
        assertThat(jdbc.sql("select first_name || ' ' || last_name || ' ' || username || ' ' || grade_year || ' ' || group_name from app_user where id = :id")
                .param("id", student).query(String.class).single()).isEqualTo("Fenna Vos fenna.vos." + school.id() + " 6 6A");

        // usernames are unique per school: a pupil of this school's is taken, one of another school's is not (issue 10)
        String taken = fixture.username(fixture.student(school, 4));
        input.putAll(Map.of("username", taken, "lastName", ""));
        assertThat(errorCodes(run(admin, "admin-user-update", input), "userUpdate"))
                .containsExactlyInAnyOrder("USERNAME_TAKEN", "INVALID_NAME");
        String elsewhere = fixture.username(fixture.students(fixture.school().create().id(), 1, 4, false).getFirst());
        input.putAll(Map.of("username", elsewhere, "lastName", "Vos"));
        assertThat(errorCodes(run(admin, "admin-user-update", input), "userUpdate")).isEmpty();

        Map<String, Object> professional = new HashMap<>(Map.of("schoolId", school.schoolId(), "userId", Long.toString(school.supervisorA()),
                "firstName", "Bea", "lastName", "Bakker", "email", Sessions.ADMIN_REGENBOOG.toUpperCase(), "function", "IB"));
        assertThat(errorCodes(run(admin, "admin-user-update", professional), "userUpdate")).containsExactly("EMAIL_TAKEN");

        jdbc.sql("update school_member set archived_at = now() where user_id = :id").param("id", student).update();
        input.putAll(Map.of("username", "ander." + school.id(), "lastName", "Vos"));
        assertThat(errorCodes(run(admin, "admin-user-update", input), "userUpdate")).containsExactly("ARCHIVED");
    }

    @Test
    void resetGivesAStudentANewPasswordThatSignsIn() {
        long student = fixture.student(school, 5);
        GraphQlTester.Response reset = run(admin, "admin-student-credentials-reset", Map.of("schoolId", school.schoolId(),
                "studentId", Long.toString(student), "username", "nieuw." + school.id(), "generatePassword", true));
        assertThat(errorCodes(reset, "studentCredentialsReset")).isEmpty();
        String password = reset.path("studentCredentialsReset.credentials.password").entity(String.class).get();
        Sessions.login(port, "nieuw." + school.id(), password);

        GraphQlTester.Response own = run(admin, "admin-student-credentials-reset", Map.of("schoolId", school.schoolId(),
                "studentId", Long.toString(student), "password", "Zomer2026"));
        own.path("studentCredentialsReset.credentials.username").entity(String.class).isEqualTo("nieuw." + school.id());
        Sessions.login(port, "nieuw." + school.id(), "Zomer2026");
        assertThat(jdbc.sql("select after_state::text from audit_event where batch_id = cast(:b as uuid)")
                .param("b", own.path("studentCredentialsReset.batchId").entity(String.class).get()).query(String.class).single())
                .doesNotContain("Zomer2026").contains("passwordChanged");
    }
}
