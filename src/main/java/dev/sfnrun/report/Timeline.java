package dev.sfnrun.report;

import dev.sfnrun.definition.graph.FlowGraph;
import dev.sfnrun.history.EventType;
import dev.sfnrun.history.HistoryEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An execution's history as lanes of spans on its clock: the execution's own lane, one per
 * Parallel branch and one per Map iteration (iterations past {@link #KEEP} of a Map are folded
 * into a {@link Summary}, except failed ones, up to {@link #KEEP} more). Each state visit is a
 * span from its Entered to its Exited (or Aborted, or the end of its lane); task failures and the
 * retries after them are marks. A lane follows the events' {@code previousEventId} chains, which
 * the engine keeps per branch and per iteration. One pass over the events, linear in their number.
 */
final class Timeline {
    /** Iteration lanes shown in full per Map state (and, beyond them, failed iterations at most this many more). */
    static final int KEEP = 50;

    /** A lane: {@code parent} -1 for the execution's own. */
    record Lane(int index, int parent, String kind, String label, String owner, long start, long end, String status,
                boolean shown) {
    }

    /** A state visit from {@code start} to {@code end} (milliseconds since the execution started). */
    record Span(int lane, String state, String type, long start, long end, String status, long enteredId) {
    }

    /** A moment in a lane: a task failure, a retry, an aborted state. */
    record Mark(int lane, long at, String kind, String text) {
    }

    /** The iterations of one Map visit that are not shown one by one. */
    record Summary(int lane, String map, int count, int succeeded, int failed, int aborted, long minMs, long avgMs,
                   long maxMs, long start, long end) {
    }

    final Instant origin;
    final List<Lane> lanes = new ArrayList<>();
    final List<Span> spans = new ArrayList<>();
    final List<Mark> marks = new ArrayList<>();
    final List<Summary> summaries = new ArrayList<>();
    /** The lane of each event, by its index in the history. */
    final int[] laneOf;
    /** State name → visits, failures, aborts (from the history). */
    final Map<String, int[]> visits = new HashMap<>();

    private final List<LaneBuilder> building = new ArrayList<>();

    private static final class LaneBuilder {
        final int index;
        final int parent;
        final String kind;
        final String label;
        final String owner;
        final long start;
        long end;
        String status = "ok";
        final List<Span> open = new ArrayList<>();
        boolean failed;
        boolean shown = true;

        LaneBuilder(int index, int parent, String kind, String label, String owner, long start) {
            this.index = index;
            this.parent = parent;
            this.kind = kind;
            this.label = label;
            this.owner = owner;
            this.start = start;
            this.end = start;
        }
    }

    private Timeline(List<HistoryEvent> events) {
        origin = events.isEmpty() ? Instant.EPOCH : events.get(0).timestamp();
        laneOf = new int[events.size()];
    }

    static Timeline of(List<HistoryEvent> events, FlowGraph graph, long executionEnd) {
        Timeline timeline = new Timeline(events);
        timeline.build(events, graph, executionEnd);
        return timeline;
    }

    long at(HistoryEvent event) {
        return java.time.Duration.between(origin, event.timestamp()).toMillis();
    }

    private LaneBuilder lane(int parent, String kind, String label, String owner, long start) {
        LaneBuilder lane = new LaneBuilder(building.size(), parent, kind, label, owner, start);
        building.add(lane);
        return lane;
    }

    private void build(List<HistoryEvent> events, FlowGraph graph, long executionEnd) {
        Map<String, FlowGraph.Node> byName = new HashMap<>();
        for (FlowGraph.Node node : graph.nodes()) {
            byName.putIfAbsent(node.name(), node);
        }
        Map<Long, Integer> indexOfId = new HashMap<>();
        boolean dense = true;
        for (int i = 0; i < events.size(); i++) {
            if (events.get(i).id() != i + 1) {
                dense = false;
                break;
            }
        }
        if (!dense) {
            for (int i = 0; i < events.size(); i++) {
                indexOfId.put(events.get(i).id(), i);
            }
        }
        lane(-1, "execution", "Execution", null, 0);
        // iteration lanes per (parent lane, map name): how many, how many failed beyond KEEP
        Map<String, int[]> iterationCounts = new HashMap<>();
        Map<String, Summary> summaryOf = new java.util.LinkedHashMap<>();
        for (int i = 0; i < events.size(); i++) {
            HistoryEvent event = events.get(i);
            long t = at(event);
            long previous = event.previousEventId();
            int prevIndex = previous <= 0 ? -1 : dense ? (int) previous - 1 : indexOfId.getOrDefault(previous, -1);
            int laneIndex = prevIndex >= 0 && prevIndex < i ? laneOf[prevIndex] : 0;
            EventType type = event.type();
            HistoryEvent prev = prevIndex >= 0 && prevIndex < i ? events.get(prevIndex) : null;
            String name = stateName(event);
            LaneBuilder lane = building.get(laneIndex);
            if (type == EventType.MapIterationStarted) {
                String map = String.valueOf(event.detail("name"));
                Object index = event.detail("index");
                String group = laneIndex + "/" + map;
                int[] count = iterationCounts.computeIfAbsent(group, k -> new int[1]);
                count[0]++;
                LaneBuilder child = lane(laneIndex, "iteration", map + " #" + index, map, t);
                child.shown = lane.shown && count[0] <= KEEP;
                lane = child;
            } else if (type.isStateEntered() && prev != null && prev.type() == EventType.ParallelStateStarted) {
                FlowGraph.Node node = byName.get(name);
                String owner = prev == null ? "?" : parentName(graph, node);
                int branch = node == null ? -1 : graph.scope(node.scope()).map(FlowGraph.Scope::branch).orElse(-1);
                lane = lane(laneIndex, "branch", owner + " branch " + (branch + 1), owner, t);
                lane.shown = building.get(laneIndex).shown;
            } else if (closes(type) && lane.parent >= 0 && !opens(prev)) {
                boolean exited = type.isStateExited() || type.name().endsWith("Aborted");
                if (!exited || name != null && name.equals(lane.owner)) {
                    boolean up = type.name().startsWith("Map") ? lane.kind.equals("iteration") : lane.kind.equals("branch");
                    if (up || exited) {
                        lane = building.get(lane.parent);
                    }
                }
            }
            laneOf[i] = lane.index;
            lane.end = Math.max(lane.end, t);
            apply(lane, event, name, t);
            if (type == EventType.MapIterationSucceeded || type == EventType.MapIterationFailed
                    || type == EventType.MapIterationAborted) {
                lane.status = type == EventType.MapIterationSucceeded ? "ok"
                        : type == EventType.MapIterationFailed ? "failed" : "aborted";
                if (!lane.status.equals("ok") && !lane.shown && building.get(lane.parent).shown) {
                    int[] failed = iterationCounts.computeIfAbsent(lane.parent + "/" + lane.owner + "/failed", k -> new int[1]);
                    if (++failed[0] <= KEEP) {
                        lane.shown = true; // failed iterations stay visible (their events were kept back; see below)
                    }
                }
            }
        }
        for (LaneBuilder lane : building) {
            for (Span span : lane.open) {
                long end = Math.max(lane.end, span.start());
                if (lane.index == 0) {
                    end = Math.max(end, executionEnd);
                }
                spans.add(new Span(span.lane(), span.state(), span.type(), span.start(), end, "failed", span.enteredId()));
                visits.computeIfAbsent(span.state(), k -> new int[3])[1]++;
                lane.failed = true;
            }
            if (lane.failed && lane.status.equals("ok") && !lane.kind.equals("execution")) {
                lane.status = "failed";
            }
        }
        for (LaneBuilder lane : building) {
            boolean shown = lane.shown && (lane.parent < 0 || building.get(lane.parent).shown);
            lane.shown = shown;
            lanes.add(new Lane(lane.index, lane.parent, lane.kind, lane.label, lane.owner, lane.start, lane.end,
                    lane.status, shown));
            if (!shown && lane.kind.equals("iteration") && lane.parent >= 0 && building.get(lane.parent).shown) {
                String key = lane.parent + "/" + lane.owner;
                Summary s = summaryOf.get(key);
                long d = lane.end - lane.start;
                if (s == null) {
                    s = new Summary(lane.parent, lane.owner, 0, 0, 0, 0, Long.MAX_VALUE, 0, 0, lane.start, lane.end);
                }
                summaryOf.put(key, new Summary(s.lane(), s.map(), s.count() + 1,
                        s.succeeded() + (lane.status.equals("ok") ? 1 : 0), s.failed() + (lane.status.equals("failed") ? 1 : 0),
                        s.aborted() + (lane.status.equals("aborted") ? 1 : 0), Math.min(s.minMs(), d),
                        s.avgMs() + d, Math.max(s.maxMs(), d), Math.min(s.start(), lane.start), Math.max(s.end(), lane.end)));
            }
        }
        for (Summary s : summaryOf.values()) {
            summaries.add(new Summary(s.lane(), s.map(), s.count(), s.succeeded(), s.failed(), s.aborted(), s.minMs(),
                    s.avgMs() / Math.max(1, s.count()), s.maxMs(), s.start(), s.end()));
        }
        spans.removeIf(span -> !lanes.get(span.lane()).shown());
        marks.removeIf(mark -> !lanes.get(mark.lane()).shown());
        spans.sort(java.util.Comparator.comparingLong(Span::start));
    }

    /** Opens and closes spans, and notes failures and retries. */
    private void apply(LaneBuilder lane, HistoryEvent event, String name, long t) {
        EventType type = event.type();
        String typeName = type.name();
        if (type.isStateEntered()) {
            String stateType = typeName.substring(0, typeName.length() - "StateEntered".length());
            lane.open.add(new Span(lane.index, name, stateType, t, t, "open", event.id()));
            visits.computeIfAbsent(name, k -> new int[3])[0]++;
        } else if (type.isStateExited() || typeName.endsWith("StateAborted")) {
            boolean aborted = typeName.endsWith("StateAborted");
            for (int j = lane.open.size() - 1; j >= 0; j--) {
                Span span = lane.open.get(j);
                if (name == null || span.state().equals(name)) {
                    lane.open.remove(j);
                    spans.add(new Span(span.lane(), span.state(), span.type(), span.start(), t,
                            aborted ? "aborted" : "ok", span.enteredId()));
                    if (aborted) {
                        visits.computeIfAbsent(span.state(), k -> new int[3])[2]++;
                        marks.add(new Mark(lane.index, t, "aborted", span.state() + " aborted"));
                    }
                    break;
                }
            }
        } else if (typeName.endsWith("Failed") && !typeName.startsWith("Execution") && !typeName.startsWith("MapIteration")
                || typeName.endsWith("TimedOut") && !typeName.startsWith("Execution")) {
            Object error = event.detail("error");
            marks.add(new Mark(lane.index, t, "failure", typeName + (error == null ? "" : ": " + error)));
        } else if (typeName.endsWith("Scheduled") && !lane.open.isEmpty()) {
            Span current = lane.open.get(lane.open.size() - 1);
            boolean again = marks.stream().skip(Math.max(0, marks.size() - 8))
                    .anyMatch(m -> m.lane() == lane.index && m.kind().equals("failure") && m.at() >= current.start());
            if (again) {
                marks.add(new Mark(lane.index, t, "retry", "retry of " + current.state()));
            }
        }
    }

    /** The name of the state an event concerns, where the event says. */
    static String stateName(HistoryEvent event) {
        if (event.type().isStateEntered() || event.type().isStateExited()) {
            Object name = event.detail("name");
            return name == null ? null : name.toString();
        }
        return event.stateName();
    }

    private static String parentName(FlowGraph graph, FlowGraph.Node node) {
        if (node == null) {
            return "Parallel";
        }
        return graph.scope(node.scope()).map(FlowGraph.Scope::owner)
                .flatMap(graph::node).map(FlowGraph.Node::name).orElse("Parallel");
    }

    private static boolean closes(EventType type) {
        String n = type.name();
        return n.startsWith("Parallel") && !n.equals("ParallelStateEntered") && !n.equals("ParallelStateStarted")
                || n.startsWith("Map") && !n.startsWith("MapIteration") && !n.startsWith("MapRun")
                && !n.equals("MapStateEntered") && !n.equals("MapStateStarted");
    }

    private static boolean opens(HistoryEvent prev) {
        if (prev == null) {
            return true;
        }
        String n = prev.type().name();
        return n.equals("ParallelStateEntered") || n.equals("ParallelStateStarted") || n.equals("MapStateEntered")
                || n.equals("MapStateStarted");
    }
}
