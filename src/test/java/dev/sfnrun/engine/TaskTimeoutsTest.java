package dev.sfnrun.engine;

import dev.sfnrun.engine.time.VirtualClock;

import dev.sfnrun.engine.time.Clock;
import dev.sfnrun.engine.time.ScaledClock;

import static dev.sfnrun.engine.Runs.first;
import static dev.sfnrun.engine.Runs.json;
import static dev.sfnrun.engine.Runs.run;
import static dev.sfnrun.engine.Runs.task;
import static dev.sfnrun.engine.Runs.types;
import static dev.sfnrun.history.EventType.ExecutionFailed;
import static dev.sfnrun.history.EventType.ExecutionStarted;
import static dev.sfnrun.history.EventType.ExecutionSucceeded;
import static dev.sfnrun.history.EventType.LambdaFunctionScheduled;
import static dev.sfnrun.history.EventType.LambdaFunctionStarted;
import static dev.sfnrun.history.EventType.LambdaFunctionTimedOut;
import static dev.sfnrun.history.EventType.TaskFailed;
import static dev.sfnrun.history.EventType.TaskScheduled;
import static dev.sfnrun.history.EventType.TaskStarted;
import static dev.sfnrun.history.EventType.TaskStateEntered;
import static dev.sfnrun.history.EventType.TaskStateExited;
import static dev.sfnrun.history.EventType.TaskSubmitted;
import static dev.sfnrun.history.EventType.TaskSucceeded;
import static dev.sfnrun.history.EventType.TaskTimedOut;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.TextNode;
import dev.sfnrun.history.EventType;
import dev.sfnrun.task.load.TaskRegistry;
import dev.sfnrun.testtasks.CallBackLater;
import dev.sfnrun.testtasks.Echo;
import dev.sfnrun.testtasks.Sleeper;
import dev.sfnrun.testtasks.Spinner;
import dev.sfnrun.testtasks.Stubborn;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * TimeoutSeconds, HeartbeatSeconds and {@code .waitForTaskToken} callbacks. Task code that never
 * finishes makes every outcome certain; a time scale of 1/1000 keeps the limits to milliseconds.
 */
class TaskTimeoutsTest {
    private static final Clock FAST = new ScaledClock(0.001);

    private static TaskRegistry registry() {
        return new TaskRegistry().bind("Sleeper", new Sleeper()).bind("Spinner", new Spinner())
                .bind("Stubborn", new Stubborn()).bind("Echo", new Echo())
                .bind("sqs:sendMessage", new CallBackLater())
                .bind("sns:publish", (input, context) -> TextNode.valueOf("published, no callback"));
    }

    private static ExecutionOptions fast() {
        return ExecutionOptions.defaults().withTasks(registry()).withClock(FAST);
    }

    @Test
    void aSleepingLambdaTimesOutWithLambdaFunctionTimedOut() {
        ExecutionResult result = run(task("Sleeper", "\"TimeoutSeconds\":5"), "{}", fast());
        assertEquals(ExecutionStatus.FAILED, result.status());
        assertEquals("States.Timeout", result.error());
        assertNull(result.cause());
        assertEquals(List.of(ExecutionStarted, TaskStateEntered, LambdaFunctionScheduled, LambdaFunctionStarted,
                LambdaFunctionTimedOut, ExecutionFailed), types(result));
        var timedOut = first(result, LambdaFunctionTimedOut);
        assertEquals("States.Timeout", timedOut.detail("error"));
        assertNull(timedOut.detail("cause"));
        assertEquals(5, ((Number) first(result, LambdaFunctionScheduled).detail("timeoutInSeconds")).intValue());
    }

    @Test
    void aLoopingIntegrationTimesOutWithTaskTimedOut() {
        TaskRegistry registry = registry().bind("dynamodb:getItem", new Spinner());
        ExecutionResult result = run(task("arn:aws:states:::dynamodb:getItem", "\"TimeoutSeconds\":2"), "{}",
                ExecutionOptions.defaults().withTasks(registry).withClock(FAST));
        assertEquals("States.Timeout", result.error());
        var timedOut = first(result, TaskTimedOut);
        assertEquals("dynamodb", timedOut.detail("resourceType"));
        assertEquals("getItem", timedOut.detail("resource"));
        assertEquals("States.Timeout", timedOut.detail("error"));
    }

    @Test
    void codeThatIgnoresInterruptionDoesNotHoldTheRunBack() {
        ExecutionResult result = run(task("Stubborn", "\"TimeoutSeconds\":1"), "{}", fast());
        assertEquals("States.Timeout", result.error());
        assertTrue(Stubborn.RELEASE.getCount() > 0, "the stubborn task is still running, abandoned");
    }

