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
    public synchronized void elapsed(Instant since, Duration real) {
        Instant end = since.plus(real);
        if (end.isAfter(now)) {
            now = end;
        }
    }
}
