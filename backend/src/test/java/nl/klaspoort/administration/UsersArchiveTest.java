package nl.klaspoort.administration;

import nl.klaspoort.support.Fixtures;

import nl.klaspoort.access.Role;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import nl.klaspoort.support.KlaspoortTest;
import nl.klaspoort.support.Sessions;
import nl.klaspoort.support.SqlStatementCounter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The archive (B9), {@code userIds}, the contract filter of {@code School.products} and keyset paging while the list
 * changes, each in a school of its own (the demo data stays untouched).
 */
@KlaspoortTest
class UsersArchiveTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Fixtures fixtures;

    long school;
    long admin;
    long supervisor;
    long unlinkedProfessional;
    long linkedStudent;
    long otherLinkedStudent;
    long importedStudent;
    long archivedStudent;
    HttpGraphQlTester tester;

    @BeforeEach
    void aSchoolOfItsOwn() {
        school = fixtures.school().named("Testschool Archief").create().id();
        admin = fixtures.professional(school, "Aart", "Admin", Role.ADMIN);
        supervisor = fixtures.professional(school, "Bea", "Begeleider", Role.SUPERVISOR);
        unlinkedProfessional = fixtures.professional(school, "Cor", "Zonderrol");
        linkedStudent = fixtures.student(school, "Dirk", null, "Actief", 4, null);
        otherLinkedStudent = fixtures.student(school, "Eva", "van", "Actief", 5, null);
        importedStudent = fixtures.student(school, "Fenna", null, "Geïmporteerd", 6, null);
        archivedStudent = fixtures.student(school, "Gert", null, "Gearchiveerd", 7, null);
        fixtures.enroll(school, linkedStudent, fixtures.productId("LEESLAB"), supervisor);
        fixtures.enroll(school, otherLinkedStudent, fixtures.productId("LEESLAB"), supervisor);
        fixtures.enroll(school, archivedStudent, fixtures.productId("SPELLINGSTER"), supervisor);
        fixtures.archive(school, archivedStudent);
        tester = Sessions.tester(port, fixtures.email(admin)).mutate()
                .responseTimeout(Duration.ofSeconds(30)).build();
    }

    @Test
    void theArchiveHoldsArchivedMembersAndMembersNotYetLinkedAndTheOverviewTheRest() {
        List<Map<String, Object>> archive = page(true, 50, null).path("school.archive.edges[*].node")
                .entity(new ParameterizedTypeReference<List<Map<String, Object>>>() {}).get();
        assertThat(archive).extracting(UsersArchiveTest::displayName)
                .containsExactly("Gert Gearchiveerd", "Fenna Geïmporteerd", "Cor Zonderrol");
        assertThat(archive).extracting(n -> n.get("archived")).containsExactly(true, false, false);
        assertThat(archive).extracting(n -> n.get("linked")).containsExactly(true, false, false);
        assertThat(archive.get(0).get("archivedAt")).isNotNull();
        assertThat(archive.get(1).get("archivedAt")).isNull();
        // an archived student keeps the links a dearchive restores
        assertThat(archive.get(0).get("products")).asString().contains("SPELLINGSTER");
        assertThat(archive.get(2).get("roles")).isEqualTo(List.of());
        page(true, 50, null).path("school.archive.totalCount").entity(Integer.class).isEqualTo(3);

        page(false, 50, null).path("school.users.edges[*].node.user.displayName").entityList(String.class)
                .containsExactly("Dirk Actief", "Eva van Actief", "Aart Admin", "Bea Begeleider")
                .path("school.users.totalCount").entity(Integer.class).isEqualTo(4);

        // filters work on the archive too
        tester.documentName("users-full").variable("schoolId", school).variable("first", 10).variable("archive", true)
                .variable("filter", Map.of("kind", "STUDENT", "search", "geimporteerd")).execute()
                .path("school.archive.edges[*].node.user.displayName").entityList(String.class)
                .containsExactly("Fenna Geïmporteerd");
    }

    @Test
    void userIdsSelectsEveryMatchOfTheOverviewOrTheArchive() {
        ids(Map.of(), false).containsExactly(id(linkedStudent), id(otherLinkedStudent), id(admin), id(supervisor));
        ids(Map.of(), true).containsExactly(id(archivedStudent), id(importedStudent), id(unlinkedProfessional));
        ids(Map.of("kind", "STUDENT"), false).containsExactly(id(linkedStudent), id(otherLinkedStudent));
        ids(Map.of("supervisorId", id(supervisor)), false).containsExactly(id(linkedStudent), id(otherLinkedStudent));
        ids(Map.of("gradeYears", List.of(5, 7)), true).containsExactly(id(archivedStudent));
        ids(Map.of("search", "van actief"), false).containsExactly(id(otherLinkedStudent));
    }

    @Test
    void userIdsRefusesMoreThanFiveThousandMatches() {
        jdbc.sql("""
                with s as (
                  insert into app_user (id, kind, first_name, last_name, username, school_id, grade_year)
                  select nextval('app_user_seq'), 'STUDENT', 'Leerling', 'Nummer ' || n, 'many-' || :school || '-' || n, :school, 3
                    from generate_series(1, 5001) n
                  returning id)
                insert into school_member (school_id, user_id) select :school, id from s
                """).param("school", school).update();
        tester.mutate().header(HttpHeaders.ACCEPT_LANGUAGE, "en").build()
                .documentName("users-ids").variable("schoolId", school).variable("archived", true).execute()
                .errors().expect(e -> e.getErrorType() == ErrorType.BAD_REQUEST
                        && e.getMessage().equals("More than 5000 users match; narrow the filter")).verify()
                .path("school").valueIsNull();
        tester.documentName("users-ids").variable("schoolId", school).variable("archived", true)
                .variable("filter", Map.of("search", "nummer 4999")).execute()
                .path("school.userIds").entityList(String.class).hasSize(1);
    }

    @Test
    void theNextPageContinuesAfterTheCursorEvenWhenThatUserWasArchivedMeanwhile() {
        GraphQlTester.Response first = page(false, 2, null);
        first.path("school.users.edges[*].node.id").entityList(String.class)
                .containsExactly(id(linkedStudent), id(otherLinkedStudent));
        String after = first.path("school.users.pageInfo.endCursor").entity(String.class).get();
        fixtures.archive(school, otherLinkedStudent);
        page(false, 2, after).path("school.users.edges[*].node.id").entityList(String.class)
                .containsExactly(id(admin), id(supervisor))
                .path("school.users.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(false);
    }

    @Test
    void theArchivePageAlsoTakesAConstantNumberOfStatements() {
        for (int i = 0; i < 12; i++) {
            fixtures.archive(school, fixtures.student(school, "Extra", null, "Leerling " + i, 3, null));
        }
        SqlStatementCounter.reset();
        page(true, 2, null).path("school.archive.edges").entityList(Object.class).hasSize(2);
        int two = SqlStatementCounter.count();
        SqlStatementCounter.reset();
        page(true, 15, null).path("school.archive.edges").entityList(Object.class).hasSize(15);
        assertThat(SqlStatementCounter.count()).isEqualTo(two).isEqualTo(13);
    }

    @Test
    void productsAreTheRunningContractsOnly() {
        contract("LEESLAB", "current_date - 30", "null");
        contract("SPELLINGSTER", "current_date + 30", "null"); // not started
        contract("REKENROUTE", "current_date - 400", "current_date - 35"); // ended
        contract("LEESLAB", "current_date - 400", "current_date - 35"); // an old one next to the running one
        tester.documentName("users").operationName("SchoolPickers").variable("schoolId", school).execute()
                .path("school.products[*].name").entityList(String.class).containsExactly("Leeslab")
                .path("school.supervisors[*].displayName").entityList(String.class).containsExactly("Bea Begeleider");
    }

    private void contract(String product, String start, String end) {
        jdbc.sql("""
                insert into contract (id, school_id, product_id, kind, name, seats, start_date, renewal_date, end_date)
                values (nextval('contract_seq'), :school, (select id from product where code = :code), 'SCHOOL_WIDE', 'Test',
                        10, %s, %s + 365, %s)
                """.formatted(start, start, end)).param("school", school).param("code", product).update();
    }

    private GraphQlTester.Response page(boolean archive, int first, String after) {
        return tester.documentName("users-full").variable("schoolId", school).variable("first", first)
                .variable("after", after).variable("archive", archive).execute();
    }

    private GraphQlTester.EntityList<String> ids(Map<String, Object> filter,
            boolean archived) {
        return tester.documentName("users-ids").variable("schoolId", school).variable("filter", filter)
                .variable("archived", archived).execute().path("school.userIds").entityList(String.class);
    }

    private static String id(long id) {
        return Long.toString(id);
    }

    @SuppressWarnings("unchecked")
    private static Object displayName(Map<String, Object> node) {
        return ((Map<String, Object>) node.get("user")).get("displayName");
    }
}
