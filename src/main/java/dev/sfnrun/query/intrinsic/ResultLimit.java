package dev.sfnrun.query.intrinsic;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sfnrun.error.ErrorNames;
import dev.sfnrun.error.StatesError;
import dev.sfnrun.query.JsonSize;

/**
 * AWS's payload limit (256 KiB of UTF-8 JSON) for what an intrinsic function builds: a result
 * past it fails with {@code States.DataLimitExceeded} as soon as that is known, before it is
 * passed on (and, for States.Format, while it is being built), never with OutOfMemoryError.
 */
final class ResultLimit {
    static final int MAX_BYTES = 262_144;

    private ResultLimit() {
    }

    static StatesError error(String function) {
        return new StatesError(ErrorNames.DATA_LIMIT_EXCEEDED, "The intrinsic function " + function
                + " returned a result with a size exceeding the maximum number of bytes service limit.");
    }

    /** {@code value}, or the error when its compact JSON text is over the limit (counting stops past it). */
    static JsonNode check(String function, JsonNode value) {
        if (value == null || value.isValueNode() && !value.isTextual()) {
            return value;
        }
        if (value.isTextual() && value.textValue().length() <= MAX_BYTES / 6) {
            return value; // at most six bytes a char (a \\u escape)
        }
        try {
            if (JsonSize.of(value, MAX_BYTES) > MAX_BYTES) {
                throw error(function);
            }
        } catch (JsonSize.TooDeep e) {
            throw new StatesError(ErrorNames.DATA_LIMIT_EXCEEDED, "The intrinsic function " + function
                    + " returned a result " + e.getMessage() + ", the most JSON data may nest.");
        }
        return value;
    }
}
