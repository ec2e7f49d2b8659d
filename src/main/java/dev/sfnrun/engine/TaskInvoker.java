package dev.sfnrun.engine;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sfnrun.definition.TaskState;
import dev.sfnrun.error.StatesError;
import dev.sfnrun.history.EventDetails;
import dev.sfnrun.history.EventType;
import dev.sfnrun.history.Payload;
import dev.sfnrun.task.TaskContext;
import dev.sfnrun.task.TaskFunction;
import dev.sfnrun.task.load.LambdaErrors;
import dev.sfnrun.task.load.ResourceResolver;
import dev.sfnrun.task.load.ResourceResolver.Kind;
import dev.sfnrun.task.load.ResourceResolver.Resolved;
import java.util.UUID;

/**
 * Calls a Task state's resource through its bound task function, writing the resource's events
 * the way AWS does for it: LambdaFunction* for a Lambda ARN, Task* for service integrations.
 */
final class TaskInvoker {
    private final Execution execution;

    TaskInvoker(Execution execution) {
        this.execution = execution;
    }

    JsonNode invoke(TaskState state, JsonNode input, StateRun run) {
        return invoke(state, input, run, state.timeoutSeconds(), state.heartbeatSeconds());
    }

    /** Invokes with the timeouts in force for this attempt (literal, or from an expression). */
    JsonNode invoke(TaskState state, JsonNode input, StateRun run, Integer timeoutSeconds, Integer heartbeatSeconds) {
        Resolved resolved = ResourceResolver.resolve(state.resource());
        TaskFunction function = Bindings.find(execution.options().tasks(), resolved);
        if (function == null) {
            throw new UnboundResourceException(state.name(), state.resource());
        }
        boolean lambda = resolved.kind() == Kind.LAMBDA;
        EventLog log = execution.log();
        Trail trail = run.trail;
        if (lambda) {
            log.append(trail, EventType.LambdaFunctionScheduled, EventDetails.create()
                    .put("resource", state.resource()).input(input).put("timeoutInSeconds", timeoutSeconds));
            log.append(trail, EventType.LambdaFunctionStarted, null);
        } else {
            log.append(trail, EventType.TaskScheduled, EventDetails.create()
                    .put("resourceType", resolved.resourceType()).put("resource", resolved.resource())
                    .put("region", execution.options().region())
                    .put("parameters", Payload.of(input).text())
                    .put("timeoutInSeconds", timeoutSeconds)
                    .put("heartbeatInSeconds", heartbeatSeconds));
            log.append(trail, EventType.TaskStarted, EventDetails.create()
                    .put("resourceType", resolved.resourceType()).put("resource", resolved.resource()));
        }
        String requestId = UUID.randomUUID().toString();
        JsonNode result;
        try {
            result = function.invoke(input, context(state, run, requestId));
            if (result == null) {
                result = com.fasterxml.jackson.databind.node.NullNode.getInstance();
            }
            if (PayloadLimit.exceeds(result)) {
                throw new OversizedResult();
            }
        } catch (Exception e) {
            StatesError error = e instanceof OversizedResult
                    ? PayloadLimit.error(lambda ? state.resource() : resolved.resourceType())
                    : LambdaErrors.toStatesError(e, requestId);
            EventDetails failed = lambda ? EventDetails.create() : EventDetails.create()
                    .put("resourceType", resolved.resourceType()).put("resource", resolved.resource());
            log.append(trail, lambda ? EventType.LambdaFunctionFailed : EventType.TaskFailed,
                    failed.error(error.error(), error.cause()));
            throw error;
        }
        EventDetails succeeded = lambda ? EventDetails.create() : EventDetails.create()
                .put("resourceType", resolved.resourceType()).put("resource", resolved.resource());
        log.append(trail, lambda ? EventType.LambdaFunctionSucceeded : EventType.TaskSucceeded, succeeded.output(result));
        return result;
    }

    /** A result over AWS's payload quota: the task fails with States.DataLimitExceeded. */
    private static final class OversizedResult extends RuntimeException {
        OversizedResult() {
            super(null, null, false, false);
        }
    }

    private TaskContext context(TaskState state, StateRun run, String requestId) {
        String executionName = execution.options().executionName();
        int retryCount = run.retryCount();
        return new TaskContext() {
            @Override
            public String stateName() {
                return state.name();
            }

            @Override
            public String executionName() {
                return executionName;
            }

            @Override
            public String resource() {
                return state.resource();
            }

            @Override
            public int retryCount() {
                return retryCount;
            }

            @Override
            public String requestId() {
                return requestId;
            }
        };
    }
}
