package nl.klaspoort.basispoort;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import klaspoort.peers.basispoort.BasispoortSimulator;
import klaspoort.peers.basispoort.WorldGenerator;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * BP3 transport: a full pull of 100,000 pupils over 400 schools (250 each, with groups and staff) through the
 * Basispoort client, over mutual TLS, from the simulator in the same JVM. Per school: details and overview (what a
 * full sync reads). The import pipeline's target for a whole sync is 30 s, so the transport must take well under it.
 */
@Tag("bench")
class BasispoortPullBenchmarkTest {

    static final int SCHOOLS = 400;
    static final int PUPILS_PER_SCHOOL = 250;

    @Test
    void fullPullOf100000PupilsOver400Schools(@TempDir Path certificates) throws Exception {
        try (BasispoortSimulator simulator = BasispoortSimulator.builder().certificates(certificates)
                .world(world -> WorldGenerator.generate(world, SCHOOLS, PUPILS_PER_SCHOOL, 2026)).start()) {
            BasispoortClientTest.simulator = simulator;
            BasispoortClientTest.certificates = certificates;
            BasispoortClientTest.withClient(client -> {
                pull(client, 1); // warm-up: TLS session, JIT
                for (int threads : new int[] {1, 4, 8}) {
                    long best = Long.MAX_VALUE;
                    for (int run = 0; run < 3; run++) {
                        long started = System.nanoTime();
                        int pupils = pull(client, threads);
                        long millis = (System.nanoTime() - started) / 1_000_000;
                        assertThat(pupils).isEqualTo(SCHOOLS * PUPILS_PER_SCHOOL);
                        best = Math.min(best, millis);
                        System.out.printf("Basispoort full pull, %d schools, %,d pupils, %d parallel: %d ms%n", SCHOOLS,
                                pupils, threads, millis);
                    }
                    assertThat(best).as("best of three, %d parallel (ms)", threads).isLessThan(10_000);
                }
            });
        }
    }

    /** List the schools, then details + overview of each; returns the number of pupils read. */
    private static int pull(BasispoortClient client, int threads) {
        List<Long> ids = client.schoolIds();
        AtomicInteger pupils = new AtomicInteger();
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            List<Future<?>> futures = new ArrayList<>();
            for (long id : ids) {
                futures.add(pool.submit(() -> {
                    client.details(id);
                    pupils.addAndGet(client.overview(id).pupils().size());
                }));
            }
            for (Future<?> future : futures) {
                future.get();
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return pupils.get();
    }
}
