package nl.klaspoort.matching;

import java.util.Collection;
import nl.klaspoort.matching.internal.Matcher;

/**
 * Matching suggestions (X1) for the Basispoort matching screen (BP2): which of a school's Klaspoort pupils that are not
 * linked yet are which of its Basispoort pupils that are not linked yet. Pure and fast: no database, no Spring; 1,000
 * pupils on each side take a few tens of milliseconds.
 * <p>
 * Names are compared however they were typed: accents and case ("Özdemir", "Ozdemir"), where the tussenvoegsel went
 * ("van der Berg", "Berg, van der", "Berg van der", "v.d. Berg"), a roepnaam or all voornamen ("Bram", "Abraham
 * Johannes"), initials only ("J."), typing errors and look-alike spellings; then grade (a whole school one year behind
 * is recognised), group and, where both sides know it, birth date. Each pair gets a confidence from 0 to 100 with its
 * reasons. A pair reaches {@value #AUTOMATIC} only when the names agree fully (or a birth date agrees) and no other
 * pupil on either side comes close; such pairs never share a pupil, so they can be linked in one click.
 */
public final class PupilMatcher {

    /** From this confidence on a pair may be linked without a person choosing it. */
    public static final int AUTOMATIC = Matcher.AUTOMATIC;
    /** From this confidence on an unlinked local pupil is probably the Basispoort pupil (warning: would end up twice). */
    public static final int LIKELY = Matcher.LIKELY;
    /** Candidates listed per local pupil at most. */
    public static final int CANDIDATES = Matcher.CANDIDATES;

    private PupilMatcher() {
    }

    /**
     * @param local      the school's Klaspoort pupils that are not linked to Basispoort
     * @param basispoort the school's Basispoort pupils that are not linked to a Klaspoort pupil
     * @throws IllegalArgumentException when an id occurs twice on one side
     */
    public static MatchResult match(Collection<Pupil> local, Collection<Pupil> basispoort) {
        return Matcher.match(local, basispoort);
    }
}
