package nl.klaspoort.spreadsheet;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.function.IntFunction;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Benchmarks of issue 13 (run with {@code -Dgroups=bench}; figures in {@code docs/benchmarks.md}): reading and checking
 * 10,000 rows (target ≤ 2 s), and exporting 100,000 users in a separate JVM with a 256 MB heap (target ≤ 3 s).
 */
@Tag("bench")
class SpreadsheetBenchmark {

    private static final String[] FIRST = {"Anna", "Bram", "Cas", "Daan", "Eva", "Fleur", "Gijs", "Hanna", "Ilse", "Jesse",
            "Noor", "Sem", "Lotte", "Finn", "Julia", "Lucas", "Sophie", "Milan", "Emma", "Levi"};
    private static final String[] PREFIX = {null, null, null, "de", "van", "van der", "van den", "ter", null, "in 't"};
    private static final String[] LAST = {"Jansen", "de Vries", "Bakker", "Visser", "Smit", "Meijer", "Mulder", "Bos",
            "Vos", "Peters", "Hendriks", "Dekker", "Brouwer", "Dijkstra", "Kok", "Yılmaz", "El Amrani", "Öztürk"};

    @Test
    void readAndCheck10000Rows() {
        byte[] students = studentsFile(10_000);
        byte[] professionals = professionalsFile(10_000);
        Spreadsheets spreadsheets = new Spreadsheets();
        AccountLookups lookups = new AccountLookups(emails -> Set.of(), usernames -> Set.of());

        for (int warmUp = 0; warmUp < 5; warmUp++) {
            spreadsheets.readAndCheck(SheetKind.STUDENTS, TestFiles.in(students), lookups);
            spreadsheets.readAndCheck(SheetKind.PROFESSIONALS, TestFiles.in(professionals), lookups);
        }
        List<Long> studentMillis = new ArrayList<>();
        List<Long> professionalMillis = new ArrayList<>();
        for (int run = 0; run < 20; run++) {
            long started = System.nanoTime();
            ImportReview<?> review = spreadsheets.readAndCheck(SheetKind.STUDENTS, TestFiles.in(students), lookups);
            studentMillis.add((System.nanoTime() - started) / 1_000_000);
            assertThat(review.counts().good()).isEqualTo(10_000);
            started = System.nanoTime();
            review = spreadsheets.readAndCheck(SheetKind.PROFESSIONALS, TestFiles.in(professionals), lookups);
            professionalMillis.add((System.nanoTime() - started) / 1_000_000);
            assertThat(review.counts().good()).isEqualTo(10_000);
        }
        System.out.printf("BENCH read+check 10,000 students (%d KB): %s%n", students.length / 1024, summary(studentMillis));
        System.out.printf("BENCH read+check 10,000 professionals (%d KB): %s%n", professionals.length / 1024, summary(professionalMillis));
    }

