package nl.klaspoort.results.internal;



import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import nl.klaspoort.productclient.ProductTokens;
import nl.klaspoort.support.KlaspoortTest;
import nl.klaspoort.support.Sessions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Benchmarks of issue 5 (tag {@code bench}, run with {@code -Dgroups=bench}): the supervisor's results overview
 * through /graphql (L2) against the same SQL through JDBC (L1) and inside PostgreSQL (L0, EXPLAIN ANALYZE), and
 * session ingestion through /graphql in calls of 1,000. Data set: 50 schools, one of them with 1,500 students in
 * 3 products followed by one supervisor and ~300k practice sessions, seeded set-based with generate_series.
 * Figures go to stdout and to {@code target/bench-results.txt}.
 */
@KlaspoortTest
@Tag("bench")
class ResultsBenchmark {

    static final int WARMUP = 10, RUNS = 60, INGEST_CALLS = 40;
    static final String SUPERVISOR = "bench.begeleider@bench.klaspoort.nl";
    static final JsonMapper JSON = new JsonMapper();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PasswordEncoder passwords;

    @Autowired
    TransactionTemplate tx;

    static Long bigSchool;
    static long leeslab;

    @BeforeEach
    void seed() {
        if (bigSchool != null) {
            return;
        }
        leeslab = jdbc.sql("select id from product where code = 'LEESLAB'").query(Long.class).single();
        long started = System.nanoTime();
        tx.executeWithoutResult(status -> {
            jdbc.sql("""
                    insert into school (id, brin, branch_code, name)
                    select nextval('school_seq'), '8' || (g % 10) || 'B' || chr(65 + g / 10), '00',
                           case when g = 0 then 'Benchschool Groot' else 'Benchschool ' || g end
                      from generate_series(0, 49) g
                    """).update();
            jdbc.sql("""
                    insert into app_user (id, kind, first_name, last_name, username, school_id, grade_year, group_name)
                    select nextval('app_user_seq'), 'STUDENT',
                           (array['Sanne','Daan','Emma','Sem','Julia','Lucas','Tess','Finn','Noor','Milan'])[1 + g % 10],
                           'Achternaam' || lpad(((g * 7919) % 100000)::text, 5, '0'),
                           'bench-' || s.id || '-' || g, s.id, 3 + g % 6, (3 + g % 6) || chr(65 + g % 3)
                      from school s cross join generate_series(1, case when s.name = 'Benchschool Groot' then 1500 else 30 end) g
                     where s.name like 'Benchschool%'
                    """).update();
            jdbc.sql("insert into school_member (school_id, user_id) select school_id, id from app_user where username like 'bench-%'").update();
            jdbc.sql("""
                    insert into contract (id, school_id, product_id, kind, name, seats, start_date, renewal_date)
                    select nextval('contract_seq'), s.id, p.id, 'SCHOOL_WIDE', 'Bench', 2000, current_date - 100, current_date + 265
                      from school s join product p on p.code = 'LEESLAB' or s.name = 'Benchschool Groot'
                     where s.name like 'Benchschool%'
                    """).update();
            jdbc.sql("""
                    insert into enrollment (id, school_id, student_id, product_id)
                    select nextval('enrollment_seq'), u.school_id, u.id, p.id
                      from app_user u join school s on s.id = u.school_id
                      join product p on p.code = 'LEESLAB' or s.name = 'Benchschool Groot'
                     where u.username like 'bench-%'
                    """).update();
            jdbc.sql("""
                    insert into app_user (id, kind, first_name, last_name, email, password_hash)
                    values (nextval('app_user_seq'), 'PROFESSIONAL', 'Bench', 'Begeleider', :email, :hash)
                    """).param("email", SUPERVISOR).param("hash", passwords.encode(Sessions.PROFESSIONAL_PASSWORD)).update();
            jdbc.sql("""
                    with sup as (select id from app_user where email = :email), big as (select id from school where name = 'Benchschool Groot'),
                         member as (insert into school_member (school_id, user_id) select big.id, sup.id from big, sup),
                         role as (insert into role_grant (school_id, user_id, role) select big.id, sup.id, 'SUPERVISOR' from big, sup),
                         assigned as (insert into product_assignment (school_id, supervisor_id, product_id)
                                      select big.id, sup.id, p.id from big, sup, product p)
                    insert into enrollment_supervisor (enrollment_id, supervisor_id, school_id)
                    select e.id, sup.id, e.school_id from enrollment e, sup, big where e.school_id = big.id
                    """).param("email", SUPERVISOR).update();
            jdbc.sql("""
                    insert into practice_session (id, school_id, student_id, product_id, external_id, started_at, ended_at,
                                                  location, lesson_position, completed, test_score)
                    select nextval('practice_session_seq'), e.school_id, e.student_id, e.product_id, 'bench-' || e.id || '-' || g,
                           t.started, t.started + make_interval(mins => 5 + ((e.id / 50 + g) % 25)::int),
                           case when (e.id / 50 + g) % 3 = 0 then 'HOME' else 'SCHOOL' end,
                           least(1 + g / 2, 30), (e.id / 50 + g) % 5 <> 0, null
                      from enrollment e join school s on s.id = e.school_id and s.name like 'Benchschool%'
                     cross join generate_series(1, case when s.name = 'Benchschool Groot' then 67 else 20 end) g
                     cross join lateral (select now() - interval '84 days' + g * interval '30 hours'
                                                + ((e.id / 50) % 97) * interval '7 minutes' as started) t
                    """).update();
            jdbc.sql("""
                    with r as (insert into school_ip_range (id, school_id, connection_type, notation, first_address, last_address, active)
                               select nextval('school_ip_range_seq'), id, 'FIBER', '192.0.2.0/24', '192.0.2.0', '192.0.2.255', true
                                 from school where name = 'Benchschool Groot' returning id, school_id, first_address, last_address)
                    insert into school_ip_range_activity (range_id, school_id, first_address, last_address, active_from)
                    select id, school_id, first_address, last_address, now() - interval '1 year' from r
                    """).update();
        });
        jdbc.sql("analyze").update();
        bigSchool = jdbc.sql("select id from school where name = 'Benchschool Groot'").query(Long.class).single();
        long sessions = jdbc.sql("select count(*) from practice_session").query(Long.class).single();
        long bigSessions = jdbc.sql("select count(*) from practice_session where school_id = :s").param("s", bigSchool).query(Long.class).single();
        report("Seed: %d practice sessions in the database, %d at the big school, %d schools; seeded in %d ms",
                sessions, bigSessions, jdbc.sql("select count(*) from school").query(Long.class).single(),
                (System.nanoTime() - started) / 1_000_000);
    }

