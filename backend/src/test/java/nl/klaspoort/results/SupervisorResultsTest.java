package nl.klaspoort.results;

import nl.klaspoort.support.Fixtures;

import nl.klaspoort.access.Role;

import nl.klaspoort.results.internal.ResultsEvents;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.klaspoort.productclient.ProductTokens;
import nl.klaspoort.support.KlaspoortTest;
import nl.klaspoort.support.Sessions;
import nl.klaspoort.support.TestClock;
import nl.klaspoort.support.SqlStatementCounter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.graphql.test.tester.WebSocketGraphQlTester;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.reactive.socket.client.ReactorNettyWebSocketClient;
import reactor.test.StepVerifier;

/**
 * The supervisor's results (RS1–RS4, X4) on a school of its own: only the supervisor's own students, sorting,
 * filters, ISO weeks (Europe/Amsterdam), paging, one statement per page, the student detail and live changes.
 * Leeslab has 40 lessons with a test every 10.
 */
@KlaspoortTest
class SupervisorResultsTest {

    static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PasswordEncoder passwords;

    @Autowired
    ResultsEvents events;

    @Autowired
    TestClock clock;

    @Autowired

    Fixtures fx;
    long leeslab;
    long school;
    String supervisorA;
    String supervisorB;
    long bakker, vries, jansen, appel, zwart, archived;

    static Instant at(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(AMSTERDAM).toInstant();
    }

    @BeforeEach
    void setUp() {
        leeslab = fx.productId("LEESLAB");
        school = fx.school().named("Resultatenschool").create().id();
        fx.contract(school, leeslab);
        supervisorA = fx.professionalLogin("Ans");
        supervisorB = fx.professionalLogin("Bert");
        for (String s : List.of(supervisorA, supervisorB)) {
            fx.grant(school, s, Role.SUPERVISOR);
            fx.assign(school, s, leeslab);
        }
        bakker = fx.student(school, "Anna", null, "Bakker", 5, "5A");
        vries = fx.student(school, "Bram", "de", "Vries", 6, "6B");
        jansen = fx.student(school, "Cor", null, "Jansen", 5, "5B");
        appel = fx.student(school, "Dirk", null, "Appel", 7, "7A");
        zwart = fx.student(school, "Eva", null, "Zwart", 5, "5A");
        archived = fx.student(school, "Fenna", null, "Archief", 5, "5A");
        for (long s : List.of(bakker, vries, jansen, zwart, archived)) {
            fx.enrollWith(school, s, leeslab, supervisorA);
        }
        fx.enrollWith(school, appel, leeslab, supervisorB);
        jdbc.sql("update school_member set archived_at = now() where user_id = :id").param("id", archived).update();

        // Bakker: lessons 1-7 in October, 8 at school in week 45, 9 (not done) at home on Sunday night and Monday night
        for (int lesson = 1; lesson <= 7; lesson++) {
            fx.session(school, bakker, leeslab, at("2026-10-0%dT10:00".formatted(lesson)), 10, "SCHOOL", lesson, true, null);
        }
        fx.session(school, bakker, leeslab, at("2026-11-03T10:00"), 20, "SCHOOL", 8, true, null);
        fx.session(school, bakker, leeslab, at("2026-11-08T23:30"), 10, "HOME", 9, false, null);
        fx.session(school, bakker, leeslab, at("2026-11-09T00:30"), 5, "HOME", 9, false, null);
        // De Vries: lessons 1-9, the last again at home in week 45; at school in week 44
        for (int lesson = 1; lesson <= 9; lesson++) {
            fx.session(school, vries, leeslab, at("2026-10-0%dT11:00".formatted(lesson)), 10, "HOME", lesson, true, null);
        }
        fx.session(school, vries, leeslab, at("2026-10-27T09:00"), 15, "SCHOOL", 9, false, null);
        fx.session(school, vries, leeslab, at("2026-11-04T19:00"), 30, "HOME", 9, true, null);
        // Zwart: everything, the final test in week 45; Appel (supervisor B's) practised a lot
        for (int lesson = 1; lesson <= 39; lesson++) {
            fx.session(school, zwart, leeslab, at("2026-09-01T08:00").plus(lesson, ChronoUnit.HOURS), 5, "HOME", lesson, true,
                    lesson % 10 == 0 ? 7.0 : null);
        }
        fx.session(school, zwart, leeslab, at("2026-11-05T13:00"), 45, "SCHOOL", 40, true, 8.5);
        fx.session(school, appel, leeslab, at("2026-11-05T13:00"), 90, "SCHOOL", 1, true, null);
    }

