package nl.klaspoort.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** What the benchmarks share: percentiles, and their lines on stdout and in {@code target/bench-results.txt}. */
public final class BenchReport {

    private BenchReport() {}

    /** The {@code percentile} of sorted values (nearest rank). */
    public static double p(double[] sorted, int percentile) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(percentile / 100.0 * sorted.length) - 1)];
    }

    public static void report(String format, Object... args) {
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
