package nl.klaspoort.matching.internal;

/** Typing distance between short strings: insertions, deletions, substitutions and swapped neighbours count one. */
final class EditDistance {

    private EditDistance() {
    }

    /** The optimal-string-alignment distance of a and b, or {@code limit + 1} as soon as it exceeds {@code limit}. */
    static int within(String a, String b, int limit) {
        int n = a.length();
        int m = b.length();
        if (Math.abs(n - m) > limit) {
            return limit + 1;
        }
        // three rows of the table in one array: row i - 2, row i - 1, row i
        int width = m + 1;
        int[] rows = new int[3 * width];
        int before = 0;
        int previous = width;
        int current = 2 * width;
        for (int j = 0; j <= m; j++) {
            rows[previous + j] = j;
        }
        for (int i = 1; i <= n; i++) {
            rows[current] = i;
            int rowMin = i;
            char ca = a.charAt(i - 1);
            for (int j = 1; j <= m; j++) {
                char cb = b.charAt(j - 1);
                int cost = ca == cb ? 0 : 1;
                int d = Math.min(Math.min(rows[previous + j] + 1, rows[current + j - 1] + 1), rows[previous + j - 1] + cost);
                if (i > 1 && j > 1 && ca == b.charAt(j - 2) && a.charAt(i - 2) == cb) {
                    d = Math.min(d, rows[before + j - 2] + 1);
                }
                rows[current + j] = d;
                rowMin = Math.min(rowMin, d);
            }
            if (rowMin > limit) {
                return limit + 1;
            }
            int spare = before;
            before = previous;
            previous = current;
            current = spare;
        }
        return Math.min(rows[previous + m], limit + 1);
    }

    /** Shared letter pairs (Dice coefficient, 0–1): how alike two names are beyond a few typing errors. */
    static double bigramSimilarity(String a, String b) {
        if (a.length() < 2 || b.length() < 2) {
            return a.equals(b) ? 1 : 0;
        }
        int shared = 0;
        boolean[] used = new boolean[b.length() - 1];
        for (int i = 0; i < a.length() - 1; i++) {
            for (int j = 0; j < b.length() - 1; j++) {
                if (!used[j] && a.charAt(i) == b.charAt(j) && a.charAt(i + 1) == b.charAt(j + 1)) {
                    used[j] = true;
                    shared++;
                    break;
                }
            }
        }
        return 2.0 * shared / (a.length() + b.length() - 2);
    }
}
