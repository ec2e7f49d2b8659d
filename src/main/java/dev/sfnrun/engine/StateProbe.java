package dev.sfnrun.engine;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Hears the values a state's data flow computes, step by step, as the engine computes them
 * (TestState's inspection data). Step names are AWS's inspection field names:
 * {@code afterInputPath}, {@code afterParameters} (the JSONata Arguments too), {@code result},
 * {@code afterResultSelector}, {@code afterResultPath}, {@code afterItemsPath},
 * {@code maxConcurrency}, {@code toleratedFailureCount}, {@code toleratedFailurePercentage}.
 */
public interface StateProbe {
    void step(String name, JsonNode value);

    /** A retrier matched the error and would retry after {@code backoffSeconds} (null: its attempts are used up). */
    default void retrier(int index, Double backoffSeconds) {
    }

    /** A catcher matched the error. */
    default void catcher(int index) {
    }

    StateProbe NONE = (name, value) -> { };
}
