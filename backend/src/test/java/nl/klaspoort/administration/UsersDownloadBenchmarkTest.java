package nl.klaspoort.administration;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;
import nl.klaspoort.support.Fixtures;
import nl.klaspoort.support.Fixtures.TestSchool;
import nl.klaspoort.support.HttpFiles;
import nl.klaspoort.support.KlaspoortTest;
import nl.klaspoort.support.Sessions;
import nl.klaspoort.support.SqlStatementCounter;
import nl.klaspoort.support.Workbooks;
import nl.klaspoort.spreadsheet.SheetRole;
import nl.klaspoort.spreadsheet.Spreadsheets;
import nl.klaspoort.spreadsheet.UserExportRow;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Benchmark of issue 13 (run with {@code -Dgroups=bench}, best with {@code -DargLine=-Xmx256m} so the whole application
 * runs in that heap; figures in {@code docs/benchmarks.md}): "Downloaden" of a school of 100,000 linked students end to
 * end, over HTTP, from the database through the cursor and the SXSSF writer into the response (target ≤ 3 s). The live
 * heap after every garbage collection during the downloads is recorded: it must not grow with the users.
 */
@Tag("bench")
@KlaspoortTest
class UsersDownloadBenchmarkTest {

    private static final int STUDENTS = 100_000;
    private static final int RUNS = 5;

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixture;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Spreadsheets spreadsheets;

    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void download100000Users() {
        TestSchool school = fixture.school().withAdmin().withSupervisors(1).create();
        // the arrangement writes 100,000 students: one transaction without the pool's statement timeout (5 s), which
        // a loaded machine exceeds; the download itself runs under the application's own limits
        TransactionTemplate arrange = new TransactionTemplate(transactions);
        arrange.setTimeout(600);
        arrange.executeWithoutResult(status -> arrange(school));
        // the planner's statistics as autovacuum keeps them for a school that has been there a while (without them it
        // expects a handful of members and nests loops over 100,000)
        jdbc.sql("analyze").update();
        HttpFiles admin = HttpFiles.as(port, Sessions.login(port, school.adminEmail(), Sessions.PROFESSIONAL_PASSWORD));

        java.util.Set<String> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == java.lang.management.MemoryType.HEAP)
                .map(java.lang.management.MemoryPoolMXBean::getName).collect(java.util.stream.Collectors.toSet());
        AtomicLong liveAfterGc = new AtomicLong();
        NotificationListener listener = (notification, handback) -> {
            if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
                GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
                long used = info.getGcInfo().getMemoryUsageAfterGc().entrySet().stream()
                        .filter(pool -> heapPools.contains(pool.getKey())).mapToLong(pool -> pool.getValue().getUsed()).sum();
                liveAfterGc.accumulateAndGet(used, Math::max);
            }
        };
        List<GarbageCollectorMXBean> collectors = ManagementFactory.getGarbageCollectorMXBeans();
        collectors.forEach(gc -> ((NotificationEmitter) gc).addNotificationListener(listener, null, null));
        List<Long> millis = new ArrayList<>();
        List<Long> liveHeaps = new ArrayList<>();
        List<Long> writerMillis = new ArrayList<>();
        int statements = 0;
        long bytes = 0;
        try {
            for (int run = 0; run < RUNS + 1; run++) {
                System.gc();
                long before = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
                liveAfterGc.set(0);
                SqlStatementCounter.reset();
                long started = System.nanoTime();
                HttpFiles.Answer answer = admin.postJson("/api/schools/" + school.id() + "/users.xlsx", "{}");
                long elapsed = (System.nanoTime() - started) / 1_000_000;
                statements = SqlStatementCounter.count();
                assertThat(answer.status()).isEqualTo(200);
                bytes = answer.body().length;
                assertThat(Workbooks.countRows(answer.body())).isEqualTo(1 + STUDENTS + 2);
                System.out.printf("BENCH download run %d: %d ms, %d KB, %d statements, heap before %d MB, live heap after GC"
                                + " during the download at most %d MB (max heap %d MB)%n", run, elapsed, bytes / 1024, statements,
                        before >> 20, liveAfterGc.get() >> 20, Runtime.getRuntime().maxMemory() >> 20);
                // the layer below in the same run: the writer alone, with the same number of rows made up in memory
                long writerStarted = System.nanoTime();
                spreadsheets.writeUsers(java.util.stream.IntStream.range(0, STUDENTS + 3).mapToObj(i -> new UserExportRow("Test", null,
                        "Leerling " + i, 5, "5A", java.util.Set.of(SheetRole.STUDENT), List.of("Leeslab"), "t" + i)),
                        java.io.OutputStream.nullOutputStream());
                long writer = (System.nanoTime() - writerStarted) / 1_000_000;
                System.out.printf("BENCH download run %d: the writer alone %d ms, end to end / writer %.1f%n", run, writer,
                        (double) elapsed / writer);
                if (run > 0) {
                    millis.add(elapsed);
                    writerMillis.add(writer);
                    liveHeaps.add(liveAfterGc.get() >> 20);
                }
            }
        } finally {
            collectors.forEach(gc -> {
                try {
                    ((NotificationEmitter) gc).removeNotificationListener(listener);
                } catch (Exception ignored) {
                    // gone with the JVM
                }
            });
        }
        List<Long> sorted = millis.stream().sorted().toList();
        long writerMedian = writerMillis.stream().sorted().toList().get(writerMillis.size() / 2);
        System.out.printf("BENCH download of %,d users end to end: median %d ms (runs %s), the writer alone median %d ms (ratio"
                        + " %.1f), file %d KB, %d statements, live heap after GC at most %s MB, max heap %d MB%n", STUDENTS + 3,
                sorted.get(sorted.size() / 2), millis, writerMedian, (double) sorted.get(sorted.size() / 2) / writerMedian,
                bytes / 1024, statements, liveHeaps, Runtime.getRuntime().maxMemory() >> 20);
        // the access check, the download's statement timeout, the download itself (and at most one of the session)
        assertThat(statements).isLessThanOrEqualTo(4);
    }

    private void arrange(TestSchool school) {
        jdbc.sql("set local statement_timeout = 0").update();
        List<Long> students = fixture.students(school, STUDENTS, 5, false);
        jdbc.sql("""
                with e as (
                  insert into enrollment (id, school_id, student_id, product_id)
                  select nextval('enrollment_seq'), :school, s, :product from unnest(:students::bigint[]) s
                  returning id)
                insert into enrollment_supervisor (enrollment_id, supervisor_id, school_id) select id, :supervisor, :school from e
                """).param("school", school.id()).param("product", school.leeslab()).param("supervisor", school.supervisorA())
                .param("students", students.toArray(Long[]::new)).update();
        jdbc.sql("update app_user set group_name = '5' || chr(65 + (id % 3)::int) where id = any(:ids)")
                .param("ids", students.toArray(Long[]::new)).update();
        fixture.assign(school.id(), school.supervisorA(), school.leeslab());
    }
}
