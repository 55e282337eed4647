package nl.klaspoort.administration;

import nl.klaspoort.support.Fixtures;

import static nl.klaspoort.support.GraphQl.errorCodes;
import static nl.klaspoort.support.GraphQl.ids;
import static nl.klaspoort.support.GraphQl.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import nl.klaspoort.support.KlaspoortTest;
import nl.klaspoort.support.Sessions;
import nl.klaspoort.support.Fixtures.TestSchool;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Tenant isolation of every administrative mutation: an admin of school A sending school B's ids gets NOT_FOUND (as for
 * unknown ids), sending school B's id gets a NOT_FOUND error, a supervisor or student of A gets FORBIDDEN, and in every
 * case nothing changes in either school.
 */
@KlaspoortTest
class AdministrationMutationIsolationTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired

    Fixtures fixture;
    TestSchool schoolA;
    TestSchool schoolB;
    long studentA;
    long studentB;

    @BeforeEach
    void twoSchools() {
        schoolA = fixture.school().withAdmin().withSupervisors(2).withContracts().create();
        schoolB = fixture.school().withAdmin().withSupervisors(2).withContracts().create();
        studentA = fixture.student(schoolA, 5);
        fixture.enroll(schoolA, studentA, schoolA.leeslab(), schoolA.supervisorA());
        studentB = fixture.student(schoolB, 5);
        fixture.enroll(schoolB, studentB, schoolB.leeslab(), schoolB.supervisorA());
        jdbc.sql("update school_member set archived_at = now() where user_id = :id").param("id", studentB).update();
    }

    /** The input of the mutation, naming {@code schoolId} and the users of {@code users} (student and supervisor). */
    private Map<String, Object> input(String document, String schoolId, TestSchool users, long student) {
        String supervisor = Long.toString(users.supervisorA());
        String studentId = Long.toString(student);
        List<Map<String, Object>> links = List.of(Map.of("productId", Long.toString(users.spelling()), "supervisorIds", List.of(supervisor)));
        return switch (document) {
            case "admin-users-archive", "admin-users-dearchive" -> Map.of("schoolId", schoolId, "userIds", List.of(studentId, supervisor));
            case "admin-students-grade-year-change" -> Map.of("schoolId", schoolId, "studentIds", List.of(studentId), "step", "UP");
            case "admin-students-link" -> Map.of("schoolId", schoolId, "studentIds", List.of(studentId), "links", links);
            case "admin-professionals-link" -> Map.of("schoolId", schoolId, "userIds", List.of(supervisor), "roles", List.of("ADMIN"));
            case "admin-roles-remove" -> Map.of("schoolId", schoolId, "userIds", List.of(supervisor), "roles", List.of("SUPERVISOR"));
            case "admin-student-products-set" -> Map.of("schoolId", schoolId, "studentId", studentId, "links", List.of());
            case "admin-professional-roles-set" -> Map.of("schoolId", schoolId, "userId", supervisor, "roles", List.of());
            case "admin-user-update" -> Map.of("schoolId", schoolId, "userId", studentId, "firstName", "Indringer",
                    "lastName", "Test", "username", "indringer." + student, "gradeYear", 2);
            case "admin-student-credentials-reset" -> Map.of("schoolId", schoolId, "studentId", studentId, "generatePassword", true);
            case "admin-student-create" -> Map.of("schoolId", schoolId, "firstName", "Nieuw", "lastName", "Kind", "gradeYear", 3,
                    "productIds", ids(users.leeslab()), "supervisorIds", List.of(supervisor));
            case "admin-professional-create" -> Map.of("schoolId", schoolId, "firstName", "Nieuwe", "lastName", "Collega",
                    "email", "nieuw." + student + "@test.klaspoort.nl", "roles", List.of("SUPERVISOR"));
            default -> throw new IllegalArgumentException(document);
        };
    }

    private static String field(String document) {
        return switch (document) {
            case "admin-users-archive" -> "usersArchive";
            case "admin-users-dearchive" -> "usersDearchive";
            case "admin-students-grade-year-change" -> "studentsGradeYearChange";
            case "admin-students-link" -> "studentsLink";
            case "admin-professionals-link" -> "professionalsLink";
            case "admin-roles-remove" -> "rolesRemove";
            case "admin-student-products-set" -> "studentProductsSet";
            case "admin-professional-roles-set" -> "professionalRolesSet";
            case "admin-user-update" -> "userUpdate";
            case "admin-student-credentials-reset" -> "studentCredentialsReset";
            case "admin-student-create" -> "studentCreate";
            default -> "professionalCreate";
        };
    }

    private String states() {
        return fixture.state(schoolA.id()) + "\n" + fixture.state(schoolB.id());
    }

    private String email(long professional) {
        return jdbc.sql("select email from app_user where id = :id").param("id", professional).query(String.class).single();
    }

    @ParameterizedTest
    @ValueSource(strings = {"admin-users-archive", "admin-users-dearchive", "admin-students-grade-year-change",
            "admin-students-link", "admin-professionals-link", "admin-roles-remove", "admin-student-products-set",
            "admin-professional-roles-set", "admin-user-update", "admin-student-credentials-reset", "admin-student-create"})
    void anAdminSendingAnotherSchoolsIdsGetsNotFoundAndNothingChanges(String document) {
        HttpGraphQlTester adminA = Sessions.tester(port, schoolA.adminEmail());
        String before = states();
        List<String> codes = errorCodes(run(adminA, document, input(document, schoolA.schoolId(), schoolB, studentB)), field(document));
        assertThat(codes).isNotEmpty().allMatch("NOT_FOUND"::equals);
        assertThat(states()).isEqualTo(before);
    }

    @ParameterizedTest
    @ValueSource(strings = {"admin-users-archive", "admin-users-dearchive", "admin-students-grade-year-change",
            "admin-students-link", "admin-professionals-link", "admin-roles-remove", "admin-student-products-set",
            "admin-professional-roles-set", "admin-user-update", "admin-student-credentials-reset", "admin-student-create",
            "admin-professional-create"})
    void anAdminNamingAnotherSchoolGetsNotFoundAndSupervisorsAndStudentsAreForbidden(String document) {
        String before = states();
        Sessions.tester(port, schoolA.adminEmail()).documentName(document)
                .variable("input", input(document, schoolB.schoolId(), schoolB, studentB)).execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement().extracting(e -> e.getErrorType()).isEqualTo(ErrorType.NOT_FOUND));

        Sessions.tester(port, email(schoolA.supervisorA())).documentName(document)
                .variable("input", input(document, schoolA.schoolId(), schoolA, studentA)).execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement().extracting(e -> e.getErrorType()).isEqualTo(ErrorType.FORBIDDEN));

        String username = jdbc.sql("select username from app_user where id = :id").param("id", studentA).query(String.class).single();
        Sessions.tester(port, username).documentName(document)
                .variable("input", input(document, schoolA.schoolId(), schoolA, studentA)).execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement().extracting(e -> e.getErrorType()).isEqualTo(ErrorType.FORBIDDEN));
        assertThat(states()).isEqualTo(before);
    }

    @Test
    void undoOfAnotherSchoolsBatchIsNotFoundAndForbiddenForASupervisor() {
        String batchB = run(Sessions.tester(port, schoolB.adminEmail()), "admin-users-dearchive",
                Map.of("schoolId", schoolB.schoolId(), "userIds", ids(studentB))).path("usersDearchive.batchId").entity(String.class).get();
        String batchA = run(Sessions.tester(port, schoolA.adminEmail()), "admin-students-grade-year-change",
                Map.of("schoolId", schoolA.schoolId(), "studentIds", ids(studentA), "step", "DOWN"))
                .path("studentsGradeYearChange.batchId").entity(String.class).get();
        String before = states();

        assertThat(errorCodes(run(Sessions.tester(port, schoolA.adminEmail()), "admin-audit-batch-undo", Map.of("batchId", batchB)),
                "auditBatchUndo")).containsExactly("BATCH_NOT_FOUND");
        Sessions.tester(port, email(schoolA.supervisorA())).documentName("admin-audit-batch-undo")
                .variable("input", Map.of("batchId", batchA)).execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement().extracting(e -> e.getErrorType()).isEqualTo(ErrorType.FORBIDDEN));
        assertThat(states()).isEqualTo(before);
    }
}
