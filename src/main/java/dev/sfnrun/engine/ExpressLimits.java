package dev.sfnrun.engine;

import dev.sfnrun.definition.StateGraph;
import dev.sfnrun.definition.TaskState;
import dev.sfnrun.task.load.ResourceResolver;
import dev.sfnrun.task.load.ResourceResolver.Resolved;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * What an Express workflow may not do, which AWS refuses when the state machine is created:
 * the {@code .waitForTaskToken} and {@code .sync} integration patterns and activities (AWS's text
 * for the first is recorded; the others follow it). And how long an execution may run: 5 minutes
 * for Express, a year for Standard, after which it times out as with TimeoutSeconds.
 */
public final class ExpressLimits {
    static final Duration EXPRESS_MAX = Duration.ofMinutes(5);
    static final Duration STANDARD_MAX = Duration.ofDays(365);

    private ExpressLimits() {
    }

    /** The longest an execution of {@code type} may run. */
    static Duration maxDuration(ExecutionType type) {
        return type == ExecutionType.EXPRESS ? EXPRESS_MAX : STANDARD_MAX;
    }

    /**
     * One message for each Task state (branches and inline Map processors included, in the order
     * of the definition) that an Express workflow cannot have; empty when there is none.
     */
    public static List<String> unsupported(StateGraph graph) {
        List<String> found = new ArrayList<>();
        for (TaskState task : graph.tasks(false)) { // a distributed Map's children have their own ExecutionType
            String problem = problem(ResourceResolver.resolve(task.resource()));
            if (problem != null) {
                found.add("state '" + task.name() + "', field Resource: " + problem);
            }
        }
        return found;
    }

    private static String problem(Resolved resolved) {
        if (resolved.kind() == ResourceResolver.Kind.ACTIVITY) {
            return "Express state machine does not support activities";
        }
        if (resolved.waitForTaskToken()) {
            return "Express state machine does not support '.waitForTaskToken' service integration ";
        }
        if (resolved.kind() == ResourceResolver.Kind.INTEGRATION && resolved.resource().matches(".*\\.sync(:\\d+)?")) {
            return "Express state machine does not support '.sync' service integration"; // AWS's, without the space the other has
        }
        return null;
    }
}
