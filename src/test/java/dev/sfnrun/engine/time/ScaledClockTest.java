package dev.sfnrun.engine.time;

import dev.sfnrun.engine.ExecutionOptions;
import dev.sfnrun.engine.ExecutionResult;

import static dev.sfnrun.engine.Runs.first;
import static dev.sfnrun.engine.Runs.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sfnrun.history.EventType;
import dev.sfnrun.task.load.TaskRegistry;
import dev.sfnrun.testtasks.Sleeper;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** --time-scale between 0 and 1: waits are shortened but shown in full; real work is shown at its real length. */
class ScaledClockTest {
    @Test
    void aShortenedWaitShowsItsFullLengthAndWorkItsRealLength() throws Exception {
        ScaledClock clock = new ScaledClock(0.001);
        Instant start = clock.now();
        long realStart = System.nanoTime();
        clock.sleep(Duration.ofSeconds(10));
        Duration shown = Duration.between(start, clock.now());
        assertTrue(shown.compareTo(Duration.ofSeconds(10)) >= 0 && shown.compareTo(Duration.ofSeconds(11)) < 0,
                "shown " + shown);
        assertTrue(System.nanoTime() - realStart < 5_000_000_000L, "the wait took 10 ms, not 10 s");
        Instant before = clock.now();
        Thread.sleep(20); // work, not a wait of the execution's
        Duration work = Duration.between(before, clock.now());
        assertTrue(work.compareTo(Duration.ofMillis(20)) >= 0 && work.compareTo(Duration.ofSeconds(2)) < 0,
                "20 ms of work shows as " + work + ", not 20 s");
    }

    @Test
    void waitsSideBySideOverlap() throws Exception {
        ScaledClock clock = new ScaledClock(0.01);
        Instant start = clock.now();
        Thread other = new Thread(() -> {
            try {
                clock.sleep(Duration.ofSeconds(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        other.start();
        clock.sleep(Duration.ofSeconds(5));
        other.join();
        Duration shown = Duration.between(start, clock.now());
        assertTrue(shown.compareTo(Duration.ofSeconds(5)) >= 0 && shown.compareTo(Duration.ofSeconds(6)) < 0,
                "two 5 s waits at once show " + shown);
    }

    @Test
    void aTaskTimeoutShowsItsFullLength() {
        ExecutionResult result = run("{\"StartAt\":\"T\",\"States\":{\"T\":{\"Type\":\"Task\",\"Resource\":\"Sleeper\","
                + "\"TimeoutSeconds\":30,\"End\":true}}}", "{}", ExecutionOptions.defaults()
                .withTasks(new TaskRegistry().bind("Sleeper", new Sleeper())).withClock(new ScaledClock(0.001)));
        assertEquals("States.Timeout", result.error());
        Duration waited = Duration.between(first(result, EventType.LambdaFunctionStarted).timestamp(),
                first(result, EventType.LambdaFunctionTimedOut).timestamp());
        assertTrue(waited.compareTo(Duration.ofSeconds(30)) >= 0 && waited.compareTo(Duration.ofSeconds(31)) < 0,
                "timed out after " + waited);
    }
}
