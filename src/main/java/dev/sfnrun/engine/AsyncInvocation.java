package dev.sfnrun.engine;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sfnrun.task.TaskCallback;
import dev.sfnrun.task.TaskContext;
import dev.sfnrun.task.TaskFunction;
import java.time.Duration;

/**
 * {@code lambda:invoke} with {@code InvocationType: "Event"}: Lambda queues the event and answers
 * 202 at once; the function runs on its own, and what it returns or throws never reaches the
 * caller. Here it runs on a daemon thread of its own, while the task goes on; a run that ends first
 * stops it with the other workers.
 */
final class AsyncInvocation implements TaskContext, TaskCallback {
    /** Lambda's longest function timeout: the time an invocation of its own has. */
    private static final Duration LAMBDA_LIMIT = Duration.ofMinutes(15);

    private final String stateName;
    private final String executionName;
    private final String resource;
    private final String requestId;

    private AsyncInvocation(String stateName, String executionName, String resource, String requestId) {
        this.stateName = stateName;
        this.executionName = executionName;
        this.resource = resource;
        this.requestId = requestId;
    }

    /** Starts {@code function} on {@code payload} and returns at once. */
    static void start(TaskFunction function, JsonNode payload, String stateName, String executionName, String resource,
                      String requestId) {
        AsyncInvocation context = new AsyncInvocation(stateName, executionName, resource, requestId);
        Thread thread = new Thread(() -> {
            try {
                function.invoke(payload, context);
            } catch (Throwable ignored) { // an asynchronous invocation's failure stays with the function, as on Lambda
            }
        }, "sfn-run async invocation " + requestId);
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public boolean asynchronous() {
        return true;
    }

    @Override
    public String stateName() {
        return stateName;
    }

    @Override
    public String executionName() {
        return executionName;
    }

    @Override
    public String resource() {
        return resource;
    }

    @Override
    public int retryCount() {
        return 0;
    }

    @Override
    public String requestId() {
        return requestId;
    }

    @Override
    public String taskToken() {
        return null;
    }

    @Override
    public Duration remainingTime() {
        return LAMBDA_LIMIT;
    }

    @Override
    public void heartbeat() {
    }

    @Override
    public TaskCallback callback() {
        return this;
    }

    @Override
    public void success(JsonNode output) {
    }

    @Override
    public void failure(String error, String cause) {
    }
}
