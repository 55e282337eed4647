package nl.klaspoort.matching.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.klaspoort.matching.MatchResult;
import nl.klaspoort.matching.Pupil;
import nl.klaspoort.matching.Suggestion;
import nl.klaspoort.matching.internal.Scoring.Side;

/**
 * The matching of one school's unlinked local pupils with its unlinked Basispoort pupils:
 * <ol>
 * <li>candidate pairs from an index of the Basispoort side (same or look-alike last name, a last name one typing
 * error away, a shared last-name word, a shared first or given name or its usual formal form), so that only a few
 * dozen pairs per pupil are scored instead of every pair;</li>
 * <li>name points per pair ({@link Scoring});</li>
 * <li>calibration on the pupils whose names agree fully: when most of them are one grade further in Basispoort, the
 * local grades are a year behind and that counts as the same grade; when most of them are in differently named
 * groups, groups say nothing at this school;</li>
 * <li>grade, group and birth date points;</li>
 * <li>ambiguity: a pair loses points when another pair of the same local or Basispoort pupil scores close to it —
 * an exact tie always ends below the automatic threshold;</li>
 * <li>a one-to-one assignment, best pairs first.</li>
 * </ol>
 */
public final class Matcher {

    public static final int AUTOMATIC = 90;
    public static final int LIKELY = 70;
    public static final int FLOOR = 30;
    public static final int CANDIDATES = 5;

    /** A competitor closer than this many points costs {@link #AMBIGUITY_RATE} points per point of closeness. */
    private static final double AMBIGUITY_MARGIN = 24;
    private static final double AMBIGUITY_RATE = 0.8;

    private final List<Side> local;
    private final List<Side> remote;
    private final Evidence evidence = new Evidence();

    // the candidate pairs, as parallel arrays
    private int pairs;
    private int[] pairLocal = new int[1024];
    private int[] pairRemote = new int[1024];
    private double[] nameScore = new double[1024];
    private boolean[] exactName = new boolean[1024];
    private double[] raw = new double[1024];
    private int[] confidence = new int[1024];
    private int shift;
    private boolean groups;
    private final Map<Integer, Suggestion> suggestions = new HashMap<>();

    private Matcher(Collection<Pupil> local, Collection<Pupil> remote) {
        this.local = sides(local);
        this.remote = sides(remote);
    }

    public static MatchResult match(Collection<Pupil> local, Collection<Pupil> remote) {
        return new Matcher(local, remote).run();
    }

    private static List<Side> sides(Collection<Pupil> pupils) {
        Set<Long> ids = new HashSet<>();
        List<Side> sides = new ArrayList<>(pupils.size());
        for (Pupil pupil : pupils) {
            if (!ids.add(pupil.id())) {
                throw new IllegalArgumentException("pupil " + pupil.id() + " is listed twice");
            }
            sides.add(Side.of(pupil));
        }
        return sides;
    }

    private MatchResult run() {
        candidatePairs();
        calibrate();
        for (int p = 0; p < pairs; p++) {
            evidence.clear();
            raw[p] = nameScore[p] + Scoring.context(local.get(pairLocal[p]), remote.get(pairRemote[p]), shift, groups, evidence);
        }
        ambiguity();
        return result();
    }

    // ---- 1. candidates ----

    private void candidatePairs() {
        Map<String, int[]> index = index();
        int[] seen = new int[remote.size()];
        Arrays.fill(seen, -1);
        List<String> keys = new ArrayList<>(32);
        for (int l = 0; l < local.size(); l++) {
            keys.clear();
            keys(local.get(l).name(), keys);
            ParsedName name = local.get(l).name();
            for (String key : keys) {
                int[] hits = index.get(key);
                if (hits == null) {
                    continue;
                }
                for (int r : hits) {
                    if (seen[r] != l) {
                        seen[r] = l;
                        evidence.clear();
                        add(l, r, Scoring.names(name, remote.get(r).name(), evidence), evidence.exactNames());
                    }
                }
            }
        }
    }

    private Map<String, int[]> index() {
        Map<String, List<Integer>> lists = new HashMap<>(remote.size() * 16);
        List<String> keys = new ArrayList<>(32);
        for (int r = 0; r < remote.size(); r++) {
            keys.clear();
            keys(remote.get(r).name(), keys);
            for (String key : keys) {
                List<Integer> list = lists.computeIfAbsent(key, k -> new ArrayList<>(2));
                if (list.isEmpty() || list.getLast() != r) {
                    list.add(r);
                }
            }
        }
        Map<String, int[]> index = new HashMap<>(lists.size() * 2);
        lists.forEach((key, list) -> index.put(key, list.stream().mapToInt(Integer::intValue).toArray()));
        return index;
    }

