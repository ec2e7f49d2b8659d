package dev.sfnrun.definition.graph;

import dev.sfnrun.definition.MapState;
import dev.sfnrun.definition.ParallelState;
import dev.sfnrun.definition.State;
import dev.sfnrun.definition.StateGraph;
import dev.sfnrun.definition.StateMachine;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * The {@link FlowGraph} id of each state of a parsed machine, so what the engine reports about a
 * state (a {@link dev.sfnrun.history.Decision}) lands on the right node. Same path scheme as
 * {@link FlowGraphs}: a parsed machine is valid, so its names are unique and no "~2" ids arise.
 */
public final class StateIds {
    private final Map<State, String> ids = new IdentityHashMap<>();

    private StateIds() {
    }

    public static StateIds of(StateMachine machine) {
        StateIds out = new StateIds();
        out.collect(machine.graph(), "");
        return out;
    }

    private void collect(StateGraph graph, String prefix) {
        for (State state : graph.states().values()) {
            String id = FlowGraphs.id(prefix, state.name());
            ids.put(state, id);
            if (state instanceof ParallelState parallel) {
                parallel.branches().forEach(branch -> collect(branch, id));
            } else if (state instanceof MapState map) {
                collect(map.processor(), id);
            }
        }
    }

    /** The state's id; its name if it is not one of this machine's states. */
    public String id(State state) {
        return ids.getOrDefault(state, state.name());
    }
}
