package nl.klaspoort.access;

import nl.klaspoort.support.ApplicationTest;
import static nl.klaspoort.support.GraphQl.errorCodes;
import static nl.klaspoort.support.GraphQl.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.klaspoort.support.Fixtures.TestSchool;
import nl.klaspoort.support.Sessions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/**
 * Issue 10, item 1, the review's reproduction step by step, end to end over HTTP: the admin of school A (1) moved the
 * e-mail of the director, who works at schools A and B, away, locking them out of both; (2) took the publisher's
 * address for their own login; (3) so got publisher rights and registered a product client for a product school A has
 * no contract for; (4) read and wrote school B's practice sessions with it. Each step is refused now, at its cause:
 * identity of a professional of several schools is theirs, one's own login e-mail needs the password and a confirmed
 * address, and PUBLISHER is held by a person (by id), granted by the publisher.
 */
class CrossSchoolEscalationTest extends ApplicationTest {

    @Autowired
    Publishers publishers;

    TestSchool schoolA;
    TestSchool schoolB;
    long director;
    String directorEmail;
    HttpGraphQlTester adminA;

    @BeforeEach
    void twoSchoolsAndTheirDirector() {
        schoolA = fixture.school().withAdmin().withSupervisors(1).create();
        schoolB = fixture.school().withAdmin().withSupervisors(1).create();
        director = fixture.professional(schoolA.id(), "Dirk", "Directeur", Role.ADMIN, Role.SUPERVISOR);
        fixture.grant(schoolB.id(), director, Role.ADMIN);
        directorEmail = fixture.email(director);
        publishers.grantWithoutPublisher(director, Publishers.Reason.DEMO);
        adminA = Sessions.tester(port, schoolA.adminEmail());
    }

    @AfterEach
    void theDirectorLeavesThePublisher() {
        jdbc.sql("update publisher_grant set revoked_at = now() where user_id = :d and revoked_at is null").param("d", director).update();
    }

    private Map<String, Object> profile(long userId, String first, String last, String email) {
        Map<String, Object> input = new HashMap<>(Map.of("schoolId", schoolA.schoolId(), "userId", Long.toString(userId),
                "firstName", first, "lastName", last, "email", email));
        return input;
    }

    private String stateOf(long userId) {
        return jdbc.sql("select first_name || ' ' || last_name || ' <' || email || '>' from app_user where id = :id")
                .param("id", userId).query(String.class).single();
    }

    @Test
    void step1TheAdminOfSchoolACannotMoveTheEmailOfTheDirectorWhoAlsoWorksAtSchoolB() {
        String before = stateOf(director);
        GraphQlTester.Response moved = run(adminA, "admin-user-update", profile(director, "Dirk", "Directeur", "weg@elders.example"));
        assertThat(errorCodes(moved, "userUpdate")).containsExactly("IDENTITY_SHARED");
        moved.path("userUpdate.errors[0].field").entity(String.class).isEqualTo("email");
        moved.path("userUpdate.batchId").valueIsNull();

        GraphQlTester.Response renamed = run(adminA, "admin-user-update", profile(director, "Anders", "Genoemd", directorEmail));
        assertThat(errorCodes(renamed, "userUpdate")).containsExactly("IDENTITY_SHARED", "IDENTITY_SHARED");
        assertThat(renamed.path("userUpdate.errors[*].field").entityList(String.class).get()).containsExactly("firstName", "lastName");
        assertThat(stateOf(director)).isEqualTo(before);

        // the director still signs in, with the same address, and is admin at both schools
        Sessions.tester(port, directorEmail).documentName("me").execute()
                .path("me.memberships[*].school.id").entityList(String.class)
                .containsExactly(schoolA.schoolId(), schoolB.schoolId());
    }

    @Test
    void step1TheSameChangeOfAProfessionalOfOnlySchoolAIsTheAdminsToMakeAndIsAuditedAndUndoable() {
        long colleague = schoolA.supervisorA();
        String before = stateOf(colleague);
        String email = "nieuw." + colleague + "@test.klaspoort.nl";
        GraphQlTester.Response changed = run(adminA, "admin-user-update", profile(colleague, "Bea", "Anders", email));
        assertThat(errorCodes(changed, "userUpdate")).isEmpty();
        String batch = changed.path("userUpdate.batchId").entity(String.class).get();
        assertThat(stateOf(colleague)).isEqualTo("Bea Anders <" + email + ">");

        GraphQlTester.Response undone = adminA.documentName("admin-audit-batch-undo")
                .variable("input", Map.of("batchId", batch)).execute();
        assertThat(errorCodes(undone, "auditBatchUndo")).isEmpty();
        assertThat(stateOf(colleague)).isEqualTo(before);
    }

    @Test
    void step1AnUndoCannotRewriteTheIdentityOfSomeoneWhoMeanwhileWorksAtAnotherSchoolToo() {
        long colleague = schoolA.supervisorA();
        String batch = run(adminA, "admin-user-update", profile(colleague, "Bea", "Anders", fixture.email(colleague)))
                .path("userUpdate.batchId").entity(String.class).get();
        fixture.grant(schoolB.id(), colleague, Role.SUPERVISOR);
        String before = stateOf(colleague);

        GraphQlTester.Response undone = adminA.documentName("admin-audit-batch-undo")
                .variable("input", Map.of("batchId", batch)).execute();
        assertThat(undone.path("auditBatchUndo.results[*].error.code").entityList(String.class).get()
                + undone.path("auditBatchUndo.errors[*].code").entityList(String.class).get().toString())
                .contains("IDENTITY_SHARED");
        assertThat(stateOf(colleague)).isEqualTo(before);
    }

