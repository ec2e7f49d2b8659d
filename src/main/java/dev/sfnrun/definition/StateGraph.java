package dev.sfnrun.definition;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A set of states and where to start: the top level, a Parallel branch, or a Map item processor. */
public record StateGraph(String startAt, Map<String, State> states) {
    public State start() {
        return states.get(startAt);
    }

    public State state(String name) {
        return states.get(name);
    }

    /**
     * Every Task state of the graph, in the order of the definition, with those of its Parallel
     * branches and Map item processors where they stand; a distributed Map's processor only when
     * {@code distributedMaps} (its children are executions of their own).
     */
    public List<TaskState> tasks(boolean distributedMaps) {
        List<TaskState> tasks = new ArrayList<>();
        collectTasks(distributedMaps, tasks);
        return tasks;
    }

    private void collectTasks(boolean distributedMaps, List<TaskState> into) {
        for (State state : states.values()) {
            if (state instanceof TaskState task) {
                into.add(task);
            } else if (state instanceof ParallelState parallel) {
                parallel.branches().forEach(branch -> branch.collectTasks(distributedMaps, into));
            } else if (state instanceof MapState map && (distributedMaps || !map.isDistributed())) {
                map.processor().collectTasks(distributedMaps, into);
            }
        }
    }
}
