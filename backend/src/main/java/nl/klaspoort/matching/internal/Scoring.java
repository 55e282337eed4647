package nl.klaspoort.matching.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import nl.klaspoort.matching.Pupil;
import nl.klaspoort.matching.Reason.Code;

/**
 * The points one pair of pupils earns, part by part. Names give at most 80 (last name 45, first name 35), the same
 * grade 12 and the same group 8 (another group -3): two pupils whose names agree fully in the same grade reach 92
 * without any group, 89 in different groups.
 * Typing errors and look-alike spellings cost enough that they alone never reach the automatic threshold of 90 (a
 * "Smit" and a "Smits" in one group may be two children); a matching birth date (+20) does.
 */
final class Scoring {

    static final double LAST = 45;
    static final double FIRST = 35;
    static final double GRADE_EQUAL = 12;
    static final double GRADE_OFF_BY_ONE = -5;
    static final double GRADE_DIFFERENT = -25;
    static final double GROUP_EQUAL = 8;
    static final double GROUP_DIFFERENT = -3;
    static final double BIRTH_EQUAL = 20;
    static final double BIRTH_DIFFERENT = -40;
    static final double PREFIX_SIMILAR = -2;
    static final double PREFIX_MISSING = -4;
    static final double PREFIX_DIFFERENT = -12;

    private static final Set<String> DE_DER_DEN = Set.of("de", "der", "den");

    /** One side's pupil, prepared once. */
    record Side(Pupil pupil, ParsedName name, Integer grade, String gradeText, String group, LocalDate birthDate) {

        static Side of(Pupil pupil) {
            String gradeText = pupil.gradeYear() == null ? "" : pupil.gradeYear().strip().toUpperCase(java.util.Locale.ROOT);
            Integer grade = gradeText.length() <= 2 && !gradeText.isEmpty() && gradeText.chars().allMatch(Character::isDigit)
                    ? Integer.valueOf(gradeText) : null;
            return new Side(pupil, ParsedName.of(pupil), grade, gradeText, group(pupil.group()), pupil.birthDate());
        }

        /** "Groep 5A", "groep 5a", "5 A", "05a" → "5a". */
        private static String group(String group) {
            String folded = Names.fold(group).replace("groep", "").replace("klas", "");
            String compact = String.join("", Names.tokens(folded));
            int digits = 0;
            while (digits < compact.length() - 1 && compact.charAt(digits) == '0') {
                digits++;
            }
            return compact.substring(digits);
        }
    }

    private Scoring() {
    }

    /** The name evidence of the pair, recorded in {@code e}; returns its points. */
    static double names(ParsedName a, ParsedName b, Evidence e) {
        lastName(a, b, e);
        firstName(a, b, e);
        return e.names();
    }

    private static void lastName(ParsedName a, ParsedName b, Evidence e) {
        if (a.core().isEmpty() || b.core().isEmpty()) {
            e.last = Code.LAST_NAME_DIFFERENT;
            return;
        }
        if (a.core().equals(b.core())) {
            e.last = Code.LAST_NAME_EQUAL;
            e.lastPoints = LAST;
            prefix(a.prefix(), b.prefix(), e);
            return;
        }
        if (a.full().equals(b.full())) {
            // "Vandenberg" typed as one word, "van den Berg" on the other side
            e.last = Code.LAST_NAME_EQUAL;
            e.lastPoints = LAST;
            return;
        }
        double similarity;
        int shorter = Math.min(a.core().length(), b.core().length());
        if (a.corePhonetic().equals(b.corePhonetic())) {
            e.last = Code.LAST_NAME_SOUNDS_ALIKE;
            similarity = 0.75;
        } else {
            int distance = EditDistance.within(a.core(), b.core(), 2);
            if (distance == 1 && shorter >= 4) {
                e.last = Code.LAST_NAME_TYPO;
                similarity = 0.75;
            } else if (distance == 2 && shorter >= 7) {
                e.last = Code.LAST_NAME_TYPO;
                similarity = 0.6;
            } else if (part(a.coreTokens(), b.coreTokens())) {
                e.last = Code.LAST_NAME_PART;
                similarity = 0.75;
            } else {
                e.last = Code.LAST_NAME_DIFFERENT;
                e.lastPoints = LAST * 0.4 * EditDistance.bigramSimilarity(a.core(), b.core());
                return;
            }
        }
        e.lastPoints = LAST * similarity;
        prefix(a.prefix(), b.prefix(), e);
    }

