package nl.klaspoort.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import nl.klaspoort.matching.Reason.Code;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** X1: the matcher's judgement on the cases a school's typing produces. */
class PupilMatcherTest {

    private static Pupil local(long id, String first, String prefix, String last, String grade, String group) {
        return Pupil.of(id, first, prefix, last, grade, group);
    }

    private static Pupil basispoort(long id, String first, String prefix, String last, String grade, String group) {
        return Pupil.of(id, first, prefix, last, grade, group);
    }

    private static Suggestion only(MatchResult result) {
        assertThat(result.assignment()).hasSize(1);
        return result.assignment().getFirst();
    }

    private static List<Code> codes(Suggestion suggestion) {
        return suggestion.reasons().stream().map(Reason::code).toList();
    }

    @Test
    @DisplayName("X1 'van der Berg' and 'Berg, van der' are the same name, wherever the tussenvoegsel was typed")
    void tussenvoegselsWhereverTyped() {
        Pupil bp = basispoort(900, "Daan", "van der", "Berg", "5", "Groep 5A");
        for (Pupil typed : List.of(local(1, "Daan", null, "van der Berg", "5", "5a"),
                local(1, "Daan", null, "Berg, van der", "5", "5A"), local(1, "daan", "", "Berg van der", "5", "5A"),
                local(1, "DAAN", "van der", "Berg", "5", "groep 5a"), local(1, "Daan", null, "Vanderberg", "5", "5A"))) {
            Suggestion suggestion = only(PupilMatcher.match(List.of(typed), List.of(bp)));

            assertThat(suggestion.confidence()).isEqualTo(100);
            assertThat(codes(suggestion)).containsExactly(Code.LAST_NAME_EQUAL, Code.FIRST_NAME_EQUAL, Code.GRADE_EQUAL,
                    Code.GROUP_EQUAL);
        }
    }

