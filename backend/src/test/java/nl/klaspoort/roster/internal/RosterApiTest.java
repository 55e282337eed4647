package nl.klaspoort.roster.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import klaspoort.peers.basispoort.Api;
import nl.klaspoort.access.Role;
import nl.klaspoort.basispoort.BasispoortConnections.ActivatedSchool;
import nl.klaspoort.roster.RosterApplied;
import nl.klaspoort.support.GraphQl;
import nl.klaspoort.support.Sessions;
import nl.klaspoort.support.SqlStatementCounter;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/**
 * The rest of the pipeline's contract: the event an apply publishes (for hosted licences, single sign-on and BP5),
 * groups as teachers see them (BP5), an apply refused when the preview no longer holds or the run is closed, access,
 * every jaargroep through the user administration, and the statements a page of runs and changes costs.
 */
@RecordApplicationEvents
class RosterApiTest extends RosterTestBase {

    @Autowired
    RosterService service;
    @Autowired
    ApplicationEvents events;
    @Autowired
    PasswordEncoder passwords;

    @Test
    @DisplayName("BP3 an apply publishes RosterApplied with the ids of the people it created, archived and changed")
    void rosterAppliedEvent() {
        long institution = institution(5);
        Run preview = service.sync(new ActivatedSchool(school.id(), institution), Run.Trigger.ON_DEMAND, null, school.admin());
        service.apply(preview.id(), school.admin());
        RosterApplied first = events.stream(RosterApplied.class).reduce((a, b) -> b).orElseThrow();
        assertThat(first.schoolId()).isEqualTo(school.id());
        assertThat(first.runId()).isEqualTo(preview.id());
        assertThat(first.source()).isEqualTo("BASISPOORT");
        assertThat(first.studentsCreated()).hasSize(5).allSatisfy(id -> assertThat(id).isPositive());
        assertThat(first.teachersCreated()).hasSize(10);

        Api.Leerling leaving = pupil(institution, 0);
        world().removePupil(institution, leaving.id());
        Api.Medewerker teacher = world().staff(institution).getFirst();
        world().changeStaff(institution, new Api.Medewerker(teacher.id(), teacher.eckid(), teacher.lasKey(),
                teacher.persoonsgegevens(), "nieuw." + teacher.emailadres(), null, teacher.rollen(), teacher.groepen(),
                teacher.subgroepen()));
        Run next = service.sync(new ActivatedSchool(school.id(), institution), Run.Trigger.ON_DEMAND, null, school.admin());
        service.apply(next.id(), school.admin());
        RosterApplied second = events.stream(RosterApplied.class).reduce((a, b) -> b).orElseThrow();
        assertThat(second.studentsArchived()).containsExactly(userOf(leaving.id()));
        long teacherId = userOf(teacher.id());
        assertThat(second.emailChanged()).containsExactly(teacherId);
        assertThat(second.teachersChanged()).containsExactly(teacherId);
        assertThat(fixture.email(teacherId)).isEqualTo("nieuw." + teacher.emailadres());
    }

    @Test
    @DisplayName("BP5 a teacher sees the groups the roster links them to; the admin sees every group with its pupils")
    void groupsAsTeachersSeeThem() {
        long institution = institution(16);
        apply(syncNow().get("id"));
        Api.Medewerker teacher = world().staff(institution).get(5); // the teacher of group 6 and the Plusklas
        long teacherId = userOf(teacher.id());
        jdbc.sql("update app_user set password_hash = :hash where id = :id")
                .param("hash", passwords.encode(Sessions.PROFESSIONAL_PASSWORD)).param("id", teacherId).update();
        fixture.grant(school.id(), teacherId, Role.SUPERVISOR);

        List<Map<String, Object>> all = groups(admin);
        assertThat(all).extracting(g -> g.get("name")).containsExactly("Groep 1", "Groep 2", "Groep 3", "Groep 4",
                "Groep 5", "Groep 6", "Groep 7", "Groep 8", "Plusklas");
        assertThat((List<?>) all.get(5).get("students")).hasSize(2);
        List<Map<String, Object>> own = groups(Sessions.tester(port, teacher.emailadres()));
        assertThat(own).extracting(g -> g.get("name")).containsExactly("Groep 6", "Plusklas");
        List<Object> teacherNames = ((List<?>) own.getFirst().get("teachers")).stream()
                .map(t -> ((Map<?, ?>) t).get("displayName")).map(Object.class::cast).toList();
        assertThat(teacherNames).as("the group's teacher and the ICT coordinator, who is linked to every group")
                .containsExactlyInAnyOrder("Marieke Hoekstra", jdbc.sql("select concat_ws(' ', first_name, name_prefix, last_name) from app_user where id = :id")
                        .param("id", teacherId).query(String.class).single());
    }

