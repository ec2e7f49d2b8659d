package dev.sfnrun.history;

import java.util.HashMap;
import java.util.Map;

/** AWS's history event types, spelled as GetExecutionHistory spells them. */
public enum EventType {
    ExecutionStarted, ExecutionSucceeded, ExecutionFailed, ExecutionTimedOut, ExecutionAborted,
    TaskStateEntered, TaskStateExited, TaskStateAborted,
    PassStateEntered, PassStateExited,
    ChoiceStateEntered, ChoiceStateExited,
    WaitStateEntered, WaitStateExited, WaitStateAborted,
    SucceedStateEntered, SucceedStateExited,
    FailStateEntered,
    ParallelStateEntered, ParallelStateExited, ParallelStateStarted, ParallelStateSucceeded, ParallelStateFailed,
    ParallelStateAborted,
    MapStateEntered, MapStateExited, MapStateStarted, MapStateSucceeded, MapStateFailed, MapStateAborted,
    MapIterationStarted, MapIterationSucceeded, MapIterationFailed, MapIterationAborted,
    MapRunStarted, MapRunSucceeded, MapRunFailed, MapRunAborted,
    TaskScheduled, TaskStarted, TaskSubmitted, TaskSucceeded, TaskFailed, TaskTimedOut, TaskStartFailed,
    TaskSubmitFailed,
    LambdaFunctionScheduled, LambdaFunctionStarted, LambdaFunctionSucceeded, LambdaFunctionFailed,
    LambdaFunctionTimedOut, LambdaFunctionScheduleFailed, LambdaFunctionStartFailed,
    EvaluationFailed,
    ActivityScheduled, ActivityStarted, ActivitySucceeded, ActivityFailed, ActivityTimedOut, ActivityScheduleFailed,
    ExecutionRedriven;

    private final String detailsKey;

    EventType() {
        String name = name();
        if (name.endsWith("StateEntered")) {
            detailsKey = "stateEnteredEventDetails";
        } else if (name.endsWith("StateExited")) {
            detailsKey = "stateExitedEventDetails";
        } else {
            detailsKey = Character.toLowerCase(name.charAt(0)) + name.substring(1) + "EventDetails";
        }
    }

    /** The name of the details member in GetExecutionHistory, e.g. {@code taskScheduledEventDetails}. */
    public String detailsKey() {
        return detailsKey;
    }

    /** The state type for the state's own events (Task, Pass, ...), or null. */
    public boolean isStateEntered() {
        return name().endsWith("StateEntered");
    }

    public boolean isStateExited() {
        return name().endsWith("StateExited");
    }

    /** {@code TaskStateEntered} for "Task" and so on; looked up, not spelled, as it happens on every transition. */
    public static EventType entered(String stateType) {
        EventType type = ByState.ENTERED.get(stateType);
        return type != null ? type : valueOf(stateType + "StateEntered");
    }

    /** {@code TaskStateExited} for "Task" and so on. */
    public static EventType exited(String stateType) {
        EventType type = ByState.EXITED.get(stateType);
        return type != null ? type : valueOf(stateType + "StateExited");
    }

    /** The Entered and Exited types by state type name. */
    private static final class ByState {
        static final Map<String, EventType> ENTERED = byPrefix("StateEntered");
        static final Map<String, EventType> EXITED = byPrefix("StateExited");

        private static Map<String, EventType> byPrefix(String suffix) {
            Map<String, EventType> types = new HashMap<>();
            for (EventType type : values()) {
                if (type.name().endsWith(suffix)) {
                    types.put(type.name().substring(0, type.name().length() - suffix.length()), type);
                }
            }
            return Map.copyOf(types);
        }
    }
}
