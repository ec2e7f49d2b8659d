package dev.sfnrun.engine.map;

import dev.sfnrun.engine.EventLog;
import dev.sfnrun.engine.Execution;
import dev.sfnrun.engine.Fanout;
import dev.sfnrun.engine.GraphRunner;
import dev.sfnrun.engine.Scope;
import dev.sfnrun.engine.StateRun;
import dev.sfnrun.engine.Trail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.sfnrun.definition.MapState;
import dev.sfnrun.history.EventDetails;
import dev.sfnrun.history.EventType;
import dev.sfnrun.query.Json;
import java.util.Arrays;

/**
 * One attempt of an inline Map state: its items, MapStateStarted, the iterations with their
 * MapIteration* events, and the array of their outputs in item order.
 */
public final class MapRunner {
    /** AWS runs at most 40 iterations of an inline Map at once, whatever MaxConcurrency says. */
    static final int INLINE_CONCURRENCY_CAP = 40;

    private final Execution execution;
    private final GraphRunner runner;

    public MapRunner(Execution execution, GraphRunner runner) {
        this.execution = execution;
        this.runner = runner;
    }

    /**
     * Runs the iterations (after MapStateStarted); throws the first failing iteration's error
     * after the MapIterationFailed/Aborted events.
     */
    public ArrayNode iterate(MapState state, MapInputs inputs, ArrayNode items, int maxConcurrency, StateRun run) {
        return iterate(state, inputs, items, maxConcurrency, run, new JsonNode[items.size()]);
    }

    /**
     * As {@link #iterate(MapState, MapInputs, ArrayNode, int, StateRun)}, running only the
     * iterations whose entry in {@code results} is null (a redrive keeps the others); each result
     * is put in {@code results} as its iteration succeeds.
     */
    public ArrayNode iterate(MapState state, MapInputs inputs, ArrayNode items, int maxConcurrency, StateRun run,
                             JsonNode[] results) {
        int limit = maxConcurrency == 0 ? INLINE_CONCURRENCY_CAP : Math.min(maxConcurrency, INLINE_CONCURRENCY_CAP);
        EventLog log = execution.log();
        String name = state.name();
        Fanout.Body body = (index, trail) -> {
            JsonNode input = inputs.itemInput(index, items.get(index));
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
        new Fanout(execution).run(results, limit, run.trail, body, hooks);
        return new ArrayNode(Json.NODES, Arrays.asList(results.clone()));
    }

    private static EventDetails iteration(String name, int index) {
        return EventDetails.create().put("name", name).put("index", index);
    }
}
