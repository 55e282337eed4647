package nl.klaspoort.roster.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import klaspoort.peers.basispoort.Api;
import klaspoort.peers.basispoort.BasispoortWorld;
import klaspoort.peers.basispoort.WorldGenerator;
import nl.klaspoort.support.Fixtures.TestSchool;
import nl.klaspoort.support.Sessions;
import nl.klaspoort.support.TestBasispoort;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/**
 * X12: a pupil who leaves and returns gets their own account back, with its koppelingen and results; a pupil who moves
 * to another school of the publisher is found there by Basispoort id or ECK iD and takes the account along.
 */
class ReturningPupilsTest extends RosterTestBase {

    @Test
    @DisplayName("X12 a pupil who left and returns gets the same account back, with links and results")
    void leavesAndReturns() {
        long institution = institution(10);
        apply(syncNow().get("id"));
        Api.Leerling pupil = pupil(institution, 4);
        long account = userOf(pupil.id());
        fixture.enroll(school, account, school.leeslab(), school.supervisorA());
        fixture.contract(school.id(), school.leeslab());
        fixture.session(school.id(), account, school.leeslab(), Instant.now().minus(2, ChronoUnit.DAYS), 20, "SCHOOL", 3,
                true, null);

        world().removePupil(institution, pupil.id());
        Map<String, Object> left = run(syncNow().get("id"), null);
        assertThat(change(left, name(pupil))).containsEntry("action", "ARCHIVE");
        apply(left.get("id"));
        assertThat(fixture.archived(school.id(), account)).isTrue();
        assertThat(activeStudentNames()).doesNotContain(name(pupil));

        world().addPupil(institution, pupil);
        Map<String, Object> back = run(syncNow().get("id"), null);
        assertThat(change(back, name(pupil))).containsEntry("action", "RESTORE")
                .containsEntry("reason", "Weer op school: het bestaande account wordt hersteld, met koppelingen en resultaten");
        assertThat(count(back, "studentsCreated")).isZero();
        apply(back.get("id"));
        assertThat(userOf(pupil.id())).isEqualTo(account);
        assertThat(activeStudentNames()).as("linked again, in the user overview").contains(name(pupil));
        assertThat(fixture.links(account)).containsExactly(school.leeslab() + ":" + school.supervisorA());
        assertThat(sessions(account)).isEqualTo(1);
        assertNoDuplicates();
    }

