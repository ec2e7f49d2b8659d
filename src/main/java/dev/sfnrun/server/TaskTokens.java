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

    private final Map<String, Waiting> byToken = new ConcurrentHashMap<>();
    private final Map<String, Set<String>> byExecution = new ConcurrentHashMap<>();

    void register(String token, String executionArn, TaskContext context) {
        byToken.put(token, new Waiting(executionArn, context));
        byExecution.computeIfAbsent(executionArn, arn -> ConcurrentHashMap.newKeySet()).add(token);
    }

    /** The task waiting on {@code token}, still able to take an answer. */
    Waiting find(String token) {
        if (token.length() != LENGTH || !token.startsWith(PREFIX)) {
            throw ApiErrors.invalidToken("Invalid token");
        }
        Waiting waiting = byToken.get(token);
        // answered, timed out (TimeoutSeconds or HeartbeatSeconds) or its execution ended: AWS's TaskTimedOut, every time
        if (waiting == null || !waiting.context().awaitsAnswer()) {
            throw new ApiException("TaskTimedOut", "Task Timed Out: 'Provided task does not exist anymore'");
        }
        return waiting;
    }

    /** The task was answered: its token is spent. */
    void spend(String token) {
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
            tokens.forEach(byToken::remove);
        }
    }

    boolean isLive(String token) {
        return byToken.containsKey(token);
    }
}
