package dev.sfnrun.graph;

import dev.sfnrun.definition.graph.FlowGraph;
import dev.sfnrun.definition.graph.FlowGraph.Node;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the text formats of a graph ({@link Mermaid}, {@link Dot}) share: the graph, the validation
 * notes by state id, short node ids ({@code n0}, {@code n1}, ...) and the text being written.
 */
abstract class TextGraph {
    final FlowGraph graph;
    final StringBuilder out = new StringBuilder();
    private final Map<String, List<String>> notes;
    private final Map<String, String> ids = new HashMap<>();

    TextGraph(FlowGraph graph, Map<String, List<String>> notes) {
        this.graph = graph;
        this.notes = notes;
    }

    /** The lines under a state's name, with its notes. */
    final List<String> lines(Node node) {
        List<String> lines = new ArrayList<>(Layouts.lines(node));
        notes.getOrDefault(node.id(), List.of()).forEach(note -> lines.add("⚠ " + Problems.clip(note)));
        return lines;
    }

    /** The short id of a graph id, made on first use. */
    final String id(String graphId) {
        return ids.computeIfAbsent(graphId, k -> "n" + ids.size());
    }

    /** Whether {@code graphId} has been given a short id yet (drawn already). */
    final boolean hasId(String graphId) {
        return ids.containsKey(graphId);
    }
}
