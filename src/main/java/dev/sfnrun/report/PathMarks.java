package dev.sfnrun.report;

import dev.sfnrun.definition.graph.FlowGraph;
import dev.sfnrun.graph.GraphLayout;
import dev.sfnrun.graph.Marks;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The path a run took, as {@link Marks} on its graph: every state entered is "visited" with its
 * visit count as a badge, a state that failed (entered and never left) is "failed", one whose
 * Catch took an error is "caught", one retried is "retried"; a Map or Parallel whose iterations
 * or branches failed says how many. Edges are "taken" when the engine's decisions took them.
 */
record PathMarks(Marks marks, Map<String, StateRun> states) {
    /** A state's part in the run. */
    record StateRun(String name, int visits, boolean failed) {
    }

    static PathMarks of(FlowGraph graph, RunRecorder.Recorded recorded) {
        Timeline timeline = recorded.timeline();
        Map<String, Marks.NodeMark> nodes = new LinkedHashMap<>();
        Map<String, StateRun> states = new LinkedHashMap<>();
        Map<String, Integer> decided = recorded.decided();
        Map<String, Map<String, Integer>> caught = recorded.caught();
        Map<String, Map<String, Integer>> retried = recorded.retried();
        Map<String, int[]> failedIterations = timeline.children;
        // the states of distributed Maps' children are not in the history: their visits are the decisions that went
        // to them (or left them), and a visit that no decision left ended its child execution (failed or stopped)
        Map<String, Integer> stoppedChildren = new HashMap<>();
        recorded.children().forEach((id, map) -> {
            int stopped = recorded.arrivals().getOrDefault(id, 0) - decided.getOrDefault(id, 0);
            if (stopped > 0) {
                stoppedChildren.merge(map, stopped, Integer::sum);
            }
        });
        for (FlowGraph.Node node : graph.nodes()) {
            int[] visits = timeline.visits.getOrDefault(node.name(), new int[3]);
            int entered = Math.max(visits[0], decided.getOrDefault(node.id(), 0));
            boolean failed = visits[1] > 0;
            int stoppedHere = 0;
            if (recorded.children().containsKey(node.id())) {
                int arrived = recorded.arrivals().getOrDefault(node.id(), 0);
                entered = Math.max(entered, arrived);
                stoppedHere = Math.max(0, arrived - decided.getOrDefault(node.id(), 0));
                failed |= stoppedHere > 0;
            }
            states.put(node.id(), new StateRun(node.name(), entered, failed));
            if (entered == 0) {
                continue;
            }
            List<String> classes = new ArrayList<>(List.of("visited"));
            List<String> notes = new ArrayList<>();
            notes.add("entered " + entered + (entered == 1 ? " time" : " times"));
            if (failed) {
                classes.add("failed");
                notes.add(stoppedHere > 0 ? "ended " + stoppedHere + (stoppedHere == 1 ? " child execution" : " child executions")
                        + " (failed or stopped)" : "failed");
            }
            if (visits[2] > 0) {
                classes.add("aborted");
                notes.add("aborted " + visits[2] + "×");
            }
            caught.getOrDefault(node.id(), Map.of()).forEach((error, n) -> notes.add("caught " + error + " ×" + n));
            retried.getOrDefault(node.id(), Map.of()).forEach((error, n) -> notes.add("retried " + error + " ×" + n));
            if (caught.containsKey(node.id())) {
                classes.add("caught");
            }
            if (retried.containsKey(node.id())) {
                classes.add("retried");
            }
            int[] children = failedIterations.get(node.name());
            if (children != null && children[1] > 0) {
                classes.add("has-failures");
                notes.add(children[1] + " of " + children[0] + (node.type().equals("Map") ? " iterations" : " branches")
                        + " failed or were aborted");
            }
            Integer stopped = stoppedChildren.get(node.id());
            if (stopped != null) {
                classes.add("has-failures");
                notes.add(stopped + (stopped == 1 ? " child execution" : " child executions") + " failed or stopped");
            }
            nodes.put(node.id(), new Marks.NodeMark(String.join(" ", classes), "×" + entered, notes));
        }
        Map<String, String> edges = new HashMap<>();
        recorded.edges().forEach((key, n) -> edges.put(key, "taken"));
        for (FlowGraph.Edge edge : graph.edges()) {
            if (edge.kind() == FlowGraph.Kind.START && states.containsKey(edge.to()) && states.get(edge.to()).visits() > 0) {
                edges.put(GraphLayout.Route.key(edge), "taken");
            }
        }
        return new PathMarks(new Marks(nodes, edges), states);
    }
}
