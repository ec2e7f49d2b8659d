package dev.sfnrun.engine.time;

import java.time.Duration;
import java.time.Instant;

/** A clock that never blocks: sleeping moves its time forward by exactly the duration. */
public final class VirtualClock implements Clock {
    /** Read without a lock (every event and state reads it); moved on only under the lock. */
    private volatile Instant now;

    public VirtualClock(Instant start) {
        this.now = start;
    }

    @Override
    public Instant now() {
        return now;
    }

    @Override
    public synchronized void sleep(Duration duration) {
        now = now.plus(duration);
    }

    @Override
    public void elapsed(Instant since, Duration real) {
        reached(since.plus(real));
    }

    @Override
    public synchronized void reached(Instant at) {
        if (at.isAfter(now)) {
            now = at;
        }
    }
}