    /** Every word of the shorter last name occurs in the longer one ("Jansen" in "Jansen-de Vries"). */
    private static boolean part(List<String> a, List<String> b) {
        List<String> shorter = a.size() <= b.size() ? a : b;
        List<String> longer = shorter == a ? b : a;
        return shorter.size() < longer.size() && longer.containsAll(shorter);
    }

    private static void prefix(List<String> a, List<String> b, Evidence e) {
        if (a.equals(b)) {
            return;
        }
        if (a.isEmpty() || b.isEmpty()) {
            e.prefix = Code.PREFIX_MISSING;
            e.prefixPoints = PREFIX_MISSING;
        } else if (similarPrefixes(expand(a), expand(b))) {
            e.prefix = Code.PREFIX_SIMILAR;
            e.prefixPoints = PREFIX_SIMILAR;
        } else {
            e.prefix = Code.PREFIX_DIFFERENT;
            e.prefixPoints = PREFIX_DIFFERENT;
        }
    }

    /** "vd" → "v", "d" (the usual abbreviations of van de, van der, van den). */
    private static List<String> expand(List<String> prefix) {
        if (prefix.stream().noneMatch(w -> w.startsWith("vd"))) {
            return prefix;
        }
        return prefix.stream().flatMap(w -> w.startsWith("vd") ? java.util.stream.Stream.of("v", "d")
                : java.util.stream.Stream.of(w)).toList();
    }

