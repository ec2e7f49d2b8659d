package dev.sfnrun.definition.validate;

import java.util.Collections;
import java.util.Map;

/** Where each value of a JSON document starts: JSON pointer to line and column (both 1-based). */
public final class SourceMap {
    /** A place in the text; for an object member, the place of its name. */
    public record Position(int line, int column) {
    }

    private final Map<String, Position> positions;

    /** Takes over {@code positions}, which the caller no longer changes. */
    SourceMap(Map<String, Position> positions) {
        this.positions = Collections.unmodifiableMap(positions);
    }

    /** A source map over {@code positions} (JSON pointer to position), for documents read by other parsers (YAML). */
    public static SourceMap of(Map<String, Position> positions) {
        return new SourceMap(new java.util.HashMap<>(positions));
    }

    /**
     * The positions of the values under {@code prefix} (a JSON pointer), re-rooted there: the
     * source map of a document embedded in a larger one, such as a template's inline definition.
     */
    public SourceMap under(String prefix) {
        Map<String, Position> inner = new java.util.HashMap<>();
        for (Map.Entry<String, Position> entry : positions.entrySet()) {
            String pointer = entry.getKey();
            if (pointer.equals(prefix) || pointer.startsWith(prefix + "/")) {
                inner.put(pointer.substring(prefix.length()), entry.getValue());
            }
        }
        return new SourceMap(inner);
    }

    /** This source map with every position moved by {@code move} (to the text as written, before substitutions). */
    public SourceMap mapped(java.util.function.UnaryOperator<Position> move) {
        Map<String, Position> moved = new java.util.HashMap<>();
        positions.forEach((pointer, position) -> moved.put(pointer, move.apply(position)));
        return new SourceMap(moved);
    }

    /** The position of the value at {@code pointer}, or of its nearest ancestor that exists. */
    public Position position(String pointer) {
        String at = pointer;
        while (!positions.containsKey(at) && !at.isEmpty()) {
            at = Pointer.parent(at);
        }
        return positions.getOrDefault(at, new Position(1, 1));
    }
}
