package dev.sfnrun.history;

/** Receives every history event as it happens. Called from the thread that produced the event. */
@FunctionalInterface
public interface ExecutionListener {
    void onEvent(HistoryEvent event);
}
