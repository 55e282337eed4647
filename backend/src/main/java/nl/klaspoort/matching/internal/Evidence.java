package nl.klaspoort.matching.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import nl.klaspoort.matching.Reason;
import nl.klaspoort.matching.Reason.Code;

/** The evidence about one pair, part by part; reused from pair to pair, so scoring a million pairs allocates nothing. */
final class Evidence {

    Code last;
    double lastPoints;
    Code prefix;
    double prefixPoints;
    Code first;
    double firstPoints;
    Code grade;
    double gradePoints;
    Code group;
    double groupPoints;
    Code birth;
    double birthPoints;

    void clear() {
        last = prefix = first = grade = group = birth = null;
        lastPoints = prefixPoints = firstPoints = gradePoints = groupPoints = birthPoints = 0;
    }

    double names() {
        return lastPoints + prefixPoints + firstPoints;
    }

    double context() {
        return gradePoints + groupPoints + birthPoints;
    }

    /** Both names agree fully (the pairs that calibrate the school-year shift). */
    boolean exactNames() {
        return last == Code.LAST_NAME_EQUAL && prefix == null && first == Code.FIRST_NAME_EQUAL;
    }

    /** The reasons, strongest first, with the points taken off for a close competitor. */
    List<Reason> reasons(int ambiguityPenalty) {
        List<Reason> reasons = new ArrayList<>(7);
        add(reasons, last, lastPoints);
        add(reasons, prefix, prefixPoints);
        add(reasons, first, firstPoints);
        add(reasons, grade, gradePoints);
        add(reasons, group, groupPoints);
        add(reasons, birth, birthPoints);
        if (ambiguityPenalty > 0) {
            reasons.add(new Reason(Code.AMBIGUOUS, -ambiguityPenalty));
        }
        reasons.sort(Comparator.comparingInt((Reason r) -> -Math.abs(r.points())));
        return reasons;
    }

    private static void add(List<Reason> reasons, Code code, double points) {
        if (code != null) {
            reasons.add(new Reason(code, (int) Math.round(points)));
        }
    }
}
