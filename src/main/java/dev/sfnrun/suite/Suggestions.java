package dev.sfnrun.suite;

import dev.sfnrun.definition.graph.FlowGraph;
import java.util.Set;

/** "Did you mean" for a misspelt state name or suite key: the nearest by edit distance. */
final class Suggestions {
    private Suggestions() {
    }

    /** " (did you mean 'X'?)" for the machine's state id nearest to {@code name}, if one is near enough; else "". */
    static String state(SuiteMachine machine, String name) {
        Nearest best = nearest(name, machine.graph().nodes().stream().map(FlowGraph.Node::id).toList());
        return best.text() != null && best.distance() <= Math.max(2, name.length() / 3)
                ? " (did you mean '" + best.text() + "'?)" : "";
    }

    /** " (did you mean 'X'?)" for the key of {@code allowed} nearest to {@code name}, else the list of known keys. */
    static String key(String name, Set<String> allowed) {
        Nearest best = nearest(name, allowed);
        return best.distance() <= 3 ? " (did you mean '" + best.text() + "'?)" : " (known: "
                + String.join(", ", allowed.stream().sorted().toList()) + ")";
    }

    private record Nearest(String text, int distance) {
    }

    /** The candidate nearest to {@code name}, ignoring case (the first of equally near ones). */
    private static Nearest nearest(String name, Iterable<String> candidates) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : candidates) {
            int d = distance(name.toLowerCase(), candidate.toLowerCase());
            if (d < bestDistance) {
                bestDistance = d;
                best = candidate;
            }
        }
        return new Nearest(best, bestDistance);
    }

    /** Levenshtein distance (long names are never near). */
    private static int distance(String a, String b) {
        if (a.length() > 200 || b.length() > 200) {
            return Integer.MAX_VALUE;
        }
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
