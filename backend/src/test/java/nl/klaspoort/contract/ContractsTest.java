package nl.klaspoort.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import nl.klaspoort.support.Fixtures;
import nl.klaspoort.support.Fixtures.TestSchool;
import nl.klaspoort.support.KlaspoortTest;
import nl.klaspoort.support.Sessions;
import nl.klaspoort.support.SqlStatementCounter;
import nl.klaspoort.support.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/**
 * Abonnementen (A1-A4) through GraphQL, on a school of the test's own on 2 December 2026 (Amsterdam): the list with its
 * statuses and licence counts, ending a contract and cancelling that (and the audit log that shows it), ending one
 * pupil's licence at once on a school-wide contract and at its renewal on a per-student contract, and who may do what.
 */
@KlaspoortTest
class ContractsTest {

    private static final ParameterizedTypeReference<Map<String, Object>> OBJECT = new ParameterizedTypeReference<>() {};
    private static final LocalDate TODAY = LocalDate.parse("2026-12-02");

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    TestClock clock;

    TestSchool school;
    HttpGraphQlTester admin;
    long schoolWide;
    long perStudent;
    long ended;
    long sanne;
    long daan;
    long emma;

    @BeforeEach
    void aSchoolWithAContractOfEachKindAndStatus() {
        clock.moveToAmsterdam("2026-12-02T09:00");
        school = fixtures.school().withAdmin().withSupervisors(1).create();
        admin = Sessions.tester(port, school.adminEmail());
        schoolWide = fixtures.contract(school.id(), school.leeslab(), "SCHOOL_WIDE", 60, LocalDate.parse("2025-08-01"), null);
        perStudent = fixtures.contract(school.id(), school.spelling(), "PER_STUDENT", 25, LocalDate.parse("2024-08-01"), null);
        ended = fixtures.contract(school.id(), school.rekenen(), "SCHOOL_WIDE", 30, LocalDate.parse("2024-08-01"),
                LocalDate.parse("2026-08-01"));
        sanne = fixtures.student(school.id(), "Sanne", "de", "Jong", 5, "5A");
        daan = fixtures.student(school.id(), "Daan", null, "Jansen", 5, "5A");
        emma = fixtures.student(school.id(), "Emma", "de", "Vries", 6, "6B");
        fixtures.licence(schoolWide, sanne, LocalDate.parse("2025-09-01"), null);
        fixtures.licence(schoolWide, daan, LocalDate.parse("2025-09-01"), null);
        fixtures.licence(perStudent, sanne, LocalDate.parse("2026-03-15"), null);
        fixtures.licence(ended, emma, LocalDate.parse("2025-01-10"), null);
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }


    @Test
    @DisplayName("A1: product, kind, licences in use of total, start, status Actief / Eindigt op / Beëindigd sinds, by product name")
    void theListShowsEveryContractWithItsStatus() {
        List<Map<String, Object>> contracts = contracts(admin, null).path("school.contracts.edges[*].node").entityList(OBJECT).get();
        assertThat(contracts).extracting(c -> (Object) ((Map<?, ?>) c.get("product")).get("code"))
                .containsExactly("LEESLAB", "REKENROUTE", "SPELLINGSTER");
        assertThat(contracts.get(0)).containsEntry("kind", "SCHOOL_WIDE").containsEntry("seats", 60)
                .containsEntry("licencesInUse", 2).containsEntry("startDate", "2025-08-01").containsEntry("status", "ACTIVE")
                .containsEntry("renewalDate", "2027-08-01").containsEntry("endDate", null).containsEntry("endingCancellable", false);
        assertThat(contracts.get(1)).as("ended since 1 August: its licence no longer counts").containsEntry("status", "ENDED")
                .containsEntry("endDate", "2026-08-01").containsEntry("renewalDate", null).containsEntry("licencesInUse", 0)
                .containsEntry("endingCancellable", false);
        assertThat(contracts.get(2)).containsEntry("kind", "PER_STUDENT").containsEntry("licencesInUse", 1)
                .containsEntry("renewalDate", "2027-08-01");

        assertThat(contracts(admin, true).path("school.contracts.edges[*].node.product.code").entityList(String.class).get())
                .as("the dashboard's running contracts").containsExactly("LEESLAB", "SPELLINGSTER");
    }

