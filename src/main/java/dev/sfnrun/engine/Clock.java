package dev.sfnrun.engine;

import java.time.Duration;
import java.time.Instant;

/** Time as the engine sees it: event timestamps, waits, retry back-off and timeouts all go through it. */
public interface Clock {
    Instant now();

    void sleep(Duration duration) throws InterruptedException;

    /**
     * A clock for a time scale: 0 never sleeps and advances virtual time exactly by each wait;
     * 1 is real time; a fraction shortens real waits while timestamps still show the full waits.
     */
    static Clock forScale(double scale) {
        return scale == 0 ? new VirtualClock(Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS)) : new ScaledClock(scale);
    }
}
