package dev.sfnrun.task.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sfnrun.error.ErrorNames;
import dev.sfnrun.error.StatesError;
import dev.sfnrun.query.Json;
import dev.sfnrun.task.TaskFailure;

/**
 * The one place that names task failures:
 * <ul>
 *   <li>a {@link TaskFailure} names itself;</li>
 *   <li>an unchanged Java Lambda handler's exception is named as AWS's Java runtime names it:
 *       the fully qualified class name, cause {@code {"errorMessage","errorType","stackTrace"}};</li>
 *   <li>another exception from a {@code TaskFunction} is named after its simple class name, with a
 *       Lambda-style cause (our documented rule);</li>
 *   <li>an {@link Error} (OutOfMemoryError, StackOverflowError) is a crash: {@code Lambda.Unknown} for
 *       Lambda resources, as AWS reports a runtime that exits, {@code States.TaskFailed} otherwise.</li>
 * </ul>
 */
public final class LambdaErrors {
    public static final String LAMBDA_UNKNOWN = "Lambda.Unknown";

    private LambdaErrors() {
    }

    /** The error for a failure thrown by task code. */
    public static StatesError toStatesError(Throwable failure, String requestId, boolean lambda) {
        if (failure instanceof TaskFailure task) {
            return new StatesError(task.error(), task.cause());
        }
        if (failure instanceof Error) {
            return crash(failure, requestId, lambda);
        }
        String type = failure.getClass().getSimpleName();
        if (type.isEmpty()) { // an anonymous class
            type = failure.getClass().getName();
        }
        return new StatesError(type, pythonCause(type, failure.getMessage(), requestId));
    }

    /**
     * A crashed runtime. AWS: "Unhandled errors in Lambda are reported as Lambda.Unknown. These include
     * out-of-memory errors and function timeouts" (DG, bp-lambda-serviceexception). The cause text
     * follows what Step Functions shows for a runtime that exits [unverified wording].
     */
    static StatesError crash(Throwable failure, String requestId, boolean lambda) {
        if (!lambda) {
            return new StatesError(ErrorNames.TASK_FAILED, "The task crashed: " + failure);
        }
        ObjectNode payload = Json.object();
        payload.put("errorMessage", "RequestId: " + requestId + " Error: Runtime exited with error: exit status 1 ("
                + failure.getClass().getName() + ")");
        payload.put("errorType", "Runtime.ExitError");
        return new StatesError(LAMBDA_UNKNOWN, "The cause could not be determined because Lambda did not return an "
                + "error type. Returned payload: " + Json.compact(payload));
    }

    /** What AWS's Java Lambda runtime reports for an exception thrown by a handler. */
    public static TaskFailure javaRuntimeFailure(Throwable thrown) {
        return new TaskFailure(thrown.getClass().getName(), Json.compact(javaError(thrown)));
    }

    private static ObjectNode javaError(Throwable thrown) {
        ObjectNode error = Json.object();
        if (thrown.getMessage() != null) {
            error.put("errorMessage", thrown.getMessage());
        }
        error.put("errorType", thrown.getClass().getName());
        ArrayNode trace = error.putArray("stackTrace");
        for (StackTraceElement element : thrown.getStackTrace()) {
            // the handler's own frames, down to the reflective call that sfn-run made
            if (element.getClassName().startsWith("jdk.internal.reflect.")
                    || element.getClassName().startsWith("java.lang.reflect.")
                    || element.getClassName().equals(LambdaHandlerFunction.class.getName())) {
                break;
            }
            trace.add(element.getClassName() + "." + element.getMethodName() + "(" + element.getFileName() + ":"
                    + element.getLineNumber() + ")");
        }
        if (thrown.getCause() != null && thrown.getCause() != thrown) {
            error.set("cause", javaError(thrown.getCause()));
        }
        return error;
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

    /**
     * {@code lambda:invoke} re-serialises the function's error JSON compactly; other text stays as it is.
     */
    public static String compactCause(String cause) {
        if (cause == null || !cause.startsWith("{")) {
            return cause;
        }
        try {
            JsonNode parsed = Json.parse(cause);
            return parsed.isObject() ? Json.compact(parsed) : cause;
        } catch (Exception e) {
            return cause;
        }
    }
}
