package dev.sfnrun.engine.time;

import java.time.Duration;
import java.time.Instant;

/**
 * Real time with shortened waits: a wait, retry back-off or timeout of {@code d} takes
 * {@code d × scale} of real time, and the clock then shows the full {@code d} as passed. Work
 * (task code, the engine itself) takes its real time and shows as such, so timestamps are those
 * of a real run whose waits were full length. With scale 1 it is the real clock.
 *
 * <p>The time is an anchor moved on by real time; a finished wait moves the anchor to its end
 * when real time has not got there yet. Waits side by side (Parallel branches) each move it to
 * their own end, so they overlap as they do in real time.
 */
public final class ScaledClock implements Clock {
    private final double scale;
    /** The clock's time at a real instant; replaced whole, so reading it needs no lock. */
    private volatile Anchor anchor = new Anchor(Instant.now(), System.nanoTime());

    private record Anchor(Instant at, long nanos) {
        Instant now(long nanos) {
            return at.plusNanos(nanos - this.nanos);
        }
    }

    public ScaledClock(double scale) {
        if (!(scale > 0)) {
            throw new IllegalArgumentException("scale must be positive");
        }
        this.scale = scale;
    }

    @Override
    public Instant now() {
        return anchor.now(System.nanoTime());
    }

    @Override
    public Duration toReal(Duration duration) {
        return Duration.ofNanos((long) (duration.toNanos() * scale));
    }

    @Override
    public void sleep(Duration duration) throws InterruptedException {
        Instant end = now().plus(duration);
        long nanos = toReal(duration).toNanos();
        if (nanos > 0) {
            Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
        }
        reached(end);
    }

    @Override
    public synchronized void reached(Instant at) {
        long nanos = System.nanoTime();
        if (at.isAfter(anchor.now(nanos))) {
            anchor = new Anchor(at, nanos);
        }
    }
}
