package nl.klaspoort.administration;

import nl.klaspoort.support.Fixtures;

import static nl.klaspoort.support.GraphQl.errorCodes;
import static nl.klaspoort.support.GraphQl.ids;
import static nl.klaspoort.support.GraphQl.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.klaspoort.support.KlaspoortTest;
import nl.klaspoort.support.Sessions;
import nl.klaspoort.support.SqlStatementCounter;
import nl.klaspoort.support.Fixtures.TestSchool;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Benchmark (run with {@code -Dgroups=bench}): {@code studentsLink} of 1,000 students × 2 products × 2 supervisors in
 * one mutation, end to end over HTTP, ten measured runs after two warm-ups, each on a fresh school. Figures go to
 * {@code docs/benchmarks.md} by hand.
 */
@Tag("bench")
@KlaspoortTest
class BulkLinkMutationBenchmarkTest {

    private static final int STUDENTS = 1_000;
    private static final int RUNS = 10;

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Fixtures fixture;

    @Test
    void link1000StudentsTimesTwoProductsTimesTwoSupervisors() {
        List<Long> millis = new ArrayList<>();
        int statements = 0;
        for (int run = 0; run < RUNS + 2; run++) {
            TestSchool school = fixture.school().withAdmin().withSupervisors(2).withStudents(STUDENTS, 5).withContracts().create();
            HttpGraphQlTester admin = Sessions.tester(port, school.adminEmail()).mutate().responseTimeout(Duration.ofMinutes(2)).build();
            List<Long> students = school.students();
            Map<String, Object> input = Map.of("schoolId", school.schoolId(), "studentIds", ids(students), "links", List.of(
                    Map.of("productId", Long.toString(school.leeslab()), "supervisorIds", ids(school.supervisorA(), school.supervisorB())),
                    Map.of("productId", Long.toString(school.spelling()), "supervisorIds", ids(school.supervisorA(), school.supervisorB()))));
            SqlStatementCounter.reset();
            long started = System.nanoTime();
            GraphQlTester.Response response = run(admin, "admin-students-link", input);
            long elapsed = (System.nanoTime() - started) / 1_000_000;
            statements = SqlStatementCounter.count();
            assertThat(errorCodes(response, "studentsLink")).isEmpty();
            assertThat(jdbc.sql("select count(*) from enrollment_supervisor where school_id = :s").param("s", school.id())
                    .query(Integer.class).single()).isEqualTo(STUDENTS * 4);
            System.out.printf("BENCH run %d: %d ms, %d statements%n", run, elapsed, statements);
            if (run >= 2) {
                millis.add(elapsed);
            }
        }
        List<Long> sorted = millis.stream().sorted().toList();
        long median = (sorted.get(RUNS / 2 - 1) + sorted.get(RUNS / 2)) / 2;
        long p95 = sorted.get((int) Math.ceil(0.95 * RUNS) - 1);
        System.out.printf("BENCH bulk link %d students x 2 products x 2 supervisors: median %d ms, p95 %d ms, %d statements, runs %s%n",
                STUDENTS, median, p95, statements, millis);
        assertThat(statements).isLessThanOrEqualTo(13);
    }
}
