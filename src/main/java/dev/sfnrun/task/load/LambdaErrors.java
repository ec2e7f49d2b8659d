package dev.sfnrun.task.load;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sfnrun.error.StatesError;
import dev.sfnrun.query.Json;
import dev.sfnrun.task.TaskFailure;

/**
 * The one place that names task failures. A {@link TaskFailure} names itself; any other exception
 * is named after its class's simple name, with a Lambda-style cause (errorMessage, errorType).
 */
public final class LambdaErrors {
    private LambdaErrors() {
    }

    public static StatesError toStatesError(Throwable failure, String requestId) {
        if (failure instanceof TaskFailure task) {
            return new StatesError(task.error(), task.cause());
        }
        String type = failure.getClass().getSimpleName();
        return new StatesError(type, pythonCause(type, failure.getMessage(), requestId));
    }

    /**
     * The cause a Python Lambda runtime writes for an unhandled exception, with its spacing
     * ({@code {"errorMessage": "...", "errorType": "...", ...}}).
     */
    public static String pythonCause(String type, String message, String requestId) {
        ObjectNode cause = Json.object();
        cause.put("errorMessage", message);
        cause.put("errorType", type);
        cause.put("requestId", requestId);
        cause.set("stackTrace", Json.array());
        return Json.compact(cause).replace("\":", "\": ").replace(",\"", ", \"");
    }
}
