package nl.klaspoort.matching;

import java.util.List;
import java.util.Map;

/**
 * What the matcher proposes for the unlinked pupils of one school.
 *
 * @param assignment        one Basispoort pupil per local pupil at most and the other way round, best first: what
 *                          the screen proposes for each local pupil
 * @param candidates        per local pupil, the Basispoort pupils that may be them, best first (at most
 *                          {@value PupilMatcher#CANDIDATES}); a local pupil without any is missing
 * @param likelyDuplicates  local pupils who would end up twice (a second account without their progress) when the
 *                          school confirms without linking them: each with their most likely Basispoort pupil (from
 *                          {@value PupilMatcher#LIKELY} points on, before points are taken off for ambiguity, and not
 *                          taken automatically by another local pupil), most confident first
 */
public record MatchResult(List<Suggestion> assignment, Map<Long, List<Suggestion>> candidates,
        List<Suggestion> likelyDuplicates) {

    public MatchResult {
        assignment = List.copyOf(assignment);
        candidates = Map.copyOf(candidates);
        likelyDuplicates = List.copyOf(likelyDuplicates);
    }

    /** "Alle suggesties boven 90% accepteren": the pairs that may be linked in one click; no pupil twice. */
    public List<Suggestion> automatic() {
        return assignment.stream().filter(Suggestion::automatic).toList();
    }

    /** The candidates for one local pupil, best first. */
    public List<Suggestion> candidates(long localId) {
        return candidates.getOrDefault(localId, List.of());
    }
}