    @Test
    void aTimeoutIsCaughtAndRetriedLikeAnyError() {
        ExecutionResult result = run("{\"StartAt\":\"T\",\"States\":{\"T\":{\"Type\":\"Task\",\"Resource\":\"Sleeper\","
                + "\"TimeoutSeconds\":1,\"Retry\":[{\"ErrorEquals\":[\"States.Timeout\"],\"MaxAttempts\":1}],"
                + "\"Catch\":[{\"ErrorEquals\":[\"States.ALL\"],\"Next\":\"P\"}],\"Next\":\"P\"},"
                + "\"P\":{\"Type\":\"Pass\",\"End\":true}}}", "{}", fast());
        assertEquals(ExecutionStatus.SUCCEEDED, result.status());
        assertEquals(json("{\"Error\":\"States.Timeout\"}"), result.output());
        assertEquals(2, types(result).stream().filter(t -> t == LambdaFunctionTimedOut).count());
    }

    @Test
    void timeoutSecondsPathReadsTheStateInput() {
        ExecutionResult result = run(task("Sleeper", "\"TimeoutSecondsPath\":\"$.limit\""), "{\"limit\":3}", fast());
        assertEquals("States.Timeout", result.error());
        assertEquals(3, ((Number) first(result, LambdaFunctionScheduled).detail("timeoutInSeconds")).intValue());
    }

    @Test
    void aMissingTimeoutSecondsPathIsARuntimeError() {
        ExecutionResult result = run(task("Echo", "\"TimeoutSecondsPath\":\"$.limit\""), "{}", fast());
        assertEquals("States.Runtime", result.error());
        assertEquals("An error occurred while executing the state 'T' (entered at the event id #2). "
                + "Invalid path '$.limit' : No results for path: $['limit']", result.cause());
        assertEquals(List.of(ExecutionStarted, TaskStateEntered, ExecutionFailed), types(result));
    }

    @Test
    void aNonPositiveHeartbeatSecondsPathIsARuntimeError() {
        ExecutionResult result = run(task("Echo", "\"HeartbeatSecondsPath\":\"$.beat\""), "{\"beat\":0}", fast());
        assertEquals("States.Runtime", result.error());
        assertTrue(result.cause().endsWith("The HeartbeatSecondsPath field refers to value 0 which is not a valid "
                + "positive integer: $.beat"), result.cause());
    }

    @Test
    void aTokenTaskWithoutHeartbeatsTimesOutAsStatesTimeout() {
        ExecutionResult result = run(task("arn:aws:states:::sns:publish.waitForTaskToken",
                "\"HeartbeatSeconds\":20,\"TimeoutSeconds\":6000,\"Parameters\":{\"TaskToken.$\":\"$$.Task.Token\"}"),
                // one real second at 1/20: time enough for the call to return (TaskSubmitted) before the heartbeat is missed
                "{}", ExecutionOptions.defaults().withTasks(registry()).withClock(new ScaledClock(0.05)));
        assertEquals("States.Timeout", result.error());
        assertNull(result.cause());
        assertEquals(List.of(ExecutionStarted, TaskStateEntered, TaskScheduled, TaskStarted, TaskSubmitted, TaskTimedOut,
                ExecutionFailed), types(result));
        var scheduled = first(result, TaskScheduled);
        assertEquals(20, ((Number) scheduled.detail("heartbeatInSeconds")).intValue());
        assertEquals("publish.waitForTaskToken", scheduled.detail("resource"));
        assertEquals("\"published, no callback\"", first(result, TaskSubmitted).stringDetail("output"));
        Duration waited = Duration.between(first(result, TaskStarted).timestamp(), first(result, TaskTimedOut).timestamp());
        assertTrue(waited.compareTo(Duration.ofSeconds(20)) >= 0 && waited.compareTo(Duration.ofSeconds(6000)) < 0,
                "timed out by the heartbeat, after " + waited);
    }

    @Test
    void aCallbackFromAnotherThreadCompletesTheTokenTaskWithItsOwnToken() {
        ExecutionResult result = run(task("arn:aws:states:::sqs:sendMessage.waitForTaskToken",
                "\"HeartbeatSeconds\":60,\"Parameters\":{\"token.$\":\"$$.Task.Token\"}"), "{}",
                ExecutionOptions.defaults().withTasks(registry()));
        assertEquals(ExecutionStatus.SUCCEEDED, result.status(), result.error() + " " + result.cause());
        assertTrue(result.output().get("sameToken").asBoolean());
        assertTrue(result.output().get("token").asText().length() > 40);
        assertEquals(List.of(ExecutionStarted, TaskStateEntered, TaskScheduled, TaskStarted, TaskSubmitted, TaskSucceeded,
                TaskStateExited, ExecutionSucceeded), types(result));
        assertEquals("{\"MessageId\":\"m-1\"}", first(result, TaskSubmitted).stringDetail("output"));
    }