    @Test
    void resultsOverviewPageOf50() throws Exception {
        Sessions.Session session = Sessions.login(port, SUPERVISOR, Sessions.PROFESSIONAL_PASSWORD);
        HttpClient http = HttpClient.newHttpClient();
        String query = """
                query($s: ID!, $p: ID!, $w: String, $sort: ResultsOverviewSort) { school(id: $s) {
                  resultsOverview(productId: $p, week: $w, first: 50, sort: $sort) { totalCount
                    edges { cursor node { studentId firstName namePrefix lastName displayName gradeYear group
                      highestCompletedLesson lessonsUntilNextTest practiceTime { schoolSeconds homeSeconds totalSeconds } lastPracticedAt } }
                    pageInfo { hasNextPage endCursor } } } }
                """;
        IsoWeek week = IsoWeek.current(java.time.Clock.systemUTC());
        // the floor of the stack: the same session, security chain and school(id) lookup, no overview
        HttpRequest floorRequest = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/graphql"))
                .header("Content-Type", "application/json").header("Cookie", session.cookieHeader())
                .header("X-XSRF-TOKEN", session.csrfToken())
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of(
                        "query", "query($s: ID!) { school(id: $s) { id name } }", "variables", Map.of("s", bigSchool))))).build();
        double[] floor = time(() -> {
            try {
                return http.send(floorRequest, HttpResponse.BodyHandlers.ofString()).body().length();
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        report("Floor: { school(id) { id name } } over HTTP with the session: p50 %.1f ms p95 %.1f ms", p(floor, 50), p(floor, 95));
        for (String[] sort : new String[][] {{"NAME", "ASC", "lower(last_name) asc, lower(first_name) asc, id asc"},
                {"PRACTICE_TIME", "DESC", "school_seconds + home_seconds desc, lower(last_name), lower(first_name), id"}}) {
            String body = JSON.writeValueAsString(Map.of("query", query, "variables", Map.of("s", bigSchool, "p", leeslab,
                    "w", week.toString(), "sort", Map.of("field", sort[0], "direction", sort[1]))));
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/graphql"))
                    .header("Content-Type", "application/json").header("Cookie", session.cookieHeader())
                    .header("X-XSRF-TOKEN", session.csrfToken())
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build();
            HttpResponse<String> check = http.send(request, HttpResponse.BodyHandlers.ofString());
            assertThat(check.body()).contains("\"totalCount\":1500").doesNotContain("errors");
            double[] l2 = time(() -> {
                try {
                    return http.send(request, HttpResponse.BodyHandlers.ofString()).body().length();
                } catch (IOException | InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            });

            long supervisor = jdbc.sql("select id from app_user where email = :e").param("e", SUPERVISOR).query(Long.class).single();
            String sql = OverviewQueries.pageSql(nl.klaspoort.platform.Where.all(), nl.klaspoort.platform.Where.all(), sort[2], !sort[0].equals("NAME"));
            Supplier<JdbcClient.StatementSpec> statement = () -> jdbc.sql(sql)
                    .param("school", bigSchool).param("product", leeslab).param("supervisor", supervisor)
                    .param("from", Timestamp.from(week.start().toInstant())).param("to", Timestamp.from(week.end().toInstant()))
                    .param("limit", 51).param("offset", 0);
            assertThat(statement.get().query().listOfRows()).hasSize(51);
            double[] l1 = time(() -> statement.get().query().listOfRows().size());
            double[] l0 = new double[RUNS];
            for (int i = 0; i < WARMUP + RUNS; i++) {
                List<String> plan = jdbc.sql("explain (analyze) " + sql)
                        .param("school", bigSchool).param("product", leeslab).param("supervisor", supervisor)
                        .param("from", Timestamp.from(week.start().toInstant())).param("to", Timestamp.from(week.end().toInstant()))
                        .param("limit", 51).param("offset", 0)
                        .query(String.class).list();
                if (i >= WARMUP) {
                    String last = plan.stream().filter(l -> l.startsWith("Execution Time")).findFirst().orElseThrow();
                    l0[i - WARMUP] = Double.parseDouble(last.replaceAll("[^0-9.]", ""));
                }
            }
            Arrays.sort(l0);
            report("Overview page of 50, sort %s %s, %d runs after %d warm-up: L2 /graphql p50 %.1f ms p95 %.1f ms | "
                            + "L1 JDBC p50 %.1f ms p95 %.1f ms | L0 PostgreSQL execution p50 %.1f ms p95 %.1f ms | "
                            + "L2/L1 p50 %.2fx p95 %.2fx | L2/L0 p50 %.2fx p95 %.2fx",
                    sort[0], sort[1], RUNS, WARMUP, p(l2, 50), p(l2, 95), p(l1, 50), p(l1, 95), p(l0, 50), p(l0, 95),
                    p(l2, 50) / p(l1, 50), p(l2, 95) / p(l1, 95), p(l2, 50) / p(l0, 50), p(l2, 95) / p(l0, 95));
        }
    }

    @Test
    void ingestionInCallsOf1000() throws Exception {
        String token = ProductTokens.accessToken(port, ProductTokens.LEESLAB, ProductTokens.RESULTS_WRITE_SCOPE);
        List<Long> students = jdbc.sql("""
                select e.student_id from enrollment e where e.school_id = :s and e.product_id = :p order by e.student_id
                """).param("s", bigSchool).param("p", leeslab).query(Long.class).list();
        String mutation = "mutation($input: PracticeSessionsRecordInput!) { practiceSessionsRecord(input: $input) "
                + "{ created unchanged rejected results { index status error { code } } } }";
        Instant base = Instant.now().minus(2, ChronoUnit.DAYS);
        List<String> bodies = new ArrayList<>();
        for (int call = 0; call < 5 + INGEST_CALLS; call++) {
            List<Map<String, Object>> sessions = new ArrayList<>();
            for (int i = 0; i < 1000; i++) {
                Instant start = base.plusSeconds(call * 1000L + i);
                Map<String, Object> s = new HashMap<>();
                s.put("sessionId", "ingest-bench-" + call + "-" + i);
                s.put("studentId", String.valueOf(students.get((call * 1000 + i) % students.size())));
                s.put("startedAt", start.toString());
                s.put("endedAt", start.plus(15, ChronoUnit.MINUTES).toString());
                s.put("clientIp", i % 2 == 0 ? "192.0.2." + (i % 250) : "198.51.100." + (i % 250));
                s.put("lessonPosition", 1 + i % 40);
                s.put("completed", i % 4 != 0);
                s.put("testScore", null);
                sessions.add(s);
            }
            bodies.add(JSON.writeValueAsString(Map.of("query", mutation, "variables", Map.of("input", Map.of("sessions", sessions)))));
        }
        HttpClient http = HttpClient.newHttpClient();
        double[] calls = new double[INGEST_CALLS];
        long total = 0;
        for (int call = 0; call < bodies.size(); call++) {
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/graphql"))
                    .header("Content-Type", "application/json").header("Authorization", "Bearer " + token)
                    .POST(HttpRequest.BodyPublishers.ofString(bodies.get(call))).build();
            long t = System.nanoTime();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            long elapsed = System.nanoTime() - t;
            assertThat(response.body()).contains("\"created\":1000");
            if (call >= 5) {
                calls[call - 5] = elapsed / 1e6;
                total += elapsed;
            }
        }
        double[] sorted = calls.clone();
        Arrays.sort(sorted);
        report("Ingestion: %d calls of 1,000 sessions after 5 warm-up calls, sequential, one client: %.0f sessions/s; "
                        + "per call p50 %.1f ms p95 %.1f ms p99 %.1f ms max %.1f ms",
                INGEST_CALLS, INGEST_CALLS * 1000 / (total / 1e9), p(sorted, 50), p(sorted, 95), p(sorted, 99), sorted[sorted.length - 1]);
    }

    /** Milliseconds of RUNS runs after WARMUP runs, sorted. */
    private static double[] time(Supplier<Integer> run) {
        double[] ms = new double[RUNS];
        for (int i = 0; i < WARMUP + RUNS; i++) {
            long t = System.nanoTime();
            run.get();
            if (i >= WARMUP) {
                ms[i - WARMUP] = (System.nanoTime() - t) / 1e6;
            }
        }
        Arrays.sort(ms);
        return ms;
    }

    private static double p(double[] sorted, int percentile) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(percentile / 100.0 * sorted.length) - 1)];
    }

    private static void report(String format, Object... args) {
        String line = format.formatted(args);
        System.out.println("BENCH " + line);
        try {
            Files.writeString(Path.of("target/bench-results.txt"), line + System.lineSeparator(),
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
