package nl.klaspoort.audit;

import nl.klaspoort.support.FreshSchoolTest;
import static nl.klaspoort.support.GraphQl.errorCodes;
import static nl.klaspoort.support.GraphQl.ids;
import static nl.klaspoort.support.GraphQl.run;
import static nl.klaspoort.support.GraphQl.statuses;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import nl.klaspoort.support.Sessions;
import nl.klaspoort.support.SqlStatementCounter;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.test.tester.GraphQlTester;

/** The audit log of administrative changes (X5) and undo of a batch. */
class AuditLogAndUndoTest extends FreshSchoolTest {

    private String batch(GraphQlTester.Response response, String field) {
        assertThat(errorCodes(response, field)).isEmpty();
        return response.path(field + ".batchId").entity(String.class).get();
    }

    private GraphQlTester.Response undo(String batchId) {
        return run(admin, "admin-audit-batch-undo", Map.of("batchId", batchId));
    }

    @Test
    void aBulkActionWritesOneEventPerUserSharingABatchShownNewestFirstWithFiltersAndPaging() {
        List<Long> students = fixture.students(school, 3, 4, false);
        String batch = batch(run(admin, "admin-users-archive", Map.of("schoolId", school.schoolId(), "userIds", ids(students))),
                "usersArchive");

        SqlStatementCounter.reset();
        GraphQlTester.Response page = admin.documentName("admin-audit-events")
                .variable("schoolId", school.schoolId()).variable("first", 2)
                .variable("filter", Map.of("action", "USERS_ARCHIVE", "actorId", Long.toString(school.admin())))
                .execute();
        assertThat(SqlStatementCounter.count()).as("school, roles twice, one page").isLessThanOrEqualTo(4);
        page.path("school.auditEvents.edges[*].node.batchId").entityList(String.class).containsExactly(batch, batch);
        page.path("school.auditEvents.edges[*].node.targetId").entityList(String.class)
                .containsExactly(students.get(2).toString(), students.get(1).toString());
        page.path("school.auditEvents.edges[0].node.actorName").entity(String.class).isEqualTo("Adam Admin");
        page.path("school.auditEvents.edges[0].node.before").entity(String.class).satisfies(b -> assertThat(b).contains("\"archived\": false"));
        page.path("school.auditEvents.edges[0].node.after").entity(String.class).satisfies(a -> assertThat(a).contains("\"archived\": true"));
        page.path("school.auditEvents.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(true);
        String cursor = page.path("school.auditEvents.pageInfo.endCursor").entity(String.class).get();

        admin.documentName("admin-audit-events").variable("schoolId", school.schoolId()).variable("first", 2).variable("after", cursor)
                .variable("filter", Map.of("action", "USERS_ARCHIVE")).execute()
                .path("school.auditEvents.edges[*].node.targetId").entityList(String.class).containsExactly(students.get(0).toString())
                .path("school.auditEvents.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(false);

        admin.documentName("admin-audit-events").variable("schoolId", school.schoolId())
                .variable("filter", Map.of("from", "2999-01-01T00:00:00Z")).execute()
                .path("school.auditEvents.edges").entityList(Object.class).hasSize(0);
    }

    @Test
    void onlyAnAdminOfTheSchoolReadsItsAuditLog() {
        long demoSchool = jdbc.sql("select id from school where brin = '12AB'").query(Long.class).single();
        Sessions.tester(port, Sessions.SUPERVISOR_REGENBOOG).documentName("admin-audit-events")
                .variable("schoolId", Long.toString(demoSchool)).execute()
                .errors().satisfy(errors -> assertThat(errors).anyMatch(e -> e.getErrorType() == ErrorType.FORBIDDEN))
                .path("school.auditEvents").valueIsNull();
        Sessions.tester(port, Sessions.ADMIN_REGENBOOG).documentName("admin-audit-events")
                .variable("schoolId", school.schoolId()).execute()
                .path("school").valueIsNull();
    }

    @Test
    void undoRestoresLinksRolesArchiveStatesAndGradeYearsOnce() {
        long student = fixture.student(school, 5);
        fixture.enroll(school, student, school.leeslab(), school.supervisorA(), school.supervisorB());
        String initial = fixture.state(school.id());

        String removal = batch(run(admin, "admin-roles-remove", Map.of("schoolId", school.schoolId(),
                "userIds", ids(school.supervisorB()), "roles", List.of("SUPERVISOR"))), "rolesRemove");
        String grade = batch(run(admin, "admin-students-grade-year-change", Map.of("schoolId", school.schoolId(),
                "studentIds", ids(student), "step", "UP")), "studentsGradeYearChange");
        assertThat(fixture.gradeYear(student)).isEqualTo(6);
        assertThat(fixture.links(student)).containsExactly(school.leeslab() + ":" + school.supervisorA());

        assertThat(statuses(undo(grade), "auditBatchUndo")).containsExactly(student + ":APPLIED");
        assertThat(fixture.gradeYear(student)).isEqualTo(5);
        GraphQlTester.Response undone = undo(removal);
        assertThat(errorCodes(undone, "auditBatchUndo")).isEmpty();
        assertThat(fixture.archived(school.id(), school.supervisorB())).isFalse();
        assertThat(fixture.roles(school.id(), school.supervisorB())).containsExactly("SUPERVISOR");
        assertThat(fixture.links(student)).containsExactly(school.leeslab() + ":" + school.supervisorA(),
                school.leeslab() + ":" + school.supervisorB());
        assertThat(fixture.assignedProducts(school.id(), school.supervisorB())).containsExactly(school.leeslab());
        String restored = fixture.state(school.id());
        assertThat(restored.substring(0, restored.lastIndexOf('|'))).as("everything but the audit count is back")
                .isEqualTo(initial.substring(0, initial.lastIndexOf('|')));

        assertThat(errorCodes(undo(removal), "auditBatchUndo")).containsExactly("ALREADY_UNDONE");
        // undoing the undo redoes the change
        String redo = undone.path("auditBatchUndo.batchId").entity(String.class).get();
        assertThat(errorCodes(undo(redo), "auditBatchUndo")).isEmpty();
        assertThat(fixture.roles(school.id(), school.supervisorB())).isEmpty();
    }

    @Test
    void undoRefusesWhenALaterChangeWouldBeOverwritten() {
        List<Long> students = fixture.students(school, 2, 3, false);
        fixture.enroll(school, students.get(0), school.leeslab(), school.supervisorA());
        fixture.enroll(school, students.get(1), school.leeslab(), school.supervisorA());
        String archive = batch(run(admin, "admin-users-archive", Map.of("schoolId", school.schoolId(), "userIds", ids(students))),
                "usersArchive");
        batch(run(admin, "admin-students-link", Map.of("schoolId", school.schoolId(), "studentIds", ids(students.get(1)),
                "links", List.of(Map.of("productId", Long.toString(school.spelling()), "supervisorIds", ids(school.supervisorB())))))
                , "studentsLink");
        String before = fixture.state(school.id());

        GraphQlTester.Response conflict = undo(archive);
        assertThat(statuses(conflict, "auditBatchUndo"))
                .containsExactly(students.get(0) + ":APPLIED", students.get(1) + ":REFUSED:UNDO_CONFLICT");
        conflict.path("auditBatchUndo.batchId").valueIsNull();
        assertThat(fixture.state(school.id())).isEqualTo(before);
    }

    @Test
    void creationsCannotBeUndoneAndOtherSchoolsBatchesAreNotFound() {
        GraphQlTester.Response created = run(admin, "admin-student-create", Map.of("schoolId", school.schoolId(), "firstName", "Ada",
                "lastName", "Lovelace", "gradeYear", 7, "productIds", ids(school.leeslab()), "supervisorIds", ids(school.supervisorA())));
        String batch = created.path("studentCreate.batchId").entity(String.class).get();
        assertThat(errorCodes(undo(batch), "auditBatchUndo")).containsExactly("NOT_UNDOABLE");

        long student = fixture.student(school, 4);
        String archive = batch(run(admin, "admin-users-archive", Map.of("schoolId", school.schoolId(), "userIds", ids(student))),
                "usersArchive");
        String before = fixture.state(school.id());
        assertThat(errorCodes(run(Sessions.tester(port, Sessions.ADMIN_KOMPAS), "admin-audit-batch-undo", Map.of("batchId", archive)),
                "auditBatchUndo")).containsExactly("BATCH_NOT_FOUND");
        assertThat(errorCodes(undo("geen-uuid"), "auditBatchUndo")).containsExactly("BATCH_NOT_FOUND");
        assertThat(fixture.state(school.id())).isEqualTo(before);
    }
}