    @Test
    @DisplayName("X1 accents and special letters do not count: Özdemir, Yılmaz, Zoë, Çelik")
    void accentsFold() {
        MatchResult result = PupilMatcher.match(
                List.of(local(1, "Ayse", null, "Ozdemir", "4", null), local(2, "Zoe", null, "Yilmaz", "6", null),
                        local(3, "Noelle", null, "Celik", "7", null)),
                List.of(basispoort(11, "Ayşe", null, "Özdemir", "4", "Groep 4"), basispoort(12, "Zoë", null, "Yılmaz", "6", null),
                        basispoort(13, "Noëlle", null, "Çelik", "7", null)));

        assertThat(result.automatic()).extracting(Suggestion::localId, Suggestion::basispoortId)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(1L, 11L),
                        org.assertj.core.groups.Tuple.tuple(2L, 12L), org.assertj.core.groups.Tuple.tuple(3L, 13L));
        assertThat(result.automatic()).allMatch(s -> s.confidence() == 92);
    }

    @Test
    @DisplayName("X1 a roepnaam and the voornamen, a usual short form, initials: the same child, with less certainty")
    void roepnaamVoornamenInitials() {
        Pupil bp = new Pupil(900, "Bram", null, "A.J.", "de", "Vries", "3", "Groep 3B", null);

        Suggestion voornamen = only(PupilMatcher.match(List.of(local(1, "Abraham Johannes", "de", "Vries", "3", "3B")), List.of(bp)));
        Suggestion initials = only(PupilMatcher.match(List.of(local(1, "A.J.", "de", "Vries", "3", "3B")), List.of(bp)));
        Suggestion secondName = only(PupilMatcher.match(List.of(local(1, "Johannes", "de", "Vries", "3", "3B")),
                List.of(new Pupil(900, "Johannes", "Abraham Johannes", null, "de", "Vries", "3", "3B", null))));

        assertThat(codes(voornamen)).contains(Code.FIRST_NAME_SHORT_FORM);
        assertThat(voornamen.confidence()).isBetween(90, 99);
        assertThat(codes(initials)).contains(Code.INITIALS_MATCH);
        assertThat(initials.confidence()).isBetween(70, 89);
        assertThat(codes(secondName)).contains(Code.FIRST_NAME_EQUAL);
        assertThat(codes(only(PupilMatcher.match(List.of(local(1, "Johannes", "de", "Vries", "3", "3B")),
                List.of(new Pupil(900, "Hans", "Abraham Johannes", null, "de", "Vries", "3", "3B", null))))))
                .contains(Code.FIRST_NAME_AMONG_GIVEN_NAMES);
    }

    @Test
    @DisplayName("X1 a typing error is suggested, never linked automatically: Smit and Smits may be two children")
    void typingErrorsStayBelowTheThreshold() {
        Suggestion typo = only(PupilMatcher.match(List.of(local(1, "Sem", null, "Smit", "6", "6A")),
                List.of(basispoort(900, "Sem", null, "Smits", "6", "Groep 6A"))));
        Suggestion soundsAlike = only(PupilMatcher.match(List.of(local(1, "Lieke", null, "Dykstra", "2", null)),
                List.of(basispoort(900, "Lieke", null, "Dijkstra", "2", null))));

        assertThat(typo.confidence()).isBetween(PupilMatcher.LIKELY, PupilMatcher.AUTOMATIC - 1);
        assertThat(codes(typo)).contains(Code.LAST_NAME_TYPO);
        assertThat(soundsAlike.confidence()).isBetween(PupilMatcher.LIKELY, PupilMatcher.AUTOMATIC - 1);
        assertThat(codes(soundsAlike)).contains(Code.LAST_NAME_SOUNDS_ALIKE);
    }

    @Test
    @DisplayName("X1 a matching birth date makes a typing error safe to link; a different one rules a pair out")
    void birthDates() {
        LocalDate born = LocalDate.of(2017, 3, 14);
        Pupil typed = new Pupil(1, "Sem", null, null, null, "Smit", "6", null, born);

        Suggestion same = only(PupilMatcher.match(List.of(typed),
                List.of(new Pupil(900, "Sem", null, null, null, "Smits", "6", null, born))));
        Suggestion swapped = only(PupilMatcher.match(List.of(typed),
                List.of(new Pupil(900, "Sem", null, null, null, "Smit", "6", null, LocalDate.of(2017, 3, 15)))));
        MatchResult other = PupilMatcher.match(List.of(typed),
                List.of(new Pupil(900, "Sem", null, null, null, "Smit", "6", null, LocalDate.of(2016, 11, 2))));

        assertThat(same.confidence()).isEqualTo(100);
        assertThat(codes(same)).contains(Code.BIRTH_DATE_EQUAL, Code.LAST_NAME_TYPO);
        assertThat(codes(swapped)).contains(Code.BIRTH_DATE_ALMOST);
        assertThat(other.candidates(1)).singleElement().satisfies(s -> {
            assertThat(s.confidence()).isLessThan(PupilMatcher.LIKELY);
            assertThat(codes(s)).contains(Code.BIRTH_DATE_DIFFERENT);
        });
        assertThat(other.likelyDuplicates()).isEmpty();
    }

    @Test
    @DisplayName("X1 two pupils who fit equally well are never linked automatically, and both are warned about")
    void tiesLowerTheConfidence() {
        MatchResult result = PupilMatcher.match(
                List.of(local(1, "Emma", "de", "Vries", "4", null), local(2, "Emma", "de", "Vries", "4", null)),
                List.of(basispoort(11, "Emma", "de", "Vries", "4", null), basispoort(12, "Emma", "de", "Vries", "4", null)));

        assertThat(result.automatic()).isEmpty();
        assertThat(result.assignment()).hasSize(2).allSatisfy(s -> {
            assertThat(s.confidence()).isLessThan(PupilMatcher.AUTOMATIC);
            assertThat(codes(s)).contains(Code.AMBIGUOUS);
        });
        assertThat(result.likelyDuplicates()).extracting(Suggestion::localId).containsExactlyInAnyOrder(1L, 2L);
        assertThat(result.candidates(1)).extracting(Suggestion::basispoortId).containsExactlyInAnyOrder(11L, 12L);
    }

    @Test
    @DisplayName("X1 'Jong' and 'de Jong' are different families: the exact one comes first, and a person decides")
    void aCloseVariantOfTheNameKeepsAPersonInTheLoop() {
        MatchResult result = PupilMatcher.match(List.of(local(1, "Finn", "de", "Jong", "7", "7A")),
                List.of(basispoort(11, "Finn", null, "Jong", "7", "Groep 7A"), basispoort(12, "Finn", "de", "Jong", "7", "Groep 7A")));

        assertThat(result.automatic()).isEmpty();
        assertThat(result.candidates(1)).extracting(Suggestion::basispoortId).containsExactly(12L, 11L);
        assertThat(codes(result.candidates(1).get(1))).contains(Code.PREFIX_MISSING, Code.AMBIGUOUS);
        assertThat(result.assignment()).singleElement().satisfies(s -> assertThat(s.basispoortId()).isEqualTo(12));
        assertThat(result.likelyDuplicates()).singleElement().satisfies(s -> assertThat(s.basispoortId()).isEqualTo(12));

        MatchResult alone = PupilMatcher.match(List.of(local(1, "Finn", "de", "Jong", "7", "7A")),
                List.of(basispoort(12, "Finn", "de", "Jong", "7", "Groep 7A"), basispoort(13, "Finn", "de", "Jong", "4", "Groep 4B")));
        assertThat(alone.automatic()).singleElement().satisfies(s -> assertThat(s.basispoortId()).isEqualTo(12));
    }

    @Test
    @DisplayName("X1 grades: the same name in another grade is another child; a whole school one year behind is not")
    void gradesAndTheSchoolYearShift() {
        Suggestion otherGrade = only(PupilMatcher.match(List.of(local(1, "Noah", null, "Bakker", "3", null)),
                List.of(basispoort(900, "Noah", null, "Bakker", "6", null))));
        assertThat(otherGrade.confidence()).isLessThan(PupilMatcher.LIKELY);
        assertThat(codes(otherGrade)).contains(Code.GRADE_DIFFERENT);

        String[][] names = {{"Noah", "Bakker"}, {"Julia", "Visser"}, {"Liam", "Smit"}, {"Tess", "Mulder"},
                {"Milan", "Bos"}, {"Sara", "Vos"}};
        List<Pupil> lastYear = new java.util.ArrayList<>();
        List<Pupil> now = new java.util.ArrayList<>();
        for (int i = 0; i < names.length; i++) {
            lastYear.add(local(i + 1, names[i][0], null, names[i][1], String.valueOf(2 + i), (2 + i) + "A"));
            now.add(basispoort(100 + i, names[i][0], null, names[i][1], String.valueOf(3 + i), "Groep " + (3 + i) + "A"));
        }
        MatchResult shifted = PupilMatcher.match(lastYear, now);

        assertThat(shifted.automatic()).hasSize(names.length)
                .allSatisfy(s -> assertThat(codes(s)).contains(Code.GRADE_FOLLOWS_SCHOOL_YEAR).doesNotContain(Code.GROUP_DIFFERENT));
    }

    @Test
    @DisplayName("X1 groups count only when the school names them alike on both sides")
    void groupsCountWhenComparable() {
        String[][] names = {{"Noah", "Bakker"}, {"Julia", "Visser"}, {"Liam", "Smit"}, {"Tess", "Mulder"},
                {"Milan", "Bos"}, {"Sara", "Vos"}};
        List<Pupil> animals = new java.util.ArrayList<>();
        List<Pupil> numbered = new java.util.ArrayList<>();
        List<Pupil> sameNames = new java.util.ArrayList<>();
        for (int i = 0; i < names.length; i++) {
            animals.add(local(i + 1, names[i][0], null, names[i][1], "5", i % 2 == 0 ? "De Dolfijnen" : "De Uilen"));
            sameNames.add(local(i + 1, names[i][0], null, names[i][1], "5", i == 0 ? "5B" : "5A"));
            numbered.add(basispoort(100 + i, names[i][0], null, names[i][1], "5", "Groep 5A"));
        }

        assertThat(PupilMatcher.match(animals, numbered).automatic()).hasSize(names.length)
                .allSatisfy(s -> assertThat(codes(s)).doesNotContain(Code.GROUP_EQUAL, Code.GROUP_DIFFERENT));
        MatchResult comparable = PupilMatcher.match(sameNames, numbered);
        assertThat(comparable.automatic()).hasSize(names.length - 1);
        assertThat(comparable.candidates(1)).singleElement().satisfies(s -> {
            assertThat(s.confidence()).isEqualTo(89);
            assertThat(s.reasons()).contains(new Reason(Code.GROUP_DIFFERENT, -3));
        });
    }

    @Test
    @DisplayName("X1 every pupil is used once: the assignment and the one-click set never share a pupil")
    void oneToOne() {
        MatchResult result = PupilMatcher.match(
                List.of(local(1, "Lotte", null, "Dekker", "8", null), local(2, "Lotte", null, "Dekker", "8", "8B"),
                        local(3, "Lotte", null, "Decker", "8", null)),
                List.of(basispoort(11, "Lotte", null, "Dekker", "8", "Groep 8B")));

        assertThat(result.assignment()).singleElement().satisfies(s -> {
            assertThat(s.localId()).isEqualTo(2);
            assertThat(s.basispoortId()).isEqualTo(11);
        });
        assertThat(result.candidates(1)).hasSize(1);
        assertThat(result.candidates(3)).hasSize(1);
    }

    @Test
    @DisplayName("X1 a pupil who left the school has no likely counterpart and is not in the warning")
    void leaversAreNotWarnedAbout() {
        MatchResult result = PupilMatcher.match(
                List.of(local(1, "Mees", null, "Hendriks", "8", null), local(2, "Yara", "van", "Leeuwen", "5", null)),
                List.of(basispoort(11, "Yara", "van", "Leeuwen", "5", null), basispoort(12, "Yara", null, "Kok", "5", null)));

        assertThat(result.candidates(1)).isEmpty();
        assertThat(result.likelyDuplicates()).extracting(Suggestion::localId).containsExactly(2L);
    }

    @Test
    void aPupilListedTwiceIsRefusedAndNamesStayOutOfToString() {
        Pupil emma = local(1, "Emma", null, "Visser", "1", null);

        assertThatThrownBy(() -> PupilMatcher.match(List.of(emma, emma), List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThat(emma.toString()).isEqualTo("Pupil[1]");
        assertThat(PupilMatcher.match(List.of(), List.of()).assignment()).isEmpty();
    }
}
