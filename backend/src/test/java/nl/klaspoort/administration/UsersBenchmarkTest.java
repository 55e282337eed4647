package nl.klaspoort.administration;

import nl.klaspoort.support.Fixtures;

import nl.klaspoort.access.Role;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.klaspoort.support.KlaspoortTest;
import nl.klaspoort.support.Sessions;
import nl.klaspoort.support.SqlStatementCounter;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * Benchmark (run on demand: {@code -Dgroups=bench}): the users connection, a page of 50 with nested fields, from a school
 * of 1,500 students with enrollments, over HTTP as the SPA sends it. Prints p50/p95 over 200 requests after warm-up and
 * the SQL statement count per request; the figures go into {@code docs/benchmarks.md}.
 */
@Tag("bench")
@KlaspoortTest
class UsersBenchmarkTest {

    private static final int STUDENTS = 1_500;
    private static final int WARM_UP = 100;
    private static final int RUNS = 200;

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Fixtures fixtures;

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void usersConnectionPageOf50From1500Students() throws Exception {
        long school = fixtures.school().named("Benchmarkschool").create().id();
        long admin = fixtures.professional(school, "Bench", "Beheerder", Role.ADMIN);
        long[] supervisors = {
            fixtures.professional(school, "Sup", "Een", Role.SUPERVISOR),
            fixtures.professional(school, "Sup", "Twee", Role.SUPERVISOR),
            fixtures.professional(school, "Sup", "Drie", Role.ADMIN, Role.SUPERVISOR)};
        seed(school, supervisors);
        Sessions.Session session = Sessions.login(port, fixtures.email(admin), Sessions.PROFESSIONAL_PASSWORD);

        Map<String, Object> frontend = Map.of("schoolId", String.valueOf(school), "archived", false, "first", 50,
                "withTotal", true);
        Map<String, Object> full = Map.of("schoolId", String.valueOf(school), "archive", false, "first", 50);
        Map<String, Object> search = new LinkedHashMap<>(frontend);
        search.put("filter", Map.of("search", "de jong", "gradeYears", List.of(5, 6, 7, 8)));
        search.put("sort", Map.of("field", "GRADE_YEAR", "direction", "DESC"));

        StringBuilder report = new StringBuilder("\n| request | p50 ms | p95 ms | max ms | SQL statements |\n| --- | --- | --- | --- | --- |\n");
        report.append(measure(session, "frontend SchoolUsers, page 1 of 50 + totalCount", "users-list", frontend));
        report.append(measure(session, "every nested field (users-full), page 1 of 50 + totalCount", "users-full", full));
        Map<String, Object> deep = new LinkedHashMap<>(full);
        deep.put("after", cursorAt(session, full, 20));
        report.append(measure(session, "every nested field, page 21 of 50 (keyset cursor)", "users-full", deep));
        report.append(measure(session, "frontend SchoolUsers, search + grade filter + GRADE_YEAR DESC", "users-list", search));
        System.out.println("USERS BENCHMARK (" + STUDENTS + " students, " + RUNS + " requests after " + WARM_UP
                + " warm-up, " + Runtime.getRuntime().availableProcessors() + " cores)" + report);
    }

