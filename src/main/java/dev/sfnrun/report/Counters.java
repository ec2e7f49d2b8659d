package dev.sfnrun.report;

import java.util.HashMap;

/**
 * Counters by name (a state's visits, a Map's or Parallel's children), each an array of {@code size}
 * counts, made at the first. The last one asked for is kept at hand: a Map's iterations count the
 * same few names over and over.
 */
final class Counters extends HashMap<String, int[]> {
    private static final long serialVersionUID = 1L;
    private final int size;
    private transient String lastName;
    private transient int[] last;

    Counters(int size) {
        this.size = size;
    }

    /** The counts of {@code name}. */
    int[] of(String name) {
        if (name != lastName || last == null) {
            last = computeIfAbsent(name, k -> new int[size]);
            lastName = name;
        }
        return last;
    }
}
