package dev.sfnrun.engine;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sfnrun.task.TaskCallback;
import dev.sfnrun.task.TaskContext;
import dev.sfnrun.task.TaskFunction;
import java.time.Duration;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * {@code lambda:invoke} with {@code InvocationType: "Event"}: Lambda queues the event and answers
 * 202 at once; the function runs on its own, and what it returns or throws never reaches the
 * caller. Here it is queued and run in turn with the function's other Event invocations, on a daemon
 * thread, while the task goes on; a run that ends first stops it with the other workers.
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

    /**
     * Each function's queue of Event invocations, run in turn on one daemon thread that ends when the
     * queue is empty: a Map of many Event calls queues them, it does not hold a thread for each.
     */
    private static final Map<TaskFunction, ExecutorService> QUEUES = Collections.synchronizedMap(new WeakHashMap<>());

    /** Queues {@code function} on {@code payload} and returns at once. */
    static void start(TaskFunction function, JsonNode payload, String stateName, String executionName, String resource,
                      String requestId) {
        AsyncInvocation context = new AsyncInvocation(stateName, executionName, resource, requestId);
        QUEUES.computeIfAbsent(function, f -> queue()).execute(() -> {
            try {
                function.invoke(payload, context);
            } catch (Throwable ignored) { // an asynchronous invocation's failure stays with the function, as on Lambda
            }
        });
    }

    private static ExecutorService queue() {
        ThreadPoolExecutor queue = new ThreadPoolExecutor(1, 1, 1, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), task -> {
            Thread thread = new Thread(task, "sfn-run async invocations");
            thread.setDaemon(true);
            return thread;
        });
        queue.allowCoreThreadTimeOut(true);
        return queue;
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
