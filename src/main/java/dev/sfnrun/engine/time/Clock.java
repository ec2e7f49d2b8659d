package dev.sfnrun.engine.time;

import java.time.Duration;
import java.time.Instant;

/** Time as the engine sees it: event timestamps, waits, retry back-off and timeouts all go through it. */
public interface Clock {
    Instant now();

    void sleep(Duration duration) throws InterruptedException;

    /**
     * How long to wait in real time for {@code duration} of this clock's time to pass while other
     * code (a task function) runs: the scaled duration for a scaled clock; for a virtual clock the
     * duration itself, since code that blocks takes real time.
     */
    default Duration toReal(Duration duration) {
        return duration;
    }

    /**
     * Accounts for {@code real} time spent in code outside the clock (a task function) that began
     * at this clock's time {@code since}: a virtual clock moves on to {@code since + real} unless
     * it is already past it (tasks running side by side overlap, as they do in real time); a real
     * clock has already moved.
     */
    default void elapsed(Instant since, Duration real) {
    }

    /**
     * A limit that ends at this clock's time {@code at} has run out (a task's timeout, waited for
     * in real time through {@link #toReal}): a clock whose waits are shortened or skipped moves on
     * to {@code at} unless it is already past it; a real clock is there already.
     */
    default void reached(Instant at) {
    }

    /**
     * A clock for a time scale: 0 never sleeps and advances virtual time exactly by each wait;
     * 1 is real time; a fraction shortens real waits while timestamps still show the full waits.
     */
    static Clock forScale(double scale) {
        return scale == 0 ? new VirtualClock(Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS)) : new ScaledClock(scale);
    }
}
