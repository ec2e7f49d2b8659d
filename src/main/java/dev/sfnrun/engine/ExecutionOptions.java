package dev.sfnrun.engine;

import dev.sfnrun.engine.time.Clock;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sfnrun.history.ExecutionListener;
import dev.sfnrun.task.load.TaskRegistry;
import java.util.List;

/**
 * How to run an execution. Use {@link #defaults()} and the {@code with...} methods.
 *
 * @param contextOverrides fields merged over the generated context object (or null)
 * @param recordHistory    keep every event in the result (the JSON report needs them)
 * @param s3Root           the directory standing for S3 ({@code s3://bucket/key} is {@code s3Root/bucket/key}), or null
 */
public record ExecutionOptions(String stateMachineName, String executionName, ExecutionType type, String region,
                               String account, Clock clock, TaskRegistry tasks, List<ExecutionListener> listeners,
                               ObjectNode contextOverrides, boolean recordHistory,
                               java.nio.file.Path s3Root) {
    public static ExecutionOptions defaults() {
        return new ExecutionOptions("StateMachine", RandomIds.uuid(), ExecutionType.STANDARD, "us-east-1",
                "123456789012", Clock.forScale(0), TaskRegistry.withBuiltins(), List.of(), null, true, null);
    }

    public ExecutionOptions withStateMachineName(String name) {
        return new ExecutionOptions(name, executionName, type, region, account, clock, tasks, listeners, contextOverrides, recordHistory, s3Root);
    }

    public ExecutionOptions withExecutionName(String name) {
        return new ExecutionOptions(stateMachineName, name, type, region, account, clock, tasks, listeners, contextOverrides, recordHistory, s3Root);
    }

    public ExecutionOptions withType(ExecutionType value) {
        return new ExecutionOptions(stateMachineName, executionName, value, region, account, clock, tasks, listeners, contextOverrides, recordHistory, s3Root);
    }

    public ExecutionOptions withRegionAndAccount(String regionValue, String accountValue) {
        return new ExecutionOptions(stateMachineName, executionName, type, regionValue, accountValue, clock, tasks, listeners, contextOverrides, recordHistory, s3Root);
    }

    public ExecutionOptions withClock(Clock value) {
        return new ExecutionOptions(stateMachineName, executionName, type, region, account, value, tasks, listeners, contextOverrides, recordHistory, s3Root);
    }

    public ExecutionOptions withTasks(TaskRegistry value) {
        return new ExecutionOptions(stateMachineName, executionName, type, region, account, clock, value, listeners, contextOverrides, recordHistory, s3Root);
    }

    public ExecutionOptions withListeners(List<ExecutionListener> value) {
        return new ExecutionOptions(stateMachineName, executionName, type, region, account, clock, tasks, List.copyOf(value), contextOverrides, recordHistory, s3Root);
    }

    public ExecutionOptions withContextOverrides(ObjectNode value) {
        return new ExecutionOptions(stateMachineName, executionName, type, region, account, clock, tasks, listeners, value, recordHistory, s3Root);
    }

    public ExecutionOptions withRecordHistory(boolean value) {
        return new ExecutionOptions(stateMachineName, executionName, type, region, account, clock, tasks, listeners, contextOverrides, value, s3Root);
    }

    public ExecutionOptions withS3Root(java.nio.file.Path value) {
        return new ExecutionOptions(stateMachineName, executionName, type, region, account, clock, tasks, listeners, contextOverrides, recordHistory, value);
    }

    public String stateMachineArn() {
        return "arn:aws:states:" + region + ":" + account + ":stateMachine:" + stateMachineName;
    }

    /**
     * The execution's ARN. An Express execution's ARN ends in an id of its own after the name
     * ({@code ...:express:SM:NAME:ID}), as AWS makes it: {@code expressId} is that id (ignored for Standard).
     */
    public String executionArn(String expressId) {
        String base = "arn:aws:states:" + region + ":" + account + ":";
        return type == ExecutionType.EXPRESS ? base + "express:" + stateMachineName + ":" + executionName + ":" + expressId
                : base + "execution:" + stateMachineName + ":" + executionName;
    }

    public String roleArn() {
        return "arn:aws:iam::" + account + ":role/service-role/StepFunctions-" + stateMachineName + "-role";
    }
}
