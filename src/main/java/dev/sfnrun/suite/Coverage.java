package dev.sfnrun.suite;

import dev.sfnrun.definition.graph.FlowGraph;
import dev.sfnrun.history.Decision;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * State and transition coverage per machine, over all cases that ran: how often each state was
 * entered and each transition taken (each Next and End, each Choice rule and Default, each Catch
 * clause, each Retry clause applied; nested states of Map and Parallel too). Built on the
 * machine's {@link FlowGraph} and the engine's {@link Decision}s. Thread-safe.
 */
public final class Coverage {
    private final Map<String, Machine> machines = new LinkedHashMap<>();

    /** The counts of one machine. */
    public static final class Machine {
        private final SuiteMachine machine;
        private final List<FlowGraph.Node> states;
        private final List<FlowGraph.Edge> transitions;
        private final Map<String, Integer> stateIndex = new HashMap<>();
        private final Map<String, Integer> edgeIndex = new HashMap<>();
        private final AtomicLongArray stateCounts;
        private final AtomicLongArray edgeCounts;

        Machine(SuiteMachine machine) {
            this.machine = machine;
            this.states = machine.graph().nodes();
            this.transitions = machine.graph().edges().stream()
                    .filter(e -> e.kind() != FlowGraph.Kind.START && e.exists()).toList();
            for (int i = 0; i < states.size(); i++) {
                stateIndex.put(states.get(i).id(), i);
            }
            for (int i = 0; i < transitions.size(); i++) {
                FlowGraph.Edge e = transitions.get(i);
                edgeIndex.put(edgeKey(e.from(), e.kind(), e.index()), i);
            }
            stateCounts = new AtomicLongArray(states.size());
            edgeCounts = new AtomicLongArray(transitions.size());
        }

        public SuiteMachine machine() {
            return machine;
        }

        public List<FlowGraph.Node> states() {
            return states;
        }

        public List<FlowGraph.Edge> transitions() {
            return transitions;
        }

        public long stateCount(int i) {
            return stateCounts.get(i);
        }

        public long transitionCount(int i) {
            return edgeCounts.get(i);
        }

        public int statesCovered() {
            return covered(stateCounts);
        }

        public int transitionsCovered() {
            return covered(edgeCounts);
        }

        private static int covered(AtomicLongArray counts) {
            int n = 0;
            for (int i = 0; i < counts.length(); i++) {
                if (counts.get(i) > 0) {
                    n++;
                }
            }
            return n;
        }

        void entered(String stateId) {
            Integer i = stateIndex.get(stateId);
            if (i != null) {
                stateCounts.incrementAndGet(i);
            }
        }

        void decided(Decision decision) {
            FlowGraph.Kind kind = switch (decision.kind()) {
                case NEXT -> FlowGraph.Kind.NEXT;
                case END -> FlowGraph.Kind.END;
                case CHOICE_RULE -> FlowGraph.Kind.CHOICE_RULE;
                case CHOICE_DEFAULT -> FlowGraph.Kind.CHOICE_DEFAULT;
                case RETRY -> FlowGraph.Kind.RETRY;
                case CATCH -> FlowGraph.Kind.CATCH;
            };
            int index = kind == FlowGraph.Kind.NEXT || kind == FlowGraph.Kind.END || kind == FlowGraph.Kind.CHOICE_DEFAULT
                    ? -1 : decision.index();
            Integer i = edgeIndex.get(edgeKey(machine.ids().id(decision.state()), kind, index));
            if (i != null) {
                edgeCounts.incrementAndGet(i);
            }
        }

        private static String edgeKey(String from, FlowGraph.Kind kind, int index) {
            return from + "\u0000" + kind + "\u0000" + index;
        }
    }

    /** Counts for a machine (created on first use). */
    public synchronized Machine of(SuiteMachine machine) {
        return machines.computeIfAbsent(machine.key(), k -> new Machine(machine));
    }

    /** Registers the machines of suites so that a machine none of whose cases ran still shows (at 0%). */
    public void include(Collection<Suite> suites) {
        suites.forEach(s -> of(s.machine()));
    }

    public synchronized List<Machine> machines() {
        return new ArrayList<>(machines.values());
    }

    /** A percentage with one decimal; 100 for an empty set. */
    public static double percent(int covered, int total) {
        return total == 0 ? 100.0 : Math.floor(covered * 1000.0 / total) / 10.0;
    }
}