    @Test
    void aFailureCallbackFailsTheTask() {
        ExecutionResult result = run(task("arn:aws:states:::sqs:sendMessage.waitForTaskToken",
                "\"Parameters\":{\"token.$\":\"$$.Task.Token\",\"fail\":true}"), "{}",
                ExecutionOptions.defaults().withTasks(registry()));
        assertEquals("Rejected", result.error());
        assertTrue(result.cause().startsWith("token "));
        assertEquals("Rejected", first(result, TaskFailed).detail("error"));
    }

    @Test
    void aCallbackMadeBeforeReturningIsReportedAfterTheSubmission() {
        TaskRegistry registry = new TaskRegistry().bind("lambda-callback", (input, context) -> {
            context.callback().success(json("{\"done\":true}"));
            return json("{\"accepted\":true}");
        });
        ExecutionResult result = run(task("arn:aws:states:::lambda:invoke.waitForTaskToken",
                "\"Parameters\":{\"FunctionName\":\"lambda-callback\",\"Payload\":{\"t.$\":\"$$.Task.Token\"}}"), "{}",
                registry);
        assertEquals(json("{\"done\":true}"), result.output());
        assertEquals(List.of(ExecutionStarted, TaskStateEntered, TaskScheduled, TaskStarted, TaskSubmitted, TaskSucceeded,
                TaskStateExited, ExecutionSucceeded), types(result));
        assertEquals("{\"accepted\":true}",
                ((com.fasterxml.jackson.databind.JsonNode) json(first(result, TaskSubmitted).stringDetail("output")))
                        .get("Payload").toString());
    }

    @Test
    void theTokenIsOnlyInTokenTasks() {
        ExecutionResult result = run(task("Echo", "\"Parameters\":{\"t.$\":\"$$.Task\"}"), "{}", fast());
        assertEquals("States.Runtime", result.error());
    }

    @Test
    void heartbeatsKeepATokenTaskAlive() {
        TaskRegistry registry = new TaskRegistry().bind("Beating", (input, context) -> {
            Thread worker = new Thread(() -> {
                try {
                    for (int i = 0; i < 5; i++) {
                        Thread.sleep(1);
                        context.heartbeat();
                    }
                } catch (InterruptedException e) {
                    return;
                }
                context.callback().success(TextNode.valueOf("after beats"));
            });
            worker.setDaemon(true);
            worker.start();
            return null;
        });
        // HeartbeatSeconds 10000 at scale 1/1000: ten real seconds between beats, far more than the beats need.
        ExecutionResult result = run(task("arn:aws:states:::lambda:invoke.waitForTaskToken",
                "\"HeartbeatSeconds\":10000,\"Parameters\":{\"FunctionName\":\"Beating\"}"), "{}",
                ExecutionOptions.defaults().withTasks(registry).withClock(FAST));
        assertEquals(TextNode.valueOf("after beats"), result.output());
    }

    @Test
    void inVirtualTimeABlockingCallCountsItsRealDuration() {
        Instant start = Instant.parse("2024-01-01T00:00:00Z");
        ExecutionResult result = run(task("Sleeper", "\"TimeoutSeconds\":1"), "{}",
                ExecutionOptions.defaults().withTasks(registry()).withClock(new VirtualClock(start)));
        assertEquals("States.Timeout", result.error());
        Duration waited = Duration.between(first(result, LambdaFunctionStarted).timestamp(),
                first(result, LambdaFunctionTimedOut).timestamp());
        assertFalse(waited.compareTo(Duration.ofSeconds(1)) < 0, "waited " + waited);
    }

    @Test
    void theExecutionTimeoutEndsAWaitingTask() {
        ExecutionResult result = run("{\"TimeoutSeconds\":2,\"StartAt\":\"T\",\"States\":{\"T\":{\"Type\":\"Task\","
                + "\"Resource\":\"Sleeper\",\"End\":true}}}", "{}", fast());
        assertEquals(ExecutionStatus.TIMED_OUT, result.status());
        assertEquals(EventType.ExecutionTimedOut, result.events().get(result.events().size() - 1).type());
    }

    @Test
    void inVirtualTimeTasksRunningSideBySideOverlap() {
        Instant start = Instant.parse("2024-01-01T00:00:00Z");
        String map = "{\"StartAt\":\"M\",\"States\":{\"M\":{\"Type\":\"Map\",\"End\":true,"
                + "\"ItemProcessor\":{\"StartAt\":\"T\",\"States\":{\"T\":{\"Type\":\"Task\","
                + "\"Resource\":\"Sleeper\",\"TimeoutSeconds\":1,\"End\":true}}}}}}";
        ExecutionResult result = run(map, "[1, 2, 3]",
                ExecutionOptions.defaults().withTasks(registry()).withClock(new VirtualClock(start)));
        assertEquals("States.Timeout", result.error());
        // three one-second timeouts at once take about one second, not three
        Duration took = Duration.between(start, result.stopDate());
        assertTrue(took.compareTo(Duration.ofSeconds(1)) >= 0 && took.compareTo(Duration.ofMillis(1900)) < 0,
                "took " + took);
    }
}
