package nl.klaspoort.contract;

import static nl.klaspoort.support.GraphQl.errorCodes;
import static nl.klaspoort.support.GraphQl.ids;
import static nl.klaspoort.support.GraphQl.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import nl.klaspoort.support.Fixtures;
import nl.klaspoort.support.Fixtures.TestSchool;
import nl.klaspoort.support.KlaspoortTest;
import nl.klaspoort.support.Sessions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/**
 * A5: an enrollment takes a licence of a running contract. Enrolling beyond the free licences is refused with the
 * numbers, in bulk all or nothing (dry run included); a product without a running contract is refused; removing a
 * product gives its licence back; an undo that would bring back more enrollments than there are licences is refused.
 * Every effect is read back through {@code Contract.licencesInUse} and {@code School.licenceUse}.
 */
@KlaspoortTest
class LicenceEnforcementTest {


    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    TestSchool school;
    HttpGraphQlTester admin;
    long contract;

    @BeforeEach
    void aSchoolWith247Of250LicencesInUse() {
        school = fixtures.school().withAdmin().withSupervisors(1).create();
        admin = Sessions.tester(port, school.adminEmail());
        contract = fixtures.contract(school.id(), school.leeslab(), "SCHOOL_WIDE", 250, fixtures.today().minusMonths(3), null);
        List<Long> enrolled = fixtures.students(school, 247, 5, false);
        enrolled.forEach(s -> fixtures.enroll(school, s, school.leeslab(), school.supervisorA()));
        fixtures.licences(contract, enrolled, fixtures.today().minusMonths(2));
    }

    @Test
    @DisplayName("A5: linking five pupils with three licences free is refused with the numbers, nothing written, also in a dry run")
    void enrollingBeyondTheSeatsIsRefused() {
        List<Long> five = fixtures.students(school, 5, 5, true);
        String before = fixtures.state(school.id());
        for (boolean dryRun : new boolean[] {true, false}) {
            GraphQlTester.Response refused = run(admin, "admin-students-link", link(five, school.leeslab(), dryRun));
            List<Map<String, Object>> errors = refused.path("studentsLink.errors").entityList(new ParameterizedTypeReference<Map<String, Object>>() {}).get();
            assertThat(errors).singleElement().satisfies(e -> {
                assertThat(e).containsEntry("code", "NOT_ENOUGH_LICENCES").containsEntry("field", "productId");
                assertThat((String) e.get("message")).startsWith("Er zijn nog 3 van de 250 licenties vrij voor Leeslab; nodig: 5.");
            });
            refused.path("studentsLink.batchId").valueIsNull();
        }
        assertThat(fixtures.state(school.id())).as("nothing changed").isEqualTo(before);
        assertThat(inUse()).isEqualTo(247);

        GraphQlTester.Response english = run(Sessions.tester(port, school.adminEmail()).mutate()
                .header("Accept-Language", "en").build(), "admin-students-link", link(five, school.leeslab(), false));
        english.path("studentsLink.errors[0].message").entity(String.class)
                .isEqualTo("Only 3 of the 250 licences for Leeslab are free; needed: 5. Nothing was changed.");
    }

    @Test
    @DisplayName("A5: linking exactly the free licences works and uses them all; pupils already linked need none")
    void enrollingUpToTheSeatsTakesThem() {
        List<Long> three = fixtures.students(school, 3, 5, true);
        assertThat(errorCodes(run(admin, "admin-students-link", link(three, school.leeslab(), false)), "studentsLink")).isEmpty();
        assertThat(inUse()).isEqualTo(250);
        assertThat(fixtures.licenceEnds(school.id(), three.getFirst())).containsExactly("LEESLAB:-");
        // the same pupils again (another supervisor) take no new licences
        long other = fixtures.professional(school.id(), "Bert", "Begeleider", nl.klaspoort.access.Role.SUPERVISOR);
        assertThat(errorCodes(run(admin, "admin-students-link", Map.of("schoolId", school.schoolId(), "studentIds", ids(three),
                "links", List.of(Map.of("productId", Long.toString(school.leeslab()), "supervisorIds", ids(other))))),
                "studentsLink")).isEmpty();
        assertThat(errorCodes(run(admin, "admin-students-link", link(fixtures.students(school, 1, 5, true), school.leeslab(), false)),
                "studentsLink")).containsExactly("NOT_ENOUGH_LICENCES");
        assertThat(admin.documentName("contracts").operationName("LicenceUse").variable("schoolId", school.schoolId()).execute()
                .path("school.licenceUse").entityList(new ParameterizedTypeReference<Map<String, Object>>() {}).get())
                .containsExactly(Map.of("product", Map.of("code", "LEESLAB"), "total", 250, "inUse", 250));
    }

