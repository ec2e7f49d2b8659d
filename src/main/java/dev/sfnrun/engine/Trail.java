package dev.sfnrun.engine;

/**
 * One thread of control's chain of events: each event's previousEventId is the trail's last
 * event. The execution has one; each Parallel branch and Map iteration has its own.
 */
final class Trail {
    private long last;

    Trail(long last) {
        this.last = last;
    }

    long last() {
        return last;
    }

    void moveTo(long id) {
        last = id;
    }
}
