package dev.sfnrun.query;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A compiled expression that yields a JSON value from an input and a context: a path, a payload
 * template, an intrinsic call. Failures are {@link dev.sfnrun.error.StatesError}s.
 */
@FunctionalInterface
public interface ValueExpr {
    JsonNode evaluate(JsonNode input, EvalContext context);
}
