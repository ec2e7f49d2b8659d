package dev.sfnrun.definition;

/** A state of a state machine: one record per ASL state type. */
public sealed interface State permits TaskState, PassState, ChoiceState, WaitState, SucceedState, FailState,
        ParallelState, MapState {
    StateCommon common();

    default String name() {
        return common().name();
    }

    /** The AWS type name, as used in event names ("Task", "Pass", ...). */
    String typeName();

    /** The Retry field (Task, Parallel, Map); empty for the other types. */
    default java.util.List<Retrier> retry() {
        return java.util.List.of();
    }

    /** The Catch field (Task, Parallel, Map); empty for the other types. */
    default java.util.List<Catcher> catchers() {
        return java.util.List.of();
    }

    <R> R accept(StateVisitor<R> visitor);
}
