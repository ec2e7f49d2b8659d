package dev.sfnrun.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sfnrun.definition.FailState;
import dev.sfnrun.definition.State;
import dev.sfnrun.definition.StateGraph;
import dev.sfnrun.error.StatesError;
import dev.sfnrun.history.Decision;
import dev.sfnrun.history.EventDetails;
import dev.sfnrun.history.EventType;
import dev.sfnrun.history.HistoryEvent;
import dev.sfnrun.history.Payload;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Runs one graph (the machine, a Parallel branch or a Map iteration) from its StartAt to an end:
 * each state's Entered event, its work, its Exited event, then the next state.
 */
public final class GraphRunner {
    private final Execution execution;
    private final StateExecutor executor;

    GraphRunner(Execution execution) {
        this.execution = execution;
        this.executor = new StateExecutor(execution, this);
    }

    /** One visit of one state, without its events or transition (a single-state run). */
    Step runOne(StateRun run) {
        return run.state.accept(executor.on(run));
    }

    /** The graph's output; a failure propagates as a StatesError whose cause is already located. */
    public JsonNode run(StateGraph graph, JsonNode input, Scope scope, Trail trail) {
        return run(graph, graph.start(), input, scope, trail, false, null);
    }

    /**
     * The execution's own graph from {@code first} on; when it does not finish, the execution
     * learns where it stopped ({@link Execution#unfinished}). {@code seeds} are the results of the
     * first state's branches or iterations that a redrive keeps (or null).
     */
    JsonNode runTop(StateGraph graph, State first, JsonNode input, Scope scope, Trail trail, JsonNode[] seeds) {
        return run(graph, first, input, scope, trail, true, seeds);
    }

    private JsonNode run(StateGraph graph, State first, JsonNode input, Scope scope, Trail trail, boolean top,
                         JsonNode[] seeds) {
        State state = first;
        JsonNode data = input;
        EventLog log = execution.log();
        StateRun[] visiting = new StateRun[1];
        try {
            while (true) {
                Step step = visit(state, data, scope, trail, state == first ? seeds : null, log, visiting);
                if (step.next() == null) {
                    return step.output();
                }
                state = graph.state(step.next());
                data = step.output();
            }
        } catch (RuntimeException | Error e) {
            if (top) {
                execution.unfinished(state, data, scope, visiting[0]);
            }
            throw e;
        }
    }

    /**
     * One state: Entered, its work, Exited, the decision, its variables set. {@code visiting[0]}
     * is the state's run once it has one (its children's results, should it fail), else null.
     */
    private Step visit(State state, JsonNode data, Scope scope, Trail trail, JsonNode[] seeds, EventLog log,
                       StateRun[] visiting) {
        {
            visiting[0] = null;
            execution.checkDeadline();
            if (trail.isClosed()) {
                throw new BranchAborted();
            }
            HistoryEvent entered = log.append(trail, EventType.entered(state.typeName()),
                    EventDetails.create().put("name", state.name()).input(data));
            trail.setCurrent(state);
            StateRun run = new StateRun(state, data, entered.id(), entered.previousEventId(), entered.timestamp(), trail,
                    scope, execution.context());
            run.seeds = seeds;
            visiting[0] = run;
            Step step;
            try {
                step = state.accept(executor.on(run));
            } catch (StatesError e) {
                throw EvaluationFailures.locate(e, run, log);
            }
            Map<String, Long> sizes = null;
            if (step.assigned() != null) {
                try {
                    sizes = VariableLimits.check(step.assigned(), scope);
                } catch (StatesError e) {
                    throw EvaluationFailures.locate(e, run, log);
                }
            }
            if (!(state instanceof FailState)) {
                EventDetails exited = EventDetails.create().put("name", state.name()).output(step.output());
                if (step.assigned() != null) {
                    exited.assignedVariables(assignedTexts(step.assigned()));
                }
                log.append(trail, EventType.exited(state.typeName()), exited);
            }
            trail.setCurrent(null);
            if (!(state instanceof FailState)) {
                log.decide(new Decision(state, step.kind(), step.index(), step.next(), null, step.error()));
            }
            if (step.assigned() != null) {
                scope.putAll(toMap(step.assigned()), sizes);
            }
            return step;
        }
    }

    private static Map<String, Object> assignedTexts(ObjectNode assigned) {
        Map<String, Object> texts = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = assigned.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            texts.put(entry.getKey(), Payload.of(entry.getValue()));
        }
        return texts;
    }

    private static Map<String, JsonNode> toMap(ObjectNode assigned) {
        Map<String, JsonNode> values = new LinkedHashMap<>();
        assigned.fields().forEachRemaining(entry -> values.put(entry.getKey(), entry.getValue()));
        return values;
    }
}
