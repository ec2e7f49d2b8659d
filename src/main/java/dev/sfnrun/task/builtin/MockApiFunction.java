package dev.sfnrun.task.builtin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.sfnrun.task.TaskContext;
import dev.sfnrun.task.TaskFailure;
import dev.sfnrun.task.TaskFunction;
import dev.sfnrun.task.load.LambdaErrors;

/**
 * The {@code MockAPIFunction} of AWS's error-handling tutorial: a Python Lambda that answers by
 * the input's {@code statuscode}: "200" returns "200 OK"; "429" raises TooManyRequestsException,
 * "503" ServerUnavailableException, anything else UnknownException. Its failures carry the cause
 * the Python runtime writes.
 */
public final class MockApiFunction implements TaskFunction {
    public static final String NAME = "MockAPIFunction";

    @Override
    public JsonNode invoke(JsonNode input, TaskContext context) throws TaskFailure {
        String statusCode = input.path("statuscode").asText("");
        return switch (statusCode) {
            case "200" -> TextNode.valueOf("200 OK");
            case "429" -> throw raise("TooManyRequestsException", "429 Too Many Requests", context);
            case "503" -> throw raise("ServerUnavailableException", "503 Server Unavailable", context);
            default -> throw raise("UnknownException", "Unknown error", context);
        };
    }

    private static TaskFailure raise(String type, String message, TaskContext context) {
        return new TaskFailure(type, LambdaErrors.pythonCause(type, message, context.requestId()));
    }
}
