package dev.sfnrun.report;

import dev.sfnrun.definition.StateMachine;
import dev.sfnrun.definition.graph.FlowGraph;
import dev.sfnrun.definition.graph.StateIds;
import dev.sfnrun.graph.GraphLayout;
import dev.sfnrun.history.Decision;
import dev.sfnrun.history.ExecutionListener;
import dev.sfnrun.history.HistoryEvent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Listens to a run for its report: keeps the events (references only: nothing is copied or
 * serialised while the run goes on) and counts the engine's decisions per edge, so the report
 * can show which Choice rules, Catch and Retry clauses were taken, also inside a distributed
 * Map's child executions, whose events are not in the history.
 */
public final class RunRecorder implements ExecutionListener {
    private final StateIds ids;
    private final List<HistoryEvent> events = new ArrayList<>();
    private final Map<String, Integer> edges = new HashMap<>();
    private final Map<String, Integer> decided = new HashMap<>();
    private final Map<String, Map<String, Integer>> caught = new HashMap<>();
    private final Map<String, Map<String, Integer>> retried = new HashMap<>();

    public RunRecorder(StateMachine machine) {
        this.ids = StateIds.of(machine);
    }

    @Override
    public synchronized void onEvent(HistoryEvent event) {
        events.add(event);
    }

    @Override
    public synchronized void onDecision(Decision decision) {
        String id = ids.id(decision.state());
        FlowGraph.Kind kind = FlowGraph.Kind.valueOf(decision.kind().name());
        int index = kind == FlowGraph.Kind.CHOICE_DEFAULT || kind == FlowGraph.Kind.NEXT || kind == FlowGraph.Kind.END
                ? -1 : decision.index();
        edges.merge(GraphLayout.Route.key(new FlowGraph.Edge(id, "", kind, index, "", "", true)), 1, Integer::sum);
        if (kind == FlowGraph.Kind.RETRY) {
            retried.computeIfAbsent(id, k -> new TreeMap<>()).merge(String.valueOf(decision.error()), 1, Integer::sum);
        } else {
            decided.merge(id, 1, Integer::sum);
        }
        if (kind == FlowGraph.Kind.CATCH) {
            caught.computeIfAbsent(id, k -> new TreeMap<>()).merge(String.valueOf(decision.error()), 1, Integer::sum);
        }
    }

    /** The events so far, in order. */
    public synchronized List<HistoryEvent> events() {
        return List.copyOf(events);
    }

    /** How often each edge ("from|KIND|index") was taken. */
    public synchronized Map<String, Integer> edgeCounts() {
        return Map.copyOf(edges);
    }

    /** How often each state (by id) finished with a decision other than a retry. */
    public synchronized Map<String, Integer> decisionCounts() {
        return Map.copyOf(decided);
    }

    /** Errors caught by each state's Catch clauses (state id → error → times). */
    public synchronized Map<String, Map<String, Integer>> caught() {
        return Map.copyOf(caught);
    }

    /** Errors each state's Retry clauses retried (state id → error → times). */
    public synchronized Map<String, Map<String, Integer>> retried() {
        return Map.copyOf(retried);
    }
}