    @Test
    void step2TheAdminCannotTakeAnotherAddressForTheirOwnLogin() {
        long admin = schoolA.admin();
        String before = stateOf(admin);
        GraphQlTester.Response taken = run(adminA, "admin-user-update", profile(admin, "Adam", "Admin", "uitgever@klaspoort.example"));
        assertThat(errorCodes(taken, "userUpdate")).containsExactly("OWN_EMAIL_NEEDS_VERIFICATION");
        taken.path("userUpdate.errors[0].field").entity(String.class).isEqualTo("email");
        assertThat(stateOf(admin)).isEqualTo(before);
        // the name is still one's own to correct
        assertThat(errorCodes(run(adminA, "admin-user-update", profile(admin, "Adam", "Beheerder", schoolA.adminEmail())),
                "userUpdate")).isEmpty();
    }

    @Test
    void step3PublisherRightsFollowThePersonNotAnAddressSoTakingTheAddressGivesNothing() {
        // Even had the admin got the director's very address, PUBLISHER stays with the director's id.
        String newDirectorEmail = "dirk." + director + "@nieuw.klaspoort.nl";
        jdbc.sql("update app_user set email = :e where id = :id").param("e", newDirectorEmail).param("id", director).update();
        jdbc.sql("update app_user set email = :e where id = :id").param("e", directorEmail).param("id", schoolA.admin()).update();

        HttpGraphQlTester impostor = Sessions.tester(port, directorEmail);
        impostor.document("{ me { publisher } }").execute().path("me.publisher").entity(Boolean.class).isEqualTo(false);
        Sessions.tester(port, newDirectorEmail).document("{ me { publisher } }").execute()
                .path("me.publisher").entity(Boolean.class).isEqualTo(true);
    }

    @Test
    void step3TheAdminOfSchoolACannotRegisterAProductClientNorListTheClients() {
        long notContracted = schoolA.rekenen();
        int before = jdbc.sql("select count(*) from product_client").query(Integer.class).single();
        adminA.documentName("results-client-register")
                .variable("input", Map.of("productId", Long.toString(notContracted), "name", "Stiekem", "scopes",
                        List.of("RESULTS_READ", "RESULTS_WRITE")))
                .execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement()
                        .satisfies(e -> assertThat(e.getExtensions()).containsEntry("code", "FORBIDDEN")));
        assertThat(jdbc.sql("select count(*) from product_client").query(Integer.class).single()).isEqualTo(before);
        adminA.document("{ productClients { clientId } }").execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement()
                        .satisfies(e -> assertThat(e.getExtensions()).containsEntry("code", "FORBIDDEN")));
        adminA.document("{ publishers { id } }").execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement()
                        .satisfies(e -> assertThat(e.getExtensions()).containsEntry("code", "FORBIDDEN")));
    }

    @Test
    void step4TheAdminOfSchoolAReachesNoPracticeSessionsOfSchoolB() {
        long pupilB = fixture.student(schoolB, 5);
        // the product API takes a product's token, never a school admin's session
        adminA.documentName("results-product-sessions").variable("schoolId", schoolB.schoolId()).execute()
                .errors().satisfy(errors -> assertThat(errors).isNotEmpty()
                        .allSatisfy(e -> assertThat(e.getExtensions().get("code")).isIn("FORBIDDEN", "UNAUTHORIZED")));
        adminA.documentName("results-record").variable("input", Map.of("sessions", List.of(Map.of(
                        "sessionId", "stiekem-1", "studentId", Long.toString(pupilB), "startedAt", "2026-11-30T09:00:00Z",
                        "endedAt", "2026-11-30T09:10:00Z", "clientIp", "192.0.2.10", "lessonPosition", 1,
                        "completed", true))))
                .execute()
                .errors().satisfy(errors -> assertThat(errors).isNotEmpty()
                        .allSatisfy(e -> assertThat(e.getExtensions().get("code")).isIn("FORBIDDEN", "UNAUTHORIZED")));
        // and school B's own results are not there for them
        adminA.document("{ school(id: \"" + schoolB.schoolId() + "\") { name } }").execute()
                .path("school").valueIsNull();
        assertThat(jdbc.sql("select count(*) from practice_session where student_id = :s").param("s", pupilB)
                .query(Integer.class).single()).isZero();
    }

    @Test
    void theDirectorWasNeverLockedOut() {
        run(adminA, "admin-user-update", profile(director, "Dirk", "Directeur", "weg@elders.example"));
        assertThat(Sessions.login(port, directorEmail, Sessions.PROFESSIONAL_PASSWORD)).isNotNull();
        assertThatThrownBy(() -> Sessions.login(port, "weg@elders.example", Sessions.PROFESSIONAL_PASSWORD))
                .isInstanceOf(IllegalStateException.class);
    }
}