    private String measure(Sessions.Session session, String name, String document, Map<String, Object> variables)
            throws Exception {
        Map<String, Object> request = new LinkedHashMap<>(Map.of("query", document(document), "variables", variables));
        if (document.equals("users-list")) {
            request.put("operationName", "SchoolUsers");
        }
        String body = json.writeValueAsString(request);
        for (int i = 0; i < WARM_UP; i++) {
            post(session, body);
        }
        SqlStatementCounter.reset();
        String once = post(session, body);
        int statements = SqlStatementCounter.count();
        assertThat(once).doesNotContain("\"errors\"").contains("\"edges\"");
        List<Long> nanos = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            long start = System.nanoTime();
            post(session, body);
            nanos.add(System.nanoTime() - start);
        }
        Collections.sort(nanos);
        return "| %s | %.1f | %.1f | %.1f | %d |%n".formatted(name, ms(nanos.get(RUNS / 2)),
                ms(nanos.get((int) Math.ceil(RUNS * 0.95) - 1)), ms(nanos.getLast()), statements);
    }

    /** The end cursor after {@code pages} pages. */
    private String cursorAt(Sessions.Session session, Map<String, Object> variables, int pages) throws Exception {
        String after = null;
        for (int i = 0; i < pages; i++) {
            Map<String, Object> page = new LinkedHashMap<>(variables);
            page.put("after", after);
            String response = post(session, json.writeValueAsString(Map.of("query", document("users-full"), "variables", page)));
            after = json.readTree(response).at("/data/school/users/pageInfo/endCursor").asString();
        }
        return after;
    }

    private String post(Sessions.Session session, String body) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/graphql"))
                .header("Content-Type", "application/json")
                .header("Cookie", session.cookieHeader())
                .header("X-XSRF-TOKEN", session.csrfToken())
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    private final HttpClient http = HttpClient.newHttpClient();

    /** A test document, or for {@code users-list} the SPA's own {@code frontend/graphql/users.graphql}. */
    private static String document(String name) throws IOException {
        if (name.equals("users-list")) {
            return java.nio.file.Files.readString(java.nio.file.Path.of("../frontend/graphql/users.graphql"));
        }
        try (InputStream in = UsersBenchmarkTest.class.getResourceAsStream("/graphql-test/" + name + ".graphql")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static double ms(long nanos) {
        return nanos / 1_000_000.0;
    }

    /**
     * 1,500 students in groups 1–8 with Dutch names, every one enrolled in Leeslab, every second one in Spellingster too,
     * each enrollment followed by one of the supervisors (every fifth by two), all set-based.
     */
    private void seed(long school, long[] supervisors) {
        jdbc.sql("""
                insert into app_user (id, kind, first_name, name_prefix, last_name, username, school_id, grade_year, group_name)
                select nextval('app_user_seq'), 'STUDENT',
                       (array['Sanne','Daan','Emma','Sem','Julia','Lucas','Tess','Finn','Zoë','Levi','Noor','Milan','Lotte',
                              'Bram','Fleur','Thijs','Evi','Jesse','Sara','Ruben'])[1 + n % 20],
                       (array['de',null,'de','van den','van',null,null,null,null,null,'de',null,'de'])[1 + (n / 20) % 13],
                       (array['Jong','Jansen','Vries','Berg','Dijk','Bakker','Janssen','Visser','Smit','Meijer','Boer',
                              'Mulder','Groot'])[1 + (n / 20) % 13] || case when n >= 260 then ' ' || (n / 260) else '' end,
                       'bench-' || :school || '-' || n, :school, 1 + n % 8, (1 + n % 8) || (array['A','B','C'])[1 + n % 3]
                  from generate_series(1, :students) n
                """).param("school", school).param("students", STUDENTS).update();
        jdbc.sql("""
                insert into school_member (school_id, user_id)
                select :school, id from app_user where school_id = :school and kind = 'STUDENT'
                """).param("school", school).update();
        for (long supervisor : supervisors) {
            jdbc.sql("""
                    insert into product_assignment (school_id, supervisor_id, product_id)
                    select :school, :supervisor, id from product where code in ('LEESLAB', 'SPELLINGSTER')
                    """).param("school", school).param("supervisor", supervisor).update();
        }
        jdbc.sql("""
                insert into enrollment (id, school_id, student_id, product_id)
                select nextval('enrollment_seq'), :school, u.id, p.id
                  from app_user u join product p on p.code = 'LEESLAB' or (p.code = 'SPELLINGSTER' and (u.id / 50) % 2 = 0)
                 where u.school_id = :school
                """).param("school", school).update();
        jdbc.sql("""
                insert into enrollment_supervisor (enrollment_id, supervisor_id, school_id)
                select e.id, (cast(:supervisors as bigint[]))[1 + (e.id / 50) % 3], :school from enrollment e where e.school_id = :school
                union
                select e.id, (cast(:supervisors as bigint[]))[1 + (e.id / 50 + 1) % 3], :school from enrollment e
                 where e.school_id = :school and (e.student_id / 50) % 5 = 0
                """).param("school", school)
                .param("supervisors", "{" + supervisors[0] + "," + supervisors[1] + "," + supervisors[2] + "}").update();
        jdbc.sql("analyze").update();
    }
}
