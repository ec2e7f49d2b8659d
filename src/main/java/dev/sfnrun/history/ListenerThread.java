package dev.sfnrun.history;

/**
 * Runs a listener on a thread of its own (a {@link Handoff}): the execution hands each event and
 * decision over and goes on, and the listener gets them on that thread, one at a time and in the
 * order they were handed over. {@link #close} waits until everything handed over has been
 * delivered; only then may the listener's results be read.
 */
public final class ListenerThread implements ExecutionListener, AutoCloseable {
    private final ExecutionListener target;
    private final Handoff<Object> handoff;

    /**
     * Starts delivering to {@code target} on a daemon thread named {@code name}, woken for each
     * event. {@code whenIdle} runs on that thread whenever it has delivered everything handed over
     * so far (a printer flushes there: what it printed is shown while the execution goes on).
     */
    public ListenerThread(ExecutionListener target, String name, Runnable whenIdle) {
        this.target = target;
        this.handoff = new Handoff<>(this::deliver, name, whenIdle);
    }

    private void deliver(Object item) {
        if (item instanceof HistoryEvent event) {
            target.onEvent(event);
        } else {
            target.onDecision((Decision) item);
        }
    }

    @Override
    public void onEvent(HistoryEvent event) {
        handoff.handOver(event);
    }

    @Override
    public void onDecision(Decision decision) {
        handoff.handOver(decision);
    }

    @Override
    public boolean keepsHistory() {
        return target.keepsHistory();
    }

    /**
     * Waits until everything handed over is delivered, then ends the thread. What the listener
     * threw is thrown here, so a history that could not be printed is not taken for a success.
     */
    @Override
    public void close() {
        handoff.close();
    }
}
