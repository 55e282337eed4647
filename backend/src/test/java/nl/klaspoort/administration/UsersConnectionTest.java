package nl.klaspoort.administration;

import nl.klaspoort.support.Fixtures;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToIntFunction;
import nl.klaspoort.support.KlaspoortTest;
import nl.klaspoort.support.Sessions;
import nl.klaspoort.support.SqlStatementCounter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@code School.users} (B3) over GraphQL on the demo data of OBS De Regenboog (28 active students, 4 professionals):
 * each filter, search, each sort in both directions, keyset paging, page size limits and the SQL statement count.
 */
@KlaspoortTest
class UsersConnectionTest {

    private static final ParameterizedTypeReference<List<Map<String, Object>>> ROWS = new ParameterizedTypeReference<>() {};

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Fixtures fixtures;

    HttpGraphQlTester admin;
    String regenboog;

    @BeforeEach
    void signIn() {
        admin = Sessions.tester(port, Sessions.ADMIN_REGENBOOG).mutate().responseTimeout(Duration.ofSeconds(30)).build();
        regenboog = String.valueOf(fixtures.schoolId("12AB"));
    }

    @Test
    void theFrontendsOverviewQueryListsActiveStudentsAndProfessionalsTogether() {
        GraphQlTester.Response response = admin.documentName("users").operationName("SchoolUsers")
                .variable("schoolId", regenboog).variable("first", 50).variable("archived", false).variable("withTotal", true).execute();
        response.path("school.active.totalCount").entity(Integer.class).isEqualTo(32)
                .path("school.active.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(false)
                .path("school.active.edges[*].node.archived").entityList(Boolean.class).satisfies(a -> assertThat(a).containsOnly(false));
        List<Map<String, Object>> users = response.path("school.active.edges[*].node.user").entity(ROWS).get();
        assertThat(users).hasSize(32);
        assertThat(users).filteredOn(u -> u.get("__typename").equals("Student")).hasSize(28);
        assertThat(users).extracting(u -> u.get("displayName"))
                .contains("Mirjam Kramer", "Peter van Dam", "Ingrid de Wit", "Karin Smeets", "Sanne de Jong")
                .doesNotContain("Nina Hendriks", "Teun de Graaf"); // archived
        // the first by name: Bakker < Berg < Boer < ...
        response.path("school.active.edges[0].node.user.displayName").entity(String.class).isEqualTo("Lucas Bakker");
    }

    @Test
    void totalCountIsOnlyCountedWhenSelected() {
        SqlStatementCounter.reset();
        admin.documentName("users").operationName("SchoolUsers").variable("schoolId", regenboog).variable("first", 5)
                .variable("archived", false).variable("withTotal", false).execute()
                .path("school.active.edges").entityList(Object.class).hasSize(5);
        int without = SqlStatementCounter.count();
        SqlStatementCounter.reset();
        admin.documentName("users").operationName("SchoolUsers").variable("schoolId", regenboog).variable("first", 5)
                .variable("archived", false).variable("withTotal", true).execute()
                .path("school.active.totalCount").entity(Integer.class).isEqualTo(32);
        assertThat(SqlStatementCounter.count()).isEqualTo(without + 1);
    }

    @Test
    void theStatementCountOfAPageWithEveryNestedFieldDoesNotGrowWithThePageSize() {
        SqlStatementCounter.reset();
        full(10, null, Map.of()).path("school.users.edges").entityList(Object.class).hasSize(10);
        int ten = SqlStatementCounter.count();
        SqlStatementCounter.reset();
        full(50, null, Map.of()).path("school.users.edges").entityList(Object.class).hasSize(32);
        int fifty = SqlStatementCounter.count();
        // the caller's roles (once per request, issue 16), school, users (page, total), then one per nested field:
        // user, activationPending, products, supervisors, students, enrollments, enrollment product, student and
        // supervisors
        assertThat(ten).isEqualTo(13);
        assertThat(fifty).isEqualTo(ten);
    }

    @Test
    void nestedFieldsShowRolesProductsSupervisorsStudentsAndEnrollments() {
        List<Map<String, Object>> nodes = full(50, null, Map.of()).path("school.users.edges[*].node").entity(ROWS).get();
        Map<String, Object> sanne = byName(nodes, "Sanne de Jong");
        assertThat(sanne.get("roles")).isEqualTo(List.of("STUDENT"));
        assertThat(sanne.get("linked")).isEqualTo(true);
        assertThat(codes(sanne.get("products"))).containsExactly("LEESLAB", "SPELLINGSTER");
        assertThat(names(sanne.get("supervisors"))).containsExactly("Peter van Dam", "Karin Smeets");
        assertThat(names(sanne.get("students"))).isEmpty();
        List<Map<String, Object>> enrollments = list(sanne.get("enrollments"));
        assertThat(enrollments).extracting(e -> (Object) ((Map<?, ?>) e.get("product")).get("code"))
                .containsExactly("LEESLAB", "SPELLINGSTER");
        assertThat(names(enrollments.get(0).get("supervisors"))).containsExactly("Peter van Dam", "Karin Smeets");
        assertThat(names(enrollments.get(1).get("supervisors"))).containsExactly("Peter van Dam");
        assertThat(((Map<?, ?>) enrollments.get(0).get("student")).get("id")).isEqualTo(sanne.get("id"));

        Map<String, Object> director = byName(nodes, "Ingrid de Wit");
        assertThat(director.get("roles")).isEqualTo(List.of("ADMIN", "SUPERVISOR"));
        assertThat(codes(director.get("products"))).containsExactly("LEESLAB");
        assertThat(list(director.get("enrollments"))).isEmpty();
        assertThat(names(director.get("students"))).isEmpty();

        Map<String, Object> ib = byName(nodes, "Karin Smeets");
        assertThat(ib.get("roles")).isEqualTo(List.of("SUPERVISOR"));
        assertThat(codes(ib.get("products"))).containsExactly("LEESLAB", "SPELLINGSTER");
        // every third student (i % 3 == 0) of the 28 active: 10
        assertThat(names(ib.get("students"))).hasSize(10).contains("Sanne de Jong");
        assertThat(names(byName(nodes, "Peter van Dam").get("students"))).hasSize(28);
        assertThat(byName(nodes, "Mirjam Kramer").get("roles")).isEqualTo(List.of("ADMIN"));
    }

    @Test
    void filtersOnKindRoleProductSupervisorAndGradeYears() {
        assertThat(names(Map.of("kind", "PROFESSIONAL")))
                .containsExactly("Peter van Dam", "Mirjam Kramer", "Karin Smeets", "Ingrid de Wit");
        assertThat(names(Map.of("kind", "STUDENT"))).hasSize(28);
        assertThat(names(Map.of("role", "ADMIN"))).containsExactly("Mirjam Kramer", "Ingrid de Wit");
        assertThat(names(Map.of("role", "SUPERVISOR"))).containsExactly("Peter van Dam", "Karin Smeets", "Ingrid de Wit");
        assertThat(names(Map.of("role", "STUDENT"))).hasSize(28);
        assertThat(names(Map.of("role", "STUDENT", "kind", "PROFESSIONAL"))).isEmpty();

        String spelling = String.valueOf(fixtures.productId("SPELLINGSTER"));
        // even i of the 28 active students (0..27): 14, plus the supervisors assigned to Spellingster
        List<String> spellers = names(Map.of("productId", spelling));
        assertThat(spellers).hasSize(16).contains("Sanne de Jong", "Peter van Dam", "Karin Smeets")
                .doesNotContain("Ingrid de Wit");
        assertThat(names(Map.of("productId", spelling, "kind", "STUDENT"))).hasSize(14);
        assertThat(names(Map.of("productId", String.valueOf(fixtures.productId("REKENROUTE"))))).isEmpty();

        String ib = String.valueOf(fixtures.userId("ib@demo.klaspoort.nl"));
        assertThat(names(Map.of("supervisorId", ib))).hasSize(10).contains("Sanne de Jong");
        assertThat(names(Map.of("supervisorId", ib, "productId", spelling))).hasSize(5);

        // grade years 3..8 by i % 6: 28 active students, i = 0..27
        assertThat(names(Map.of("gradeYears", List.of(3)))).hasSize(5);
        assertThat(names(Map.of("gradeYears", List.of(3, 8)))).hasSize(9);
        assertThat(names(Map.of("gradeYears", List.of(1, 2)))).isEmpty();
        assertThat(names(Map.of("gradeYears", List.of()))).hasSize(32);
    }

    @Test
    void searchIgnoresCaseAndAccentsAndNeedsEveryWord() {
        assertThat(names(Map.of("search", "jong"))).containsExactly("Sanne de Jong");
        assertThat(names(Map.of("search", "sanne de jong"))).containsExactly("Sanne de Jong");
        assertThat(names(Map.of("search", "  SANNE   Jong "))).containsExactly("Sanne de Jong");
        assertThat(names(Map.of("search", "sanne jansen"))).isEmpty();
        assertThat(names(Map.of("search", "zoe"))).containsExactly("Zoë Kok");
        assertThat(names(Map.of("search", "ZOË KOK"))).containsExactly("Zoë Kok");
        assertThat(names(Map.of("search", "sanne.dejong"))).containsExactly("Sanne de Jong");
        assertThat(names(Map.of("search", "beheerder@demo"))).containsExactly("Mirjam Kramer");
        assertThat(names(Map.of("search", "coördinator"))).isEmpty(); // the function is not searched
        // each word anywhere: "der" also occurs in Peter van Dam's e-mail address begeleider@...
        assertThat(names(Map.of("search", "van der")))
                .containsExactly("Peter van Dam", "Luuk van der Linden", "Lotte van der Meer");
        assertThat(names(Map.of("search", "van", "kind", "PROFESSIONAL"))).containsExactly("Peter van Dam");
        assertThat(names(Map.of("search", "   "))).hasSize(32);
    }

    @ParameterizedTest
    @CsvSource({"NAME, ASC", "NAME, DESC", "GRADE_YEAR, ASC", "GRADE_YEAR, DESC", "ROLE, ASC", "ROLE, DESC"})
    void sortsInBothDirectionsAndPagesWithoutDuplicatesOrGaps(String field, String direction) {
        Map<String, Object> sort = Map.of("field", field, "direction", direction);
        List<Map<String, Object>> all = full(100, null, sort).path("school.users.edges[*].node").entity(ROWS).get();
        assertThat(all).hasSize(32);

        Comparator<Map<String, Object>> byName = Comparator.comparing((Map<String, Object> n) -> norm(user(n).get("lastName")))
                .thenComparing(n -> norm(user(n).get("firstName")))
                .thenComparing(n -> Long.parseLong((String) n.get("id")));
        boolean desc = direction.equals("DESC");
        ToIntFunction<Map<String, Object>> key = switch (field) {
            case "GRADE_YEAR" -> n -> user(n).get("gradeYear") == null ? 99 : (desc ? -1 : 1) * (Integer) user(n).get("gradeYear");
            case "ROLE" -> n -> (desc ? -1 : 1) * roleRank(n);
            default -> n -> 0;
        };
        Comparator<Map<String, Object>> expected = Comparator.comparingInt(key)
                .thenComparing(field.equals("NAME") && desc ? byName.reversed() : byName);
        assertThat(all).isSortedAccordingTo(expected);
        if (field.equals("GRADE_YEAR")) {
            assertThat(all.subList(28, 32)).allMatch(n -> user(n).get("__typename").equals("Professional"));
        }
        if (field.equals("ROLE")) {
            assertThat(user(all.get(desc ? 31 : 0)).get("displayName")).isIn("Mirjam Kramer", "Ingrid de Wit");
        }

        // the same list in pages of 7, following endCursor
        List<Object> paged = new ArrayList<>();
        String after = null;
        for (int page = 0; page < 10; page++) {
            GraphQlTester.Response response = full(7, after, sort);
            paged.addAll(response.path("school.users.edges[*].node.id").entityList(Object.class).get());
            response.path("school.users.pageInfo.hasPreviousPage").entity(Boolean.class).isEqualTo(after != null);
            if (!response.path("school.users.pageInfo.hasNextPage").entity(Boolean.class).get()) {
                break;
            }
            after = response.path("school.users.pageInfo.endCursor").entity(String.class).get();
        }
        assertThat(paged).hasSize(32).doesNotHaveDuplicates()
                .containsExactlyElementsOf(all.stream().map(n -> n.get("id")).toList());
    }

    @Test
    void aSecondPageContinuesExactlyAfterTheFirst() {
        List<Object> firstPage = full(5, null, Map.of()).path("school.users.edges[*].node.id").entityList(Object.class).get();
        String after = full(5, null, Map.of()).path("school.users.pageInfo.endCursor").entity(String.class).get();
        List<Object> secondPage = full(5, after, Map.of("field", "NAME", "direction", "ASC"))
                .path("school.users.edges[*].node.id").entityList(Object.class).get();
        List<Object> tenFirst = full(10, null, Map.of()).path("school.users.edges[*].node.id").entityList(Object.class).get();
        assertThat(new ArrayList<>(firstPage) {{ addAll(secondPage); }}).isEqualTo(tenFirst);
        assertThat(new HashSet<>(secondPage)).doesNotContainAnyElementsOf(firstPage);
    }

    @Test
    void refusesAPageSizeOutsideOneToAHundredAndBadCursorsOrFilters() {
        refused(101, null, Map.of(), Map.of(), "first must be between 1 and 100, was 101");
        refused(0, null, Map.of(), Map.of(), "first must be between 1 and 100, was 0");
        refused(10, "not-a-cursor!", Map.of(), Map.of(), "after is not a valid cursor");
        String nameCursor = full(3, null, Map.of()).path("school.users.pageInfo.endCursor").entity(String.class).get();
        refused(10, nameCursor, Map.of(), Map.of("field", "ROLE", "direction", "ASC"), "cursor of another sort order");
        refused(10, null, Map.of("gradeYears", List.of(9)), Map.of(), "gradeYears must be between 1 and 8, was 9");
        refused(10, null, Map.of("productId", "abc"), Map.of(), "productId is not a valid id: abc");
        refused(10, null, Map.of("search", "x".repeat(201)), Map.of(), "search may have at most 200 characters");
    }

    /** Refused with BAD_REQUEST and the message in English, the language the request asks for. */
    private void refused(int first, String after, Map<String, Object> filter, Map<String, Object> sort, String message) {
        admin.mutate().header(HttpHeaders.ACCEPT_LANGUAGE, "en").build().documentName("users-full").variable("schoolId", regenboog).variable("first", first).variable("after", after)
                .variable("filter", filter).variable("sort", sort.isEmpty() ? null : sort).variable("archive", false)
                .execute()
                .errors().expect(e -> e.getErrorType() == ErrorType.BAD_REQUEST && e.getMessage().contains(message)
                        && e.getPath().equals("school.users")).verify()
                .path("school").valueIsNull();
    }

    private GraphQlTester.Response full(int first, String after, Map<String, Object> sort) {
        return admin.documentName("users-full").variable("schoolId", regenboog).variable("first", first)
                .variable("after", after).variable("sort", sort.isEmpty() ? null : sort).variable("archive", false)
                .execute();
    }

    /** Display names of the active users matching the filter, in name order. */
    private List<String> names(Map<String, Object> filter) {
        return admin.documentName("users").operationName("SchoolUsers").variable("schoolId", regenboog).variable("first", 100)
                .variable("filter", filter).variable("archived", false).variable("withTotal", false).execute()
                .path("school.active.edges[*].node.user.displayName").entityList(String.class).get();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> user(Map<String, Object> node) {
        return (Map<String, Object>) node.get("user");
    }

    private static int roleRank(Map<String, Object> node) {
        List<?> roles = (List<?>) node.get("roles");
        return roles.contains("ADMIN") ? 0 : roles.contains("SUPERVISOR") ? 1 : roles.contains("STUDENT") ? 2 : 3;
    }

    private static String norm(Object name) {
        return Normalizer.normalize((String) name, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
    }

    private static Map<String, Object> byName(List<Map<String, Object>> nodes, String displayName) {
        return nodes.stream().filter(n -> displayName.equals(user(n).get("displayName"))).findFirst().orElseThrow();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Object value) {
        return (List<Map<String, Object>>) value;
    }

    private static List<Object> codes(Object products) {
        return list(products).stream().map(p -> p.get("code")).toList();
    }

    private static List<Object> names(Object people) {
        return list(people).stream().map(p -> p.get("displayName")).toList();
    }
}