    @Test
    @DisplayName("X12 a pupil who moves to another school of the publisher takes the account along, by Basispoort id or ECK iD")
    void movesToAnotherSchool() {
        long institutionA = institution(6);
        apply(syncNow().get("id"));
        Api.Leerling byId = pupil(institutionA, 1);
        Api.Leerling byEck = pupil(institutionA, 2);
        long account = userOf(byId.id());
        long eckAccount = userOf(byEck.id());
        fixture.session(school.id(), account, school.leeslab(), Instant.now().minus(1, ChronoUnit.DAYS), 15, "HOME", 2,
                true, null);

        TestSchool other = fixture.school().withAdmin().withSupervisors(1).create();
        long institutionB = institutionOf(other, 3);

        world().removePupil(institutionA, byId.id());
        world().removePupil(institutionA, byEck.id());
        world().addPupil(institutionB, new Api.Leerling(byId.id(), byId.eckid(), "B-1", byId.persoonsgegevens(), "5", "G5", List.of()));
        world().addPupil(institutionB, new Api.Leerling(0, byEck.eckid(), "B-2", byEck.persoonsgegevens(), "5", "G5", List.of()));

        HttpGraphQlTester otherAdmin = Sessions.tester(port, other.adminEmail());
        Map<String, Object> preview = otherAdmin.documentName("basispoort").operationName("BasispoortSyncStart")
                .variable("input", Map.of("schoolId", other.schoolId())).execute()
                .path("basispoortSyncStart.run").entity(MAP).get();
        assertThat(count(preview, "studentsMoved")).isEqualTo(2);
        assertThat(count(preview, "studentsCreated")).isEqualTo(3);
        Map<String, Object> review = otherAdmin.documentName("basispoort").operationName("RosterRun")
                .variable("schoolId", other.schoolId()).variable("runId", preview.get("id")).variable("first", 50)
                .variable("filter", Map.of("action", "MOVE")).execute().path("school.rosterRun").entity(MAP).get();
        assertThat(changes(review)).extracting(c -> c.get("reason"))
                .containsOnly("Komt van " + school.name() + ": het bestaande account verhuist mee, met resultaten");
        otherAdmin.documentName("basispoort").operationName("RosterRunApply").variable("input", Map.of("runId", preview.get("id")))
                .execute().path("rosterRunApply.run.status").entity(String.class).isEqualTo("APPLIED");

        for (long moved : List.of(account, eckAccount)) {
            assertThat(jdbc.sql("select school_id from app_user where id = :id").param("id", moved).query(Long.class).single())
                    .isEqualTo(other.id());
            assertThat(fixture.archived(school.id(), moved)).as("archived where they left").isTrue();
            assertThat(fixture.archived(other.id(), moved)).as("a member where they are now").isFalse();
        }
        assertThat(sessions(account)).as("the results stay with the account").isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from app_user where kind = 'STUDENT' and school_id = :s").param("s", other.id())
                .query(Integer.class).single()).as("3 new, 2 moved, no copies").isEqualTo(5);
    }

    @Test
    @DisplayName("X12 a moving pupil whose username a pupil of the new school has gets a new one, shown as a new login in the run")
    void aMovingPupilWhoseUsernameIsTakenGetsANewOne() {
        long institutionA = institution(3);
        apply(syncNow().get("id"));
        Api.Leerling mover = pupil(institutionA, 0);
        long account = userOf(mover.id());
        String username = fixture.username(account);

        TestSchool other = fixture.school().withAdmin().withSupervisors(1).withContracts().create();
        long institutionB = institutionOf(other, 0);
        HttpGraphQlTester otherAdmin = Sessions.tester(port, other.adminEmail());
        // the new school's admin gave one of its own pupils that username (free there: usernames are unique per school)
        otherAdmin.documentName("admin-student-create").variable("input", Map.of("schoolId", other.schoolId(),
                        "firstName", "Al", "lastName", "Hier", "username", username, "gradeYear", 5,
                        "productIds", List.of(Long.toString(other.leeslab())),
                        "supervisorIds", List.of(Long.toString(other.supervisorA()))))
                .execute().path("studentCreate.errors").entityList(Object.class).hasSize(0);

        world().removePupil(institutionA, mover.id());
        world().addPupil(institutionB, new Api.Leerling(mover.id(), mover.eckid(), "B-1", mover.persoonsgegevens(), "5", "G5",
                List.of()));
        Map<String, Object> preview = otherAdmin.documentName("basispoort").operationName("BasispoortSyncStart")
                .variable("input", Map.of("schoolId", other.schoolId())).execute()
                .path("basispoortSyncStart.run").entity(MAP).get();
        Map<String, Object> move = change(changesOf(otherAdmin, other, preview.get("id")), name(mover));
        assertThat(move).containsEntry("action", "MOVE").containsEntry("newLogin", true);
        assertThat(field(move, "USERNAME")).containsEntry("label", "Gebruikersnaam").containsEntry("before", username)
                .containsEntry("after", null);

        otherAdmin.documentName("basispoort").operationName("RosterRunApply").variable("input", Map.of("runId", preview.get("id")))
                .execute().path("rosterRunApply.run.status").entity(String.class).isEqualTo("APPLIED");
        Map<String, Object> applied = change(changesOf(otherAdmin, other, preview.get("id")), name(mover));
        String fresh = (String) field(applied, "USERNAME").get("after");
        assertThat(applied).containsEntry("newLogin", true);
        assertThat(fresh).isNotEqualTo(username).startsWith(username.replaceAll("[0-9]+$", ""));
        // the admin hands out a password: the pupil signs in with the new username, at the new school
        otherAdmin.documentName("admin-student-credentials-reset").variable("input", Map.of("schoolId", other.schoolId(),
                        "studentId", Long.toString(account), "password", "Verhuisd2026")).execute()
                .path("studentCredentialsReset.credentials.username").entity(String.class).isEqualTo(fresh);
        Sessions.tester(port, Sessions.login(port, fresh, "Verhuisd2026")).documentName("me").execute()
                .path("me.user.username").entity(String.class).isEqualTo(fresh)
                .path("me.memberships[*].school.id").entityList(String.class).containsExactly(other.schoolId());
    }

    /** Another school of the publisher, its institution in the simulator (with {@code pupils} pupils), activated. */
    private long institutionOf(TestSchool other, int pupils) {
        String otherBrin = jdbc.sql("select brin from school where id = :id").param("id", other.id()).query(String.class).single();
        long institution = TestBasispoort.nextSchoolId();
        world().addSchool(institution, new BasispoortWorld.SchoolInfo("Andere school", null, null, null, null, "Zwolle",
                otherBrin, "00", null, null), true);
        if (pupils > 0) {
            WorldGenerator.populate(world(), institution, pupils, otherBrin.toLowerCase() + ".test.klaspoort.nl", institution);
        }
        connections.activateKnown(other.id(), institution);
        return institution;
    }

    private Map<String, Object> changesOf(HttpGraphQlTester tester, TestSchool at, Object runId) {
        return tester.documentName("basispoort").operationName("RosterRun").variable("schoolId", at.schoolId())
                .variable("runId", runId).variable("first", 50).variable("filter", Map.of("action", "MOVE")).execute()
                .path("school.rosterRun").entity(MAP).get();
    }

    private List<String> activeStudentNames() {
        return admin.documentName("users").operationName("SchoolUsers").variable("schoolId", school.schoolId())
                .variable("archived", false).variable("first", 100).variable("withTotal", false)
                .variable("filter", Map.of("kind", "STUDENT")).execute()
                .path("school.active.edges[*].node.user.displayName").entityList(String.class).get();
    }

    private int sessions(long student) {
        return jdbc.sql("select count(*) from practice_session where student_id = :id").param("id", student)
                .query(Integer.class).single();
    }
}
