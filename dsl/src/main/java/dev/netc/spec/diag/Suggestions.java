package dev.netc.spec.diag;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/** "Did you mean" for misspelt keys and names: the closest candidate by edit distance, when it is close enough. */
public final class Suggestions {

    private Suggestions() {}

    /** The candidate nearest to {@code found}, if it is within a third of its length (at least 1, at most 3 edits). */
    public static Optional<String> closest(String found, Collection<String> candidates) {
        String lower = found.toLowerCase(Locale.ROOT);
        int allowed = Math.max(1, Math.min(3, found.length() / 3));
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : candidates) {
            int distance = distance(lower, candidate.toLowerCase(Locale.ROOT));
            if (distance < bestDistance || (distance == bestDistance && candidate.compareTo(best) < 0)) {
                best = candidate;
                bestDistance = distance;
            }
        }
        return bestDistance <= allowed ? Optional.of(best) : Optional.empty();
    }

    /**
     * The message tail for an unknown word: {@code did you mean 'x'?} when one is close, otherwise the list of what
     * is allowed.
     */
    public static String didYouMean(String found, Collection<String> candidates) {
        return closest(found, candidates)
                .map(best -> "did you mean '" + best + "'?")
                .orElseGet(() -> "expected one of " + String.join(", ", candidates));
    }

    /** Optimal string alignment distance: Levenshtein plus the swap of two neighbours (a common typo). */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