    /** The index keys of a name: last name (as typed, joined with prefix, by sound, per word, one deletion), given names. */
    private static void keys(ParsedName name, List<String> keys) {
        String core = name.core();
        if (!core.isEmpty()) {
            keys.add("c" + core);
            keys.add("f" + name.full());
            keys.add("p" + name.corePhonetic());
            for (String word : name.coreTokens()) {
                if (word.length() >= 3) {
                    keys.add("t" + word);
                }
            }
            if (core.length() >= 4 && core.length() <= 24) {
                keys.add("d" + core);
                for (int i = 0; i < core.length(); i++) {
                    keys.add("d" + core.substring(0, i) + core.substring(i + 1));
                }
            }
        }
        for (String given : name.given()) {
            for (String form : Names.formalForms(given)) {
                keys.add("g" + form);
            }
        }
        if (!name.first().isEmpty()) {
            keys.add("q" + name.firstPhonetic());
        }
    }

    private void add(int l, int r, double names, boolean exact) {
        if (pairs == pairLocal.length) {
            int size = pairs * 2;
            pairLocal = Arrays.copyOf(pairLocal, size);
            pairRemote = Arrays.copyOf(pairRemote, size);
            nameScore = Arrays.copyOf(nameScore, size);
            exactName = Arrays.copyOf(exactName, size);
            raw = Arrays.copyOf(raw, size);
            confidence = Arrays.copyOf(confidence, size);
        }
        pairLocal[pairs] = l;
        pairRemote[pairs] = r;
        nameScore[pairs] = names;
        exactName[pairs] = exact;
        pairs++;
    }

    // ---- 3. calibration ----

    /**
     * What the pupils whose names agree fully and uniquely on both sides show about the school's two lists: the
     * school-year shift (the grade difference, Basispoort minus local, that more than half of them show, when it is not
     * 0 and at least 5 pupils show one) and whether groups are named alike (at least half of them in the same group,
     * or fewer than 5 such pupils with groups on both sides).
     */
    private void calibrate() {
        int[] exactPerLocal = new int[local.size()];
        int[] exactPerRemote = new int[remote.size()];
        for (int p = 0; p < pairs; p++) {
            if (exactName[p]) {
                exactPerLocal[pairLocal[p]]++;
                exactPerRemote[pairRemote[p]]++;
            }
        }
        Map<Integer, Integer> differences = new HashMap<>();
        int graded = 0;
        int grouped = 0;
        int sameGroup = 0;
        for (int p = 0; p < pairs; p++) {
            if (!exactName[p] || exactPerLocal[pairLocal[p]] != 1 || exactPerRemote[pairRemote[p]] != 1) {
                continue;
            }
            Side a = local.get(pairLocal[p]);
            Side b = remote.get(pairRemote[p]);
            if (a.grade() != null && b.grade() != null) {
                differences.merge(b.grade() - a.grade(), 1, Integer::sum);
                graded++;
            }
            if (!a.group().isEmpty() && !b.group().isEmpty()) {
                grouped++;
                sameGroup += a.group().equals(b.group()) ? 1 : 0;
            }
        }
        int total = graded;
        shift = differences.entrySet().stream()
                .filter(d -> d.getKey() != 0 && total >= 5 && d.getValue() * 2 > total)
                .map(Map.Entry::getKey).findFirst().orElse(0);
        groups = grouped < 5 || sameGroup * 2 >= grouped;
    }

    // ---- 5. ambiguity ----

    private void ambiguity() {
        Best ofLocal = new Best(local.size());
        Best ofRemote = new Best(remote.size());
        for (int p = 0; p < pairs; p++) {
            ofLocal.offer(pairLocal[p], pairRemote[p], raw[p]);
            ofRemote.offer(pairRemote[p], pairLocal[p], raw[p]);
        }
        for (int p = 0; p < pairs; p++) {
            double competitor = Math.max(ofLocal.besides(pairLocal[p], pairRemote[p]),
                    ofRemote.besides(pairRemote[p], pairLocal[p]));
            double gap = raw[p] - competitor;
            double penalty = AMBIGUITY_RATE * Math.max(0, AMBIGUITY_MARGIN - gap);
            confidence[p] = (int) Math.max(0, Math.min(100, Math.floor(raw[p] - penalty)));
        }
    }

