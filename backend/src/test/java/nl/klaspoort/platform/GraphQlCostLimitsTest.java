package nl.klaspoort.platform;

import nl.klaspoort.support.ApplicationTest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import nl.klaspoort.support.Http;
import nl.klaspoort.support.Sessions;
import nl.klaspoort.support.SqlStatementCounter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What one caller can cost the others (issue 10, item 2): graphql-cop's checks one by one (alias overloading, field
 * duplication, directive overloading, circular introspection, batching, mutation over GET, trace and debug leaks), the
 * OWASP cheat sheet's cost analysis (complexity multiplied by page sizes, root fields), the body size and the
 * statement and transaction timeouts. Sent as a pupil, as in the review.
 */
class GraphQlCostLimitsTest extends ApplicationTest {

    private static final JsonMapper JSON = new JsonMapper();

    @Autowired
    PlatformTransactionManager transactions;

    Sessions.Session pupil;

    @BeforeEach
    void signIn() {
        pupil = Sessions.login(port, Sessions.STUDENT_REGENBOOG, Sessions.STUDENT_PASSWORD);
    }

    private JsonNode graphql(String query) {
        HttpResponse<String> response = Http.graphql(port, pupil, Http.query(query));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static void refusedWith(JsonNode body, String code) {
        assertThat(body.has("data") && !body.get("data").isNull()).as("no data: " + body).isFalse();
        assertThat(body.get("errors")).as(body.toString()).hasSize(1);
        assertThat(body.get("errors").get(0).get("extensions").get("code").asString()).isEqualTo(code);
    }

    @Test
    void aliasOverloadingIsRefusedBeforeAnythingRuns() {
        String aliases = IntStream.range(0, 101).mapToObj(i -> "alias" + i + ": __typename").collect(Collectors.joining(" "));
        refusedWith(graphql("query cop { " + aliases + " }"), "TOO_MANY_ALIASES");

        // 1,600 aliases of a school query ran 4,800 statements; now only the session is looked up, as for any request
        SqlStatementCounter.reset();
        graphql("{ __typename }");
        int floor = SqlStatementCounter.count();
        long school = jdbc.sql("select id from school where brin = '12AB'").query(Long.class).single();
        for (int count : new int[] {500, 1_600}) {
            String schools = IntStream.range(0, count)
                    .mapToObj(i -> "s" + i + ": school(id: \"" + school + "\") { name counts { activeStudents } }")
                    .collect(Collectors.joining(" "));
            SqlStatementCounter.reset();
            JsonNode body = graphql("{ " + schools + " }");
            assertThat(SqlStatementCounter.count()).as(count + " aliases").isLessThanOrEqualTo(floor);
            assertThat(body.get("data") == null || body.get("data").isNull()).isTrue();
            if (count == 500) {
                refusedWith(body, "TOO_MANY_ALIASES");
            } else {
                // so long a document is already refused by the parser's token limit
                assertThat(body.get("errors").get(0).get("extensions").get("classification").asString()).isEqualTo("InvalidSyntax");
            }
        }
    }

    @Test
    void twentyAliasesStillWorkWithinAStatementBudget() {
        long school = jdbc.sql("select id from school where brin = '12AB'").query(Long.class).single();
        String schools = IntStream.range(0, 20)
                .mapToObj(i -> "s" + i + ": school(id: \"" + school + "\") { name }")
                .collect(Collectors.joining(" "));
        SqlStatementCounter.reset();
        JsonNode body = graphql("{ " + schools + " }");
        assertThat(body.get("data").get("s19").get("name").asString()).isEqualTo("OBS De Regenboog");
        // session and roles, then per root field the school and the roles there
        assertThat(SqlStatementCounter.count()).isLessThanOrEqualTo(45);
    }

    @Test
    void fieldDuplicationIsRefused() {
        refusedWith(graphql("query cop { " + "__typename \n".repeat(500) + "}"), "TOO_MANY_FIELDS");
    }

    @Test
    void rootFieldsAreCappedEvenWithoutAliases() {
        refusedWith(graphql("{ " + "me { user { id } } ".repeat(21) + "}"), "TOO_MANY_ROOT_FIELDS");
    }

    @Test
    void aFragmentSpreadManyTimesCountsEveryTime() {
        StringBuilder query = new StringBuilder("query cop { ...f9 } fragment f0 on Query { __typename }");
        for (int i = 1; i <= 9; i++) {
            query.append(" fragment f").append(i).append(" on Query { ...f").append(i - 1).append(" ...f").append(i - 1).append(" }");
        }
        refusedWith(graphql(query.toString()), "TOO_MANY_FIELDS");
    }

    @Test
    void directiveOverloadingIsRefusedWithOneError() {
        refusedWith(graphql("query cop { __typename @aa@aa@aa@aa@aa@aa@aa@aa@aa@aa }"), "REPEATED_DIRECTIVE");
        String many = IntStream.range(0, 11).mapToObj(i -> "@d" + i).collect(Collectors.joining(" "));
        refusedWith(graphql("query cop { __typename " + many + " }"), "TOO_MANY_DIRECTIVES");
    }

    @Test
    void circularIntrospectionIsRefused() {
        JsonNode body = graphql("query cop { __schema { types { fields { type { fields { type { fields { type { fields "
                + "{ type { name } } } } } } } } } } }");
        assertThat(body.get("data") == null || body.get("data").isNull()).isTrue();
        assertThat(body.get("errors").get(0).get("extensions").get("classification").asString()).isEqualTo("BadFaithIntrospection");
    }

    @Test
    void complexityMultipliesByFirstAndListSizes() {
        long school = jdbc.sql("select id from school where brin = '12AB'").query(Long.class).single();
        Sessions.Session admin = Sessions.login(port, Sessions.ADMIN_REGENBOOG, Sessions.PROFESSIONAL_PASSWORD);
        // every field of every user, with lists in lists (enrollments and their supervisors)
        String query = """
                { school(id: "%d") { users(first: %d) { edges { node { id roles archived linked
                    user { id firstName namePrefix lastName displayName username }
                    products { id code name } students { id firstName namePrefix lastName displayName username gradeYear group }
                    supervisors { id firstName namePrefix lastName displayName username email function }
                    enrollments { id product { id code name } student { id displayName username gradeYear group }
                                  supervisors { id firstName namePrefix lastName displayName username email function } } } } } } }""";

        JsonNode small = JSON.readTree(Http.graphql(port, admin, Http.query(query.formatted(school, 10))).body());
        assertThat(small.get("errors")).as(small.toString()).isNull();
        assertThat(small.get("data").get("school").get("users").get("edges")).hasSize(10);

        JsonNode large = JSON.readTree(Http.graphql(port, admin, Http.query(query.formatted(school, 100))).body());
        refusedWith(large, "TOO_COMPLEX");
        JsonNode params = large.get("errors").get(0).get("extensions").get("params");
        assertThat(params.get("actual").asInt()).isGreaterThan(params.get("limit").asInt());
        assertThat(large.get("errors").get(0).get("message").asString()).contains("te omvangrijk");
    }

    @Test
    void theErrorSpeaksTheCallersLanguage() {
        String aliases = IntStream.range(0, 21).mapToObj(i -> "a" + i + ": __typename").collect(Collectors.joining(" "));
        HttpResponse<String> english = Http.post(port, "/graphql", "application/json", Http.query("{ " + aliases + " }"),
                Map.of("Cookie", pupil.cookieHeader(), "X-XSRF-TOKEN", pupil.csrfToken(), "Accept-Language", "en-GB"));
        assertThat(JSON.readTree(english.body()).get("errors").get(0).get("message").asString()).startsWith("The operation uses too many aliases");
        assertThat(graphql("{ " + aliases + " }").get("errors").get(0).get("message").asString()).startsWith("De opdracht gebruikt te veel aliassen");
    }

    @Test
    void batchingIsRefused() {
        HttpResponse<String> response = Http.graphql(port, pupil, "[" + Http.query("{ __typename }") + "," + Http.query("{ __typename }") + "]");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).doesNotContain("__typename").doesNotContain("Query");
    }