    @Test
    @DisplayName("A1: pages of contracts follow each other by cursor, in a constant number of statements")
    void contractsArePagedInAConstantNumberOfStatements() {
        SqlStatementCounter.reset();
        GraphQlTester.Response first = admin.documentName("contracts").operationName("SchoolContracts")
                .variable("schoolId", school.schoolId()).variable("first", 1).execute();
        int one = SqlStatementCounter.count();
        first.path("school.contracts.edges[*].node.product.code").entityList(String.class).containsExactly("LEESLAB");
        first.path("school.contracts.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(true);
        String cursor = first.path("school.contracts.pageInfo.endCursor").entity(String.class).get();
        admin.documentName("contracts").operationName("SchoolContracts").variable("schoolId", school.schoolId())
                .variable("first", 5).variable("after", cursor).execute()
                .path("school.contracts.edges[*].node.product.code").entityList(String.class).containsExactly("REKENROUTE", "SPELLINGSTER");
        SqlStatementCounter.reset();
        contracts(admin, null);
        assertThat(SqlStatementCounter.count()).as("school, roles, page, products").isEqualTo(one).isLessThanOrEqualTo(5);
    }

    @Test
    @DisplayName("A2: ending makes the renewal date the end date ('Eindigt op'); cancelling restores the renewal; both in the audit log")
    void endAndCancelTheEnding() {
        Map<String, Object> ending = mutation("ContractEnd", "contractEnd", Map.of("contractId", Long.toString(schoolWide)));
        assertThat(ending).containsEntry("status", "ENDING").containsEntry("endDate", "2027-08-01")
                .containsEntry("renewalDate", null).containsEntry("endingCancellable", true);
        assertThat(licences(schoolWide)).extracting(l -> l.get("status"), l -> l.get("endDate"))
                .as("its licences stop on the end date too").containsOnly(org.assertj.core.groups.Tuple.tuple("ENDING", "2027-08-01"));
        assertThat(mutation("ContractEnd", "contractEnd", Map.of("contractId", Long.toString(schoolWide))))
                .as("ending twice changes nothing").containsEntry("endDate", "2027-08-01");

        Map<String, Object> renewing = mutation("ContractEndCancel", "contractEndCancel", Map.of("contractId", Long.toString(schoolWide)));
        assertThat(renewing).containsEntry("status", "ACTIVE").containsEntry("endDate", null).containsEntry("renewalDate", "2027-08-01");

        List<Map<String, Object>> events = admin.documentName("admin-audit-events").variable("schoolId", school.schoolId())
                .variable("first", 10).execute().path("school.auditEvents.edges[*].node").entityList(OBJECT).get();
        assertThat(events).extracting(e -> e.get("action")).containsExactly("CONTRACT_END_CANCEL", "CONTRACT_END");
        assertThat(events.get(1)).containsEntry("targetType", "CONTRACT").containsEntry("targetName", "Fixture school_wide 60")
                .containsEntry("actorName", "Adam Admin");
        assertThat(events.get(1).get("after").toString()).contains("\"endDate\": \"2027-08-01\"");
    }

    @Test
    @DisplayName("A2: an ending can be cancelled up to the day before the end date, not on it (end date today) nor after (yesterday)")
    void theEndingCannotBeCancelledOnceTheEndDateHasCome() {
        mutation("ContractEnd", "contractEnd", Map.of("contractId", Long.toString(schoolWide)));
        clock.moveToAmsterdam("2027-07-31T23:59");
        assertThat(contract(schoolWide)).containsEntry("status", "ENDING").containsEntry("endingCancellable", true);
        clock.moveToAmsterdam("2027-08-01T00:00");
        assertThat(contract(schoolWide)).as("end date today").containsEntry("status", "ENDED").containsEntry("licencesInUse", 0);
        assertThat(errors("ContractEndCancel", "contractEndCancel", Map.of("contractId", Long.toString(schoolWide))))
                .containsExactly("ENDING_PASSED:2027-08-01");
        clock.moveToAmsterdam("2027-08-02T12:00");
        assertThat(errors("ContractEndCancel", "contractEndCancel", Map.of("contractId", Long.toString(schoolWide))))
                .as("end date yesterday").containsExactly("ENDING_PASSED:2027-08-01");
        assertThat(errors("ContractEnd", "contractEnd", Map.of("contractId", Long.toString(schoolWide))))
                .containsExactly("CONTRACT_ENDED:2027-08-01");
        assertThat(contract(schoolWide)).containsEntry("endDate", "2027-08-01");
    }

    @Test
    @DisplayName("A3: a pupil's licence of a school-wide contract ends at once and counts again when the ending is cancelled")
    void endOnePupilsLicenceAtOnce() {
        String licence = licenceOf(schoolWide, "Sanne de Jong");
        Map<String, Object> stopped = mutation("LicenceEnd", "licenceEnd", Map.of("licenceId", licence));
        assertThat(stopped).containsEntry("status", "ENDED").containsEntry("endDate", "2026-12-02")
                .containsEntry("renewalDate", null).containsEntry("endingCancellable", true);
        assertThat(contract(schoolWide)).containsEntry("licencesInUse", 1);

        Map<String, Object> back = mutation("LicenceEndCancel", "licenceEndCancel", Map.of("licenceId", licence));
        assertThat(back).containsEntry("status", "ACTIVE").containsEntry("endDate", null);
        assertThat(contract(schoolWide)).containsEntry("licencesInUse", 2);

        List<Map<String, Object>> events = admin.documentName("admin-audit-events").variable("schoolId", school.schoolId())
                .variable("first", 10).execute().path("school.auditEvents.edges[*].node").entityList(OBJECT).get();
        assertThat(events).extracting(e -> e.get("action"), e -> e.get("targetName"))
                .containsExactly(org.assertj.core.groups.Tuple.tuple("LICENCE_END_CANCEL", "Sanne de Jong"),
                        org.assertj.core.groups.Tuple.tuple("LICENCE_END", "Sanne de Jong"));
    }

    @Test
    @DisplayName("A3: a stopped licence comes back only while a licence is free")
    void aStoppedLicenceComesBackOnlyWhenALicenceIsFree() {
        String licence = licenceOf(schoolWide, "Sanne de Jong");
        mutation("LicenceEnd", "licenceEnd", Map.of("licenceId", licence));
        fixtures.licences(schoolWide, fixtures.students(school, 59, 4, false), TODAY); // Sanne's seat is taken meanwhile
        assertThat(contract(schoolWide)).containsEntry("licencesInUse", 60);
        assertThat(errors("LicenceEndCancel", "licenceEndCancel", Map.of("licenceId", licence)))
                .containsExactly("NOT_ENOUGH_LICENCES:0/60 needed 1");
        assertThat(contract(schoolWide)).containsEntry("licencesInUse", 60);
    }

    @Test
    @DisplayName("A4: a per-student licence stops renewing: it ends at its own yearly renewal, and that can be cancelled until then")
    void stopTheRenewalOfAPerStudentLicence() {
        String licence = licenceOf(perStudent, "Sanne de Jong");
        assertThat(licences(perStudent).getFirst()).containsEntry("renewalDate", "2027-03-15");
        Map<String, Object> ending = mutation("LicenceEnd", "licenceEnd", Map.of("licenceId", licence));
        assertThat(ending).containsEntry("status", "ENDING").containsEntry("endDate", "2027-03-15")
                .containsEntry("renewalDate", null).containsEntry("endingCancellable", true);
        assertThat(contract(perStudent)).as("still valid until then").containsEntry("licencesInUse", 1);

        assertThat(mutation("LicenceEndCancel", "licenceEndCancel", Map.of("licenceId", licence)))
                .containsEntry("status", "ACTIVE").containsEntry("renewalDate", "2027-03-15");

        mutation("LicenceEnd", "licenceEnd", Map.of("licenceId", licence));
        clock.moveToAmsterdam("2027-03-15T00:00");
        assertThat(licences(perStudent).getFirst()).containsEntry("status", "ENDED").containsEntry("endingCancellable", false);
        assertThat(errors("LicenceEndCancel", "licenceEndCancel", Map.of("licenceId", licence)))
                .containsExactly("ENDING_PASSED:2027-03-15");
    }

    @Test
    @DisplayName("A3: the licences of a contract by the pupils' last names, searchable and paged; those of an ended contract read ended")
    void licencesByNameSearchableAndPaged() {
        GraphQlTester.Response page = admin.documentName("contracts").operationName("ContractLicences")
                .variable("schoolId", school.schoolId()).variable("contractId", Long.toString(schoolWide)).variable("first", 1).execute();
        page.path("school.contract.licences.edges[*].node.student.displayName").entityList(String.class).containsExactly("Daan Jansen");
        String cursor = page.path("school.contract.licences.pageInfo.endCursor").entity(String.class).get();
        admin.documentName("contracts").operationName("ContractLicences").variable("schoolId", school.schoolId())
                .variable("contractId", Long.toString(schoolWide)).variable("after", cursor).execute()
                .path("school.contract.licences.edges[*].node.student.displayName").entityList(String.class).containsExactly("Sanne de Jong");
        admin.documentName("contracts").operationName("ContractLicences").variable("schoolId", school.schoolId())
                .variable("contractId", Long.toString(schoolWide)).variable("search", "jansen").execute()
                .path("school.contract.licences.edges[*].node.student.displayName").entityList(String.class).containsExactly("Daan Jansen");
        assertThat(licences(ended)).extracting(l -> l.get("status"), l -> l.get("endDate"))
                .containsExactly(org.assertj.core.groups.Tuple.tuple("ENDED", "2026-08-01"));
        assertThat(errors("LicenceEnd", "licenceEnd", Map.of("licenceId", licenceOf(ended, "Emma de Vries"))))
                .containsExactly("CONTRACT_ENDED:2026-08-01");
    }

    @Test
    @DisplayName("A1-A4: supervisors see the contracts but not who holds the licences and change nothing; other schools and pupils see nothing")
    void whoMayDoWhat() {
        HttpGraphQlTester supervisor = Sessions.tester(port, fixtures.email(school.supervisorA()));
        contracts(supervisor, null).path("school.contracts.edges").entityList(Object.class).hasSize(3);
        supervisor.documentName("contracts").operationName("ContractLicences").variable("schoolId", school.schoolId())
                .variable("contractId", Long.toString(schoolWide)).execute()
                .errors().expect(e -> "FORBIDDEN".equals(e.getExtensions().get("code"))).verify();
        supervisor.documentName("contracts").operationName("ContractEnd")
                .variable("input", Map.of("contractId", Long.toString(schoolWide))).execute()
                .errors().expect(e -> "FORBIDDEN".equals(e.getExtensions().get("code"))).verify();

        TestSchool other = fixtures.school().withAdmin().create();
        HttpGraphQlTester otherAdmin = Sessions.tester(port, other.adminEmail());
        assertThat(otherAdmin.documentName("contracts").operationName("ContractEnd")
                .variable("input", Map.of("contractId", Long.toString(schoolWide))).execute()
                .path("contractEnd.errors[*].code").entityList(String.class).get()).containsExactly("NOT_FOUND");
        assertThat(otherAdmin.documentName("contracts").operationName("LicenceEnd")
                .variable("input", Map.of("licenceId", licenceOf(schoolWide, "Sanne de Jong"))).execute()
                .path("licenceEnd.errors[*].code").entityList(String.class).get()).containsExactly("NOT_FOUND");
        otherAdmin.documentName("contracts").operationName("ContractLicences").variable("schoolId", other.schoolId())
                .variable("contractId", Long.toString(schoolWide)).execute().path("school.contract").valueIsNull();
        assertThat(contract(schoolWide)).as("nothing changed").containsEntry("status", "ACTIVE");

        HttpGraphQlTester pupil = Sessions.tester(port, fixtures.username(sanne));
        contracts(pupil, null).errors().expect(e -> "FORBIDDEN".equals(e.getExtensions().get("code"))).verify();
        pupil.documentName("contracts").operationName("LicenceUse").variable("schoolId", school.schoolId()).execute()
                .errors().expect(e -> "FORBIDDEN".equals(e.getExtensions().get("code"))).verify();
    }

    // ---- helpers

    private GraphQlTester.Response contracts(HttpGraphQlTester tester, Boolean running) {
        return tester.documentName("contracts").operationName("SchoolContracts").variable("schoolId", school.schoolId())
                .variable("running", running).execute();
    }

    private Map<String, Object> contract(long id) {
        return admin.documentName("contracts").operationName("ContractLicences").variable("schoolId", school.schoolId())
                .variable("contractId", Long.toString(id)).execute().path("school.contract").entity(OBJECT).get();
    }

    private List<Map<String, Object>> licences(long contract) {
        return admin.documentName("contracts").operationName("ContractLicences").variable("schoolId", school.schoolId())
                .variable("contractId", Long.toString(contract)).execute()
                .path("school.contract.licences.edges[*].node").entityList(OBJECT).get();
    }

    private String licenceOf(long contract, String name) {
        return licences(contract).stream().filter(l -> name.equals(((Map<?, ?>) l.get("student")).get("displayName")))
                .map(l -> (String) l.get("id")).findFirst().orElseThrow();
    }

    /** Runs the mutation; expects no errors and returns the contract or licence it answers. */
    private Map<String, Object> mutation(String operation, String field, Map<String, Object> input) {
        GraphQlTester.Response response = admin.documentName("contracts").operationName(operation).variable("input", input).execute();
        response.path(field + ".errors").entityList(Object.class).hasSize(0);
        return response.path(field + (field.startsWith("licence") ? ".licence" : ".contract")).entity(OBJECT).get();
    }

    /** The payload's errors as "CODE:date" or "CODE:free/seats needed n". */
    private List<String> errors(String operation, String field, Map<String, Object> input) {
        List<Map<String, Object>> errors = admin.documentName("contracts").operationName(operation).variable("input", input)
                .execute().path(field + ".errors").entityList(OBJECT).get();
        return errors.stream().map(e -> {
            @SuppressWarnings("unchecked")
            Map<String, String> params = new java.util.HashMap<>();
            ((List<Map<String, String>>) e.get("params")).forEach(p -> params.put(p.get("name"), p.get("value")));
            return e.get("code") + ":" + (params.containsKey("date") ? params.get("date")
                    : params.get("free") + "/" + params.get("seats") + " needed " + params.get("needed"));
        }).toList();
    }
}
