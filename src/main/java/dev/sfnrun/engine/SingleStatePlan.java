package dev.sfnrun.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sfnrun.error.StatesError;

/**
 * How {@link Execution#runSingle} runs one state, as TestState does: the state's work (its task
 * call, its Map iterations or Parallel branches) replaced by a mocked result or error, retries
 * not waited for but reported, and the context object the state sees.
 *
 * @param mockResult               the result standing for the Task call, Map iterations or Parallel branches; or null
 * @param mockError                the error standing for them; or null
 * @param retrierRetryCount        how many retries the state has already had
 * @param mapIterationFailureCount how many of the Map's iterations failed (null: none)
 * @param mapItemReaderData        the items standing for what the Map's ItemReader would read, or null
 * @param context                  the whole context object the state sees (its State and Task parts are kept as given)
 * @param probe                    hears each data-flow step
 */
public record SingleStatePlan(JsonNode mockResult, StatesError mockError, int retrierRetryCount,
                              Integer mapIterationFailureCount, ArrayNode mapItemReaderData, ObjectNode context,
                              StateProbe probe) {
    public boolean mocked() {
        return mockResult != null || mockError != null;
    }

    /** The mocked outcome: the result, or the error thrown. */
    JsonNode mockOutcome() {
        if (mockError != null) {
            throw new StatesError(mockError.error(), mockError.cause());
        }
        return mockResult;
    }
}
