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
        StatesError problem = problem(value, source);
        if (problem != null) {
            throw problem;
        }
    }

    /**
     * The error of a value over the quota, or nested more than {@link JsonSize#MAX_DEPTH} levels
     * deep (then also {@code States.DataLimitExceeded}: such a value cannot be written as JSON text);
     * null when it is within both.
     */
    static StatesError problem(JsonNode value, String source) {
        try {
            return exceeds(value) ? error(source) : null;
        } catch (JsonSize.TooDeep e) {
            return tooDeep(source);
        }
    }

    /**
     * Throws {@code States.DataLimitExceeded} when {@code value} nests more than JSON data may (where
     * sfn-run builds a value whose size AWS is not known to check: it could not be written as JSON).
     */
    static void checkDepth(JsonNode value, String source) {
        if (JsonSize.tooDeep(value)) {
            throw tooDeep(source);
        }
    }

    private static StatesError tooDeep(String source) {
        return new StatesError(ErrorNames.DATA_LIMIT_EXCEEDED, "The state/task '" + source
                + "' returned a result nested more than " + JsonSize.MAX_DEPTH + " levels deep, the most JSON data may nest.");
    }

    static StatesError error(String source) {
        return new StatesError(ErrorNames.DATA_LIMIT_EXCEEDED, "The state/task '" + source
                + "' returned a result with a size exceeding the maximum number of bytes service limit.");
    }

    /**
     * Whether the compact UTF-8 text of {@code value} is longer than the quota; stops counting past it.
     * A value nested too deeply throws {@link JsonSize.TooDeep}.
     */
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
