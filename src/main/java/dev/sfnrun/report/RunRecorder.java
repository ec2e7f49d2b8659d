package dev.sfnrun.report;

import dev.sfnrun.definition.MapState;
import dev.sfnrun.definition.ParallelState;
import dev.sfnrun.definition.State;
import dev.sfnrun.definition.StateGraph;
import dev.sfnrun.definition.StateMachine;
import dev.sfnrun.definition.graph.FlowGraph;
import dev.sfnrun.definition.graph.StateIds;
import dev.sfnrun.error.Rethrow;
import dev.sfnrun.graph.GraphLayout;
import dev.sfnrun.history.Decision;
import dev.sfnrun.history.ExecutionListener;
import dev.sfnrun.history.Handoff;
import dev.sfnrun.history.HistoryEvent;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Listens to a run for its report, summarising as it goes so that a large run costs little: the
 * events go into a {@link Timeline} as they arrive (which keeps the events it will show and counts
 * the others), and the engine's decisions are counted per state, edge and error, so the report can show which Choice rules, Catch and Retry clauses were taken, also
 * inside a distributed Map's child executions, whose events are not in the history.
 *
 * <p>Events come one at a time in id order (the engine's event log hands them out under its own
 * lock), so the timeline needs no lock of its own; decisions may come from many threads (the
 * children of a distributed Map each have their own log) and are counted under the recorder's
 * lock. A decision like the one before it (a Map's iterations, a loop) only adds one to that
 * one's counter. Read the results ({@link #finish}) after the run.
 *
 * <p>{@code --report} records {@link #whileRunning}: on the run's own threads, as the events are
 * written, and the event table's rows are turned into text on a thread of its own. Handing every
 * event to another thread cost more than recording it where it is made: the other thread then
 * reads each event from the other core's cache (a 1,000,000-item Map: +2.1 s with the recording on
 * a thread of its own, +1.1 s recording in place), while a row's text, the heavy part of a shown
 * event, is worth handing over. What recording an event throws does not reach the run: it is
 * thrown by {@link #close}.
 */
public final class RunRecorder implements ExecutionListener, AutoCloseable {
    private final StateIds ids;
    private final Timeline timeline;
    /** The thread the rows' texts are made on ({@link #whileRunning}), else null: made as the rows are. */
    private final Handoff<Timeline.Row> rows;
    /** What recording an event threw; later events are not recorded. */
    private volatile Throwable failure;
    private final Map<Key, Count> decisions = new HashMap<>();
    /** States of distributed Maps' child executions (not in the history): the id prefix of their scope. */
    private final Map<State, String> childScopes = new IdentityHashMap<>();
    /** Id of each such state → the id of its distributed Map. */
    private final Map<String, String> childOwner = new HashMap<>();
    /** Id of each such state → how often a decision of its scope went to it. */
    private final Map<String, Count> arrivals = new HashMap<>();

    /** A counter, counted under the recorder's lock. */
    private static final class Count {
        int n;
    }

    /** A decision's counter: the state's id, the edge's kind and index, and the error a Retry or Catch took. */
    private record Key(String state, FlowGraph.Kind kind, int index, String error) {
        // written out: a record's own equals and hashCode are slow to call under C1
        @Override
        public int hashCode() {
            return ((state.hashCode() * 31 + kind.hashCode()) * 31 + index) * 31 + (error == null ? 0 : error.hashCode());
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && key.index == index && key.kind == kind && key.state.equals(state)
                    && java.util.Objects.equals(key.error, error);
        }
    }

    /** A recorder that does all its work on the thread that hands it an event. */
    public RunRecorder(StateMachine machine) {
        this(machine, false);
    }

    private RunRecorder(StateMachine machine, boolean rowsOnTheirThread) {
        this.ids = StateIds.of(machine);
        Map<String, Timeline.BranchOf.Branch> branches = new HashMap<>();
        collectBranches(machine.graph(), branches);
        EventRows texts = new EventRows();
        this.rows = rowsOnTheirThread ? Handoff.napping(row -> row.render(texts), "sfn-run report rows", () -> { }) : null;
        this.timeline = new Timeline(branches::get, texts, rows == null ? null : rows::handOver);
        collectChildren(machine.graph(), null);
    }

    /**
     * A recorder for a run's own listeners: it records each event on the thread that writes it and
     * makes the event table's rows on a thread of its own. {@link #close} it after the run.
     */
    public static RunRecorder whileRunning(StateMachine machine) {
        return new RunRecorder(machine, true);
    }

    /** The states inside distributed Maps' item processors (at any depth), with their innermost distributed Map. */
    private void collectChildren(StateGraph graph, String owner) {
        for (State state : graph.states().values()) {
            String id = ids.id(state);
            if (owner != null) {
                childScopes.put(state, id.substring(0, id.length() - state.name().length()));
                childOwner.put(id, owner);
            }
            if (state instanceof ParallelState parallel) {
                parallel.branches().forEach(branch -> collectChildren(branch, owner));
            } else if (state instanceof MapState map) {
                collectChildren(map.processor(), map.isDistributed() ? id : owner);
            }
        }
    }

    /** State name → its Parallel and branch, for the states of every branch (the first state of a name wins). */
    private static void collectBranches(StateGraph graph, Map<String, Timeline.BranchOf.Branch> out) {
        for (State state : graph.states().values()) {
            if (state instanceof ParallelState parallel) {
                for (int i = 0; i < parallel.branches().size(); i++) {
                    for (String name : parallel.branches().get(i).states().keySet()) {
                        out.putIfAbsent(name, new Timeline.BranchOf.Branch(parallel.name(), i));
                    }
                    collectBranches(parallel.branches().get(i), out);
                }
            } else if (state instanceof MapState map) {
                collectBranches(map.processor(), out);
            }
        }
    }

    @Override
    public void onEvent(HistoryEvent event) {
        if (failure != null) {
            return;
        }
        try {
            timeline.add(event);
        } catch (Throwable t) { // the run goes on; close() says the report could not be made
            failure = t;
        }
    }

    /**
     * Waits until every row's text is made; what recording threw is thrown here (each time), so a
     * report that could not be recorded is not written as if it were whole.
     */
    @Override
    public void close() {
        if (rows != null) {
            rows.close();
        }
        Rethrow.ifAny(failure);
    }

    // the last few decisions and their counters: a Map's iterations or a loop make the same few decisions
    // over and over, which then cost no key, no hashing and no map lookup
    private static final int RECENT = 8;
    private final Decision[] recent = new Decision[RECENT];
    private final Count[] recentCounters = new Count[RECENT];
    private int nextRecent;

    @Override
    public synchronized void onDecision(Decision decision) {
        String scope = childScopes.isEmpty() ? null : childScopes.get(decision.state()); // a child's decisions also count arrivals: never cached
        if (scope == null) {
            for (int i = 0; i < RECENT; i++) {
                Decision seen = recent[i];
                if (seen != null && seen.state() == decision.state() && seen.kind() == decision.kind()
                        && seen.index() == decision.index() && java.util.Objects.equals(seen.error(), decision.error())
                        && java.util.Objects.equals(seen.next(), decision.next())) {
                    recentCounters[i].n++;
                    return;
                }
            }
        }
        FlowGraph.Kind kind = FlowGraph.Kind.valueOf(decision.kind().name());
        int index = kind == FlowGraph.Kind.CHOICE_DEFAULT || kind == FlowGraph.Kind.NEXT || kind == FlowGraph.Kind.END
                ? -1 : decision.index();
        String error = kind == FlowGraph.Kind.RETRY || kind == FlowGraph.Kind.CATCH ? String.valueOf(decision.error()) : null;
        Count counter = decisions.computeIfAbsent(new Key(ids.id(decision.state()), kind, index, error), k -> new Count());
        counter.n++;
        if (scope == null) {
            recent[nextRecent] = decision;
            recentCounters[nextRecent] = counter;
            nextRecent = (nextRecent + 1) % RECENT;
        } else if (decision.next() != null && kind != FlowGraph.Kind.RETRY) {
            arrivals.computeIfAbsent(scope + decision.next(), k -> new Count()).n++;
        }
    }

    /** What was recorded, once the run is over; the first call ends the timeline at {@code stopDate} (if any). */
    synchronized Recorded finish(java.time.Instant stopDate) {
        close();
        timeline.finish(stopDate);
        Map<String, Integer> edges = new HashMap<>();
        Map<String, Integer> decided = new HashMap<>();
        Map<String, Map<String, Integer>> caught = new HashMap<>();
        Map<String, Map<String, Integer>> retried = new HashMap<>();
        decisions.forEach((key, count) -> {
            int n = count.n;
            edges.merge(GraphLayout.Route.key(new FlowGraph.Edge(key.state(), "", key.kind(), key.index(), "", "", true)),
                    n, Integer::sum);
            if (key.kind() == FlowGraph.Kind.RETRY) {
                retried.computeIfAbsent(key.state(), k -> new TreeMap<>()).merge(key.error(), n, Integer::sum);
            } else {
                decided.merge(key.state(), n, Integer::sum);
            }
            if (key.kind() == FlowGraph.Kind.CATCH) {
                caught.computeIfAbsent(key.state(), k -> new TreeMap<>()).merge(key.error(), n, Integer::sum);
            }
        });
        Map<String, Integer> arrived = new HashMap<>();
        arrivals.forEach((id, count) -> arrived.put(id, count.n));
        return new Recorded(timeline, edges, decided, caught, retried, arrived, Map.copyOf(childOwner));
    }

    /**
     * A recorded run.
     *
     * @param timeline the lanes, spans, rows and summaries
     * @param edges    how often each edge ("from|KIND|index") was taken
     * @param decided  how often each state (by id) finished with a decision other than a retry
     * @param caught   errors caught by each state's Catch clauses (state id → error → times)
     * @param retried  errors each state's Retry clauses retried (state id → error → times)
     * @param arrivals for the states of distributed Maps' child executions: how often a decision went to each
     * @param children the states of distributed Maps' child executions (id → the id of their distributed Map)
     */
    record Recorded(Timeline timeline, Map<String, Integer> edges, Map<String, Integer> decided,
                    Map<String, Map<String, Integer>> caught, Map<String, Map<String, Integer>> retried,
                    Map<String, Integer> arrivals, Map<String, String> children) {
    }
}
