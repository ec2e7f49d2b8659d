package dev.sfnrun.engine;

import dev.sfnrun.engine.time.VirtualClock;

import static dev.sfnrun.engine.Runs.run;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sfnrun.definition.DefinitionParser;
import dev.sfnrun.query.Json;
import dev.sfnrun.task.load.TaskRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What Express workflows may not do, and how long each workflow type may run. */
class ExpressLimitsTest {
    @Test
    void callbacksSyncAndActivitiesAreNotForExpress() throws Exception {
        var machine = DefinitionParser.parse(Json.parse("""
                {"StartAt": "A", "States": {
                  "A": {"Type": "Task", "Resource": "arn:aws:states:::sqs:sendMessage.waitForTaskToken", "Next": "B"},
                  "B": {"Type": "Parallel", "Next": "C", "Branches": [{"StartAt": "S", "States": {
                    "S": {"Type": "Task", "Resource": "arn:aws:states:::states:startExecution.sync:2", "End": true}}}]},
                  "C": {"Type": "Task", "Resource": "arn:aws:states:us-east-1:123456789012:activity:Approve", "Next": "D"},
                  "D": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "End": true}}}
                """));
        assertEquals(List.of(
                "state 'A', field Resource: Express state machine does not support '.waitForTaskToken' service integration ",
                "state 'S', field Resource: Express state machine does not support '.sync' service integration",
                "state 'C', field Resource: Express state machine does not support activities"),
                ExpressLimits.unsupported(machine.graph()));
    }

    private static ExecutionResult waitSeconds(long seconds, ExecutionType type) {
        return run("{\"StartAt\":\"W\",\"States\":{\"W\":{\"Type\":\"Wait\",\"Seconds\":" + seconds + ",\"End\":true}}}",
                "{}", ExecutionOptions.defaults().withType(type).withTasks(new TaskRegistry())
                        .withClock(new VirtualClock(Instant.parse("2026-01-01T00:00:00Z"))));
    }

    @Test
    void anExpressExecutionEndsAfterFiveMinutes() {
        ExecutionResult result = waitSeconds(400, ExecutionType.EXPRESS);
        assertEquals(ExecutionStatus.TIMED_OUT, result.status());
        assertEquals(Duration.ofMinutes(5), Duration.between(result.startDate(), result.stopDate()));
        assertEquals(ExecutionStatus.SUCCEEDED, waitSeconds(299, ExecutionType.EXPRESS).status());
        assertEquals(ExecutionStatus.SUCCEEDED, waitSeconds(400, ExecutionType.STANDARD).status());
    }

    @Test
    void aStandardExecutionEndsAfterAYear() {
        ExecutionResult result = waitSeconds(99_999_999, ExecutionType.STANDARD);
        assertEquals(ExecutionStatus.TIMED_OUT, result.status());
        assertEquals(Duration.ofDays(365), Duration.between(result.startDate(), result.stopDate()));
    }
}
