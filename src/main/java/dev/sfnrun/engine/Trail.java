package dev.sfnrun.engine;

import dev.sfnrun.definition.State;

/**
 * One thread of control's chain of events: each event's previousEventId is the trail's last
 * event. The execution has one; each Parallel branch and Map iteration has its own, a child of
 * the trail of the state that started it. Closing a trail (when its branch is stopped) closes
 * every trail below it: no event is written on a closed trail again.
 */
public final class Trail {
    private final Trail parent;
    private volatile long last;
    private volatile boolean closed;
    /** The state this trail is in (between its Entered and its Exited), or null. */
    private volatile State current;
    /** Whether a distributed Map state on this trail has a Map Run under way (MapRunStarted written, not ended). */
    private volatile boolean mapRunActive;

    Trail(long last) {
        this(last, null);
    }

    private Trail(long last, Trail parent) {
        this.last = last;
        this.parent = parent;
    }

    /** A trail for a branch or iteration started from this one, whose first event follows {@code last}. */
    Trail child(long last) {
        return new Trail(last, this);
    }

    public long last() {
        return last;
    }

    void moveTo(long id) {
        last = id;
    }

    public boolean isClosed() {
        for (Trail trail = this; trail != null; trail = trail.parent) {
            if (trail.closed) {
                return true;
            }
        }
        return false;
    }

    /** Called with the event log's lock held (see {@link EventLog#close}). */
    void markClosed() {
        closed = true;
    }

    public void mapRunActive(boolean active) {
        mapRunActive = active;
    }

    boolean mapRunActive() {
        return mapRunActive;
    }

    State current() {
        return current;
    }

    void setCurrent(State state) {
        current = state;
    }
}