    private GraphQlTester.Response overview(HttpGraphQlTester tester, Map<String, Object> variables) {
        Map<String, Object> all = new HashMap<>(Map.of("schoolId", school, "productId", leeslab, "week", "2026-W45"));
        all.putAll(variables);
        GraphQlTester.Request<?> request = tester.documentName("results-overview");
        for (Map.Entry<String, Object> e : all.entrySet()) {
            request = request.variable(e.getKey(), e.getValue());
        }
        return request.execute();
    }

    private List<String> names(GraphQlTester.Response response) {
        return response.path("school.resultsOverview.edges[*].node.lastName").entityList(String.class).get();
    }

    @Test
    void theOverviewListsOnlyTheSupervisorsActiveStudentsByNameWithProgressAndTheWeeksPracticeTime() {
        HttpGraphQlTester a = Sessions.tester(port, Sessions.login(port, supervisorA, Sessions.PROFESSIONAL_PASSWORD));
        GraphQlTester.Response response = overview(a, Map.of());
        response.path("school.resultsOverview.totalCount").entity(Integer.class).isEqualTo(4)
                .path("school.resultsOverview.week").entity(String.class).isEqualTo("2026-W45")
                .path("school.resultsOverview.previousWeek").entity(String.class).isEqualTo("2026-W44")
                .path("school.resultsOverview.nextWeek").entity(String.class).isEqualTo("2026-W46")
                .path("school.resultsOverview.edges[0].node.displayName").entity(String.class).isEqualTo("Anna Bakker")
                .path("school.resultsOverview.edges[0].node.highestCompletedLesson").entity(Integer.class).isEqualTo(8)
                .path("school.resultsOverview.edges[0].node.lessonsUntilNextTest").entity(Integer.class).isEqualTo(2)
                // Sunday 23:30 in Amsterdam still counts for week 45, Monday 00:30 does not
                .path("school.resultsOverview.edges[0].node.practiceTime.schoolSeconds").entity(Integer.class).isEqualTo(1200)
                .path("school.resultsOverview.edges[0].node.practiceTime.homeSeconds").entity(Integer.class).isEqualTo(600)
                .path("school.resultsOverview.edges[0].node.practiceTime.totalSeconds").entity(Integer.class).isEqualTo(1800)
                .path("school.resultsOverview.edges[0].node.lastPracticedAt").entity(String.class).isEqualTo("2026-11-08T23:35:00.000Z")
                .path("school.resultsOverview.edges[1].node.highestCompletedLesson").valueIsNull()
                .path("school.resultsOverview.edges[1].node.lessonsUntilNextTest").entity(Integer.class).isEqualTo(10)
                .path("school.resultsOverview.edges[1].node.lastPracticedAt").valueIsNull()
                .path("school.resultsOverview.edges[2].node.displayName").entity(String.class).isEqualTo("Bram de Vries")
                .path("school.resultsOverview.edges[3].node.highestCompletedLesson").entity(Integer.class).isEqualTo(40)
                .path("school.resultsOverview.edges[3].node.lessonsUntilNextTest").valueIsNull();
        assertThat(names(response)).containsExactly("Bakker", "Jansen", "Vries", "Zwart");

        HttpGraphQlTester b = Sessions.tester(port, Sessions.login(port, supervisorB, Sessions.PROFESSIONAL_PASSWORD));
        assertThat(names(overview(b, Map.of()))).containsExactly("Appel");
    }

