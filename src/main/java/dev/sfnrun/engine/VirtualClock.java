package dev.sfnrun.engine;

import java.time.Duration;
import java.time.Instant;

/** A clock that never blocks: sleeping moves its time forward by exactly the duration. */
public final class VirtualClock implements Clock {
    private Instant now;

    public VirtualClock(Instant start) {
        this.now = start;
    }

    @Override
    public synchronized Instant now() {
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
