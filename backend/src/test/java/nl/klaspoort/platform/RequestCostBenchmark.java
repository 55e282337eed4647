package nl.klaspoort.platform;

import static nl.klaspoort.support.BenchReport.p;
import static nl.klaspoort.support.BenchReport.report;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.ZoneId;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import net.ttddyy.dsproxy.QueryInfo;
import net.ttddyy.dsproxy.proxy.ParameterSetOperation;
import net.ttddyy.dsproxy.support.ProxyDataSource;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;
import nl.klaspoort.productclient.ProductTokens;
import nl.klaspoort.support.BenchData;
import nl.klaspoort.support.Node;
import nl.klaspoort.support.Sessions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a GraphQL request costs on top of its SQL (issue 16; figures in {@code docs/benchmarks.md}). One command:
 * <pre>./mvnw -B -ntp -pl backend -am test -DskipFrontend -Dgroups=bench -Dtest=RequestCostBenchmark -Dsurefire.failIfNoSpecifiedTests=false</pre>
 * Two application nodes run in this JVM on one embedded PostgreSQL with the bench data ({@link BenchData}): AFTER with
 * the settings of this release, BEFORE with the request path of before issue 16 switched back on by configuration
 * (no document cache, async dispatch with a thread per data fetcher and a transaction per service call, observations,
 * a session write per request). For each operation, over HTTP with a signed-in session exactly as the SPA sends it:
 * warm-up with {@value #WARM_SECONDS} s of {@value #CLIENTS}-client load on each node, then
 * {@value #ROUNDS} × {@value #RUNS} sequential requests in turns of AFTER, BEFORE and L1 — the statements AFTER sent for one such
 * request (captured from its driver, parameters and all), replayed over plain JDBC in one transaction on one
 * connection of the same pool, every row read. Then throughput of {@value #CLIENTS} clients for
 * {@value #LOAD_SECONDS} s per node, alternating, {@value #ROUNDS} rounds. The load average is printed with each line.
 */
@Tag("bench")
class RequestCostBenchmark {

    static final int CLIENTS = 8, WARM_SECONDS = 4, LOAD_SECONDS = 5, ROUNDS = 3, RUNS = 150;
    static final int INGEST_WARMUP = 5, INGEST_CALLS = 30, INGEST_CLIENTS = 2;
    static final JsonMapper JSON = new JsonMapper();

    /**
     * On both nodes: the per-user request limits (20/s, 8 at once: a person at a browser) out of the way of the
     * benchmark's clients, which all use one session.
     */
    static final Map<String, Object> BOTH = Map.of(
            "klaspoort.security.requests.burst", "100000000",
            "klaspoort.security.requests.per-second", "100000000",
            "klaspoort.security.requests.concurrent", "1000");

    /** The request path as it was before issue 16, by configuration. */
    static final Map<String, Object> BEFORE = Map.of(
            "klaspoort.security.requests.burst", "100000000",
            "klaspoort.security.requests.per-second", "100000000",
            "klaspoort.security.requests.concurrent", "1000",
            "klaspoort.graphql.document-cache-size", "0",
            "klaspoort.graphql.synchronous", "false",
            "klaspoort.observations.enabled", "true",
            "klaspoort.security.session-touch-interval", "0");

    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void requestCosts() throws Exception {
        report("Start, load average %s", load());
        try (Node after = Node.first(BOTH, Capture.class);
                Node before = Node.next(after.database(), BEFORE, Capture.class)) {
            // the tests' class path has Spring WebFlux, so Spring Security hooks a context-propagating subscriber onto every
            // Reactor operator; the application's jar has no WebFlux and so no such hook: measure it as it runs
            reactor.core.publisher.Hooks.resetOnLastOperator("org.springframework.security.SECURITY_REACTOR_CONTEXT_OPERATOR");
            JdbcClient jdbc = after.bean(JdbcClient.class);
            long seeding = System.nanoTime();
            BenchData.seed(jdbc, after.bean(TransactionTemplate.class),
                    after.bean(PasswordEncoder.class).encode(Sessions.PROFESSIONAL_PASSWORD));
            report("Seeded in %d ms: %d practice sessions, %d users, %d schools", (System.nanoTime() - seeding) / 1_000_000,
                    jdbc.sql("select count(*) from practice_session").query(Long.class).single(),
                    jdbc.sql("select count(*) from app_user").query(Long.class).single(),
                    jdbc.sql("select count(*) from school").query(Long.class).single());
            long school = jdbc.sql("select id from school where name = 'Benchschool Groot'").query(Long.class).single();
            long leeslab = jdbc.sql("select id from product where code = 'LEESLAB'").query(Long.class).single();
            // one session each, signed in on AFTER and used on both nodes: the session lives in the database
            Sessions.Session admin = Sessions.login(after.port(), BenchData.ADMIN, Sessions.PROFESSIONAL_PASSWORD);
            Sessions.Session supervisor = Sessions.login(after.port(), BenchData.SUPERVISOR, Sessions.PROFESSIONAL_PASSWORD);

            LocalDate today = LocalDate.now(ZoneId.of("Europe/Amsterdam"));
            String week = "%d-W%02d".formatted(today.get(IsoFields.WEEK_BASED_YEAR), today.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
            String overview = """
                    query($s: ID!, $p: ID!, $w: String, $sort: ResultsOverviewSort) { school(id: $s) {
                      resultsOverview(productId: $p, week: $w, first: 50, sort: $sort) { totalCount
                        edges { cursor node { studentId firstName namePrefix lastName displayName gradeYear group
                          highestCompletedLesson lessonsUntilNextTest practiceTime { schoolSeconds homeSeconds totalSeconds } lastPracticedAt } }
                        pageInfo { hasNextPage endCursor } } } }
                    """;
            Map<String, Object> users = new LinkedHashMap<>();
            users.put("query", Files.readString(Path.of("../frontend/graphql/users.graphql")));
            users.put("operationName", "SchoolUsers");
            users.put("variables", Map.of("schoolId", String.valueOf(school), "archived", false, "first", 50, "withTotal", true));

            List<Operation> operations = List.of(
                    new Operation("(a) { __typename }", admin, Map.of("query", "{ __typename }"), "\"__typename\":\"Query\"", false),
                    new Operation("(b) { school(id) { id name } }", admin, Map.of("query",
                            "query($s: ID!) { school(id: $s) { id name } }", "variables", Map.of("s", school)),
                            "Benchschool Groot", false),
                    new Operation("(c) SchoolUsers, page of 50 + totalCount", admin, users, "\"totalCount\":150", true),
                    new Operation("(d) results overview, page of 50, NAME ASC", supervisor, Map.of("query", overview,
                            "variables", Map.of("s", school, "p", leeslab, "w", week, "sort", Map.of("field", "NAME", "direction", "ASC"))),
                            "\"totalCount\":1500", true),
                    new Operation("(d) results overview, page of 50, PRACTICE_TIME DESC", supervisor, Map.of("query", overview,
                            "variables", Map.of("s", school, "p", leeslab, "w", week, "sort", Map.of("field", "PRACTICE_TIME", "direction", "DESC"))),
                            "\"totalCount\":1500", true));

            DataSource pool = after.bean(DataSource.class);
            Map<String, double[]> floors = new LinkedHashMap<>();
            for (Operation operation : operations) {
                HttpRequest onAfter = operation.request(after.port()), onBefore = operation.request(before.port());
                for (HttpRequest request : List.of(onAfter, onBefore)) {
                    String body = send(request);
                    assertThat(body).contains(operation.expected).doesNotContain("\"errors\"");
                }
                // the fewest of three requests: a request that also writes the session's last access (once a minute)
                // is not the typical one
                List<QueryInfo> fewest = Capture.during(() -> send(onAfter));
                for (int i = 0; i < 2; i++) {
                    List<QueryInfo> again = Capture.during(() -> send(onAfter));
                    fewest = again.size() < fewest.size() ? again : fewest;
                }
                List<QueryInfo> statements = fewest;
                int beforeStatements = Capture.during(() -> send(onBefore)).size();
                load(onAfter, WARM_SECONDS);
                load(onBefore, WARM_SECONDS);
                for (int i = 0; i < RUNS * 2; i++) {
                    replay(pool, statements);
                }
                // one request of each kind in turn, so that the machine's load, which changes by the second, hits all three alike
                List<Double> a = new ArrayList<>(), b = new ArrayList<>(), l1 = new ArrayList<>();
                for (int i = 0; i < ROUNDS * RUNS; i++) {
                    a.add(timed(() -> send(onAfter)));
                    b.add(timed(() -> send(onBefore)));
                    l1.add(timed(() -> replay(pool, statements)));
                }
                double[] as = sorted(a), bs = sorted(b), ls = sorted(l1);
                floors.put(operation.name, new double[] {p(as, 50), p(as, 95), p(ls, 50), p(ls, 95)});
                report("%s | AFTER p50 %.2f p95 %.2f ms | BEFORE p50 %.2f p95 %.2f ms | L1 p50 %.2f p95 %.2f ms | "
                                + "AFTER/L1 p50 %.2fx p95 %.2fx | BEFORE/AFTER p50 %.2fx | statements AFTER %d BEFORE %d | load %s",
                        operation.name, p(as, 50), p(as, 95), p(bs, 50), p(bs, 95), p(ls, 50), p(ls, 95),
                        p(as, 50) / p(ls, 50), p(as, 95) / p(ls, 95), p(bs, 50) / p(as, 50), statements.size(),
                        beforeStatements, load());
                if (operation.name.startsWith("(b)") || operation.name.startsWith("(c)")) {
                    profile(onAfter, "AFTER " + operation.name);
                    profile(onBefore, "BEFORE " + operation.name);
                }
                if (operation.throughput) {
                    double[] ta = new double[ROUNDS], tb = new double[ROUNDS], tl = new double[ROUNDS];
                    for (int round = 0; round < ROUNDS; round++) {
                        ta[round] = load(onAfter, LOAD_SECONDS);
                        tb[round] = load(onBefore, LOAD_SECONDS);
                        tl[round] = load(() -> replay(pool, statements), LOAD_SECONDS);
                    }
                    report("(e) %s, %d clients: AFTER %s req/s | BEFORE %s req/s | L1 %s req/s | AFTER/BEFORE %.2fx | "
                                    + "AFTER/L1 %.2f | load %s", operation.name, CLIENTS, Arrays.toString(round(ta)),
                            Arrays.toString(round(tb)), Arrays.toString(round(tl)),
                            Arrays.stream(ta).sum() / Arrays.stream(tb).sum(), Arrays.stream(ta).sum() / Arrays.stream(tl).sum(), load());
                }
            }
            ingestion(after, jdbc, school, leeslab);
            double[] typename = floors.get(operations.get(0).name), school1 = floors.get(operations.get(1).name);
            report("Target (b) <= 1.5 x ((a) + L1 of (b)): p50 %.2f ms <= %.2f ms, p95 %.2f ms <= %.2f ms",
                    school1[0], 1.5 * (typename[0] + school1[2]), school1[1], 1.5 * (typename[1] + school1[3]));
        }
        report("End, load average %s", load());
    }

    /**
     * RS6 ingestion on AFTER, 1,000 sessions per call, through the GraphQL mutation and through the NDJSON bulk path,
     * calls alternating between the two; then {@value #INGEST_CLIENTS} clients on the bulk path for
     * {@value #LOAD_SECONDS} s.
     */
    private void ingestion(Node node, JdbcClient jdbc, long school, long leeslab) throws Exception {
        String token = ProductTokens.accessToken(node.port(), ProductTokens.LEESLAB, ProductTokens.RESULTS_WRITE_SCOPE);
        List<Long> students = jdbc.sql("select student_id from enrollment where school_id = :s and product_id = :p order by student_id")
                .param("s", school).param("p", leeslab).query(Long.class).list();
        String mutation = "mutation($input: PracticeSessionsRecordInput!) { practiceSessionsRecord(input: $input) "
                + "{ created unchanged rejected results { index status error { code } } } }";
        AtomicLong call = new AtomicLong();
        java.util.function.Supplier<List<Map<String, Object>>> batch = () -> {
            long c = call.getAndIncrement();
            Instant base = Instant.now().minus(2, ChronoUnit.DAYS);
            List<Map<String, Object>> sessions = new ArrayList<>(1000);
            for (int i = 0; i < 1000; i++) {
                Instant start = base.plusSeconds(c * 1000 + i);
                Map<String, Object> session = new LinkedHashMap<>();
                session.put("sessionId", "cost-bench-" + c + "-" + i);
                session.put("studentId", String.valueOf(students.get((int) ((c * 1000 + i) % students.size()))));
                session.put("startedAt", start.toString());
                session.put("endedAt", start.plus(15, ChronoUnit.MINUTES).toString());
                session.put("clientIp", i % 2 == 0 ? "192.0.2." + (i % 250) : "198.51.100." + (i % 250));
                session.put("lessonPosition", 1 + i % 40);
                session.put("completed", i % 4 != 0);
                sessions.add(session);
            }
            return sessions;
        };
        java.util.function.Supplier<HttpRequest> graphql = () -> HttpRequest.newBuilder(
                        URI.create("http://localhost:" + node.port() + "/graphql"))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(
                        Map.of("query", mutation, "variables", Map.of("input", Map.of("sessions", batch.get())))))).build();
        java.util.function.Supplier<HttpRequest> ndjson = () -> HttpRequest.newBuilder(
                        URI.create("http://localhost:" + node.port() + "/api/practice-sessions"))
                .header("Content-Type", "application/x-ndjson").header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString(batch.get().stream().map(JSON::writeValueAsString)
                        .collect(java.util.stream.Collectors.joining("\n")))).build();
        List<Double> g = new ArrayList<>(), n = new ArrayList<>();
        for (int i = 0; i < INGEST_WARMUP + INGEST_CALLS; i++) {
            HttpRequest viaGraphQl = graphql.get(), viaNdjson = ndjson.get();
            long t = System.nanoTime();
            assertThat(send(viaGraphQl)).contains("\"created\":1000");
            double graphQlMs = (System.nanoTime() - t) / 1e6;
            t = System.nanoTime();
            assertThat(send(viaNdjson)).startsWith("{\"created\":1000");
            double ndjsonMs = (System.nanoTime() - t) / 1e6;
            if (i >= INGEST_WARMUP) {
                g.add(graphQlMs);
                n.add(ndjsonMs);
            }
        }
        double[] gs = sorted(g), ns = sorted(n);
        report("Ingestion, %d calls of 1,000 sessions each way after %d warm-up, one client, alternating: GraphQL %.0f sessions/s "
                        + "(per call p50 %.1f p99 %.1f ms) | NDJSON %.0f sessions/s (per call p50 %.1f p99 %.1f ms) | load %s",
                INGEST_CALLS, INGEST_WARMUP, 1000 * g.size() / (g.stream().mapToDouble(Double::doubleValue).sum() / 1000), p(gs, 50), p(gs, 99),
                1000 * n.size() / (n.stream().mapToDouble(Double::doubleValue).sum() / 1000), p(ns, 50), p(ns, 99), load());
        long callNanos = 0, sqlMillis = 0;
        int statementsPerCall = 0;
        for (int i = 0; i < 10; i++) {
            HttpRequest request = ndjson.get();
            long t = System.nanoTime();
            statementsPerCall = Capture.during(() -> send(request)).size();
            callNanos += System.nanoTime() - t;
            sqlMillis += Capture.elapsed.get();
        }
        report("Ingestion, NDJSON, 10 calls of 1,000: %d statements a call; of %.1f ms per call %.1f ms in SQL (statement sent to "
                + "its answer read) | load %s", statementsPerCall, callNanos / 1e7, sqlMillis / 10.0, load());
        AtomicLong sessions = new AtomicLong();
        List<Double> latencies = java.util.Collections.synchronizedList(new ArrayList<>());
        long end = System.nanoTime() + LOAD_SECONDS * 1_000_000_000L, started = System.nanoTime();
        List<Thread> clients = new ArrayList<>();
        for (int i = 0; i < INGEST_CLIENTS; i++) {
            clients.add(Thread.ofPlatform().name("bench-client-" + i).start(() -> {
                while (System.nanoTime() < end) {
                    HttpRequest request = ndjson.get();
                    long t = System.nanoTime();
                    send(request);
                    latencies.add((System.nanoTime() - t) / 1e6);
                    sessions.addAndGet(1000);
                }
            }));
        }
        for (Thread client : clients) {
            client.join();
        }
        double[] ls = sorted(latencies);
        report("Ingestion, NDJSON, %d clients for %d s: %.0f sessions/s sustained, per call p50 %.1f p99 %.1f ms | load %s",
                INGEST_CLIENTS, LOAD_SECONDS, sessions.get() / ((System.nanoTime() - started) / 1e9), p(ls, 50), p(ls, 99), load());
    }

    /** Packages by the layer they belong to, for the profile's summary; the first that matches a frame counts. */
    static final List<String[]> LAYERS = List.of(
            new String[] {"graphql-java", "graphql."},
            new String[] {"Spring GraphQL", "org.springframework.graphql."},
            new String[] {"Spring Security", "org.springframework.security."},
            new String[] {"Spring Session", "org.springframework.session."},
            new String[] {"Spring MVC", "org.springframework.web."},
            new String[] {"Spring JDBC/transactions", "org.springframework.jdbc.", "org.springframework.transaction."},
            new String[] {"Micrometer", "io.micrometer."},
            new String[] {"Tomcat", "org.apache.catalina.", "org.apache.coyote.", "org.apache.tomcat."},
            new String[] {"Jackson", "tools.jackson.", "com.fasterxml."},
            new String[] {"PostgreSQL driver", "org.postgresql."},
            new String[] {"HikariCP", "com.zaxxer."},
            new String[] {"Reactor", "reactor."},
            new String[] {"Vaadin/Hilla", "com.vaadin."},
            new String[] {"Klaspoort", "nl.klaspoort."},
            new String[] {"other Spring", "org.springframework."});

    /**
     * A JFR CPU profile of {@link #LOAD_SECONDS} s of {@link #CLIENTS}-client load on one node: the server's samples
     * (not the benchmark's client threads) by the layer of their innermost non-JDK frame.
     */
    private void profile(HttpRequest request, String name) throws Exception {
        Path file = Path.of("target", "profile-" + name.replaceAll("[^A-Za-z0-9]+", "-") + ".jfr");
        try (jdk.jfr.Recording recording = new jdk.jfr.Recording()) {
            recording.enable("jdk.ExecutionSample").withPeriod(java.time.Duration.ofMillis(10));
            recording.start();
            load(request, LOAD_SECONDS);
            recording.stop();
            recording.dump(file);
        }
        Map<String, Integer> byLayer = new java.util.TreeMap<>();
        int total = 0;
        for (jdk.jfr.consumer.RecordedEvent event : jdk.jfr.consumer.RecordingFile.readAllEvents(file)) {
            jdk.jfr.consumer.RecordedThread thread = event.getThread("sampledThread");
            String threadName = thread == null ? "" : String.valueOf(thread.getJavaName());
            if (threadName.startsWith("bench-client") || threadName.startsWith("HttpClient") || event.getStackTrace() == null) {
                continue;
            }
            String layer = "JDK only";
            for (jdk.jfr.consumer.RecordedFrame frame : event.getStackTrace().getFrames()) {
                String type = frame.getMethod().getType().getName();
                if (type.startsWith("java.") || type.startsWith("jdk.") || type.startsWith("sun.")) {
                    continue;
                }
                layer = "other";
                for (String[] candidate : LAYERS) {
                    for (int i = 1; i < candidate.length; i++) {
                        if (type.startsWith(candidate[i])) {
                            layer = candidate[0];
                        }
                    }
                    if (!layer.equals("other")) {
                        break;
                    }
                }
                break;
            }
            byLayer.merge(layer, 1, Integer::sum);
            total++;
        }
        int samples = total;
        String summary = byLayer.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .map(e -> "%s %.0f%%".formatted(e.getKey(), 100.0 * e.getValue() / samples))
                .collect(java.util.stream.Collectors.joining(", "));
        report("Profile %s (%d server samples, %s): %s | load %s", name, samples, file, summary, load());
    }

    record Operation(String name, Sessions.Session session, Map<String, Object> body, String expected, boolean throughput) {
        HttpRequest request(int port) {
            return HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/graphql"))
                    .header("Content-Type", "application/json").header("Accept", "application/graphql-response+json")
                    .header("Cookie", session.cookieHeader()).header("X-XSRF-TOKEN", session.csrfToken())
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build();
        }
    }

    private String send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(response.statusCode() + " " + response.body());
            }
            return response.body();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Requests per second of {@link #CLIENTS} clients sending {@code request} one after the other for {@code seconds}. */
    private double load(HttpRequest request, int seconds) throws InterruptedException {
        return load(() -> send(request), seconds);
    }

    /** Runs per second of {@link #CLIENTS} threads running {@code work} one after the other for {@code seconds}. */
    private static double load(Runnable work, int seconds) throws InterruptedException {
        AtomicLong done = new AtomicLong();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        List<Thread> clients = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            clients.add(Thread.ofPlatform().name("bench-client-" + i).start(() -> {
                while (System.nanoTime() < end) {
                    work.run();
                    done.incrementAndGet();
                }
            }));
        }
        long started = System.nanoTime();
        for (Thread client : clients) {
            client.join();
        }
        return done.get() / ((System.nanoTime() - started) / 1e9);
    }

    /** The statements of one request, as the application sent them, in one transaction on one connection. */
    private static void replay(DataSource pool, List<QueryInfo> statements) {
        try (Connection connection = pool.getConnection()) {
            connection.setAutoCommit(false);
            for (QueryInfo statement : statements) {
                try (PreparedStatement prepared = connection.prepareStatement(statement.getQuery())) {
                    List<List<ParameterSetOperation>> sets = statement.getParametersList();
                    if (sets.size() > 1) {
                        for (List<ParameterSetOperation> set : sets) {
                            apply(prepared, set);
                            prepared.addBatch();
                        }
                        prepared.executeBatch();
                        continue;
                    }
                    if (!sets.isEmpty()) {
                        apply(prepared, sets.getFirst());
                    }
                    if (prepared.execute()) {
                        try (ResultSet rows = prepared.getResultSet()) {
                            int columns = rows.getMetaData().getColumnCount();
                            while (rows.next()) {
                                for (int c = 1; c <= columns; c++) {
                                    rows.getObject(c);
                                }
                            }
                        }
                    }
                }
            }
            connection.commit();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void apply(PreparedStatement prepared, List<ParameterSetOperation> set) {
        for (ParameterSetOperation operation : set) {
            try {
                operation.getMethod().invoke(prepared, operation.getArgs());
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static double timed(Runnable request) {
        long t = System.nanoTime();
        request.run();
        return (System.nanoTime() - t) / 1e6;
    }

    private static double[] sorted(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    }


    private static long[] round(double[] values) {
        return Arrays.stream(values).mapToLong(Math::round).toArray();
    }

    private static String load() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).substring(0, 14).trim();
        } catch (IOException e) {
            return "?";
        }
    }


    /** Records the statements every node sends while {@link #during} runs (one request at a time). */
    @TestConfiguration(proxyBeanMethods = false)
    static class Capture {
        private static volatile List<QueryInfo> current;
        /** Milliseconds the statements took (sent to answer read) since the last {@link #during}. */
        static final AtomicLong elapsed = new AtomicLong();

        static synchronized List<QueryInfo> during(Runnable request) {
            List<QueryInfo> statements = new ArrayList<>();
            elapsed.set(0);
            current = statements;
            try {
                request.run();
            } finally {
                current = null;
            }
            synchronized (statements) {
                return List.copyOf(statements);
            }
        }

        @Bean
        static BeanPostProcessor capturingDataSource() {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String name) {
                    if (bean instanceof DataSource dataSource && !(bean instanceof ProxyDataSource)) {
                        return ProxyDataSourceBuilder.create(dataSource).name("capture").afterQuery((execution, queries) -> {
                            List<QueryInfo> statements = current;
                            if (statements != null) {
                                synchronized (statements) {
                                    statements.addAll(queries);
                                }
                                elapsed.addAndGet(execution.getElapsedTime());
                            }
                        }).build();
                    }
                    return bean;
                }
            };
        }
    }
}