    @Test
    void theOverviewSortsByEveryField() {
        HttpGraphQlTester a = Sessions.tester(port, Sessions.login(port, supervisorA, Sessions.PROFESSIONAL_PASSWORD));
        assertThat(names(overview(a, Map.of("sort", Map.of("field", "NAME", "direction", "DESC")))))
                .containsExactly("Zwart", "Vries", "Jansen", "Bakker");
        assertThat(names(overview(a, Map.of("sort", Map.of("field", "HIGHEST_LESSON", "direction", "DESC")))))
                .containsExactly("Zwart", "Vries", "Bakker", "Jansen");
        assertThat(names(overview(a, Map.of("sort", Map.of("field", "LESSONS_UNTIL_TEST", "direction", "ASC")))))
                .containsExactly("Vries", "Bakker", "Jansen", "Zwart");
        assertThat(names(overview(a, Map.of("sort", Map.of("field", "PRACTICE_TIME", "direction", "DESC")))))
                .containsExactly("Zwart", "Bakker", "Vries", "Jansen");
        assertThat(names(overview(a, Map.of("sort", Map.of("field", "GRADE_YEAR", "direction", "ASC")))))
                .containsExactly("Bakker", "Zwart", "Jansen", "Vries");
    }

    @Test
    void theOverviewFilters() {
        HttpGraphQlTester a = Sessions.tester(port, Sessions.login(port, supervisorA, Sessions.PROFESSIONAL_PASSWORD));
        assertThat(names(overview(a, Map.of("filter", Map.of("search", "VRIE"))))).containsExactly("Vries");
        assertThat(names(overview(a, Map.of("filter", Map.of("search", "bram de v"))))).containsExactly("Vries");
        assertThat(names(overview(a, Map.of("filter", Map.of("search", "%"))))).isEmpty();
        assertThat(names(overview(a, Map.of("filter", Map.of("gradeYears", List.of(5)))))).containsExactly("Bakker", "Jansen", "Zwart");
        assertThat(names(overview(a, Map.of("filter", Map.of("groups", List.of("5A", "6B")))))).containsExactly("Bakker", "Vries", "Zwart");
        assertThat(names(overview(a, Map.of("filter", Map.of("noPracticeThisWeek", true))))).containsExactly("Jansen");
        assertThat(names(overview(a, Map.of("filter", Map.of("testDue", true))))).containsExactly("Vries");
        overview(a, Map.of("filter", Map.of("gradeYears", List.of(5), "noPracticeThisWeek", true)))
                .path("school.resultsOverview.totalCount").entity(Integer.class).isEqualTo(1);
    }

    @Test
    void withoutAWeekTheOverviewShowsTheCurrentIsoWeekInAmsterdam() {
        HttpGraphQlTester a = Sessions.tester(port, Sessions.login(port, supervisorA, Sessions.PROFESSIONAL_PASSWORD));
        try {
            clock.moveTo(at("2026-11-08T23:30"));
            a.documentName("results-overview").variable("schoolId", school).variable("productId", leeslab).execute()
                    .path("school.resultsOverview.week").entity(String.class).isEqualTo("2026-W45");
            // Monday 00:30 in Amsterdam is still Sunday in UTC
            clock.moveTo(at("2026-11-09T00:30"));
            a.documentName("results-overview").variable("schoolId", school).variable("productId", leeslab).execute()
                    .path("school.resultsOverview.week").entity(String.class).isEqualTo("2026-W46");
        } finally {
            clock.reset();
        }
    }

