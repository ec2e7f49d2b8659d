package dev.sfnrun.task.process;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sfnrun.query.Json;
import dev.sfnrun.task.TaskFailure;
import java.time.Duration;
import java.util.Locale;

/**
 * The failures Lambda itself reports for a function (rather than the runtime for the handler):
 * a runtime that exits ({@code Runtime.ExitError}) and a call that overruns the function's timeout
 * ({@code Sandbox.Timedout}). The cause is Lambda's error payload, compact, {@code errorMessage}
 * first: {@code {"errorMessage":"RequestId: <id> Error: Runtime exited without providing a reason","errorType":"Runtime.ExitError"}}.
 */
public final class LambdaFailures {
    public static final String EXIT_ERROR = "Runtime.ExitError";
    public static final String TIMED_OUT = "Sandbox.Timedout";
    public static final String MARSHAL_ERROR = "Runtime.MarshalError";

    /** Go's names of the signals Lambda's message gives ({@code signal: killed}). */
    private static final String[] SIGNALS = {null, "hangup", "interrupt", "quit", "illegal instruction",
        "trace/breakpoint trap", "aborted", "bus error", "floating point exception", "killed", "user defined signal 1",
        "segmentation fault", "user defined signal 2", "broken pipe", "alarm clock", "terminated"};

    private LambdaFailures() {
    }

    /** A worker process that ended with {@code status} (128 + N when signal N ended it) during a call. */
    public static TaskFailure exited(String requestId, int status) {
        String reason;
        if (status == 0) {
            reason = "Runtime exited without providing a reason";
        } else if (status > 128 && status - 128 < SIGNALS.length) {
            reason = "Runtime exited with error: signal: " + SIGNALS[status - 128];
        } else {
            reason = "Runtime exited with error: exit status " + status;
        }
        return failure(EXIT_ERROR, "RequestId: " + requestId + " Error: " + reason);
    }

    /** A call that ran longer than the function's timeout. */
    public static TaskFailure timedOut(String requestId, Duration timeout) {
        return failure(TIMED_OUT, "RequestId: " + requestId + " Error: Task timed out after "
                + String.format(Locale.ROOT, "%.2f", timeout.toMillis() / 1000.0) + " seconds");
    }

    /**
     * A handler result the runtime wrote but JSON cannot carry ({@code float('inf')} and NaN, which
     * Python's {@code json.dumps} writes as {@code Infinity}, a lone surrogate): the call fails as a
     * result that cannot be marshalled, with the problem in plain words.
     */
    public static TaskFailure unreadableResult(String problem) {
        return failure(MARSHAL_ERROR, "Unable to marshal response: " + problem);
    }

    private static TaskFailure failure(String type, String message) {
        ObjectNode payload = Json.object();
        payload.put("errorMessage", message);
        payload.put("errorType", type);
        return new TaskFailure(type, Json.compact(payload));
    }
}