    @Test
    @DisplayName("X2 an apply is refused when an admin changed someone since the preview, or the run is closed; nothing written")
    void staleAndClosed() {
        long institution = institution(6);
        apply(syncNow().get("id"));
        Api.Leerling pupil = pupil(institution, 2);
        world().changePupil(institution, renamed(pupil, "Nieuw"));
        Object runId = syncNow().get("id");
        long user = userOf(pupil.id());
        Map<String, Object> current = jdbc.sql("select username, grade_year, group_name, last_name from app_user where id = :id")
                .param("id", user).query().singleRow();
        GraphQl.run(admin, "admin-user-update", Map.of("schoolId", school.schoolId(), "userId", Long.toString(user),
                "firstName", "Tussendoor", "lastName", current.get("last_name"), "username", current.get("username"),
                "gradeYear", current.get("grade_year"), "group", current.get("group_name")));
        GraphQlTester.Response stale = spa(admin, "RosterRunApply", Map.of("runId", runId));
        assertThat(GraphQl.errorCodes(stale, "rosterRunApply")).containsExactly("ROSTER_RUN_STALE");
        stale.path("rosterRunApply.run.status").entity(String.class).isEqualTo("PREVIEW");
        assertThat(jdbc.sql("select first_name from app_user where id = :id").param("id", user).query(String.class).single())
                .isEqualTo("Tussendoor");

        Object fresh = syncNow().get("id");
        assertThat(run(runId, null).get("status")).as("replaced by the newer preview").isEqualTo("SUPERSEDED");
        apply(fresh);
        assertThat(GraphQl.errorCodes(spa(admin, "RosterRunApply", Map.of("runId", fresh)), "rosterRunApply"))
                .containsExactly("ROSTER_RUN_CLOSED");
    }

    @Test
    @DisplayName("BP3 only the school's admins sync; a school not activated cannot; another school's run is not found")
    void access() {
        assertThat(GraphQl.errorCodes(spa(admin, "BasispoortSyncStart", Map.of("schoolId", school.schoolId())),
                "basispoortSyncStart")).containsExactly("BASISPOORT_NOT_ACTIVATED");
        institution(3);
        Object runId = syncNow().get("id");
        HttpGraphQlTester supervisor = Sessions.tester(port, fixture.email(school.supervisorA()));
        spa(supervisor, "BasispoortSyncStart", Map.of("schoolId", school.schoolId())).errors()
                .satisfy(errors -> assertThat(errors).singleElement()
                        .satisfies(e -> assertThat(e.getExtensions()).containsEntry("classification", "FORBIDDEN")));
        HttpGraphQlTester otherAdmin = Sessions.tester(port, Sessions.ADMIN_KOMPAS);
        spa(otherAdmin, "RosterRunApply", Map.of("runId", runId)).errors()
                .satisfy(errors -> assertThat(errors).singleElement()
                        .satisfies(e -> assertThat(e.getExtensions()).containsEntry("classification", "NOT_FOUND")));
        otherAdmin.documentName("basispoort").operationName("RosterRun").variable("schoolId", school.schoolId())
                .variable("runId", runId).variable("first", 10).execute().path("school").valueIsNull();
        assertThat(run(runId, null).get("status")).isEqualTo("PREVIEW");
    }

    @Test
    @DisplayName("every jaargroep kept: S shows as jaargroep S without a groep 1-8, and cannot be moved a year up")
    void jaargroepBeyondOneToEight() {
        long institution = institution(2);
        Api.Leerling special = world().addPupil(institution, new Api.Leerling(0, null, "SO-1",
                new Api.Persoonsgegevens("Visser", "Lars", null, "L."), "S", "G8", List.of()));
        apply(syncNow().get("id"));
        long user = userOf(special.id());
        Map<String, Object> student = admin.documentName("users").operationName("SchoolUsers").variable("schoolId", school.schoolId())
                .variable("archived", true).variable("first", 10).variable("withTotal", false)
                .variable("filter", Map.of("search", "Lars Visser")).execute()
                .path("school.archived.edges[0].node.user").entity(MAP).get();
        assertThat(student).containsEntry("gradeYear", null);
        assertThat(jdbc.sql("select grade_code from app_user where id = :id").param("id", user).query(String.class).single())
                .isEqualTo("S");
        fixture.enroll(school, user, school.leeslab(), school.supervisorA());
        assertThat(GraphQl.statuses(GraphQl.run(admin, "admin-students-grade-year-change", Map.of("schoolId",
                school.schoolId(), "studentIds", List.of(Long.toString(user)), "step", "UP")), "studentsGradeYearChange"))
                .containsExactly(user + ":REFUSED:GRADE_YEAR_OUT_OF_RANGE");
    }

    @Test
    @DisplayName("statement budget: the Basispoort page and a run's page of changes cost the same for 10 or 100 changes")
    void statementBudget() {
        long institution = institution(90);
        Object big = syncNow().get("id");
        int page = statements(() -> admin.documentName("basispoort").operationName("Basispoort")
                .variable("schoolId", school.schoolId()).variable("first", 20).execute().path("school.id").hasValue());
        int changes100 = statements(() -> run(big, null));
        int changes10 = statements(() -> run(big, Map.of("subject", "GROUP")));
        assertThat(page).as("school, connection, open run, runs and their count, who asked and approved").isLessThanOrEqualTo(12);
        assertThat(changes100).isEqualTo(changes10).isLessThanOrEqualTo(8);
        assertThat(institution).isPositive();
    }

    private static int statements(Runnable request) {
        SqlStatementCounter.reset();
        request.run();
        return SqlStatementCounter.count();
    }

    private List<Map<String, Object>> groups(HttpGraphQlTester tester) {
        return tester.documentName("basispoort").operationName("SchoolGroups").variable("schoolId", school.schoolId())
                .execute().path("school.groups").entity(LIST).get();
    }
}