    @Test
    void mutationOverGetIsRefused() {
        HttpResponse<String> response = Http.get(port, "/graphql?query=mutation%20cop%20%7B__typename%7D",
                Map.of("Cookie", pupil.cookieHeader()));
        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(response.body()).doesNotContain("Mutation");
    }

    @Test
    void neitherTracingNorDebugDetailsLeak() {
        HttpResponse<String> response = Http.post(port, "/graphql?debug=1", "application/json", Http.query("query cop { __typename }"),
                Map.of("Cookie", pupil.cookieHeader(), "X-XSRF-TOKEN", pupil.csrfToken()));
        assertThat(JSON.readTree(response.body()).has("extensions")).isFalse();
        // a failing operation names no exception class, stack frame or SQL
        String failing = Http.graphql(port, pupil, Http.query("{ school(id: \"not-a-number\") { name } }")).body();
        assertThat(failing).contains("errors").doesNotContain("Exception").doesNotContain("at nl.").doesNotContain("select ");
    }

    @Test
    void aBodyOverOneMegabyteIsRefusedUnread() {
        String variables = "{\"query\":\"{ __typename }\",\"variables\":{\"x\":\"" + "a".repeat(2 * 1024 * 1024) + "\"}}";
        HttpResponse<String> response = Http.graphql(port, pupil, variables);
        assertThat(response.statusCode()).isEqualTo(413);
        String almost = "{\"query\":\"{ __typename }\",\"variables\":{\"x\":\"" + "a".repeat(900 * 1024) + "\"}}";
        assertThat(Http.graphql(port, pupil, almost).statusCode()).isEqualTo(200);
    }

    @Test
    void noStatementRunsLongerThanTheStatementTimeout() {
        assertThatThrownBy(() -> jdbc.sql("select pg_sleep(6)").query(Object.class).single())
                .hasStackTraceContaining("canceling statement due to statement timeout");
        assertThat(jdbc.sql("show statement_timeout").query(String.class).single()).isEqualTo("5s");
    }

    @Test
    void transactionsHaveATimeout() {
        assertThat(((AbstractPlatformTransactionManager) transactions).getDefaultTimeout()).isEqualTo(30);
    }
}
