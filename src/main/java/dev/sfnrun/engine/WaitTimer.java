package dev.sfnrun.engine;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sfnrun.definition.WaitState;
import dev.sfnrun.definition.QueryLanguage;
import dev.sfnrun.error.ErrorNames;
import dev.sfnrun.error.StatesError;
import dev.sfnrun.query.Json;
import dev.sfnrun.query.JsonPath;
import dev.sfnrun.query.PathNotFoundException;
import dev.sfnrun.query.UndefinedVariableException;
import java.time.Duration;
import java.time.Instant;
import dev.sfnrun.query.Timestamps;

/** Works out how long a Wait state waits, with AWS's errors for bad values, and waits. */
final class WaitTimer {
    /** AWS refuses waits of 2^31 seconds or more ("Wait state delay is too long."). */
    private static final long MAX_DELAY_SECONDS = Integer.MAX_VALUE;

    private final Execution execution;

    WaitTimer(Execution execution) {
        this.execution = execution;
    }

    void await(WaitState state, JsonNode effective, StateRun run) {
        Duration delay;
        if (state.seconds() != null) {
            delay = Duration.ofSeconds(state.seconds());
        } else if (state.secondsPath() != null) {
            delay = Duration.ofSeconds(seconds(state.secondsPath(), effective, run));
        } else if (state.secondsExpr() != null) {
            delay = Duration.ofSeconds(state.secondsExpr().evaluate(effective, run).asLong());
        } else {
            String text = state.timestamp();
            if (state.timestampExpr() != null) {
                JsonNode value = state.timestampExpr().evaluate(effective, run);
                text = value.isTextual() ? value.asText() : Json.compact(value);
                if (Timestamps.parse(text).isEmpty()) {
                    throw StatesError.evaluationFailed("The Timestamp field cannot be parsed "
                            + "as an ISO-8601 extended offset date-time format string: " + text, "Timestamp", false);
                }
            }
            if (state.timestampPath() != null) {
                JsonNode value = lookup(state.timestampPath(), effective, run);
                text = value == null || !value.isTextual() ? null : value.asText();
                if (text == null || Timestamps.parse(text).isEmpty()) {
                    throw StatesError.runtime("The TimestampPath parameter does not reference a valid ISO-8601 "
                            + "extended offset date-time format string: " + state.timestampPath() + " == "
                            + (value == null ? "null" : value.isTextual() ? value.asText() : Json.compact(value)));
                }
            }
            Instant until = text == null ? null : Timestamps.parse(text).orElse(null);
            if (until == null) {
                String cause = "The Timestamp field cannot be parsed as an ISO-8601 extended offset "
                        + "date-time format string: " + text;
                throw state.common().queryLanguage() == QueryLanguage.JSONATA
                        ? StatesError.evaluationFailed(cause, "Timestamp", false) : StatesError.runtime(cause);
            }
            Instant now = execution.clock().now();
            delay = until.isAfter(now) ? Duration.between(now, until) : Duration.ZERO;
        }
        if (delay.getSeconds() >= MAX_DELAY_SECONDS) {
            throw StatesError.located(state.common().queryLanguage() == QueryLanguage.JSONATA
                    ? ErrorNames.QUERY_EVALUATION_ERROR : ErrorNames.RUNTIME, "Wait state delay is too long.");
        }
        execution.sleep(delay);
    }

    private long seconds(JsonPath path, JsonNode effective, StateRun run) {
        JsonNode value = lookup(path, effective, run);
        if (value == null) {
            throw StatesError.runtime("The SecondsPath parameter does not reference an input value: " + path);
        }
        // a whole number beyond a long (1e30, 2^64 + 1) cannot be parsed as one either: never wrapped or clamped
        if (!value.isIntegralNumber() && !(value.isNumber() && value.canConvertToExactIntegral())
                || !value.canConvertToLong()) {
            throw StatesError.runtime("The SecondsPath parameter cannot be parsed as a long value: " + path + " == "
                    + (value.isTextual() ? value.asText() : Json.compact(value)));
        }
        if (value.asLong() < 0) {
            throw StatesError.runtime("The SecondsPath parameter references a negative value: " + path + " == "
                    + value.asLong());
        }
        return value.asLong();
    }

    private static JsonNode lookup(JsonPath path, JsonNode effective, StateRun run) {
        try {
            return path.evaluate(effective, run);
        } catch (PathNotFoundException | UndefinedVariableException e) {
            return null;
        }
    }
}
