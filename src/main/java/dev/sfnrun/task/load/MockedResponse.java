package dev.sfnrun.task.load;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sfnrun.error.StatesError;
import dev.sfnrun.task.TaskFailure;
import java.util.List;

/**
 * One entry of a mock file's {@code MockedResponses}: what the n-th invocation of a state (0, 1,
 * ... across the whole execution, retries included) returns or throws.
 */
public record MockedResponse(String name, List<Entry> entries) {
    /** Invocations {@code from..to} (inclusive) return {@code result}, or throw {@code error}/{@code cause}. */
    public record Entry(int from, int to, JsonNode result, String error, String cause) {
        boolean covers(int invocation) {
            return invocation >= from && invocation <= to;
        }
    }

    /** The answer to invocation {@code invocation} (zero-based). */
    public JsonNode respond(int invocation) throws TaskFailure {
        for (Entry entry : entries) {
            if (entry.covers(invocation)) {
                if (entry.result() != null) {
                    return entry.result();
                }
                throw new TaskFailure(entry.error(), entry.cause());
            }
        }
        throw StatesError.runtime("The mocked response '" + name + "' has no entry for invocation " + invocation
                + " (invocations count from 0, retries included).");
    }
}