    @Test
    @DisplayName("A5: a product without a running contract cannot be linked, nor given to a new pupil")
    void aProductWithoutARunningContractIsRefused() {
        fixtures.contract(school.id(), school.rekenen(), "SCHOOL_WIDE", 30, fixtures.today().minusYears(2), fixtures.today());
        List<Long> one = fixtures.students(school, 1, 5, true);
        GraphQlTester.Response refused = run(admin, "admin-students-link", link(one, school.rekenen(), false));
        assertThat(errorCodes(refused, "studentsLink")).containsExactly("NO_RUNNING_CONTRACT");
        refused.path("studentsLink.errors[0].message").entity(String.class)
                .isEqualTo("De school heeft geen lopend abonnement op Rekenroute; koppelen aan Rekenroute kan daarom niet.");

        GraphQlTester.Response created = run(admin, "admin-student-create", Map.of("schoolId", school.schoolId(),
                "firstName", "Nora", "lastName", "Nieuw", "gradeYear", 4, "productIds", ids(school.spelling()),
                "supervisorIds", ids(school.supervisorA())));
        assertThat(errorCodes(created, "studentCreate")).containsExactly("NO_RUNNING_CONTRACT");
        created.path("studentCreate.userId").valueIsNull();
    }

    @Test
    @DisplayName("A5: a new pupil takes a licence; a full contract refuses the next one")
    void creatingAPupilTakesALicence() {
        for (int i = 0; i < 3; i++) {
            assertThat(errorCodes(run(admin, "admin-student-create", newPupil("Nora" + (char) ('a' + i))), "studentCreate")).isEmpty();
        }
        assertThat(inUse()).isEqualTo(250);
        GraphQlTester.Response full = run(admin, "admin-student-create", newPupil("Noud"));
        assertThat(errorCodes(full, "studentCreate")).containsExactly("NOT_ENOUGH_LICENCES");
        full.path("studentCreate.errors[0].message").entity(String.class)
                .isEqualTo("Alle 250 licenties voor Leeslab zijn in gebruik; nodig: 1. Er is niets gewijzigd.");
    }

    @Test
    @DisplayName("A5: switching a product off gives its licence back, and an undo that needs more licences than are free is refused")
    void removingAProductGivesTheLicenceBackAndUndoNeedsSeats() {
        long pupil = fixtures.students(school, 1, 5, true).getFirst();
        run(admin, "admin-students-link", link(List.of(pupil), school.leeslab(), false));
        assertThat(inUse()).isEqualTo(248);
        fixtures.contract(school.id(), school.spelling(), "SCHOOL_WIDE", 10, fixtures.today().minusMonths(1), null);
        GraphQlTester.Response switched = run(admin, "admin-student-products-set", Map.of("schoolId", school.schoolId(),
                "studentId", Long.toString(pupil), "links", List.of(Map.of("productId", Long.toString(school.spelling()),
                        "supervisorIds", ids(school.supervisorA())))));
        assertThat(errorCodes(switched, "studentProductsSet")).isEmpty();
        assertThat(inUse()).as("Leeslab's licence given back").isEqualTo(247);
        assertThat(fixtures.licenceEnds(school.id(), pupil)).containsExactly("SPELLINGSTER:-");

        // the freed licence goes to three others, so undoing the switch would need a licence that is not free
        run(admin, "admin-students-link", link(fixtures.students(school, 3, 5, true), school.leeslab(), false));
        assertThat(inUse()).isEqualTo(250);
        GraphQlTester.Response undo = run(admin, "admin-audit-batch-undo",
                Map.of("batchId", switched.path("studentProductsSet.batchId").entity(String.class).get()));
        assertThat(errorCodes(undo, "auditBatchUndo")).containsExactly("NOT_ENOUGH_LICENCES");
        assertThat(fixtures.licenceEnds(school.id(), pupil)).containsExactly("SPELLINGSTER:-");
    }

    private Map<String, Object> newPupil(String first) {
        return Map.of("schoolId", school.schoolId(), "firstName", first, "lastName", "Nieuw", "gradeYear", 4,
                "productIds", ids(school.leeslab()), "supervisorIds", ids(school.supervisorA()));
    }

    private Map<String, Object> link(List<Long> students, long product, boolean dryRun) {
        return Map.of("schoolId", school.schoolId(), "studentIds", ids(students), "dryRun", dryRun, "links",
                List.of(Map.of("productId", Long.toString(product), "supervisorIds", ids(school.supervisorA()))));
    }

    private int inUse() {
        return admin.documentName("contracts").operationName("SchoolContracts").variable("schoolId", school.schoolId()).execute()
                .path("school.contracts.edges").entityList(new ParameterizedTypeReference<Map<String, Object>>() {}).get().stream()
                .map(e -> (Map<?, ?>) e.get("node")).filter(c -> ((Map<?, ?>) c.get("product")).get("code").equals("LEESLAB"))
                .mapToInt(c -> (Integer) c.get("licencesInUse")).sum();
    }
}
