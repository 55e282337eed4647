package nl.klaspoort.administration;

import nl.klaspoort.support.Fixtures;

import nl.klaspoort.access.Role;

import nl.klaspoort.support.FreshSchoolTest;
import static nl.klaspoort.support.GraphQl.errorCodes;
import static nl.klaspoort.support.GraphQl.ids;
import static nl.klaspoort.support.GraphQl.run;
import static nl.klaspoort.support.GraphQl.statuses;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.klaspoort.support.Sessions;
import nl.klaspoort.support.SqlStatementCounter;
import nl.klaspoort.support.Fixtures.TestSchool;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/** Koppelingen mutations (B11, B12, B13, B18) with the manual's rules, and their constant SQL budget. */
class KoppelingenMutationTest extends FreshSchoolTest {

    private Map<String, Object> link(long product, long... supervisors) {
        return Map.of("productId", Long.toString(product), "supervisorIds", ids(supervisors));
    }

    private Map<String, Object> studentsLink(List<Long> students, List<Map<String, Object>> links, boolean dryRun) {
        return Map.of("schoolId", school.schoolId(), "studentIds", ids(students), "links", links, "dryRun", dryRun);
    }

    @Test
    void studentsLinkGivesSeveralRowsAtOnceDearchivesAndAssignsTheProducts() {
        long active = fixture.student(school, 4);
        long archived = fixture.students(school, 1, 4, true).getFirst();
        List<Map<String, Object>> rows = List.of(link(school.leeslab(), school.supervisorA(), school.supervisorB()),
                link(school.rekenen(), school.supervisorA()));

        GraphQlTester.Response dry = run(admin, "admin-students-link", studentsLink(List.of(active, archived), rows, true));
        assertThat(statuses(dry, "studentsLink")).containsExactly(active + ":APPLIED", archived + ":APPLIED");
        assertThat(fixture.links(active)).isEmpty();

        GraphQlTester.Response linked = run(admin, "admin-students-link", studentsLink(List.of(active, archived), rows, false));
        assertThat(errorCodes(linked, "studentsLink")).isEmpty();
        linked.path("studentsLink.batchId").hasValue();
        List<String> expected = List.of(school.leeslab() + ":" + school.supervisorA(), school.leeslab() + ":" + school.supervisorB(),
                school.rekenen() + ":" + school.supervisorA());
        assertThat(fixture.links(active)).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(fixture.links(archived)).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(fixture.archived(school.id(), archived)).isFalse();
        assertThat(fixture.assignedProducts(school.id(), school.supervisorA())).containsExactlyInAnyOrder(school.leeslab(), school.rekenen());
        assertThat(fixture.assignedProducts(school.id(), school.supervisorB())).containsExactly(school.leeslab());

        GraphQlTester.Response again = run(admin, "admin-students-link", studentsLink(List.of(active, archived), rows, false));
        assertThat(statuses(again, "studentsLink")).containsExactly(active + ":UNCHANGED", archived + ":UNCHANGED");
        again.path("studentsLink.batchId").valueIsNull();
    }

    @Test
    void studentsLinkRefusesNonStudentsAndNonSupervisorsAndWritesNothing() {
        long student = fixture.student(school, 4);
        String before = fixture.state(school.id());
        GraphQlTester.Response professional = run(admin, "admin-students-link",
                studentsLink(List.of(student, school.supervisorB()), List.of(link(school.leeslab(), school.supervisorA())), false));
        assertThat(statuses(professional, "studentsLink"))
                .containsExactly(student + ":APPLIED", school.supervisorB() + ":REFUSED:NOT_A_STUDENT");

        GraphQlTester.Response notSupervisor = run(admin, "admin-students-link",
                studentsLink(List.of(student), List.of(link(school.leeslab(), school.admin()), link(999_999_999L, school.supervisorA())), false));
        assertThat(errorCodes(notSupervisor, "studentsLink")).containsExactlyInAnyOrder("NOT_A_SUPERVISOR", "NOT_FOUND");
        notSupervisor.path("studentsLink.errors[?(@.code == 'NOT_A_SUPERVISOR')].itemId").entityList(String.class)
                .containsExactly(Long.toString(school.admin()));
        assertThat(errorCodes(run(admin, "admin-students-link", studentsLink(List.of(student), List.of(), false)), "studentsLink"))
                .containsExactly("EMPTY_LIST");
        assertThat(fixture.state(school.id())).isEqualTo(before);
    }

