package dev.sfnrun.teststate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sfnrun.definition.MapState;
import dev.sfnrun.definition.ParallelState;
import dev.sfnrun.definition.State;
import dev.sfnrun.definition.StateGraph;
import dev.sfnrun.query.Json;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.Map;

/**
 * Where the tested state is: a single state's definition is wrapped into a machine of its own
 * (named {@code StateName}, as AWS names it), the states it names as Next, Default or a
 * catcher's Next standing in as Succeed states so the machine is valid; a state of a whole
 * machine is found by name in the machine or in any Parallel branch or Map processor.
 */
final class StateLocator {
    /** AWS's name for the state of a single-state definition ({@code $$.State.Name}). */
    static final String SINGLE_STATE_NAME = "StateName";

    private StateLocator() {
    }

    /** A machine holding {@code state} as {@link #SINGLE_STATE_NAME} and a Succeed state for each name it goes to. */
    static ObjectNode wrap(ObjectNode state) {
        ObjectNode machine = Json.object();
        machine.put("StartAt", SINGLE_STATE_NAME);
        ObjectNode states = machine.putObject("States");
        states.set(SINGLE_STATE_NAME, state);
        for (String target : targets(state)) {
            if (!states.has(target)) {
                states.putObject(target).put("Type", "Succeed");
            }
        }
        return machine;
    }

    private static java.util.Set<String> targets(ObjectNode state) {
        java.util.Set<String> names = new java.util.LinkedHashSet<>();
        addText(names, state.get("Next"));
        addText(names, state.get("Default"));
        for (String list : new String[] {"Choices", "Catch"}) {
            JsonNode items = state.get(list);
            if (items != null && items.isArray()) {
                for (JsonNode item : items) {
                    addText(names, item.get("Next"));
                }
            }
        }
        return names;
    }

    private static void addText(java.util.Set<String> names, JsonNode value) {
        if (value != null && value.isTextual()) {
            names.add(value.asText());
        }
    }

    /** The raw JSON of the state named {@code name} anywhere in the machine, or null. */
    static ObjectNode raw(JsonNode machine, String name) {
        Deque<JsonNode> graphs = new ArrayDeque<>();
        graphs.add(machine);
        while (!graphs.isEmpty()) {
            JsonNode graph = graphs.poll();
            JsonNode states = graph.get("States");
            if (states == null || !states.isObject()) {
                continue;
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = states.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = it.next();
                JsonNode state = entry.getValue();
                if (entry.getKey().equals(name) && state instanceof ObjectNode found) {
                    return found;
                }
                for (String nested : new String[] {"ItemProcessor", "Iterator"}) {
                    if (state.has(nested)) {
                        graphs.add(state.get(nested));
                    }
                }
                JsonNode branches = state.get("Branches");
                if (branches != null && branches.isArray()) {
                    branches.forEach(graphs::add);
                }
            }
        }
        return null;
    }

    /** The parsed state named {@code name} anywhere in the graph, or null. */
    static State parsed(StateGraph machine, String name) {
        Deque<StateGraph> graphs = new ArrayDeque<>();
        graphs.add(machine);
        while (!graphs.isEmpty()) {
            StateGraph graph = graphs.poll();
            State found = graph.states().get(name);
            if (found != null) {
                return found;
            }
            for (State state : graph.states().values()) {
                if (state instanceof MapState map) {
                    graphs.add(map.processor());
                } else if (state instanceof ParallelState parallel) {
                    graphs.addAll(parallel.branches());
                }
            }
        }
        return null;
    }
}
