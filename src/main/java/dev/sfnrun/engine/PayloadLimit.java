package dev.sfnrun.engine;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sfnrun.error.ErrorNames;
import dev.sfnrun.error.StatesError;
import dev.sfnrun.query.JsonSize;

/**
 * AWS's payload quota: a state's result, input or output may hold at most 256 KiB (262,144 bytes)
 * of UTF-8 JSON text; beyond it the state fails with {@code States.DataLimitExceeded}.
 */
final class PayloadLimit {
    static final int MAX_BYTES = 262_144;

    private PayloadLimit() {
    }

    /**
     * Throws {@code States.DataLimitExceeded} when {@code value} is over the quota. {@code source}
     * is the name in AWS's cause: the state's name, or for a task result the resource as AWS
     * names it (the function ARN of a Lambda resource, the integration's short name otherwise).
     */
    static void check(JsonNode value, String source) {
        if (exceeds(value)) {
            throw error(source);
        }
    }

    static StatesError error(String source) {
        return new StatesError(ErrorNames.DATA_LIMIT_EXCEEDED, "The state/task '" + source
                + "' returned a result with a size exceeding the maximum number of bytes service limit.");
    }

    /** Whether the compact UTF-8 text of {@code value} is longer than the quota; stops counting past it. */
    static boolean exceeds(JsonNode value) {
        if (value == null || value.isValueNode() && !value.isTextual()) {
            return false;
        }
        return size(value, MAX_BYTES) > MAX_BYTES;
    }

    /**
     * The length in bytes of the compact UTF-8 text of {@code value}, or a number over
     * {@code limit} as soon as it is known to be over (see {@link JsonSize}).
     */
    static long size(JsonNode value, long limit) {
        return JsonSize.of(value, limit);
    }
}
