package io.pipelineevents.mappings.template;

import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;

/** Finds the valid name a typo was probably meant to be, for "did you mean" hints. */
public final class NearestName {

    private NearestName() {
    }

    public static Optional<String> to(String typed, Collection<String> candidates) {
        // Allow roughly one edit per three characters: 'dimension' finds 'dimensions', 'foo' finds nothing.
        int tolerance = Math.max(1, typed.length() / 3);
        return candidates.stream()
                .filter(candidate -> distance(typed.toLowerCase(), candidate.toLowerCase()) <= tolerance)
                .min(Comparator.comparingInt(candidate -> distance(typed.toLowerCase(), candidate.toLowerCase())));
    }

    /** "; did you mean 'x'?" or nothing, to append to a message. */
    public static String hint(String typed, Collection<String> candidates) {
        return to(typed, candidates).map(name -> "; did you mean '" + name + "'?").orElse("");
    }

    // Plain Levenshtein distance; the candidate lists are a handful of short names.
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