    private static boolean similarPrefixes(List<String> a, List<String> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            String x = a.get(i);
            String y = b.get(i);
            boolean same = x.equals(y)
                    || x.length() == 1 && y.charAt(0) == x.charAt(0)
                    || y.length() == 1 && x.charAt(0) == y.charAt(0)
                    || DE_DER_DEN.contains(x) && DE_DER_DEN.contains(y)
                    || Set.of(x, y).equals(Set.of("t", "het")) || Set.of(x, y).equals(Set.of("s", "des"));
            if (!same) {
                return false;
            }
        }
        return true;
    }

    private static void firstName(ParsedName a, ParsedName b, Evidence e) {
        boolean aHasName = !a.first().isEmpty();
        boolean bHasName = !b.first().isEmpty();
        if (!aHasName || !bHasName) {
            initialsOnly(a, b, aHasName, bHasName, e);
            return;
        }
        double similarity;
        if (a.first().equals(b.first()) || a.firstJoined().equals(b.firstJoined())) {
            e.first = Code.FIRST_NAME_EQUAL;
            similarity = 1;
        } else if (b.given().contains(a.first()) || a.given().contains(b.first())) {
            e.first = Code.FIRST_NAME_AMONG_GIVEN_NAMES;
            similarity = 0.9;
        } else if (usualForm(a, b) || usualForm(b, a)) {
            e.first = Code.FIRST_NAME_SHORT_FORM;
            similarity = 0.85;
        } else if (a.firstPhonetic().equals(b.firstPhonetic())) {
            e.first = Code.FIRST_NAME_SOUNDS_ALIKE;
            similarity = 0.7;
        } else {
            int shorter = Math.min(a.first().length(), b.first().length());
            int distance = EditDistance.within(a.first(), b.first(), 2);
            if (distance == 1 && shorter >= 4) {
                e.first = Code.FIRST_NAME_TYPO;
                similarity = 0.75;
            } else if (distance == 1 && shorter == 3 && a.first().charAt(0) == b.first().charAt(0)) {
                e.first = Code.FIRST_NAME_TYPO;
                similarity = 0.6;
            } else if (distance == 2 && shorter >= 7) {
                e.first = Code.FIRST_NAME_TYPO;
                similarity = 0.6;
            } else if (shorter >= 3 && (a.first().startsWith(b.first()) || b.first().startsWith(a.first()))) {
                e.first = Code.FIRST_NAME_SHORT_FORM;
                similarity = 0.7;
            } else {
                e.first = Code.FIRST_NAME_DIFFERENT;
                similarity = 0.4 * EditDistance.bigramSimilarity(a.first(), b.first());
            }
        }
        e.firstPoints = FIRST * similarity;
    }

    /** The roepnaam of {@code a} is a usual form of one of the voornamen of {@code b} ("Bram" and "Abraham Johannes"). */
    private static boolean usualForm(ParsedName a, ParsedName b) {
        for (String formal : Names.formalForms(a.first())) {
            if (!formal.equals(a.first()) && b.given().contains(formal)) {
                return true;
            }
        }
        return false;
    }

    /** At least one side has no first name, only initials or nothing. */
    private static void initialsOnly(ParsedName a, ParsedName b, boolean aHasName, boolean bHasName, Evidence e) {
        if (aHasName == bHasName) {
            // neither has a name
            if (a.initials().isEmpty() || b.initials().isEmpty()) {
                e.first = Code.FIRST_NAME_MISSING;
                e.firstPoints = FIRST * 0.3;
            } else if (a.initials().charAt(0) == b.initials().charAt(0)) {
                e.first = Code.INITIALS_MATCH;
                e.firstPoints = FIRST * 0.5;
            } else {
                e.first = Code.FIRST_NAME_DIFFERENT;
            }
            return;
        }
        ParsedName initialsSide = aHasName ? b : a;
        ParsedName named = aHasName ? a : b;
        if (initialsSide.initials().isEmpty()) {
            e.first = Code.FIRST_NAME_MISSING;
            e.firstPoints = FIRST * 0.3;
        } else if (initialsSide.initials().charAt(0) == named.first().charAt(0)
                || named.initials().startsWith(initialsSide.initials())) {
            e.first = Code.INITIALS_MATCH;
            e.firstPoints = FIRST * 0.5;
        } else {
            e.first = Code.FIRST_NAME_DIFFERENT;
        }
    }

    /**
     * Grade, group and birth date, recorded in {@code e}; returns their points. {@code shift} is the school-year
     * difference every pupil shows (Basispoort's grade minus the local one), 0 normally; {@code groups} says whether
     * the two sides name groups alike (when a school's groups are "De Dolfijnen" locally and "Groep 5A" in
     * Basispoort, or were renamed at the school year's change, they say nothing).
     */
    static double context(Side local, Side remote, int shift, boolean groups, Evidence e) {
        if (local.grade() != null && remote.grade() != null) {
            int difference = remote.grade() - local.grade() - shift;
            if (difference == 0) {
                e.grade = shift == 0 ? Code.GRADE_EQUAL : Code.GRADE_FOLLOWS_SCHOOL_YEAR;
                e.gradePoints = GRADE_EQUAL;
            } else if (Math.abs(difference) == 1) {
                e.grade = Code.GRADE_OFF_BY_ONE;
                e.gradePoints = GRADE_OFF_BY_ONE;
            } else {
                e.grade = Code.GRADE_DIFFERENT;
                e.gradePoints = GRADE_DIFFERENT;
            }
        } else if (!local.gradeText().isEmpty() && !remote.gradeText().isEmpty()) {
            boolean same = local.gradeText().equals(remote.gradeText());
            e.grade = same ? Code.GRADE_EQUAL : Code.GRADE_DIFFERENT;
            e.gradePoints = same ? GRADE_EQUAL : GRADE_DIFFERENT;
        }
        if (groups && !local.group().isEmpty() && !remote.group().isEmpty()) {
            boolean same = local.group().equals(remote.group());
            e.group = same ? Code.GROUP_EQUAL : Code.GROUP_DIFFERENT;
            e.groupPoints = same ? GROUP_EQUAL : GROUP_DIFFERENT;
        }
        if (local.birthDate() != null && remote.birthDate() != null) {
            if (local.birthDate().equals(remote.birthDate())) {
                e.birth = Code.BIRTH_DATE_EQUAL;
                e.birthPoints = BIRTH_EQUAL;
            } else if (almost(local.birthDate(), remote.birthDate())) {
                e.birth = Code.BIRTH_DATE_ALMOST;
            } else {
                e.birth = Code.BIRTH_DATE_DIFFERENT;
                e.birthPoints = BIRTH_DIFFERENT;
            }
        }
        return e.context();
    }

    /** One digit typed wrong, or day and month swapped. */
    private static boolean almost(LocalDate a, LocalDate b) {
        if (a.getYear() == b.getYear() && a.getDayOfMonth() == b.getMonthValue() && a.getMonthValue() == b.getDayOfMonth()) {
            return true;
        }
        String x = a.toString();
        String y = b.toString();
        int differences = 0;
        for (int i = 0; i < x.length() && x.length() == y.length(); i++) {
            if (x.charAt(i) != y.charAt(i)) {
                differences++;
            }
        }
        return x.length() == y.length() && differences == 1;
    }
}
