package dev.sfnrun.engine;

import dev.sfnrun.definition.MapState;
import dev.sfnrun.definition.ParallelState;
import dev.sfnrun.definition.State;
import dev.sfnrun.definition.StateGraph;
import dev.sfnrun.definition.TaskState;
import dev.sfnrun.task.TaskFunction;
import dev.sfnrun.task.load.ResourceResolver;
import dev.sfnrun.task.load.ResourceResolver.Kind;
import dev.sfnrun.task.load.ResourceResolver.Resolved;
import dev.sfnrun.task.load.TaskRegistry;

/** Finds the task function for a resource, and checks before a run that every Task state has one. */
public final class Bindings {
    private Bindings() {
    }

    static TaskFunction find(TaskRegistry registry, Resolved resolved) {
        if (resolved.kind() == Kind.LAMBDA) {
            return registry.find(resolved.functionName());
        }
        return registry.find(resolved.resource().isEmpty() ? resolved.resourceType()
                : resolved.resourceType() + ":" + resolved.resource());
    }

    /** Throws {@link UnboundResourceException} for the first Task state whose resource has no function. */
    public static void check(StateGraph graph, TaskRegistry registry) {
        for (State state : graph.states().values()) {
            if (state instanceof TaskState task && find(registry, ResourceResolver.resolve(task.resource())) == null) {
                throw new UnboundResourceException(task.name(), task.resource());
            }
            if (state instanceof ParallelState parallel) {
                parallel.branches().forEach(branch -> check(branch, registry));
            }
            if (state instanceof MapState map) {
                check(map.processor(), registry);
            }
        }
    }
}
