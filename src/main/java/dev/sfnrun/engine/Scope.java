package dev.sfnrun.engine;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Map;

/**
 * The workflow variables of one graph run. Inner scopes (Parallel branches, Map iterations) read
 * the outer ones and write only their own.
 */
public final class Scope {
    private final Scope parent;
    private final Map<String, JsonNode> values = new HashMap<>();
    /** The size of each of {@link #values} in bytes of compact JSON (see {@link VariableLimits}). */
    private final Map<String, Long> sizes = new HashMap<>();
    private long bytes;

    public Scope(Scope parent) {
        this.parent = parent;
    }

    JsonNode get(String name) {
        for (Scope scope = this; scope != null; scope = scope.parent) {
            JsonNode value = scope.values.get(name);
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    /** The variables of this scope alone, by name. */
    Map<String, JsonNode> values() {
        return new HashMap<>(values);
    }

    /** Sets the variables of {@code assigned}, whose sizes are {@code assignedSizes}. */
    void putAll(Map<String, JsonNode> assigned, Map<String, Long> assignedSizes) {
        values.putAll(assigned);
        bytes += growth(assignedSizes);
        sizes.putAll(assignedSizes);
    }

    /** The bytes held by this scope and the scopes around it once {@code assignedSizes} are set here. */
    long bytesAfter(Map<String, Long> assignedSizes) {
        long total = growth(assignedSizes);
        for (Scope scope = this; scope != null; scope = scope.parent) {
            total += scope.bytes;
        }
        return total;
    }

    /** How many bytes this scope gains when {@code assignedSizes} replace its values of those names. */
    private long growth(Map<String, Long> assignedSizes) {
        long growth = 0;
        for (Map.Entry<String, Long> entry : assignedSizes.entrySet()) {
            growth += entry.getValue() - sizes.getOrDefault(entry.getKey(), 0L);
        }
        return growth;
    }
}