    @Test
    void theArrowsStepThroughWeeks() {
        HttpGraphQlTester a = Sessions.tester(port, Sessions.login(port, supervisorA, Sessions.PROFESSIONAL_PASSWORD));
        overview(a, Map.of("week", "2026-W46"))
                .path("school.resultsOverview.edges[0].node.practiceTime.homeSeconds").entity(Integer.class).isEqualTo(300)
                .path("school.resultsOverview.edges[0].node.practiceTime.schoolSeconds").entity(Integer.class).isEqualTo(0)
                .path("school.resultsOverview.nextWeek").entity(String.class).isEqualTo("2026-W47");
        overview(a, Map.of("week", "2026-W44"))
                .path("school.resultsOverview.edges[2].node.lastName").entity(String.class).isEqualTo("Vries")
                .path("school.resultsOverview.edges[2].node.practiceTime.schoolSeconds").entity(Integer.class).isEqualTo(900);
        overview(a, Map.of("week", "2026-W01"))
                .path("school.resultsOverview.previousWeek").entity(String.class).isEqualTo("2025-W52");
        assertThat(names(overview(a, Map.of("week", "2026-W40", "filter", Map.of("noPracticeThisWeek", true)))))
                .containsExactly("Jansen", "Zwart");
        overview(a, Map.of("week", "2026-W54"))
                .errors().satisfy(errors -> assertThat(errors).singleElement().satisfies(e -> {
                    assertThat(e.getErrorType().toString()).isEqualTo("BAD_REQUEST");
                    assertThat(e.getMessage()).contains("2026-W54");
                }));
    }

