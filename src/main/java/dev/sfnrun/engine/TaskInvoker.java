package dev.sfnrun.engine;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sfnrun.definition.TaskState;
import dev.sfnrun.error.ErrorNames;
import dev.sfnrun.error.StatesError;
import dev.sfnrun.query.Json;
import dev.sfnrun.query.JsonPath;
import dev.sfnrun.query.PathNotFoundException;
import dev.sfnrun.query.UndefinedVariableException;
import dev.sfnrun.query.ValueExpr;
import dev.sfnrun.task.TaskFailure;
import dev.sfnrun.task.TaskFunction;
import dev.sfnrun.task.WorkerTaskFunction;
import dev.sfnrun.task.load.IntegrationParameters;
import dev.sfnrun.task.load.LambdaErrors;
import dev.sfnrun.task.load.LambdaInvoke;
import dev.sfnrun.task.load.MockedResponse;
import dev.sfnrun.task.load.ResourceResolver;
import dev.sfnrun.task.load.ResourceResolver.Kind;
import dev.sfnrun.task.load.ResourceResolver.Resolved;
import dev.sfnrun.task.load.TaskRegistry;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

/**
 * Calls a Task state's resource: a mocked response for the state if the run has one, else the
 * bound task function, under the state's TimeoutSeconds and HeartbeatSeconds, writing the
 * resource's events the way AWS writes them for its kind ({@link ResourceEvents}).
 */
final class TaskInvoker {
    /** AWS's default TimeoutSeconds and HeartbeatSeconds. */
    static final long DEFAULT_SECONDS = 99_999_999L;


    private final Execution execution;
    /** Invocations so far of each mocked state in this execution (retries included). */
    private final Map<String, Integer> mockInvocations = new HashMap<>();

    TaskInvoker(Execution execution) {
        this.execution = execution;
    }

    /** Before the state's Parameters are evaluated: a token task's attempt gets a fresh {@code $$.Task.Token}. */
    void prepare(TaskState state, StateRun run) {
        Resolved resolved = ResourceResolver.resolve(state.resource());
        run.setTaskToken(resolved.waitForTaskToken() || resolved.kind() == Kind.ACTIVITY ? newToken() : null);
    }

    /**
     * @param effective  the state's input after InputPath (what TimeoutSecondsPath reads)
     * @param parameters the effective parameters: what the resource is called with
     */
    JsonNode invoke(TaskState state, JsonNode effective, JsonNode parameters, StateRun run) {
        Resolved resolved = ResourceResolver.resolve(state.resource());
        Long timeout = seconds(state.timeoutSeconds(), state.timeoutSecondsExpr(), "TimeoutSecondsPath", effective, run);
        Long heartbeat = seconds(state.heartbeatSeconds(), state.heartbeatSecondsExpr(), "HeartbeatSecondsPath",
                effective, run);
        IntegrationParameters.check(resolved, parameters);
        ExecutionOptions options = execution.options();
        ResourceEvents events = new ResourceEvents(execution.log(), run.trail, resolved, options.region());
        events.scheduled(parameters, timeout, heartbeat);
        TaskRegistry registry = options.tasks();
        MockedResponse mock = registry.mockFor(state.name());
        // an activity task waiting for a worker starts when one takes it (TaskContext.started)
        boolean waitsForWorker = mock == null && resolved.kind() == Kind.ACTIVITY
                && Bindings.find(registry, resolved) instanceof WorkerTaskFunction;
        if (!waitsForWorker) {
            events.started();
        }
        JsonNode result = mock != null ? mocked(mock, state, events)
                : called(state, resolved, parameters, run, timeout, heartbeat, events, waitsForWorker);
        StatesError tooLarge = PayloadLimit.problem(result, resolved.kind() == Kind.INTEGRATION ? resolved.resourceType()
                : resolved.arn());
        if (tooLarge != null) {
            events.failed(tooLarge);
            throw tooLarge;
        }
        events.succeeded(result);
        return result;
    }

    private JsonNode mocked(MockedResponse mock, TaskState state, ResourceEvents events) {
        int invocation;
        synchronized (mockInvocations) {
            invocation = mockInvocations.merge(state.name(), 1, Integer::sum) - 1;
        }
        try {
            return mock.respond(invocation);
        } catch (TaskFailure failure) {
            StatesError error = new StatesError(failure.error(), failure.cause());
            events.failed(error);
            throw error;
        }
    }

