package dev.sfnrun.graph;

import java.util.List;
import java.util.Map;

/**
 * What a picture shows on top of the graph: extra CSS classes, a badge and notes per state
 * (a run's visit counts, a failed state, validation errors), extra classes per edge (the path
 * taken). Keys are {@link dev.sfnrun.definition.graph.FlowGraph} ids and {@link GraphLayout.Route#key} texts.
 */
public record Marks(Map<String, NodeMark> nodes, Map<String, String> edges) {
    public static final Marks NONE = new Marks(Map.of(), Map.of());

    /**
     * @param classes CSS classes, space separated ("visited failed")
     * @param badge   a short text in the state's corner ("×3"), or null
     * @param notes   lines of its tooltip (validation errors, caught errors)
     */
    public record NodeMark(String classes, String badge, List<String> notes) {
    }

    public NodeMark node(String id) {
        return nodes.get(id);
    }
}