    @Test
    void theOverviewPagesWithCursorsInOneStatementWhateverThePageSize() {
        HttpGraphQlTester a = Sessions.tester(port, Sessions.login(port, supervisorA, Sessions.PROFESSIONAL_PASSWORD));
        GraphQlTester.Response first = overview(a, Map.of("first", 2));
        assertThat(names(first)).containsExactly("Bakker", "Jansen");
        first.path("school.resultsOverview.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(true)
                .path("school.resultsOverview.pageInfo.hasPreviousPage").entity(Boolean.class).isEqualTo(false);
        String cursor = first.path("school.resultsOverview.pageInfo.endCursor").entity(String.class).get();
        GraphQlTester.Response second = overview(a, Map.of("first", 2, "after", cursor));
        assertThat(names(second)).containsExactly("Vries", "Zwart");
        second.path("school.resultsOverview.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(false)
                .path("school.resultsOverview.pageInfo.hasPreviousPage").entity(Boolean.class).isEqualTo(true);

        SqlStatementCounter.reset();
        overview(a, Map.of("first", 1)).path("school.resultsOverview.edges").entityList(Object.class).hasSize(1);
        int small = SqlStatementCounter.count();
        SqlStatementCounter.reset();
        overview(a, Map.of("first", 100)).path("school.resultsOverview.edges").entityList(Object.class).hasSize(4);
        // the caller's roles (once per request, issue 16), school(id), the page itself
        assertThat(SqlStatementCounter.count()).isEqualTo(small).isEqualTo(3);

        overview(a, Map.of("first", 101)).errors().satisfy(errors -> assertThat(errors).singleElement()
                .satisfies(e -> assertThat(e.getErrorType().toString()).isEqualTo("BAD_REQUEST")));
    }

    @Test
    void otherSchoolsAndOtherRolesSeeNothing() {
        // a supervisor of another school: the school does not exist for them
        Sessions.tester(port, Sessions.SUPERVISOR_REGENBOOG).documentName("results-overview")
                .variable("schoolId", school).variable("productId", leeslab).execute()
                .path("school").valueIsNull();
        // an ADMIN without SUPERVISOR at the school is refused
        String admin = fx.professionalLogin("Adje");
        fx.grant(school, admin, Role.ADMIN);
        overview(Sessions.tester(port, Sessions.login(port, admin, Sessions.PROFESSIONAL_PASSWORD)), Map.of())
                .errors().satisfy(errors -> assertThat(errors).singleElement()
                        .satisfies(e -> assertThat(e.getErrorType().toString()).isEqualTo("FORBIDDEN")));
        // supervisor A's student does not exist for supervisor B
        HttpGraphQlTester b = Sessions.tester(port, Sessions.login(port, supervisorB, Sessions.PROFESSIONAL_PASSWORD));
        b.documentName("results-student").variable("schoolId", school).variable("studentId", bakker).variable("productId", leeslab)
                .execute().path("school.studentResults").valueIsNull();
    }

    @Test
    void aStudentIdThatIsNoIdIsRefusedAsSuch() {
        HttpGraphQlTester a = Sessions.tester(port, Sessions.login(port, supervisorA, Sessions.PROFESSIONAL_PASSWORD));
        a.documentName("results-student").variable("schoolId", school).variable("studentId", "abc").variable("productId", leeslab)
                .execute().errors().satisfy(errors -> assertThat(errors).singleElement().satisfies(e -> {
                    assertThat(e.getErrorType().toString()).isEqualTo("BAD_REQUEST");
                    assertThat(e.getExtensions()).containsEntry("code", "INVALID_ID");
                    assertThat(e.getMessage()).isEqualTo("studentId is geen geldig id: abc.");
                }));
    }

    @Test
    void theStudentDetailShowsLessonsScoresWeeksAndRecentSessions() {
        HttpGraphQlTester a = Sessions.tester(port, Sessions.login(port, supervisorA, Sessions.PROFESSIONAL_PASSWORD));
        SqlStatementCounter.reset();
        a.documentName("results-student").variable("schoolId", school).variable("studentId", bakker).variable("productId", leeslab)
                .execute()
                .path("school.studentResults.displayName").entity(String.class).isEqualTo("Anna Bakker")
                .path("school.studentResults.highestCompletedLesson").entity(Integer.class).isEqualTo(8)
                .path("school.studentResults.lessonsUntilNextTest").entity(Integer.class).isEqualTo(2)
                .path("school.studentResults.lessons").entityList(Object.class).hasSize(40)
                .path("school.studentResults.lessons[7].completed").entity(Boolean.class).isEqualTo(true)
                .path("school.studentResults.lessons[8].completed").entity(Boolean.class).isEqualTo(false)
                .path("school.studentResults.lessons[8].sessions").entity(Integer.class).isEqualTo(2)
                .path("school.studentResults.lessons[9].lesson.endsWithTest").entity(Boolean.class).isEqualTo(true)
                .path("school.studentResults.weeks[0].week").entity(String.class).isEqualTo("2026-W46")
                .path("school.studentResults.weeks[1].week").entity(String.class).isEqualTo("2026-W45")
                .path("school.studentResults.weeks[1].practiceTime.schoolSeconds").entity(Integer.class).isEqualTo(1200)
                .path("school.studentResults.weeks[1].practiceTime.homeSeconds").entity(Integer.class).isEqualTo(600)
                .path("school.studentResults.recentSessions[0].lessonPosition").entity(Integer.class).isEqualTo(9)
                .path("school.studentResults.recentSessions[0].location").entity(String.class).isEqualTo("HOME")
                .path("school.studentResults.recentSessions").entityList(Object.class).hasSize(10);
        int statements = SqlStatementCounter.count();
        a.documentName("results-student").variable("schoolId", school).variable("studentId", zwart).variable("productId", leeslab)
                .execute()
                .path("school.studentResults.lessons[39].testScores").entityList(Double.class).containsExactly(8.5)
                .path("school.studentResults.lessons[9].testScores").entityList(Double.class).containsExactly(7.0)
                .path("school.studentResults.recentSessions").entityList(Object.class).hasSize(20);
        assertThat(statements).isLessThanOrEqualTo(8);
    }

    @Test
    void supervisorsSeeTheirStudentsChangeLive() {
        WebSocketGraphQlTester tester = socketOf(supervisorA);
        HttpGraphQlTester product = ProductTokens.tester(port, ProductTokens.LEESLAB, ProductTokens.BOTH_SCOPES);
        int before = events.subscribers();
        Instant start = Instant.now().minus(1, ChronoUnit.HOURS);
        StepVerifier.create(tester.documentName("results-changed").variable("schoolId", school).variable("productId", leeslab)
                                .executeSubscription().toFlux("resultsChanged.studentIds", List.class).take(1))
                .then(() -> {
                    awaitSubscribers(before + 1);
                    product.documentName("results-record").variable("input", Map.of("sessions", List.of(
                                    PracticeSessionIngestionTest.session("live-" + UUID.randomUUID(), bakker, start, "198.18.0.1", 9, true, null),
                                    PracticeSessionIngestionTest.session("live-" + UUID.randomUUID(), appel, start, "198.18.0.1", 2, true, null))))
                            .execute().path("practiceSessionsRecord.created").entity(Integer.class).isEqualTo(2);
                })
                .expectNext(List.of(String.valueOf(bakker)))
                .expectComplete()
                .verify(Duration.ofSeconds(20));
        tester.stop().block(Duration.ofSeconds(5));
    }

    /** Issue 10, item 9: a live subscription is checked again at every event, so archiving ends it. */
    @Test
    void anArchivedSupervisorsLiveUpdatesEnd() {
        WebSocketGraphQlTester tester = socketOf(supervisorA);
        HttpGraphQlTester product = ProductTokens.tester(port, ProductTokens.LEESLAB, ProductTokens.BOTH_SCOPES);
        int before = events.subscribers();
        Instant start = Instant.now().minus(1, ChronoUnit.HOURS);
        StepVerifier.create(tester.documentName("results-changed").variable("schoolId", school).variable("productId", leeslab)
                                .executeSubscription().toFlux("resultsChanged.studentIds", List.class))
                .then(() -> {
                    awaitSubscribers(before + 1);
                    fx.archive(school, fx.userId(supervisorA));
                    product.documentName("results-record").variable("input", Map.of("sessions", List.of(
                                    PracticeSessionIngestionTest.session("live-" + UUID.randomUUID(), bakker, start, "198.18.0.1", 9, true, null))))
                            .execute().path("practiceSessionsRecord.created").entity(Integer.class).isEqualTo(1);
                })
                .expectComplete()
                .verify(Duration.ofSeconds(20));
        tester.stop().block(Duration.ofSeconds(5));
    }

    @Test
    void onlySupervisorsWithTheProductMaySubscribe() {
        WebSocketGraphQlTester tester = socketOf(Sessions.SUPERVISOR_REGENBOOG);
        StepVerifier.create(tester.documentName("results-changed").variable("schoolId", school).variable("productId", leeslab)
                        .executeSubscription().toFlux("resultsChanged.studentIds", List.class))
                .expectError()
                .verify(Duration.ofSeconds(20));
        tester.stop().block(Duration.ofSeconds(5));
    }

    /** A WebSocket to the GraphQL endpoint in the signed-in session of a professional. */
    private WebSocketGraphQlTester socketOf(String login) {
        Sessions.Session session = Sessions.login(port, login, Sessions.PROFESSIONAL_PASSWORD);
        return WebSocketGraphQlTester.builder("ws://localhost:" + port + "/graphql", new ReactorNettyWebSocketClient())
                .headers(h -> h.add(HttpHeaders.COOKIE, session.cookieHeader()))
                .build();
    }

    /** Waits (bounded) until the server has subscribed the live query to the results events. */
    private void awaitSubscribers(int count) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (events.subscribers() < count) {
            assertThat(System.nanoTime()).as("subscription registered in time").isLessThan(deadline);
            Thread.onSpinWait();
        }
    }
}
