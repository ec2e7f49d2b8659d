package dev.sfnrun.server;

import dev.sfnrun.task.TaskCallback;
import dev.sfnrun.task.TaskContext;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The task tokens of running {@code .waitForTaskToken} tasks and activity tasks, so that
 * SendTaskSuccess, SendTaskFailure and SendTaskHeartbeat reach the task that waits.
 */
final class TaskTokens {
    /** The engine's tokens: this prefix, then 128 characters of base64url. */
    private static final String PREFIX = "AQCEAAAAKgAAAAMAAAAAAAAAA";
    private static final int LENGTH = PREFIX.length() + 128;

    record Waiting(String executionArn, TaskContext context) {
        TaskCallback callback() {
            return context.callback();
        }
    }

    /** How long an answer waits for its token to be registered: the history shows a token (TaskScheduled) a moment before the task's function registers it. */
    static final long REGISTRATION_GRACE_MILLIS = 2_000;
    /** Tokens answered or of ended executions, remembered (the newest ones) so their answers get TaskTimedOut at once. */
    private static final int RETIRED_KEPT = 100_000;

    private final Map<String, Waiting> byToken = new ConcurrentHashMap<>();
    private final Set<String> retired = java.util.Collections.newSetFromMap(new java.util.LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > RETIRED_KEPT;
        }
    });
    private final Map<String, Set<String>> byExecution = new ConcurrentHashMap<>();

    void register(String token, String executionArn, TaskContext context) {
        byToken.put(token, new Waiting(executionArn, context));
        byExecution.computeIfAbsent(executionArn, arn -> ConcurrentHashMap.newKeySet()).add(token);
        synchronized (retired) {
            retired.notifyAll();
        }
    }

    /** The task waiting on {@code token}, still able to take an answer. */
    Waiting find(String token) {
        if (token.length() != LENGTH || !token.startsWith(PREFIX)) {
            throw ApiErrors.invalidToken("Invalid token");
        }
        Waiting waiting = registered(token);
        // answered, timed out (TimeoutSeconds or HeartbeatSeconds) or its execution ended: AWS's TaskTimedOut, every time
        if (waiting == null || !waiting.context().awaitsAnswer()) {
            throw new ApiException("TaskTimedOut", "Task Timed Out: 'Provided task does not exist anymore'");
        }
        return waiting;
    }

    /** The task of a token, waiting briefly for a token just handed out to be registered; null for an unknown one. */
    private Waiting registered(String token) {
        long deadline = System.nanoTime() + REGISTRATION_GRACE_MILLIS * 1_000_000;
        synchronized (retired) {
            while (true) {
                Waiting waiting = byToken.get(token);
                if (waiting != null || retired.contains(token)) {
                    return waiting;
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return null;
                }
                try {
                    retired.wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return null;
                }
            }
        }
    }

    private void retire(String token) {
        synchronized (retired) {
            retired.add(token);
        }
    }

    /** The task was answered: its token is spent. */
    void spend(String token) {
        retire(token);
        Waiting waiting = byToken.remove(token);
        if (waiting != null) {
            Set<String> tokens = byExecution.get(waiting.executionArn());
            if (tokens != null) {
                tokens.remove(token);
            }
        }
    }

    /** The execution ended: none of its tokens can be answered any more. */
    void forget(String executionArn) {
        Set<String> tokens = byExecution.remove(executionArn);
        if (tokens != null) {
            tokens.forEach(token -> {
                retire(token);
                byToken.remove(token);
            });
        }
    }

    boolean isLive(String token) {
        return byToken.containsKey(token);
    }
}
