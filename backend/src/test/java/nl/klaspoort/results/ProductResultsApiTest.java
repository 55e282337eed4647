package nl.klaspoort.results;

import nl.klaspoort.support.Fixtures;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import nl.klaspoort.productclient.ProductTokens;
import nl.klaspoort.support.KlaspoortTest;
import nl.klaspoort.support.SqlStatementCounter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/** productResults (RS6): a product reads back only its own sessions at schools with a running contract, page by page. */
@KlaspoortTest
class ProductResultsApiTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PasswordEncoder passwords;

    @Autowired

    Fixtures fx;
    long leeslab, spelling, school, student, endedSchool, endedStudent;
    Instant t0 = Instant.parse("2026-10-12T08:00:00Z");

    @BeforeEach
    void setUp() {
        leeslab = fx.productId("LEESLAB");
        spelling = fx.productId("SPELLINGSTER");
        school = fx.school().named("Leesschool").create().id();
        fx.contract(school, leeslab);
        fx.contract(school, spelling);
        student = fx.student(school, "Lot", null, "Lezer", 6, "6A");
        fx.enroll(school, student, leeslab);
        fx.enroll(school, student, spelling);
        for (int i = 0; i < 3; i++) {
            fx.session(school, student, leeslab, t0.plus(i, ChronoUnit.DAYS), 10, i == 1 ? "SCHOOL" : "HOME", i + 1, true, null);
        }
        fx.session(school, student, spelling, t0, 10, "HOME", 1, true, null);

        endedSchool = fx.school().named("Oud contract").create().id();
        fx.contract(endedSchool, leeslab, fx.today().minusYears(2), fx.today().minusDays(1));
        endedStudent = fx.student(endedSchool, "Olle", null, "Oud", 7, "7A");
        fx.enroll(endedSchool, endedStudent, leeslab);
        fx.session(endedSchool, endedStudent, leeslab, t0, 10, "HOME", 1, true, null);
    }

    private GraphQlTester.Request<?> sessions(HttpGraphQlTester api) {
        return api.documentName("results-product-sessions");
    }

    @Test
    void aProductReadsItsOwnSessionsInTimeOrderPageByPage() {
        HttpGraphQlTester api = ProductTokens.tester(port, ProductTokens.LEESLAB, "results.read");
        GraphQlTester.Response first = sessions(api).variable("schoolId", school).variable("first", 2).execute();
        first.path("productResults.edges[*].node.lessonPosition").entityList(Integer.class).containsExactly(1, 2)
                .path("productResults.edges[1].node.location").entity(String.class).isEqualTo("SCHOOL")
                .path("productResults.edges[0].node.studentId").entity(String.class).isEqualTo(String.valueOf(student))
                .path("productResults.edges[0].node.startedAt").entity(String.class).isEqualTo("2026-10-12T08:00:00.000Z")
                .path("productResults.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(true);
        String cursor = first.path("productResults.pageInfo.endCursor").entity(String.class).get();
        sessions(api).variable("schoolId", school).variable("first", 2).variable("after", cursor).execute()
                .path("productResults.edges[*].node.lessonPosition").entityList(Integer.class).containsExactly(3)
                .path("productResults.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(false)
                .path("productResults.pageInfo.hasPreviousPage").entity(Boolean.class).isEqualTo(true);
        sessions(api).variable("studentId", student).variable("from", t0.plus(1, ChronoUnit.DAYS).toString())
                .variable("to", t0.plus(2, ChronoUnit.DAYS).toString()).execute()
                .path("productResults.edges[*].node.lessonPosition").entityList(Integer.class).containsExactly(2);
    }

    @Test
    void aProductSeesNoOtherProductsSessionsAndNoSchoolWithoutARunningContract() {
        HttpGraphQlTester spellingApi = ProductTokens.tester(port, ProductTokens.SPELLINGSTER, "results.read");
        sessions(spellingApi).variable("schoolId", school).execute()
                .path("productResults.edges[*].node.lessonPosition").entityList(Integer.class).containsExactly(1);
        HttpGraphQlTester leeslabApi = ProductTokens.tester(port, ProductTokens.LEESLAB, "results.read");
        sessions(leeslabApi).variable("schoolId", endedSchool).execute()
                .path("productResults.edges").entityList(Object.class).hasSize(0);
        sessions(leeslabApi).variable("studentId", endedStudent).execute()
                .path("productResults.edges").entityList(Object.class).hasSize(0);
        // Rekenroute has no contract with this school at all
        sessions(ProductTokens.tester(port, ProductTokens.REKENROUTE, "results.read")).variable("studentId", student).execute()
                .path("productResults.edges").entityList(Object.class).hasSize(0);
    }

    @Test
    void onePageIsOneStatementWhateverItsSize() {
        HttpGraphQlTester api = ProductTokens.tester(port, ProductTokens.LEESLAB, "results.read");
        SqlStatementCounter.reset();
        sessions(api).variable("schoolId", school).variable("first", 1).execute()
                .path("productResults.edges").entityList(Object.class).hasSize(1);
        int small = SqlStatementCounter.count();
        SqlStatementCounter.reset();
        sessions(api).variable("first", 100).execute().path("productResults.edges").entityList(Object.class).hasSize(100);
        // the page, and whether the token's client is still enabled (a disabled client is refused at once)
        assertThat(SqlStatementCounter.count()).isEqualTo(small).isEqualTo(2);
        List<String> ids = sessions(api).variable("first", 100).execute()
                .path("productResults.edges[*].node.sessionId").entityList(String.class).get();
        assertThat(ids).doesNotHaveDuplicates();
    }
}