    @Test
    void professionalsLinkAddsRolesAndProductsOnlyForSupervisorsAndDearchives() {
        long archivedPro = fixture.professional(school.id(), "Anna", "Archief", "anna." + school.id() + "@test.klaspoort.nl");
        jdbc.sql("update school_member set archived_at = now() where user_id = :id").param("id", archivedPro).update();
        long adminOnly = fixture.professional(school.id(), "Otto", "Admin", "otto." + school.id() + "@test.klaspoort.nl", Role.ADMIN);
        long student = fixture.student(school, 3);
        String before = fixture.state(school.id());

        Map<String, Object> productsOnly = Map.of("schoolId", school.schoolId(), "userIds", ids(adminOnly, school.supervisorA(), student),
                "productIds", ids(school.spelling()));
        assertThat(statuses(run(admin, "admin-professionals-link", productsOnly), "professionalsLink")).containsExactly(
                adminOnly + ":REFUSED:NOT_A_SUPERVISOR", school.supervisorA() + ":APPLIED", student + ":REFUSED:NOT_A_PROFESSIONAL");
        assertThat(fixture.state(school.id())).isEqualTo(before);

        GraphQlTester.Response linked = run(admin, "admin-professionals-link", Map.of("schoolId", school.schoolId(),
                "userIds", ids(archivedPro, adminOnly), "roles", List.of("SUPERVISOR"), "productIds", ids(school.spelling())));
        assertThat(errorCodes(linked, "professionalsLink")).isEmpty();
        assertThat(fixture.archived(school.id(), archivedPro)).isFalse();
        assertThat(fixture.roles(school.id(), archivedPro)).containsExactly("SUPERVISOR");
        assertThat(fixture.roles(school.id(), adminOnly)).containsExactly("ADMIN", "SUPERVISOR");
        assertThat(fixture.assignedProducts(school.id(), archivedPro)).containsExactly(school.spelling());

        assertThat(errorCodes(run(admin, "admin-professionals-link", Map.of("schoolId", school.schoolId(),
                "userIds", ids(archivedPro), "roles", List.of("STUDENT"))), "professionalsLink")).containsExactly("INVALID_ROLE");
    }

    @Test
    void rolesRemoveEndsSupervisionArchivesWithoutRolesAndProtectsOnlySupervisorsAndYourself() {
        long student = fixture.student(school, 5);
        fixture.enroll(school, student, school.leeslab(), school.supervisorA(), school.supervisorB());

        GraphQlTester.Response removed = run(admin, "admin-roles-remove", Map.of("schoolId", school.schoolId(),
                "userIds", ids(school.supervisorB()), "roles", List.of("SUPERVISOR")));
        assertThat(errorCodes(removed, "rolesRemove")).isEmpty();
        assertThat(fixture.roles(school.id(), school.supervisorB())).isEmpty();
        assertThat(fixture.archived(school.id(), school.supervisorB())).as("no role left: archived").isTrue();
        assertThat(fixture.assignedProducts(school.id(), school.supervisorB())).isEmpty();
        assertThat(fixture.links(student)).containsExactly(school.leeslab() + ":" + school.supervisorA());

        String before = fixture.state(school.id());
        GraphQlTester.Response refused = run(admin, "admin-roles-remove", Map.of("schoolId", school.schoolId(),
                "userIds", ids(school.supervisorA(), school.admin()), "roles", List.of("SUPERVISOR", "ADMIN")));
        assertThat(statuses(refused, "rolesRemove")).containsExactly(school.supervisorA() + ":REFUSED:ONLY_SUPERVISOR",
                school.admin() + ":REFUSED:SELF");
        assertThat(fixture.state(school.id())).isEqualTo(before);
    }

    @Test
    void studentProductsSetSwitchesProductsAndArchivesWhenAllAreOff() {
        long student = fixture.student(school, 5);
        fixture.enroll(school, student, school.leeslab(), school.supervisorA());
        GraphQlTester.Response set = run(admin, "admin-student-products-set", Map.of("schoolId", school.schoolId(),
                "studentId", Long.toString(student), "links", List.of(link(school.spelling(), school.supervisorB()))));
        assertThat(errorCodes(set, "studentProductsSet")).isEmpty();
        assertThat(fixture.links(student)).containsExactly(school.spelling() + ":" + school.supervisorB());
        assertThat(fixture.assignedProducts(school.id(), school.supervisorB())).containsExactly(school.spelling());

        run(admin, "admin-student-products-set", Map.of("schoolId", school.schoolId(), "studentId", Long.toString(student),
                "links", List.of()));
        assertThat(fixture.links(student)).isEmpty();
        assertThat(fixture.archived(school.id(), student)).isTrue();
    }