    /** Per pupil of one side: the best and second-best points of its pairs, and who the best pair is with. */
    private static final class Best {
        private final double[] best;
        private final double[] second;
        private final int[] partner;

        Best(int size) {
            best = new double[size];
            second = new double[size];
            partner = new int[size];
            Arrays.fill(best, Double.NEGATIVE_INFINITY);
            Arrays.fill(second, Double.NEGATIVE_INFINITY);
        }

        void offer(int pupil, int with, double points) {
            if (points > best[pupil]) {
                second[pupil] = best[pupil];
                best[pupil] = points;
                partner[pupil] = with;
            } else if (points > second[pupil]) {
                second[pupil] = points;
            }
        }

        /** The best points of the pupil's pairs other than the one with {@code with}. */
        double besides(int pupil, int with) {
            return partner[pupil] == with ? second[pupil] : best[pupil];
        }
    }

    // ---- 6. assignment and result ----

    private MatchResult result() {
        // best first: confidence, then points, then the order the pairs were found in (the input's order)
        int listed = 0;
        long[] order = new long[pairs];
        for (int p = 0; p < pairs; p++) {
            if (confidence[p] >= FLOOR) {
                long points = Math.round(Math.min(Math.max(raw[p], 0), 200) * 100);
                order[listed++] = (long) (100 - confidence[p]) << 48 | (20_000 - points) << 32 | p;
            }
        }
        Arrays.sort(order, 0, listed);
        boolean[] localUsed = new boolean[local.size()];
        boolean[] remoteUsed = new boolean[remote.size()];
        int[] perLocal = new int[local.size()];
        List<Suggestion> assignment = new ArrayList<>();
        Map<Long, List<Suggestion>> candidates = new LinkedHashMap<>();
        for (int i = 0; i < listed; i++) {
            int p = (int) order[i];
            int l = pairLocal[p];
            int r = pairRemote[p];
            boolean assign = !localUsed[l] && !remoteUsed[r];
            if (!assign && perLocal[l] >= CANDIDATES) {
                continue;
            }
            Suggestion suggestion = suggestion(p);
            if (perLocal[l] < CANDIDATES) {
                perLocal[l]++;
                candidates.computeIfAbsent(suggestion.localId(), k -> new ArrayList<>(CANDIDATES)).add(suggestion);
            }
            if (assign) {
                localUsed[l] = true;
                remoteUsed[r] = true;
                assignment.add(suggestion);
            }
        }
        return new MatchResult(assignment, candidates, likelyDuplicates(assignment));
    }

    /**
     * Per local pupil the best pair by points before ambiguity, from {@link #LIKELY} on, with a Basispoort pupil that
     * no other local pupil takes automatically: two equally likely candidates make a pupil more likely to end up twice,
     * not less.
     */
    private List<Suggestion> likelyDuplicates(List<Suggestion> assignment) {
        Map<Long, Long> automatic = new HashMap<>();
        for (Suggestion suggestion : assignment) {
            if (suggestion.automatic()) {
                automatic.put(suggestion.basispoortId(), suggestion.localId());
            }
        }
        int[] best = new int[local.size()];
        Arrays.fill(best, -1);
        for (int p = 0; p < pairs; p++) {
            int l = pairLocal[p];
            Long takenBy = automatic.get(remote.get(pairRemote[p]).pupil().id());
            boolean free = takenBy == null || takenBy == local.get(l).pupil().id();
            if (free && Math.min(raw[p], 100) >= LIKELY && (best[l] < 0 || raw[p] > raw[best[l]])) {
                best[l] = p;
            }
        }
        List<Suggestion> duplicates = new ArrayList<>();
        for (int p : best) {
            if (p >= 0) {
                duplicates.add(suggestion(p));
            }
        }
        duplicates.sort(java.util.Comparator.comparingInt(Suggestion::confidence).reversed()
                .thenComparingLong(Suggestion::localId));
        return duplicates;
    }

    private Suggestion suggestion(int p) {
        Suggestion known = suggestions.get(p);
        if (known != null) {
            return known;
        }
        Side l = local.get(pairLocal[p]);
        Side r = remote.get(pairRemote[p]);
        evidence.clear();
        Scoring.names(l.name(), r.name(), evidence);
        Scoring.context(l, r, shift, groups, evidence);
        int total = (int) Math.round(raw[p]);
        int penalty = (int) Math.max(0, Math.min(total, 100) - confidence[p]);
        Suggestion suggestion = new Suggestion(l.pupil().id(), r.pupil().id(), confidence[p], evidence.reasons(penalty));
        suggestions.put(p, suggestion);
        return suggestion;
    }
}
