package nl.klaspoort.results;

import nl.klaspoort.support.Fixtures;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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

/**
 * practiceSessionsRecord: idempotency, all or nothing versus acceptPartial, every rejection, IP classification against
 * the ranges active when a session started, the IP stored nowhere, tenant isolation and a constant statement count.
 */
@KlaspoortTest
class PracticeSessionIngestionTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PasswordEncoder passwords;

    @Autowired

    Fixtures fx;
    long leeslab;
    long school;
    long student;
    HttpGraphQlTester leeslabApi;

    @BeforeEach
    void setUp() {
        leeslab = fx.productId("LEESLAB");
        school = fx.school().named("Ingestieschool").create().id();
        fx.contract(school, leeslab);
        student = fx.student(school, "Ilse", null, "Inleest", 5, "5A");
        fx.enroll(school, student, leeslab);
        leeslabApi = ProductTokens.tester(port, ProductTokens.LEESLAB, ProductTokens.BOTH_SCOPES);
    }

    static Map<String, Object> session(String id, long student, Instant start, String ip, int lesson, boolean completed, Double score) {
        Map<String, Object> s = new HashMap<>();
        s.put("sessionId", id);
        s.put("studentId", String.valueOf(student));
        s.put("startedAt", start.toString());
        s.put("endedAt", start.plus(20, ChronoUnit.MINUTES).toString());
        s.put("clientIp", ip);
        s.put("lessonPosition", lesson);
        s.put("completed", completed);
        s.put("testScore", score);
        return s;
    }

    private Map<String, Object> valid(String id) {
        return session(id, student, Instant.now().minus(2, ChronoUnit.HOURS), "198.18.0.1", 1, true, null);
    }

    private GraphQlTester.Response record(HttpGraphQlTester api, boolean acceptPartial, List<Map<String, Object>> sessions) {
        return api.documentName("results-record")
                .variable("input", Map.of("sessions", sessions, "acceptPartial", acceptPartial))
                .execute();
    }

    private int stored() {
        return jdbc.sql("select count(*) from practice_session where school_id = :s").param("s", school).query(Integer.class).single();
    }

    private static String uid() {
        return "t-" + UUID.randomUUID();
    }

    @Test
    void resendingTheSameSessionIdChangesNothingAndIsReportedUnchanged() {
        String id = uid();
        record(leeslabApi, false, List.of(valid(id)))
                .path("practiceSessionsRecord.created").entity(Integer.class).isEqualTo(1)
                .path("practiceSessionsRecord.results[0].status").entity(String.class).isEqualTo("CREATED");
        Map<String, Object> changed = valid(id);
        changed.put("lessonPosition", 2);
        record(leeslabApi, false, List.of(changed))
                .path("practiceSessionsRecord.created").entity(Integer.class).isEqualTo(0)
                .path("practiceSessionsRecord.unchanged").entity(Integer.class).isEqualTo(1)
                .path("practiceSessionsRecord.results[0].status").entity(String.class).isEqualTo("UNCHANGED");
        assertThat(stored()).isEqualTo(1);
        assertThat(jdbc.sql("select lesson_position from practice_session where external_id = :id").param("id", id)
                .query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void byDefaultOneInvalidSessionStoresNothing() {
        Map<String, Object> bad = valid(uid());
        bad.put("lessonPosition", 999);
        record(leeslabApi, false, List.of(valid(uid()), bad, valid(uid())))
                .path("practiceSessionsRecord.created").entity(Integer.class).isEqualTo(0)
                .path("practiceSessionsRecord.rejected").entity(Integer.class).isEqualTo(1)
                .path("practiceSessionsRecord.results[*].status").entityList(String.class)
                .containsExactly("NOT_STORED", "REJECTED", "NOT_STORED")
                .path("practiceSessionsRecord.results[1].error.code").entity(String.class).isEqualTo("UNKNOWN_LESSON")
                .path("practiceSessionsRecord.results[1].error.message").entity(String.class).isEqualTo("Les 999 bestaat niet in dit product.");
        assertThat(stored()).isZero();
    }

    @Test
    void withAcceptPartialTheValidSessionsAreStored() {
        Map<String, Object> bad = valid(uid());
        bad.put("clientIp", "300.1.2.3");
        record(leeslabApi, true, List.of(valid(uid()), bad, valid(uid())))
                .path("practiceSessionsRecord.created").entity(Integer.class).isEqualTo(2)
                .path("practiceSessionsRecord.results[*].status").entityList(String.class)
                .containsExactly("CREATED", "REJECTED", "CREATED")
                .path("practiceSessionsRecord.results[1].error.code").entity(String.class).isEqualTo("INVALID_IP");
        assertThat(stored()).isEqualTo(2);
    }

    @Test
    void everyKindOfInvalidSessionIsRejectedWithItsOwnCode() {
        long otherProductStudent = fx.student(school, "Rik", null, "Rekenaar", 6, "6A");
        fx.enroll(school, otherProductStudent, fx.productId("REKENROUTE"));
        Instant start = Instant.now().minus(1, ChronoUnit.DAYS);
        String dup = uid();
        Map<String, Object> endBeforeStart = valid(uid());
        endBeforeStart.put("endedAt", start.minus(1, ChronoUnit.DAYS).toString());
        Map<String, Object> future = valid(uid());
        future.put("startedAt", Instant.now().plus(1, ChronoUnit.DAYS).toString());
        future.put("endedAt", Instant.now().plus(2, ChronoUnit.DAYS).toString());
        List<Map<String, Object>> sessions = List.of(
                session(uid(), otherProductStudent, start, "198.18.0.1", 1, true, null),
                session(uid(), 987654321L, start, "198.18.0.1", 1, true, null),
                endBeforeStart,
                future,
                session(uid(), student, start, "10.0.0", 1, true, null),
                session(uid(), student, start, "198.18.0.1", 3, true, 7.5),
                session(uid(), student, start, "198.18.0.1", 10, true, 101.0),
                session(dup, student, start, "198.18.0.1", 1, true, null),
                session(dup, student, start, "198.18.0.1", 1, true, null),
                session("", student, start, "198.18.0.1", 1, true, null));
        record(leeslabApi, true, sessions)
                .path("practiceSessionsRecord.results[*].error.code").entityList(String.class).containsExactly(
                        "STUDENT_NOT_FOUND", "STUDENT_NOT_FOUND", "INVALID_TIME", "INVALID_TIME", "INVALID_IP",
                        "INVALID_TEST_SCORE", "INVALID_TEST_SCORE", "DUPLICATE_IN_CALL", "INVALID_SESSION_ID")
                .path("practiceSessionsRecord.results[*].status").entityList(String.class).containsExactly(
                        "REJECTED", "REJECTED", "REJECTED", "REJECTED", "REJECTED", "REJECTED", "REJECTED",
                        "CREATED", "REJECTED", "REJECTED");
        assertThat(stored()).isEqualTo(1);
    }

    @Test
    void moreThanAThousandSessionsAreRefusedAsAWhole() {
        List<Map<String, Object>> sessions = new ArrayList<>();
        for (int i = 0; i < 1001; i++) {
            sessions.add(valid(uid()));
        }
        record(leeslabApi, true, sessions)
                .path("practiceSessionsRecord.errors[0].code").entity(String.class).isEqualTo("TOO_MANY_SESSIONS")
                .path("practiceSessionsRecord.results").entityList(Object.class).hasSize(0);
        assertThat(stored()).isZero();
    }

    @Test
    void theIpIsClassifiedWithTheRangesActiveWhenTheSessionStarted() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        // 203.0.113.0/24 was the school's range from 10 to 5 days ago; 2001:db8:77::/48 since 2 days ago
        fx.activeRange(school, "203.0.113.0", "203.0.113.255", now.minus(10, ChronoUnit.DAYS), now.minus(5, ChronoUnit.DAYS));
        fx.activeRange(school, "2001:db8:77::", "2001:db8:77:ffff:ffff:ffff:ffff:ffff", now.minus(2, ChronoUnit.DAYS), null);
        // the same addresses at another school are no SCHOOL for this one
        long other = fx.school().named("Andere school").create().id();
        fx.activeRange(other, "198.18.5.0", "198.18.5.255", now.minus(30, ChronoUnit.DAYS), null);
        String[] ids = {uid(), uid(), uid(), uid(), uid()};
        record(leeslabApi, false, List.of(
                session(ids[0], student, now.minus(7, ChronoUnit.DAYS), "203.0.113.40", 1, true, null),
                session(ids[1], student, now.minus(3, ChronoUnit.DAYS), "203.0.113.40", 2, true, null),
                session(ids[2], student, now.minus(1, ChronoUnit.DAYS), "2001:db8:77::12", 3, true, null),
                session(ids[3], student, now.minus(3, ChronoUnit.DAYS).minus(Duration.ofHours(1)), "2001:db8:77::12", 4, true, null),
                session(ids[4], student, now.minus(1, ChronoUnit.DAYS), "198.18.5.7", 5, true, null)))
                .path("practiceSessionsRecord.created").entity(Integer.class).isEqualTo(5);
        Map<String, String> location = new HashMap<>();
        jdbc.sql("select external_id, location from practice_session where school_id = :s").param("s", school)
                .query((rs, n) -> location.put(rs.getString(1), rs.getString(2))).list();
        assertThat(List.of(location.get(ids[0]), location.get(ids[1]), location.get(ids[2]), location.get(ids[3]), location.get(ids[4])))
                .containsExactly("SCHOOL", "HOME", "SCHOOL", "HOME", "HOME");
    }

    @Test
    void theClientIpIsStoredInNoColumnOfAnyTable() {
        String ip = "203.0.113.77";
        fx.activeRange(school, "203.0.113.0", "203.0.113.255", Instant.now().minus(1, ChronoUnit.DAYS), null);
        record(leeslabApi, false, List.of(session(uid(), student, Instant.now().minus(1, ChronoUnit.HOURS), ip, 1, true, null)))
                .path("practiceSessionsRecord.created").entity(Integer.class).isEqualTo(1);
        List<String[]> columns = jdbc.sql("""
                        select table_name, column_name from information_schema.columns
                         where table_schema = 'public'
                           and data_type in ('text', 'character varying', 'inet', 'cidr', 'jsonb', 'json', 'character')
                        """).query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)}).list();
        assertThat(columns).extracting(c -> c[0]).contains("practice_session", "school_ip_range", "audit_event");
        for (String[] column : columns) {
            int hits = jdbc.sql("select count(*) from \"%s\" where \"%s\"::text like :ip".formatted(column[0], column[1]))
                    .param("ip", "%" + ip + "%").query(Integer.class).single();
            assertThat(hits).as("%s.%s holds the IP", column[0], column[1]).isZero();
        }
        assertThat(jdbc.sql("select location from practice_session where school_id = :s").param("s", school)
                .query(String.class).single()).isEqualTo("SCHOOL");
    }

    @Test
    void aProductCannotWriteForStudentsOfOtherProductsOrSchoolsWithoutARunningContract() {
        // a student of this school enrolled in Leeslab, reported by Spellingster
        HttpGraphQlTester spellingApi = ProductTokens.tester(port, ProductTokens.SPELLINGSTER, ProductTokens.BOTH_SCOPES);
        record(spellingApi, true, List.of(valid(uid())))
                .path("practiceSessionsRecord.results[0].error.code").entity(String.class).isEqualTo("STUDENT_NOT_FOUND");
        // a school whose Leeslab contract ended yesterday, and one whose contract starts tomorrow
        long ended = fx.school().named("Afgelopen contract").create().id();
        fx.contract(ended, leeslab, fx.today().minusYears(1), fx.today().minusDays(1));
        long endedStudent = fx.student(ended, "Eva", null, "Einde", 4, "4A");
        fx.enroll(ended, endedStudent, leeslab);
        long future = fx.school().named("Toekomstig contract").create().id();
        fx.contract(future, leeslab, fx.today().plusDays(1), null);
        long futureStudent = fx.student(future, "Floor", null, "Later", 4, "4A");
        fx.enroll(future, futureStudent, leeslab);
        Instant start = Instant.now().minus(1, ChronoUnit.HOURS);
        record(leeslabApi, true, List.of(
                        session(uid(), endedStudent, start, "198.18.0.1", 1, true, null),
                        session(uid(), futureStudent, start, "198.18.0.1", 1, true, null)))
                .path("practiceSessionsRecord.results[*].error.code").entityList(String.class)
                .containsExactly("STUDENT_NOT_FOUND", "STUDENT_NOT_FOUND");
        assertThat(jdbc.sql("select count(*) from practice_session where student_id in (:s)")
                .param("s", List.of(endedStudent, futureStudent)).query(Integer.class).single()).isZero();
        assertThat(stored()).isZero();
    }

    @Test
    void aThousandSessionsTakeAsManyStatementsAsOne() {
        record(leeslabApi, false, List.of(valid(uid()))); // warm up
        SqlStatementCounter.reset();
        record(leeslabApi, false, List.of(valid(uid()))).path("practiceSessionsRecord.created").entity(Integer.class).isEqualTo(1);
        int one = SqlStatementCounter.count();

        List<Map<String, Object>> sessions = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            sessions.add(session(uid(), student, Instant.now().minus(1000 - i, ChronoUnit.MINUTES), "198.18.0." + (i % 250), 1 + i % 40, true, null));
        }
        SqlStatementCounter.reset();
        record(leeslabApi, false, sessions).path("practiceSessionsRecord.created").entity(Integer.class).isEqualTo(1000);
        // the call's two statements, and whether the token's client is still enabled
        assertThat(SqlStatementCounter.count()).isEqualTo(one).isEqualTo(3);
        assertThat(stored()).isEqualTo(1002);
    }
}
