package dev.sfnrun.engine;

import static dev.sfnrun.engine.Runs.json;
import static dev.sfnrun.engine.Runs.run;
import static dev.sfnrun.engine.Runs.types;
import static dev.sfnrun.history.EventType.ExecutionStarted;
import static dev.sfnrun.history.EventType.ExecutionSucceeded;
import static dev.sfnrun.history.EventType.PassStateEntered;
import static dev.sfnrun.history.EventType.PassStateExited;
import static dev.sfnrun.history.EventType.TaskFailed;
import static dev.sfnrun.history.EventType.TaskScheduled;
import static dev.sfnrun.history.EventType.TaskStarted;
import static dev.sfnrun.history.EventType.TaskStateEntered;
import static dev.sfnrun.history.EventType.TaskStateExited;
import static dev.sfnrun.history.EventType.TaskSucceeded;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sfnrun.task.load.MockConfig;
import dev.sfnrun.task.load.TaskRegistry;
import dev.sfnrun.testtasks.Echo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Mocked responses answering Task states: no function needed, retries consume the entries in turn. */
class TaskMocksTest {
    static final String MACHINE = """
            {"StartAt": "Charge", "States": {
              "Charge": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
                "Parameters": {"FunctionName": "ChargeCard", "Payload.$": "$"},
                "Retry": [{"ErrorEquals": ["States.ALL"], "IntervalSeconds": 2, "MaxAttempts": 3, "BackoffRate": 2}],
                "ResultSelector": {"charged.$": "$.Payload.charged"},
                "Next": "Ship"},
              "Ship": {"Type": "Task", "Resource": "arn:aws:states:::sqs:sendMessage", "ResultPath": null, "Next": "Done"},
              "Done": {"Type": "Pass", "End": true}}}
            """;

    static final String MOCKS = """
            {"StateMachines": {"Orders": {"TestCases": {
                "RetryPath": {"Charge": "ChargeFlaky", "Ship": "Sent"}}}},
             "MockedResponses": {
                "ChargeFlaky": {
                  "0": {"Throw": {"Error": "Lambda.ResourceNotReadyException", "Cause": "Lambda resource is not ready."}},
                  "1-2": {"Throw": {"Error": "Lambda.TimeoutException", "Cause": "Lambda timed out."}},
                  "3": {"Return": {"StatusCode": 200, "Payload": {"charged": true}}}},
                "Sent": {"0": {"Return": {"MessageId": "m-1"}}}}}
            """;

    @Test
    void retriesConsumeSuccessiveMockedResponses(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("MockConfigFile.json");
        Files.writeString(file, MOCKS);
        TaskRegistry registry = new TaskRegistry();
        MockConfig.apply(file, "Orders", "RetryPath", registry);
        ExecutionResult result = run(MACHINE, "{\"order\":7}", ExecutionOptions.defaults().withTasks(registry)
                .withStateMachineName("Orders"));
        assertEquals(ExecutionStatus.SUCCEEDED, result.status(), result.error() + " " + result.cause());
        assertEquals(json("{\"charged\":true}"), result.output());
        assertEquals(List.of(ExecutionStarted, TaskStateEntered,
                TaskScheduled, TaskStarted, TaskFailed,
                TaskScheduled, TaskStarted, TaskFailed,
                TaskScheduled, TaskStarted, TaskFailed,
                TaskScheduled, TaskStarted, TaskSucceeded, TaskStateExited,
                TaskStateEntered, TaskScheduled, TaskStarted, TaskSucceeded, TaskStateExited,
                PassStateEntered, PassStateExited, ExecutionSucceeded), types(result));
        assertEquals("Lambda.ResourceNotReadyException", result.events().get(4).detail("error"));
        assertEquals("Lambda timed out.", result.events().get(7).detail("cause"));
        // 2 + 4 + 8 seconds of back-off in virtual time
        assertEquals(14, java.time.Duration.between(result.startDate(), result.stopDate()).getSeconds());
    }

    @Test
    void unmockedStatesStillCallTheirFunctions(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("MockConfigFile.json");
        Files.writeString(file, MOCKS.replace("\"RetryPath\": {\"Charge\": \"ChargeFlaky\", \"Ship\": \"Sent\"}",
                "\"HappyPath\": {\"Charge\": \"Charged\"}").replace("\"Sent\":", "\"Charged\": {\"0\": {\"Return\": "
                + "{\"Payload\": {\"charged\": \"yes\"}}}}, \"Sent\":"));
        TaskRegistry registry = new TaskRegistry();
        MockConfig.apply(file, "Orders", "HappyPath", registry);
        var unbound = org.junit.jupiter.api.Assertions.assertThrows(UnboundResourceException.class,
                () -> run(MACHINE, "{}", registry));
        assertEquals("Ship", unbound.stateName());
        registry.bind("sqs:sendMessage", new Echo());
        ExecutionResult result = run(MACHINE, "{}", registry);
        assertEquals(json("{\"charged\":\"yes\"}"), result.output());
    }
}
