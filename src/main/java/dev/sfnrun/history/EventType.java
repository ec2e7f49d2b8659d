package dev.sfnrun.history;

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
    ActivityScheduled, ActivityStarted, ActivitySucceeded, ActivityFailed, ActivityTimedOut, ActivityScheduleFailed;

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

    public static EventType entered(String stateType) {
        return valueOf(stateType + "StateEntered");
    }

    public static EventType exited(String stateType) {
        return valueOf(stateType + "StateExited");
    }
}
