package nl.klaspoort.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Locale;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** X1 speed: the suggestions for 1,000 pupils on each side, as the matching screen asks for them. */
@Tag("bench")
class PupilMatcherBenchmarkTest {

    @Test
    @DisplayName("X1 1,000 × 1,000 pupils matched well under a second")
    void thousandByThousand() {
        DutchSchool school = DutchSchool.generate(1000, 2026, DutchSchool.Noise.realistic(), DutchSchool.Spread.REALISTIC);
        DutchSchool crowded = DutchSchool.generate(1000, 2026, DutchSchool.Noise.realistic(), DutchSchool.Spread.CROWDED);
        for (int warmUp = 0; warmUp < 10; warmUp++) {
            PupilMatcher.match(school.local(), school.basispoort());
            PupilMatcher.match(crowded.local(), crowded.basispoort());
        }
        double[] realistic = new double[21];
        double[] namesakes = new double[21];
        for (int run = 0; run < realistic.length; run++) {
            long start = System.nanoTime();
            PupilMatcher.match(school.local(), school.basispoort());
            realistic[run] = (System.nanoTime() - start) / 1e6;
            start = System.nanoTime();
            PupilMatcher.match(crowded.local(), crowded.basispoort());
            namesakes[run] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(realistic);
        Arrays.sort(namesakes);
        System.out.printf(Locale.ROOT, "X1 1,000 x 1,000: median %.1f ms (max %.1f), full of namesakes median %.1f ms (max %.1f)%n",
                realistic[10], realistic[20], namesakes[10], namesakes[20]);

        assertThat(realistic[10]).isLessThan(250);
        assertThat(namesakes[10]).isLessThan(250);
    }
}