    @Test
    void professionalRolesSetArchivesWithoutRolesAndRefusesTheOnlySupervisor() {
        long student = fixture.student(school, 5);
        fixture.enroll(school, student, school.leeslab(), school.supervisorA());
        fixture.enroll(school, student, school.spelling(), school.supervisorA(), school.supervisorB());
        String before = fixture.state(school.id());

        GraphQlTester.Response only = run(admin, "admin-professional-roles-set", Map.of("schoolId", school.schoolId(),
                "userId", Long.toString(school.supervisorA()), "roles", List.of("ADMIN")));
        assertThat(statuses(only, "professionalRolesSet")).containsExactly(school.supervisorA() + ":REFUSED:ONLY_SUPERVISOR");
        GraphQlTester.Response product = run(admin, "admin-professional-roles-set", Map.of("schoolId", school.schoolId(),
                "userId", Long.toString(school.supervisorA()), "roles", List.of("SUPERVISOR"), "productIds", ids(school.spelling())));
        assertThat(statuses(product, "professionalRolesSet")).as("dropping Leeslab leaves the student without supervisor")
                .containsExactly(school.supervisorA() + ":REFUSED:ONLY_SUPERVISOR");
        assertThat(fixture.state(school.id())).isEqualTo(before);

        Map<String, Object> grantAdmin = new HashMap<>(Map.of("schoolId", school.schoolId(),
                "userId", Long.toString(school.supervisorA()), "roles", List.of("ADMIN", "SUPERVISOR")));
        assertThat(errorCodes(run(admin, "admin-professional-roles-set", grantAdmin), "professionalRolesSet")).isEmpty();
        assertThat(fixture.roles(school.id(), school.supervisorA())).containsExactly("ADMIN", "SUPERVISOR");

        GraphQlTester.Response off = run(admin, "admin-professional-roles-set", Map.of("schoolId", school.schoolId(),
                "userId", Long.toString(school.supervisorB()), "roles", List.of()));
        assertThat(errorCodes(off, "professionalRolesSet")).isEmpty();
        assertThat(fixture.archived(school.id(), school.supervisorB())).isTrue();
        assertThat(fixture.links(student)).containsExactlyInAnyOrder(school.leeslab() + ":" + school.supervisorA(),
                school.spelling() + ":" + school.supervisorA());
    }

    @Test
    void linkingStudentsTakesTheSameNumberOfStatementsFor50And500Students() {
        int small = linkStatements(50);
        int large = linkStatements(500);
        assertThat(large).isEqualTo(small);
        // access, load, rows, present pairs, missing enrollments, seats (A5), 2 snapshots, 3 link inserts, licences taken,
        // dearchive, audit insert
        assertThat(large).isLessThanOrEqualTo(14);
    }

    private int linkStatements(int count) {
        TestSchool own = fixture.school().withAdmin().withSupervisors(2).withContracts().create();
        HttpGraphQlTester ownAdmin = Sessions.tester(port, own.adminEmail());
        List<Long> students = fixture.students(own, count, 5, true);
        Map<String, Object> input = Map.of("schoolId", own.schoolId(), "studentIds", ids(students), "links", List.of(
                Map.of("productId", Long.toString(own.leeslab()), "supervisorIds", ids(own.supervisorA(), own.supervisorB())),
                Map.of("productId", Long.toString(own.spelling()), "supervisorIds", ids(own.supervisorA(), own.supervisorB()))));
        SqlStatementCounter.reset();
        GraphQlTester.Response response = run(ownAdmin, "admin-students-link", input);
        int statements = SqlStatementCounter.count();
        assertThat(errorCodes(response, "studentsLink")).isEmpty();
        assertThat(jdbc.sql("select count(*) from enrollment_supervisor where school_id = :s").param("s", own.id())
                .query(Integer.class).single()).isEqualTo(count * 4);
        assertThat(jdbc.sql("select count(*) from audit_event where school_id = :s").param("s", own.id())
                .query(Integer.class).single()).as("one event per student and per supervisor given products").isEqualTo(count + 2);
        return statements;
    }
}
