package dev.sfnrun.engine;

import dev.sfnrun.engine.time.VirtualClock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sfnrun.definition.DefinitionParser;
import dev.sfnrun.history.EventType;
import dev.sfnrun.history.HistoryEvent;
import dev.sfnrun.query.Json;
import dev.sfnrun.task.TaskFailure;
import dev.sfnrun.task.load.TaskRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Retry back-off as the virtual clock records it in event timestamps. */
class RetryTimingTest {
    static List<Duration> backoffs(String retrier) throws Exception {
        String definition = "{\"StartAt\":\"T\",\"States\":{\"T\":{\"Type\":\"Task\",\"Resource\":"
                + "\"arn:aws:lambda:us-east-1:123456789012:function:AlwaysFails\",\"Retry\":[" + retrier + "],\"End\":true}}}";
        TaskRegistry tasks = new TaskRegistry().bind("AlwaysFails", (input, context) -> {
            throw new TaskFailure("Nope", "attempt " + context.retryCount());
        });
        ExecutionOptions options = ExecutionOptions.defaults().withTasks(tasks)
                .withClock(new VirtualClock(Instant.parse("2026-01-01T00:00:00Z")));
        ExecutionResult result = new Execution(DefinitionParser.parse(Json.mapper().readTree(definition)),
                Json.object(), "{}", options).run();
        assertEquals(ExecutionStatus.FAILED, result.status());
        List<HistoryEvent> failures = result.events().stream().filter(e -> e.type() == EventType.LambdaFunctionFailed).toList();
        List<HistoryEvent> schedules = result.events().stream().filter(e -> e.type() == EventType.LambdaFunctionScheduled).toList();
        assertEquals(failures.size(), schedules.size());
        return java.util.stream.IntStream.range(1, schedules.size())
                .mapToObj(i -> Duration.between(failures.get(i - 1).timestamp(), schedules.get(i).timestamp())).toList();
    }

    @Test
    void defaultBackoffDoubles() throws Exception {
        assertEquals(List.of(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4)),
                backoffs("{\"ErrorEquals\":[\"Nope\"]}"));
    }

    @Test
    void maxDelaySecondsCapsTheBackoff() throws Exception {
        assertEquals(List.of(Duration.ofSeconds(3), Duration.ofMillis(4500), Duration.ofSeconds(5), Duration.ofSeconds(5)),
                backoffs("{\"ErrorEquals\":[\"States.ALL\"],\"IntervalSeconds\":3,\"BackoffRate\":1.5,\"MaxAttempts\":4,\"MaxDelaySeconds\":5}"));
    }

    @Test
    void maxAttemptsZeroNeverRetries() throws Exception {
        assertEquals(List.of(), backoffs("{\"ErrorEquals\":[\"Nope\"],\"MaxAttempts\":0}"));
    }

    @Test
    void fullJitterStaysWithinTheNominalDelay() throws Exception {
        List<Duration> delays = backoffs("{\"ErrorEquals\":[\"Nope\"],\"IntervalSeconds\":10,\"MaxAttempts\":3,\"JitterStrategy\":\"FULL\"}");
        assertEquals(3, delays.size());
        assertTrue(delays.get(0).compareTo(Duration.ofSeconds(10)) <= 0, delays.toString());
        assertTrue(delays.get(1).compareTo(Duration.ofSeconds(20)) <= 0, delays.toString());
        assertTrue(delays.get(2).compareTo(Duration.ofSeconds(40)) <= 0, delays.toString());
    }
}