    private JsonNode called(TaskState state, Resolved resolved, JsonNode parameters, StateRun run, Long timeout,
                            Long heartbeat, ResourceEvents events, boolean waitsForWorker) {
        ExecutionOptions options = execution.options();
        String requestId = RandomIds.uuid();
        LambdaInvoke.Request request = null;
        TaskFunction function;
        JsonNode input = parameters;
        if (resolved.isLambdaInvoke()) {
            try {
                request = LambdaInvoke.request(parameters);
            } catch (StatesError e) {
                if (!e.isLocated()) {
                    events.failed(e);
                }
                throw e;
            }
            input = request.payload();
            function = Bindings.function(options.tasks(), request.functionName(), request.qualifier());
            if (function == null) {
                StatesError error = LambdaInvoke.notFound(request.functionName(), request.qualifier(),
                        options.region(), options.account());
                events.failed(error);
                throw error;
            }
            if (request.async()) { // Event: queued, answered 202 at once, the function's outcome its own; DryRun: not run
                if (!request.dryRun()) {
                    AsyncInvocation.start(function, input, state.name(), options.executionName(), state.resource(), requestId);
                }
                return LambdaInvoke.response(request, null, requestId);
            }
        } else {
            function = Bindings.find(options.tasks(), resolved);
            if (function == null) {
                throw new UnboundResourceException(state.name(), state.resource(), resolved.bindingName());
            }
        }
        boolean lambda = resolved.kind() == Kind.LAMBDA || resolved.isLambdaInvoke();
        boolean tokenTask = resolved.waitForTaskToken() || resolved.kind() == Kind.ACTIVITY;
        TaskCall.Spec spec = new TaskCall.Spec(state.name(), options.executionName(), state.resource(), run.retryCount(),
                requestId, run.taskToken(), Duration.ofSeconds(timeout == null ? DEFAULT_SECONDS : timeout),
                tokenTask ? Duration.ofSeconds(heartbeat == null ? DEFAULT_SECONDS : heartbeat) : null,
                resolved.waitForTaskToken(), waitsForWorker);
        LambdaInvoke.Request lambdaRequest = request;
        TaskCall call = new TaskCall(spec, execution.clock(), execution.untilDeadline());
        TaskCall.Outcome outcome = call.run(function, input, response -> events.submitted(lambdaRequest == null ? response
                        : LambdaInvoke.response(lambdaRequest, response, requestId)), events::startedBy);
        events.logs(call.logs());
        switch (outcome.kind()) {
            case RETURNED -> {
                JsonNode value = lambdaRequest == null ? outcome.value()
                        : LambdaInvoke.response(lambdaRequest, outcome.value(), requestId, call.logs());
                if (resolved.kind() == Kind.INTEGRATION && resolved.resource().contains(".sync")) {
                    events.submitted(value);
                }
                return value;
            }
            case SUCCEEDED -> {
                return outcome.value();
            }
            case FAILED -> {
                StatesError error = new StatesError(outcome.error(), outcome.cause());
                events.failed(error);
                throw error;
            }
            case THREW -> {
                StatesError error = LambdaErrors.toStatesError(outcome.thrown(), requestId, lambda);
                if (resolved.isLambdaInvoke()) {
                    error = new StatesError(error.error(), LambdaErrors.compactCause(error.cause()));
                }
                events.failed(error);
                throw error;
            }
            default -> {
                events.timedOut(ErrorNames.TIMEOUT);
                throw new StatesError(ErrorNames.TIMEOUT, null);
            }
        }
    }

    /** TimeoutSeconds/HeartbeatSeconds as written, or read through their Path; null when not set. */
    private static Long seconds(Integer literal, ValueExpr expr, String field, JsonNode effective, StateRun run) {
        if (literal != null) {
            return literal.longValue();
        }
        if (expr == null) {
            return null;
        }
        String path = expr instanceof JsonPath jsonPath ? jsonPath.text() : String.valueOf(expr);
        JsonNode value;
        try {
            value = expr.evaluate(effective, run);
        } catch (PathNotFoundException | UndefinedVariableException e) {
            throw StatesError.runtime("Invalid path '" + path + "' : " + e.getMessage());
        }
        if (value == null || !value.canConvertToExactIntegral() || !value.isNumber() || !value.canConvertToLong()
                || value.asLong() <= 0
                || value.asLong() > DEFAULT_SECONDS) {
            throw StatesError.runtime("The " + field + " field refers to value " + (value == null ? "null"
                    : Json.compact(value)) + " which is not a valid positive integer: " + path);
        }
        return value.asLong();
    }

    private static String newToken() {
        byte[] bytes = new byte[96];
        Tokens.RANDOM.nextBytes(bytes);
        return "AQCEAAAAKgAAAAMAAAAAAAAAA" + Base64.getEncoder().withoutPadding().encodeToString(bytes)
                .replace('/', '_').replace('+', '-');
    }

    /** The source of task tokens, seeded only when a run first needs a token. */
    private static final class Tokens {
        static final SecureRandom RANDOM = new SecureRandom();
    }
}
