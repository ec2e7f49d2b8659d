package dev.sfnrun.history;

/**
 * Receives every history event as it happens, and the engine's {@link Decision}s. Called from the
 * thread that produced the event or decision; a listener shared by the branches of a Parallel or
 * the iterations of a Map must be thread-safe.
 */
@FunctionalInterface
public interface ExecutionListener {
    void onEvent(HistoryEvent event);

    /**
     * A transition the engine took, after the state's Exited event (or, for a retry, before the
     * back-off). Also called for the states of a distributed Map's child executions, whose events
     * are not in this execution's history.
     */
    default void onDecision(Decision decision) {
    }

    /**
     * True for a listener that keeps (or writes out) the whole history itself: the execution then
     * keeps no copy of its events in memory, and its result's {@code events} stay empty.
     */
    default boolean keepsHistory() {
        return false;
    }
}
