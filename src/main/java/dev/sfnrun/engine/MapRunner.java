package dev.sfnrun.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.sfnrun.definition.MapState;
import dev.sfnrun.error.StatesError;
import dev.sfnrun.history.EventDetails;
import dev.sfnrun.history.EventType;
import dev.sfnrun.query.Json;
import dev.sfnrun.query.PathNotFoundException;
import dev.sfnrun.query.UndefinedVariableException;
import dev.sfnrun.query.ValueExpr;
import java.util.Arrays;

/**
 * One attempt of an inline Map state: its items, MapStateStarted, the iterations with their
 * MapIteration* events, and the array of their outputs in item order.
 */
final class MapRunner {
    /** AWS runs at most 40 iterations of an inline Map at once, whatever MaxConcurrency says. */
    static final int INLINE_CONCURRENCY_CAP = 40;

    private final Execution execution;
    private final GraphRunner runner;

    MapRunner(Execution execution, GraphRunner runner) {
        this.execution = execution;
        this.runner = runner;
    }

    /** The items: ItemsPath (default $) applied to the effective input; must be an array. */
    static ArrayNode items(MapState state, JsonNode effective, StateRun run) {
        String path = text(state, "ItemsPath");
        JsonNode items = effective;
        if (state.items() != null) {
            try {
                items = state.items().evaluate(effective, run);
            } catch (PathNotFoundException | UndefinedVariableException e) {
                throw StatesError.runtime("Invalid path '" + path + "' : " + e.getMessage());
            }
        }
        if (!(items instanceof ArrayNode array)) {
            if (path == null) {
                throw StatesError.runtime("Map state input must be an array but was: " + Json.compact(items));
            }
            throw StatesError.runtime("Reference path \"" + path + "\" must point to array.");
        }
        return array;
    }

    /** MaxConcurrency or MaxConcurrencyPath; 0 means unbounded. */
    static int maxConcurrency(MapState state, JsonNode effective, StateRun run) {
        if (state.maxConcurrencyExpr() == null) {
            return state.maxConcurrency() == null ? 0 : state.maxConcurrency();
        }
        String path = text(state, "MaxConcurrencyPath");
        long value = integerAt(state.maxConcurrencyExpr(), path, "MaxConcurrencyPath", effective, run);
        if (value < 0) {
            throw StatesError.runtime("MaxConcurrency cannot be negative.");
        }
        return (int) Math.min(value, Integer.MAX_VALUE);
    }

    /** An integer read through a ...Path field, with AWS's texts for values that are not one. */
    static long integerAt(ValueExpr expr, String path, String field, JsonNode effective, StateRun run) {
        JsonNode value;
        try {
            value = expr.evaluate(effective, run);
        } catch (PathNotFoundException | UndefinedVariableException e) {
            throw StatesError.runtime("Invalid path '" + path + "' : " + e.getMessage());
        }
        if (value != null && value.isNumber() && value.canConvertToExactIntegral() && value.canConvertToLong()) {
            return value.asLong();
        }
        if (value != null && value.isTextual()) {
            try {
                return Long.parseLong(value.asText().trim());
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        throw StatesError.runtime("The " + field + " field refers to value \"" + shown(value)
                + "\" which is not a valid integer: " + path);
    }

    static String shown(JsonNode value) {
        return value == null ? "null" : value.isTextual() ? value.asText() : Json.compact(value);
    }

    static String text(MapState state, String field) {
        JsonNode node = state.source() == null ? null : state.source().get(field);
        return node == null ? null : node.asText();
    }

    /**
     * Runs the iterations (after MapStateStarted); throws the first failing iteration's error
     * after the MapIterationFailed/Aborted events.
     */
    ArrayNode iterate(MapState state, ArrayNode items, JsonNode effective, int maxConcurrency, StateRun run) {
        int limit = maxConcurrency == 0 ? INLINE_CONCURRENCY_CAP : Math.min(maxConcurrency, INLINE_CONCURRENCY_CAP);
        EventLog log = execution.log();
        String name = state.name();
        ValueExpr selector = state.itemSelector();
        Fanout.Body body = (index, trail) -> {
            JsonNode item = items.get(index);
            JsonNode input = selector == null ? item : selector.evaluate(effective, new ItemContext(run, index, item));
            return runner.run(state.processor(), input, new Scope(run.scope), trail);
        };
        Fanout.Hooks hooks = new Fanout.Hooks() {
            @Override
            public void started(int index, Trail trail) {
                log.append(trail, EventType.MapIterationStarted, iteration(name, index));
            }

            @Override
            public long succeeded(int index, Trail trail) {
                return log.appendBeside(trail, trail.last(), EventType.MapIterationSucceeded, iteration(name, index)).id();
            }

            @Override
            public void failed(int index, long failingEvent) {
                log.appendAfter(failingEvent, EventType.MapIterationFailed, iteration(name, index));
            }

            @Override
            public void aborted(int index, long failingEvent) {
                log.appendAfter(failingEvent, EventType.MapIterationAborted, iteration(name, index));
            }
        };
        JsonNode[] results = new Fanout(execution).run(items.size(), limit, run.trail, body, hooks);
        return new ArrayNode(Json.NODES, Arrays.asList(results));
    }

    private static EventDetails iteration(String name, int index) {
        return EventDetails.create().put("name", name).put("index", index);
    }
}
