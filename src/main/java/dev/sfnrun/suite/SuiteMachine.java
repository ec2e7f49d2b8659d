package dev.sfnrun.suite;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sfnrun.definition.StateMachine;
import dev.sfnrun.definition.graph.FlowGraphs;
import dev.sfnrun.definition.graph.FlowGraph;
import dev.sfnrun.definition.graph.StateIds;
import java.util.HashMap;
import java.util.Map;

/**
 * A machine under test: the parsed model, its graph (for coverage and for checking the state names
 * a suite uses) and the graph id of each state name.
 *
 * @param key       what coverage is counted per: the definition file (or template and machine id)
 * @param shownName how reports name it
 * @param definition the definition's JSON
 */
public record SuiteMachine(String key, String shownName, String defaultName, StateMachine machine, FlowGraph graph,
                           StateIds ids, Map<String, String> idByName, JsonNode definition) {
    public static SuiteMachine of(String key, String shownName, String defaultName, StateMachine machine,
                                  JsonNode definition) {
        FlowGraph graph = FlowGraphs.of(definition);
        Map<String, String> byName = new HashMap<>();
        for (FlowGraph.Node node : graph.nodes()) {
            byName.putIfAbsent(node.name(), node.id());
        }
        return new SuiteMachine(key, shownName, defaultName, machine, graph, StateIds.of(machine), Map.copyOf(byName),
                definition);
    }

    /** The graph node of a state name (state names are unique in a valid machine), or null. */
    public FlowGraph.Node nodeNamed(String name) {
        String id = idByName.get(name);
        return id == null ? null : graph.byId().get(id);
    }

    /** Whether the id names a top-level state. */
    public boolean isTopLevel(String id) {
        return graph.node(id).map(n -> n.scope().isEmpty()).orElse(false);
    }
}
