package nl.klaspoort.userimport;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.klaspoort.support.Fixtures;
import nl.klaspoort.support.Fixtures.TestSchool;
import nl.klaspoort.support.HttpFiles;
import nl.klaspoort.support.KlaspoortTest;
import nl.klaspoort.support.Sessions;
import nl.klaspoort.support.SqlStatementCounter;
import nl.klaspoort.support.Workbooks;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/**
 * Benchmark of issue 13 (run with {@code -Dgroups=bench}; figures in {@code docs/benchmarks.md}): an import of 1,000
 * students end to end over HTTP on a fresh school per run: the upload (read, check, generated logins, stored), the
 * background hashing of the passwords (followed through the progress subscription), the review of all rows, and the
 * confirmation (target ≤ 1 s, a constant number of statements). One warm-up, then three measured runs.
 */
@Tag("bench")
@KlaspoortTest
class ImportBenchmarkTest {

    private static final int STUDENTS = 1_000;
    private static final int RUNS = 3;

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixture;

    @Test
    void confirm1000Students() {
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < STUDENTS; i++) {
            rows.add(new Object[] {"Kind", null, "Nummer" + letters(i), 1 + i % 8, (1 + i % 8) + "" + (char) ('A' + i % 3)});
        }
        List<Long> upload = new ArrayList<>();
        List<Long> hashing = new ArrayList<>();
        List<Long> review = new ArrayList<>();
        List<Long> confirm = new ArrayList<>();
        int statements = 0;
        byte[] workbook = null;
        for (int run = 0; run < RUNS + 1; run++) {
            TestSchool school = fixture.school().withAdmin().create();
            Sessions.Session session = Sessions.login(port, school.adminEmail(), Sessions.PROFESSIONAL_PASSWORD);
            HttpFiles files = HttpFiles.as(port, session);
            HttpGraphQlTester admin = Sessions.tester(port, session).mutate().responseTimeout(Duration.ofMinutes(5)).build();
            if (workbook == null) {
                workbook = Workbooks.fill(files.get("/api/spreadsheet-templates/students").body(), rows);
            }

            long started = System.nanoTime();
            HttpFiles.Answer answer = files.importFile(school.schoolId(), "STUDENTS", workbook);
            long uploaded = System.nanoTime();
            assertThat(answer.status()).isEqualTo(201);
            String id = ImportTestBase.JSON.readTree(answer.text()).get("importId").asString();
            ImportProgress.awaitReady(port, session, school.schoolId(), id);
            long ready = System.nanoTime();
            admin.documentName("imports-view").variable("schoolId", school.schoolId()).variable("id", id).variable("first", 100)
                    .execute().path("school.spreadsheetImport.counts.good").entity(Integer.class).isEqualTo(STUDENTS);
            long reviewed = System.nanoTime();

            SqlStatementCounter.reset();
            long confirmStarted = System.nanoTime();
            GraphQlTester.Response confirmed = admin.documentName("imports-confirm")
                    .variable("input", Map.of("schoolId", school.schoolId(), "importId", id)).execute();
            long done = System.nanoTime();
            statements = SqlStatementCounter.count();
            confirmed.path("spreadsheetImportConfirm.created").entity(Integer.class).isEqualTo(STUDENTS);

            System.out.printf("BENCH import run %d: upload %d ms, hashing %d ms, review %d ms, confirm %d ms (%d statements)%n",
                    run, millis(started, uploaded), millis(uploaded, ready), millis(ready, reviewed), millis(confirmStarted, done),
                    statements);
            if (run > 0) {
                upload.add(millis(started, uploaded));
                hashing.add(millis(uploaded, ready));
                review.add(millis(ready, reviewed));
                confirm.add(millis(confirmStarted, done));
            }
        }
        System.out.printf("BENCH import of %,d students: upload %s; hashing %s; review %s; confirm %s, %d statements%n",
                STUDENTS, summary(upload), summary(hashing), summary(review), summary(confirm), statements);
        assertThat(statements).isLessThanOrEqualTo(12);
    }

    private static String letters(int i) {
        return "" + (char) ('a' + i / 676) + (char) ('a' + i / 26 % 26) + (char) ('a' + i % 26);
    }

    private static long millis(long from, long to) {
        return (to - from) / 1_000_000;
    }

    private static String summary(List<Long> millis) {
        List<Long> sorted = millis.stream().sorted().toList();
        return "median %d ms (runs %s)".formatted(sorted.get(sorted.size() / 2), millis);
    }
}
