package nl.klaspoort.administration;

import nl.klaspoort.support.Fixtures;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import nl.klaspoort.support.KlaspoortTest;
import nl.klaspoort.support.Sessions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Who may read which users (R1, R3): the isolation matrix of the users read model on the demo data. Lists are for a
 * school's ADMINs; a SUPERVISOR reads only themselves and the students they follow; a student nothing; another school's
 * users are never returned, whatever the path.
 */
@KlaspoortTest
class UsersAccessTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Fixtures fixtures;

    String regenboog;
    String kompas;

    @BeforeEach
    void ids() {
        regenboog = String.valueOf(fixtures.schoolId("12AB"));
        kompas = String.valueOf(fixtures.schoolId("34CD"));
    }

    @Test
    void anAdminOfOneSchoolGetsNothingOfAnotherSchool() {
        HttpGraphQlTester admin = tester(Sessions.ADMIN_REGENBOOG);
        for (boolean archived : new boolean[] {false, true}) {
            GraphQlTester.Response response = admin.documentName("users").operationName("SchoolUsers").variable("schoolId", kompas)
                    .variable("archived", archived).variable("first", 50).variable("withTotal", true).execute();
            response.path("school").valueIsNull();
        }
        admin.documentName("users-ids").variable("schoolId", kompas).execute().path("school").valueIsNull();
        admin.documentName("users-member").variable("schoolId", kompas)
                .variable("id", String.valueOf(fixtures.userId("anna.vanderveen@demo.klaspoort.nl"))).execute()
                .path("school").valueIsNull();
        admin.documentName("users").operationName("SchoolPickers").variable("schoolId", kompas).execute().path("school").valueIsNull();
    }

    @Test
    void idsOfAnotherSchoolAreNotFoundInOnesOwnSchool() {
        HttpGraphQlTester admin = tester(Sessions.ADMIN_REGENBOOG);
        String kompasStudent = String.valueOf(fixtures.userId("sanne.dejong2"));
        String kompasSupervisor = String.valueOf(fixtures.userId("anna.vanderveen@demo.klaspoort.nl"));
        admin.documentName("users-member").variable("schoolId", regenboog).variable("id", kompasStudent).execute()
                .path("school.id").entity(String.class).isEqualTo(regenboog)
                .path("school.user").valueIsNull();
        admin.documentName("users-member").variable("schoolId", regenboog).variable("id", kompasSupervisor).execute()
                .path("school.user").valueIsNull();
        admin.documentName("users-ids").variable("schoolId", regenboog)
                .variable("filter", Map.of("supervisorId", kompasSupervisor)).execute()
                .path("school.userIds").entityList(String.class).hasSize(0);
        admin.documentName("users-ids").variable("schoolId", regenboog)
                .variable("filter", Map.of("productId", String.valueOf(fixtures.productId("REKENROUTE")))).execute()
                .path("school.userIds").entityList(String.class).hasSize(0);

        // the director is ADMIN at both schools, yet a Regenboog student is no member of Het Kompas
        String regenboogStudent = String.valueOf(fixtures.userId(Sessions.STUDENT_REGENBOOG));
        HttpGraphQlTester director = tester(Sessions.DIRECTOR_BOTH);
        director.documentName("users-member").variable("schoolId", kompas).variable("id", regenboogStudent).execute()
                .path("school.user").valueIsNull();
        director.documentName("users-member").variable("schoolId", regenboog).variable("id", regenboogStudent).execute()
                .path("school.user.user.displayName").entity(String.class).isEqualTo("Sanne de Jong");
        // a professional of both schools has per-school roles and links
        String directorId = String.valueOf(fixtures.userId(Sessions.DIRECTOR_BOTH));
        director.documentName("users-member").variable("schoolId", kompas).variable("id", directorId).execute()
                .path("school.user.products[*].code").entityList(String.class).containsExactly("LEESLAB", "REKENROUTE")
                .path("school.user.students[*].displayName").entityList(String.class).hasSize(19);
        director.documentName("users-member").variable("schoolId", regenboog).variable("id", directorId).execute()
                .path("school.user.products[*].code").entityList(String.class).containsExactly("LEESLAB")
                .path("school.user.students").entityList(Object.class).hasSize(0);
    }

    @Test
    void aSupervisorMayNotListUsersButReadsThemselvesAndTheStudentsTheyFollow() {
        HttpGraphQlTester ib = tester("ib@demo.klaspoort.nl");
        for (boolean archived : new boolean[] {false, true}) {
            forbidden(ib.documentName("users").operationName("SchoolUsers").variable("schoolId", regenboog).variable("archived", archived)
                    .variable("first", 10).variable("withTotal", false).execute(), archived ? "school.archived" : "school.active");
        }
        forbidden(ib.documentName("users-ids").variable("schoolId", regenboog).execute(), "school.userIds");

        String self = String.valueOf(fixtures.userId("ib@demo.klaspoort.nl"));
        ib.documentName("users-member").variable("schoolId", regenboog).variable("id", self).execute()
                .path("school.user.roles").entityList(String.class).containsExactly("SUPERVISOR")
                .path("school.user.students").entityList(Object.class).hasSize(10);
        // Sanne (i = 0) is followed by ib; Daan Visser (i = 1) is not; the admin is no student
        ib.documentName("users-member").variable("schoolId", regenboog)
                .variable("id", String.valueOf(fixtures.userId(Sessions.STUDENT_REGENBOOG))).execute()
                .path("school.user.user.displayName").entity(String.class).isEqualTo("Sanne de Jong")
                // of the pupil's products only the one ib follows (issue 10, item 9): not spelling, nor who follows it
                .path("school.user.enrollments[*].product.code").entityList(String.class).containsExactly("LEESLAB")
                .path("school.user.products[*].code").entityList(String.class).containsExactly("LEESLAB");
        ib.documentName("users-member").variable("schoolId", regenboog)
                .variable("id", String.valueOf(fixtures.userId("daan.visser"))).execute()
                .path("school.user").valueIsNull();
        ib.documentName("users-member").variable("schoolId", regenboog)
                .variable("id", String.valueOf(fixtures.userId(Sessions.ADMIN_REGENBOOG))).execute()
                .path("school.user").valueIsNull();
        // pickers: any role at the school
        ib.documentName("users").operationName("SchoolPickers").variable("schoolId", regenboog).execute()
                .path("school.products[*].name").entityList(String.class).containsExactly("Leeslab", "Spellingster")
                .path("school.supervisors[*].displayName").entityList(String.class)
                .containsExactly("Peter van Dam", "Karin Smeets", "Ingrid de Wit");
    }

    @Test
    void aStudentReadsNoUsersNorTheStaffButMayLoadTheProducts() {
        HttpGraphQlTester student = tester(Sessions.STUDENT_REGENBOOG);
        forbidden(student.documentName("users").operationName("SchoolUsers").variable("schoolId", regenboog).variable("archived", false)
                .variable("first", 10).variable("withTotal", true).execute(), "school.active");
        // School.user is nullable: only it is null, the school itself stays
        student.documentName("users-member").variable("schoolId", regenboog)
                .variable("id", String.valueOf(fixtures.userId(Sessions.STUDENT_REGENBOOG))).execute()
                .errors().expect(e -> e.getErrorType() == ErrorType.FORBIDDEN && e.getPath().equals("school.user")).verify()
                .path("school.user").valueIsNull();
        forbidden(student.documentName("users-ids").variable("schoolId", regenboog).execute(), "school.userIds");
        // the staff list holds e-mail addresses: not for pupils (issue 10); the school's products are
        forbidden(student.documentName("users").operationName("SchoolPickers").variable("schoolId", regenboog).execute(),
                "school.supervisors");
        student.document("query($schoolId: ID!) { school(id: $schoolId) { products { name } } }").variable("schoolId", regenboog)
                .execute()
                .path("school.products[*].name").entityList(String.class).containsExactly("Leeslab", "Spellingster");
    }

    @Test
    void thePickersListRunningContractsAndActiveSupervisorsPerSchool() {
        HttpGraphQlTester director = tester(Sessions.DIRECTOR_BOTH);
        director.documentName("users").operationName("SchoolPickers").variable("schoolId", kompas).execute()
                .path("school.products[*].name").entityList(String.class).containsExactly("Leeslab", "Rekenroute")
                .path("school.supervisors[*].displayName").entityList(String.class)
                .containsExactly("Anna van der Veen", "Ingrid de Wit");
    }

    /** Refused with FORBIDDEN at {@code path}; the non-null field takes the school down with it: no data. */
    private static void forbidden(GraphQlTester.Response response, String path) {
        response.errors().expect(e -> e.getErrorType() == ErrorType.FORBIDDEN && e.getPath().equals(path)).verify()
                .path("school").valueIsNull();
    }

    private HttpGraphQlTester tester(String login) {
        return Sessions.tester(port, login).mutate().responseTimeout(Duration.ofSeconds(30)).build();
    }
}
