package dev.sfnrun.engine;

import java.time.Duration;
import java.time.Instant;

/** Real time, with waits shortened by a scale factor; timestamps show the unscaled time. */
public final class ScaledClock implements Clock {
    private final double scale;
    private final Instant start = Instant.now();
    private final long startNanos = System.nanoTime();

    public ScaledClock(double scale) {
        if (!(scale > 0)) {
            throw new IllegalArgumentException("scale must be positive");
        }
        this.scale = scale;
    }

    @Override
    public Instant now() {
        long elapsed = (long) ((System.nanoTime() - startNanos) / scale);
        return start.plusNanos(elapsed);
    }

    @Override
    public Duration toReal(Duration duration) {
        return Duration.ofNanos((long) (duration.toNanos() * scale));
    }

    @Override
    public void sleep(Duration duration) throws InterruptedException {
        long nanos = (long) (duration.toNanos() * scale);
        if (nanos > 0) {
            Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
        }
    }
}
