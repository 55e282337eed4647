package nl.klaspoort.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * X1 on generated schools of 1,000 pupils a side with the differences real hand-typed lists have: the pairs offered
 * for "accept all above 90%" must all be right (a wrong link gives a child another child's results), most right pairs
 * should be among them, and the warning must name nearly every local pupil who would end up twice.
 */
class PupilMatcherQualityTest {

    record Quality(int truePairs, int automatic, int automaticRight, int warned, int warnedRight, int leaversWarned,
            int leavers) {

        double precision() {
            return automatic == 0 ? 1 : (double) automaticRight / automatic;
        }

        double recall() {
            return (double) automaticRight / truePairs;
        }

        /** Of the local pupils on both lists who are not linked automatically, the share the warning names. */
        double warningRecall() {
            return (double) warned / (truePairs - automaticRight);
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "precision %.4f, recall %.4f (%d of %d pairs automatic), warning names %.3f"
                    + " of the rest (%d of them with the right counterpart), %d of %d leavers warned about", precision(),
                    recall(), automaticRight, truePairs, warningRecall(), warnedRight, leaversWarned, leavers);
        }
    }

    static Quality measure(DutchSchool school) {
        MatchResult result = PupilMatcher.match(school.local(), school.basispoort());
        Map<Long, Long> truth = school.truth();
        Set<Long> locals = new HashSet<>();
        Set<Long> remotes = new HashSet<>();
        for (Suggestion s : result.assignment()) {
            assertThat(locals.add(s.localId())).as("local pupil used twice").isTrue();
            assertThat(remotes.add(s.basispoortId())).as("Basispoort pupil used twice").isTrue();
        }
        List<Suggestion> automatic = result.automatic();
        int right = (int) automatic.stream().filter(s -> truth.get(s.localId()) != null
                && truth.get(s.localId()) == s.basispoortId()).count();
        Set<Long> automaticLocals = new HashSet<>(automatic.stream().map(Suggestion::localId).toList());
        List<Suggestion> warnings = result.likelyDuplicates().stream().filter(s -> !automaticLocals.contains(s.localId())).toList();
        int warned = (int) warnings.stream().filter(s -> truth.containsKey(s.localId())).count();
        int warnedRight = (int) warnings.stream().filter(s -> truth.get(s.localId()) != null
                && truth.get(s.localId()) == s.basispoortId()).count();
        int leaversWarned = (int) warnings.stream().filter(s -> !truth.containsKey(s.localId())).count();
        return new Quality(truth.size(), automatic.size(), right, warned, warnedRight, leaversWarned,
                school.local().size() - truth.size());
    }

    @Test
    @DisplayName("X1 accept-all above 90%: every automatic pair right on five generated schools of 1,000 pupils a side")
    void automaticPairsAreAllRight() {
        assertQuality(DutchSchool.Spread.REALISTIC, 5, 0.75, 0.85);
    }

    @Test
    @DisplayName("X1 a school full of namesakes: pairs a name cannot tell apart are left to a person")
    void namesakesAreLeftToAPerson() {
        assertQuality(DutchSchool.Spread.CROWDED, 3, 0.7, 0.85);
    }

    /** Precision 1.0 on each of {@code schools} generated schools with realistic typing, and at least these shares. */
    private static void assertQuality(DutchSchool.Spread spread, int schools, double recall, double warning) {
        for (long seed = 1; seed <= schools; seed++) {
            Quality quality = measure(DutchSchool.generate(1000, seed, DutchSchool.Noise.realistic(), spread));
            System.out.println("X1 " + spread + " seed " + seed + ": " + quality);

            assertThat(quality.precision()).as("precision, seed " + seed).isEqualTo(1.0);
            assertThat(quality.recall()).as("recall, seed " + seed).isGreaterThan(recall);
            assertThat(quality.warningRecall()).as("warning, seed " + seed).isGreaterThan(warning);
        }
    }

    @Test
    @DisplayName("X1 lists typed with care match almost completely")
    void cleanListsMatchAlmostCompletely() {
        Quality quality = measure(DutchSchool.generate(1000, 42, DutchSchool.Noise.none(), DutchSchool.Spread.REALISTIC));
        System.out.println("X1 clean: " + quality);

        assertThat(quality.precision()).isEqualTo(1.0);
        assertThat(quality.recall()).isGreaterThan(0.95);
    }

    @Test
    @DisplayName("X1 with birth dates on both sides (EDEXML), typing errors become safe to link")
    void birthDatesRaiseTheRecall() {
        DutchSchool.Noise realistic = DutchSchool.Noise.realistic();
        DutchSchool.Noise withDates = new DutchSchool.Noise(realistic.firstNameTypo(), realistic.lastNameTypo(),
                realistic.prefixInLastName(), realistic.prefixAfterComma(), realistic.prefixMissing(),
                realistic.prefixAbbreviated(), realistic.accentsDropped(), realistic.allGivenNames(),
                realistic.initialsOnly(), realistic.gradeOffByOne(), realistic.groupMissing(), realistic.groupOther(),
                realistic.shouting(), realistic.left(), realistic.arrived(), true);
        Quality quality = measure(DutchSchool.generate(1000, 7, withDates, DutchSchool.Spread.CROWDED));
        System.out.println("X1 birth dates: " + quality);

        assertThat(quality.precision()).isEqualTo(1.0);
        assertThat(quality.recall()).isGreaterThan(0.95);
    }
}