    /** The export runs in its own JVM with {@code -Xmx256m}, so the heap bound is real and not this JVM's. */
    @Test
    void export100000UsersWithA256MbHeap(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("gebruikers.xlsx");
        String java = ProcessHandle.current().info().command().orElseThrow();
        Process process = new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                ExportRun.class.getName(), file.toString(), "100000", "7")
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(10, TimeUnit.MINUTES)).isTrue();
        System.out.print(output);
        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output).contains("maxHeap=256 MB");

        assertThat(rowsIn(file)).isEqualTo(100_001);

        // the same export in a quarter of that heap: the memory does not grow with the rows
        Process small = new ProcessBuilder(java, "-Xmx64m", "-cp", System.getProperty("java.class.path"),
                ExportRun.class.getName(), file.toString(), "100000", "1")
                .redirectErrorStream(true).start();
        String smallOutput = new String(small.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(small.waitFor(10, TimeUnit.MINUTES)).isTrue();
        System.out.print(smallOutput);
        assertThat(small.exitValue()).as(smallOutput).isZero();
        assertThat(rowsIn(file)).isEqualTo(100_001);
    }

    /** The exporting JVM: writes the file {@code runs} times, prints each time and the peak heap use. */
    public static final class ExportRun {
        public static void main(String[] args) throws IOException {
            Path file = Path.of(args[0]);
            int users = Integer.parseInt(args[1]);
            int runs = Integer.parseInt(args[2]);
            Spreadsheets spreadsheets = new Spreadsheets();
            List<Long> millis = new ArrayList<>();
            for (int run = 0; run < runs; run++) {
                long started = System.nanoTime();
                try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 64 * 1024)) {
                    spreadsheets.writeUsers(users(users), out);
                }
                millis.add((System.nanoTime() - started) / 1_000_000);
            }
            long peak = ManagementFactory.getMemoryPoolMXBeans().stream().filter(pool -> pool.getType() == MemoryType.HEAP)
                    .map(MemoryPoolMXBean::getPeakUsage).mapToLong(usage -> usage.getUsed()).sum();
            System.out.printf("BENCH export %,d users: runs %s ms (first is cold), file %d KB, maxHeap=%d MB, peak heap pools %d MB%n",
                    users, millis, Files.size(file) / 1024, Runtime.getRuntime().maxMemory() / (1024 * 1024), peak / (1024 * 1024));
        }

        private static Stream<UserExportRow> users(int count) {
            return IntStream.range(0, count).mapToObj(i -> i % 10 == 0
                    ? new UserExportRow(FIRST[i % FIRST.length], PREFIX[i % PREFIX.length], LAST[i % LAST.length], null, null,
                            i % 20 == 0 ? Set.of(SheetRole.ADMIN, SheetRole.SUPERVISOR) : Set.of(SheetRole.SUPERVISOR),
                            List.of("Leeslab", "Spellingster"), "leerkracht" + i + "@school" + (i % 50) + ".nl")
                    : new UserExportRow(FIRST[i % FIRST.length], PREFIX[i % PREFIX.length], LAST[(i / 7) % LAST.length], 1 + i % 8,
                            "Groep " + (1 + i % 8) + (char) ('A' + i % 3), Set.of(SheetRole.STUDENT),
                            i % 3 == 0 ? List.of("Leeslab") : List.of("Leeslab", "Rekenroute"), "leerling" + i));
        }
    }

    private static long rowsIn(Path file) throws IOException {
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(file))) {
            for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
                if (entry.getName().equals("xl/worksheets/sheet1.xml")) {
                    return countRows(zip);
                }
            }
        }
        throw new AssertionError("no sheet");
    }

    private static long countRows(InputStream sheet) throws IOException {
        Pattern row = Pattern.compile("<row ");
        long rows = 0;
        byte[] buffer = new byte[1 << 16];
        String carry = "";
        for (int n; (n = sheet.read(buffer)) != -1; ) {
            String text = carry + new String(buffer, 0, n, StandardCharsets.ISO_8859_1);
            Matcher matcher = row.matcher(text);
            int end = 0;
            while (matcher.find()) {
                rows++;
                end = matcher.end();
            }
            carry = text.substring(Math.max(end, text.length() - 4));
        }
        return rows;
    }

    private static byte[] studentsFile(int count) {
        return file("Leerlingen", TestFiles.STUDENT_HEADER, count, i -> TestFiles.row(FIRST[i % FIRST.length],
                PREFIX[i % PREFIX.length], LAST[(i / 3) % LAST.length], 1 + i % 8, (1 + i % 8) + "" + (char) ('A' + i % 3)));
    }

    private static byte[] professionalsFile(int count) {
        return file("Professionals", TestFiles.PROFESSIONAL_HEADER, count, i -> TestFiles.row(FIRST[i % FIRST.length],
                PREFIX[i % PREFIX.length], LAST[(i / 3) % LAST.length], i % 5 == 0 ? "Beheerder en begeleider" : "Begeleider",
                "medewerker" + i + "@school.nl"));
    }

    private static byte[] file(String sheetName, Object[] header, int count, IntFunction<Object[]> row) {
        List<Object[]> rows = new ArrayList<>();
        rows.add(header);
        IntStream.range(0, count).mapToObj(row).forEach(rows::add);
        return TestFiles.workbook(sheetName, rows);
    }

    private static String summary(List<Long> millis) {
        List<Long> sorted = millis.stream().sorted().toList();
        return String.format("median %d ms, p95 %d ms, max %d ms (%d runs)", sorted.get(sorted.size() / 2),
                sorted.get((int) Math.ceil(0.95 * sorted.size()) - 1), sorted.getLast(), sorted.size());
    }
}
