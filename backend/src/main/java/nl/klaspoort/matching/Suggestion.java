package nl.klaspoort.matching;

import java.util.List;

/**
 * A proposed link between a local pupil and a Basispoort pupil.
 *
 * @param confidence 0–100; from {@value PupilMatcher#AUTOMATIC} on, the pair may be linked without a person looking
 *                   at it (only for names that agree fully or with a matching birth date, and no other pupil close)
 * @param reasons    the evidence, strongest first
 */
public record Suggestion(long localId, long basispoortId, int confidence, List<Reason> reasons) {

    public Suggestion {
        reasons = List.copyOf(reasons);
    }

    public boolean automatic() {
        return confidence >= PupilMatcher.AUTOMATIC;
    }
}
