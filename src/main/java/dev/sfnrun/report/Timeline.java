package dev.sfnrun.report;

import dev.sfnrun.history.EventType;
import dev.sfnrun.history.HistoryEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An execution's history as lanes of spans on its clock, built as the events arrive (one call of
 * {@link #add} per event, in id order; nothing is kept of an event that will not be shown): the
 * execution's own lane, one per Parallel branch and one per Map iteration. Past {@link #KEEP}
 * iterations of one Map visit, iterations are counted into a {@link Summary} instead (their events,
 * spans and marks are dropped as soon as they finish), except failed ones, up to {@link #KEEP} more,
 * whose events are held while they run in case they fail. Each state visit is a span from its
 * Entered to its Exited (or Aborted, or the end of its lane); task failures and the retries after
 * them are marks. A lane follows the events' {@code previousEventId} chains, which the engine keeps
 * per branch and per iteration, except where a Map or Parallel stops after a failed iteration or
 * branch: each aborted iteration's MapIterationAborted, and the aborts of the states still running in
 * the other iterations or branches, follow the failed one's last event. Those land in the lane they
 * concern (an iteration found by its Map and index, a branch by its open state), and an aborted Map
 * or Parallel ends the iterations or branches still running inside it as aborted. Per event: a few
 * array writes and, in shown lanes, a row.
 */
final class Timeline {
    /** Iteration lanes shown in full per Map state (and, beyond them, failed iterations at most this many more). */
    static final int KEEP = 50;
    /** Events with a larger id are put in the execution's lane (ids are dense from 1; this only bounds the arrays). */
    static final int MAX_ID = 50_000_000;

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
                   long maxMs, long start, long end, int iterations) {
    }

    /**
     * An event shown in the report, with its lane and its row's text ({@link EventRows}; null for a long
     * one), which is made by {@link #render} as the row is made or later, on another thread. Once its
     * text is kept the row lets go of its event (a long run's payloads need not stay in memory).
     */
    static final class Row {
        private final long id;
        private final EventType type;
        private HistoryEvent event;
        private final int lane;
        private final long ms;
        private String text;

        Row(HistoryEvent event, int lane, long ms) {
            this.id = event.id();
            this.type = event.type();
            this.event = event;
            this.lane = lane;
            this.ms = ms;
        }

        long id() {
            return id;
        }

        EventType type() {
            return type;
        }

        /** The event, while the row has no text (a long row's is made again when the report is written). */
        HistoryEvent event() {
            return event;
        }

        int lane() {
            return lane;
        }

        String text() {
            return text;
        }

        /** Makes the row's text with {@code rows} (which indexes its type and state). */
        void render(EventRows rows) {
            text = rows.kept(event, lane, ms);
            if (text != null) {
                event = null;
            }
        }
    }

    // per event type: what it does to lanes and spans (EventType.name() tests, looked up once)
    private static final EventType[] TYPES = EventType.values();
    private static final boolean[] ENTERED = new boolean[TYPES.length];
    private static final boolean[] EXITED = new boolean[TYPES.length];
    private static final boolean[] ABORTED_STATE = new boolean[TYPES.length];
    private static final boolean[] ENDS_LANE = new boolean[TYPES.length];
    private static final boolean[] CLOSES = new boolean[TYPES.length];
    private static final boolean[] OPENS = new boolean[TYPES.length];
    private static final boolean[] FAILURE = new boolean[TYPES.length];
    private static final boolean[] SCHEDULED = new boolean[TYPES.length];
    private static final String[] STATE_TYPE = new String[TYPES.length];

    static {
        for (EventType type : TYPES) {
            String n = type.name();
            int i = type.ordinal();
            ENTERED[i] = type.isStateEntered();
            EXITED[i] = type.isStateExited();
            ABORTED_STATE[i] = n.endsWith("StateAborted");
            ENDS_LANE[i] = EXITED[i] || n.endsWith("Aborted");
            CLOSES[i] = n.startsWith("Parallel") && !n.equals("ParallelStateEntered") && !n.equals("ParallelStateStarted")
                    || n.startsWith("Map") && !n.startsWith("MapIteration") && !n.startsWith("MapRun")
                    && !n.equals("MapStateEntered") && !n.equals("MapStateStarted");
            OPENS[i] = n.equals("ParallelStateEntered") || n.equals("ParallelStateStarted") || n.equals("MapStateEntered")
                    || n.equals("MapStateStarted");
            FAILURE[i] = n.endsWith("Failed") && !n.startsWith("Execution") && !n.startsWith("MapIteration")
                    || n.endsWith("TimedOut") && !n.startsWith("Execution");
            SCHEDULED[i] = n.endsWith("Scheduled");
            STATE_TYPE[i] = ENTERED[i] ? n.substring(0, n.length() - "StateEntered".length()) : null;
        }
    }

    /** Where a state of a Parallel branch sits (its Parallel's name, its branch's number from 0); null if unknown. */
    interface BranchOf {
        Branch of(String stateName);

        record Branch(String parallel, int index) {
        }
    }

    private final BranchOf branchOf;
    /** Given each row as it is made, to {@link Row#render} it. */
    private final java.util.function.Consumer<Row> rowMade;
    Instant origin = Instant.EPOCH;
    /** Every event seen. */
    int events;
    /** Events not shown (those of summarised iterations and of lanes inside them). */
    int hiddenEvents;
    /** Filled by {@link #finish}: the shown lanes, their spans (by start) and marks, the summaries, the rows. */
    final List<Lane> lanes = new ArrayList<>();
    final List<Span> spans = new ArrayList<>();
    final List<Mark> marks = new ArrayList<>();
    final List<Summary> summaries = new ArrayList<>();
    final List<Row> rows = new ArrayList<>();
    /** The rows' texts, made as the rows are. */
    final EventRows rowTexts;
    /** State name → visits, failures, aborts (from the history, every lane counted). */
    final Counters visits = new Counters(3);
    /** Parallel or Map name → its branches or iterations, and how many of them failed or were aborted. */
    final Counters children = new Counters(2);

    // by event id: the event's lane and type
    private int[] laneOfId = new int[1024];
    private short[] typeOfId = new short[1024];
    private final List<LaneBuilder> building = new ArrayList<>();
    /** The iterations of each Map visit (in the order they began). */
    private final List<MapVisit> mapVisits = new ArrayList<>();
    private boolean promoted;
    /** The execution timed out or was stopped: what still ran at its end was cut short there, not failed. */
    private boolean cutShort;
    private boolean finished;

    /** A timeline whose rows are rendered as they are made. */
    Timeline(BranchOf branchOf) {
        this(branchOf, new EventRows(), null);
    }

    /**
     * A timeline whose rows' texts are made with {@code rowTexts}: by {@code rowMade}, given each row
     * as it is made (to render it on a thread of its own), or at once if that is null.
     */
    Timeline(BranchOf branchOf, EventRows rowTexts, java.util.function.Consumer<Row> rowMade) {
        this.branchOf = branchOf;
        this.rowTexts = rowTexts;
        this.rowMade = rowMade != null ? rowMade : row -> row.render(rowTexts);
        LaneBuilder execution = new LaneBuilder(0, -1, "execution", "Execution", null, 0);
        execution.shown = true;
        building.add(execution);
    }

    // the last instant converted (events in a row often share one: virtual time, a fast run)
    private Instant lastInstant;
    private long lastMs;

    long at(HistoryEvent event) {
        Instant t = event.timestamp();
        if (t == lastInstant) {
            return lastMs;
        }
        long ms = (t.getEpochSecond() - origin.getEpochSecond()) * 1000 + (t.getNano() - origin.getNano()) / 1_000_000;
        lastInstant = t;
        lastMs = ms;
        return ms;
    }

    private LaneBuilder lane(LaneBuilder parent, String kind, Object label, String owner, long start, boolean shown) {
        LaneBuilder lane = new LaneBuilder(building.size(), parent.index, kind, label, owner, start);
        lane.shown = shown;
        if (!shown) {
            if (parent.shown) {
                lane.root = lane;
            } else {
                lane.root = parent.root;
                if (lane.root != null && !lane.root.folded && !lane.root.shown) { // neither let go nor shown yet
                    if (lane.root.inside == null) {
                        lane.root.inside = new ArrayList<>();
                    }
                    lane.root.inside.add(lane);
                }
            }
        }
        building.add(lane);
        return lane;
    }

    /** One event, in id order. */
    void add(HistoryEvent event) {
        if (finished) {
            throw new IllegalStateException("the timeline is finished");
        }
        if (events++ == 0) {
            origin = event.timestamp();
        }
        long t = at(event);
        EventType type = event.type();
        if (type == EventType.ExecutionTimedOut || type == EventType.ExecutionAborted) {
            cutShort = true;
            building.get(0).status = "aborted"; // the execution's own lane
        } else if (type == EventType.ExecutionFailed) {
            building.get(0).status = "failed";
        }
        int ord = type.ordinal();
        long previous = event.previousEventId();
        boolean known = previous > 0 && previous < event.id() && previous <= MAX_ID && previous < laneOfId.length
                && typeOfId[(int) previous] != 0;
        int laneIndex = known ? laneOfId[(int) previous] : 0;
        EventType prev = known ? TYPES[typeOfId[(int) previous] - 1] : null;
        String name = stateName(event);
        LaneBuilder lane = building.get(laneIndex);
        boolean iterationEnds = type == EventType.MapIterationSucceeded || type == EventType.MapIterationFailed
                || type == EventType.MapIterationAborted;
        // an aborted iteration's states are aborted after it, following the same event (the failed iteration's)
        LaneBuilder abortedIteration = ABORTED_STATE[ord] && name != null && !abortedAfter.isEmpty()
                ? abortedIteration(previous, name) : null;
        if (abortedIteration != null) {
            lane = abortedIteration;
        } else if (iterationEnds) {
            // its iteration by name and index: an aborted iteration's event follows the failed one's last event
            Object index = event.detail("index");
            LaneBuilder iteration = openIteration(lane, String.valueOf(event.detail("name")), index);
            if (iteration != null) {
                iteration.visit.setOpen(index, null);
                lane = iteration;
            }
        } else if (type == EventType.MapIterationStarted) {
            String map = String.valueOf(event.detail("name"));
            Object index = event.detail("index");
            LaneBuilder parent = lane;
            // with MaxConcurrency 1 an iteration follows the last event of the one before (names are unique in a machine)
            while (parent.parent >= 0 && parent.kind.equals("iteration") && map.equals(parent.owner)) {
                parent = building.get(parent.parent);
            }
            MapVisit visit = mapVisit(parent, map);
            visit.started++;
            lane = lane(parent, "iteration", index, map, t, parent.shown && visit.started <= KEEP);
            lane.visit = visit;
            visit.setOpen(index, lane);
            if (lane.root == lane && visit.failedShown < KEEP) {
                lane.pending = new ArrayList<>(4); // a Pass iteration's events
            }
        } else if (ENTERED[ord] && prev == EventType.ParallelStateStarted) {
            BranchOf.Branch branch = name == null ? null : branchOf.of(name);
            String owner = branch == null ? "Parallel" : branch.parallel();
            LaneBuilder parallel = lane;
            lane = lane(parallel, "branch", owner + " branch " + (branch == null ? 0 : branch.index() + 1), owner, t,
                    parallel.shown);
            if (parallel.branchLanes == null) {
                parallel.branchLanes = new ArrayList<>(2);
            }
            parallel.branchLanes.add(lane);
        } else if (CLOSES[ord] && lane.parent >= 0 && (prev != null && !OPENS[prev.ordinal()])) {
            boolean exited = ENDS_LANE[ord];
            if (!exited || name != null && name.equals(lane.owner)) {
                boolean up = type.name().startsWith("Map") ? lane.kind.equals("iteration") : lane.kind.equals("branch");
                if (up || exited) {
                    if (type == EventType.ParallelStateFailed && lane.kind.equals("branch")) {
                        abortSiblings(lane, t);
                    }
                    lane = building.get(lane.parent);
                }
            }
        }
        if (ABORTED_STATE[ord] && name != null && !hasOpenSpan(lane, name)) {
            // a state of another branch, aborted as a branch of its Parallel failed: it follows the failed branch's event
            LaneBuilder branch = branchWithOpenSpan(lane, name);
            if (branch != null) {
                lane = branch;
            }
        }
        remember(event.id(), lane.index, ord);
        if (lane.folded) {
            hiddenEvents++;
            return;
        }
        lane.end = Math.max(lane.end, t);
        if (lane.shown) {
            row(new Row(event, lane.index, t));
        } else if (lane.pending != null) {
            lane.pending.add(event);
        } else {
            hiddenEvents++;
        }
        apply(lane, event, ord, name, t, true);
        if (abortedIteration != null && lane.open.isEmpty()) { // its states' aborts have all come
            abortsCame(lane, previous);
        }
        if (iterationEnds && lane.kind.equals("iteration")) {
            lane.status = type == EventType.MapIterationSucceeded ? "ok"
                    : type == EventType.MapIterationFailed ? "failed" : "aborted";
            boolean awaitsAborts = type == EventType.MapIterationAborted && !lane.open.isEmpty();
            if (awaitsAborts) {
                abortedAfter.computeIfAbsent(previous, k -> new ArrayList<>(2)).add(lane);
            }
            if (lane.root == lane) {
                if (!lane.status.equals("ok") && lane.pending != null && lane.visit.failedShown < KEEP) {
                    lane.visit.failedShown++;
                    promote(lane); // failed iterations stay visible
                } else if (awaitsAborts) {
                    lane.foldWhenAborted = true; // once its states' aborts have come
                } else {
                    fold(lane);
                }
            }
        }
    }

    /**
     * Aborted iterations whose states' aborts have not all come, by the event they follow (the failed
     * iteration's last). Those of other aborted iterations may come in between (nested Maps abort at once).
     */
    private final Map<Long, List<LaneBuilder>> abortedAfter = new HashMap<>();

    /** The aborted iteration (after {@code previous}) whose state {@code state} is still open, the latest first; or null. */
    private LaneBuilder abortedIteration(long previous, String state) {
        List<LaneBuilder> aborted = abortedAfter.get(previous);
        if (aborted != null) {
            for (int i = aborted.size() - 1; i >= 0; i--) {
                if (hasOpenSpan(aborted.get(i), state)) {
                    return aborted.get(i);
                }
            }
        }
        return null;
    }

    /** The aborts of {@code iteration}'s states have all come: no longer awaited, and let go if it is summarised. */
    private void abortsCame(LaneBuilder iteration, long previous) {
        List<LaneBuilder> aborted = abortedAfter.get(previous);
        if (aborted != null) {
            aborted.remove(iteration);
            if (aborted.isEmpty()) {
                abortedAfter.remove(previous);
            }
        }
        if (iteration.foldWhenAborted && !iteration.folded) {
            fold(iteration);
        }
    }

    // the last Map visit an iteration began in (a Map's iterations begin one after another)
    private LaneBuilder lastMapVisitLane;
    private String lastMapVisitName;
    private MapVisit lastMapVisit;

    /** The visit of Map {@code map} in {@code lane}, made at its first iteration. */
    private MapVisit mapVisit(LaneBuilder lane, String map) {
        if (lane == lastMapVisitLane && map.equals(lastMapVisitName)) {
            return lastMapVisit;
        }
        if (lane.mapVisits == null) {
            lane.mapVisits = new HashMap<>();
        }
        MapVisit visit = lane.mapVisits.get(map);
        if (visit == null) {
            visit = new MapVisit(lane.index, map);
            lane.mapVisits.put(map, visit);
            mapVisits.add(visit);
        }
        lastMapVisitLane = lane;
        lastMapVisitName = map;
        lastMapVisit = visit;
        return visit;
    }

    /**
     * The open iteration {@code index} of Map {@code map} in {@code from} or the nearest lane around it
     * that has one; usually {@code from} itself, whose last event an iteration's end follows (an aborted
     * iteration's end follows the failed one's last event).
     */
    private LaneBuilder openIteration(LaneBuilder from, String map, Object index) {
        if (from.visit != null && from.visit.open(index) == from && from.owner.equals(map)) {
            return from; // names are unique in a machine: no iteration inside it is one of the same Map
        }
        for (LaneBuilder at = from; at != null; at = around(at)) {
            MapVisit visit = at.mapVisits == null ? null : at.mapVisits.get(map);
            LaneBuilder iteration = visit == null ? null : visit.open(index);
            if (iteration != null) {
                return iteration;
            }
        }
        return null;
    }

    /** The lane {@code lane} is in (or the lane standing for it, if that was let go); null for the execution's. */
    private LaneBuilder around(LaneBuilder lane) {
        return lane.parent < 0 ? null : building.get(lane.parent);
    }

    private void row(Row row) {
        rows.add(row);
        rowMade.accept(row);
    }

    private void remember(long id, int lane, int ord) {
        if (id <= 0 || id > MAX_ID) {
            return;
        }
        int i = (int) id;
        if (i >= laneOfId.length) {
            int size = Math.max(i + 1, laneOfId.length * 2);
            laneOfId = Arrays.copyOf(laneOfId, size);
            typeOfId = Arrays.copyOf(typeOfId, size);
        }
        laneOfId[i] = lane;
        typeOfId[i] = (short) (ord + 1);
    }

    /** A failed hidden iteration shown after all: its own rows, spans and marks (not those of lanes inside it). */
    private void promote(LaneBuilder lane) {
        lane.shown = true;
        lane.root = null;
        // its spans and marks again, from its events (their visits are counted already)
        lane.open = LaneBuilder.NO_SPANS;
        lane.lastFailureAt = -1;
        for (HistoryEvent event : lane.pending) {
            long t = at(event);
            row(new Row(event, lane.index, t));
            apply(lane, event, event.type().ordinal(), stateName(event), t, false);
        }
        lane.pending = null;
        promoted = true;
        if (lane.inside != null) {
            for (LaneBuilder inner : lane.inside) {
                foldOne(inner);
            }
            lane.inside = null;
        }
    }

    /** A finished hidden iteration (and the lanes inside it) counted into its Map's summary and let go. */
    private void fold(LaneBuilder root) {
        List<LaneBuilder> inside = root.inside;
        if (root.pending != null) {
            hiddenEvents += root.pending.size();
        }
        MapVisit g = root.visit;
        foldOne(root);
        // the lanes let go for good: later events that follow one of theirs land in one lane per summary
        if (g.placeholder == null) {
            g.placeholder = new LaneBuilder(building.size(), root.parent, "iteration", null, root.owner, root.start);
            g.placeholder.folded = true;
            g.placeholder.open = null;
            building.add(g.placeholder);
        }
        LaneBuilder placeholder = g.placeholder;
        building.set(root.index, placeholder);
        if (inside != null) {
            for (LaneBuilder inner : inside) {
                foldOne(inner);
                building.set(inner.index, placeholder);
            }
        }
        long d = root.end - root.start;
        g.count++;
        switch (root.status) {
            case "ok" -> g.succeeded++;
            case "failed" -> g.failed++;
            default -> g.aborted++;
        }
        g.minMs = Math.min(g.minMs, d);
        g.sumMs += d;
        g.maxMs = Math.max(g.maxMs, d);
        g.start = Math.min(g.start, root.start);
        g.end = Math.max(g.end, root.end);
    }

    /** Ends a hidden lane: its open spans are failed visits; counted among its owner's children; its lists let go. */
    private void foldOne(LaneBuilder lane) {
        if (lane.folded) {
            return;
        }
        closeOpen(lane, lane.end);
        countChild(lane);
        lane.folded = true;
        lane.open = null;
        lane.inside = null;
        lane.pending = null;
    }

    /**
     * Ends the spans still open in {@code lane} at {@code end}: failed visits (a state whose failure
     * ended its lane), or aborted ones when the execution timed out or was stopped, or when the lane was
     * aborted (an iteration of a Map that stopped, a branch cut short by a sibling branch's failure).
     */
    private void closeOpen(LaneBuilder lane, long end) {
        // a state still open in an aborted iteration (a Pass, which has no aborted event) was aborted with it
        boolean aborted = cutShort || lane.status.equals("aborted");
        String status = aborted ? "aborted" : "failed";
        for (Span span : lane.open) {
            Span closed = new Span(span.lane(), span.state(), span.type(), span.start(), Math.max(end, span.start()),
                    status, span.enteredId());
            if (lane.shown) {
                spans.add(closed);
            }
            visits.of(span.state())[aborted ? 2 : 1]++;
            lane.failed |= !aborted;
        }
        if (!lane.open.isEmpty()) {
            lane.open.clear();
            if (cutShort) {
                lane.end = Math.max(lane.end, end);
                if (lane.status.equals("ok") && !lane.kind.equals("execution")) {
                    lane.status = "aborted";
                }
            }
        }
        if (lane.failed && lane.status.equals("ok") && !lane.kind.equals("execution")) {
            lane.status = "failed";
        }
    }

    private void countChild(LaneBuilder lane) {
        if (lane.owner != null) {
            int[] count = children.of(lane.owner);
            count[0]++;
            if (!lane.status.equals("ok")) {
                count[1]++;
            }
        }
    }

    /** Ends the timeline: open spans end with their lane (the execution's at {@code stopDate}, if any). Once. */
    void finish(Instant stopDate) {
        if (finished) {
            return;
        }
        finished = true;
        abortedAfter.clear(); // an iteration still awaiting its states' aborts is let go with the others below
        long executionEnd = stopDate == null || events == 0 ? 0 : java.time.Duration.between(origin, stopDate).toMillis();
        for (LaneBuilder lane : new ArrayList<>(building)) {
            if (lane.folded) {
                continue;
            }
            if (lane.root == lane) {
                fold(lane);
                continue;
            }
            if (!lane.shown) {
                continue; // inside a root, folded with it
            }
            closeOpen(lane, lane.index == 0 || cutShort ? Math.max(lane.end, executionEnd) : lane.end);
            countChild(lane);
            lanes.add(new Lane(lane.index, lane.parent, lane.kind, lane.label(), lane.owner, lane.start, lane.end,
                    lane.status, true));
        }
        for (MapVisit g : mapVisits) {
            if (g.count > 0) {
                summaries.add(new Summary(g.lane, g.map, g.count, g.succeeded, g.failed, g.aborted, g.minMs,
                        g.sumMs / g.count, g.maxMs, g.start, g.end, g.started));
            }
        }
        spans.sort(Comparator.comparingLong(Span::start));
        if (promoted) {
            rows.sort(Comparator.comparingLong(Row::id));
            marks.sort(Comparator.comparingLong(Mark::at));
        }
        building.clear();
        mapVisits.clear();
        laneOfId = new int[0];
        typeOfId = new short[0];
    }

    /** Opens and closes spans, and notes failures and retries (spans and marks kept only in a shown lane). */
    private void apply(LaneBuilder lane, HistoryEvent event, int ord, String name, long t, boolean count) {
        if (ENTERED[ord]) {
            if (lane.open == LaneBuilder.NO_SPANS) {
                lane.open = new ArrayList<>(2);
            }
            lane.open.add(new Span(lane.index, name, STATE_TYPE[ord], t, t, "open", event.id()));
            if (count) {
                visits.of(name)[0]++;
            }
        } else if (EXITED[ord] || ABORTED_STATE[ord]) {
            boolean aborted = ABORTED_STATE[ord];
            for (int j = lane.open.size() - 1; j >= 0; j--) {
                Span span = lane.open.get(j);
                if (name == null || span.state().equals(name)) {
                    lane.open.remove(j);
                    if (!aborted) {
                        if (lane.shown) {
                            spans.add(new Span(span.lane(), span.state(), span.type(), span.start(), t, "ok",
                                    span.enteredId()));
                        }
                        break;
                    }
                    if (lane.kind.equals("branch") && lane.status.equals("ok")) { // a failure in it came first
                        lane.status = lane.lastFailureAt >= span.start() ? "failed" : "aborted";
                    }
                    endAborted(lane, span, t, count);
                    break;
                }
            }
        } else if (FAILURE[ord]) {
            if (lane.shown) {
                Object error = event.detail("error");
                marks.add(new Mark(lane.index, t, "failure", event.type().name() + (error == null ? "" : ": " + error)));
            }
            lane.lastFailureAt = t;
        } else if (SCHEDULED[ord] && !lane.open.isEmpty()) {
            Span current = lane.open.get(lane.open.size() - 1);
            if (lane.lastFailureAt >= current.start() && lane.shown) {
                marks.add(new Mark(lane.index, t, "retry", "retry of " + current.state()));
            }
        }
    }

    /**
     * A Parallel failed after the last event of its branch {@code failed}: what still runs in its other
     * branches (those of the same Parallel, by its name, the branches' owner) was cut short there, not failed. A state with an aborted event (a Task, a Wait) had it
     * written before; a Pass, Choice or Succeed still open has none, and ends aborted with its branch at {@code t}.
     */
    private void abortSiblings(LaneBuilder failed, long t) {
        LaneBuilder around = building.get(failed.parent);
        String parallel = failed.owner;
        if (around.branchLanes == null || parallel == null) {
            return;
        }
        for (LaneBuilder branch : around.branchLanes) {
            if (branch != failed && !branch.folded && parallel.equals(branch.owner) && !branch.open.isEmpty()
                    && branch.status.equals("ok")) {
                branch.status = "aborted";
                branch.end = Math.max(branch.end, t);
            }
        }
    }

    private static boolean hasOpenSpan(LaneBuilder lane, String state) {
        if (lane.open != null) {
            for (Span span : lane.open) {
                if (span.state().equals(state)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * The branch lane with an open span of {@code state} among the branches (at any depth) of the Parallel
     * states of {@code from} and of the lanes around it, nearest first; null if none. Only for an aborted
     * state that is not in its event's lane (rare), so a plain search.
     */
    private LaneBuilder branchWithOpenSpan(LaneBuilder from, String state) {
        for (LaneBuilder at = from; at != null; at = around(at)) {
            java.util.ArrayDeque<LaneBuilder> todo = new java.util.ArrayDeque<>();
            todo.push(at);
            while (!todo.isEmpty()) {
                LaneBuilder lane = todo.pop();
                if (lane.branchLanes != null) {
                    for (LaneBuilder branch : lane.branchLanes) {
                        if (!branch.folded && hasOpenSpan(branch, state)) {
                            return branch;
                        }
                        todo.push(branch);
                    }
                }
            }
        }
        return null;
    }

    /**
     * A state's visit (an open span taken from {@code lane}) ended aborted at {@code t}: its span and mark
     * (in a shown lane), its count (unless {@code count} is false: a promoted lane's events again), and
     * what ran inside it, if it is a Map or Parallel.
     */
    private void endAborted(LaneBuilder lane, Span span, long t, boolean count) {
        if (lane.shown) {
            spans.add(new Span(span.lane(), span.state(), span.type(), span.start(), Math.max(t, span.start()), "aborted",
                    span.enteredId()));
            marks.add(new Mark(lane.index, t, "aborted", span.state() + " aborted"));
        }
        if (count) {
            visits.of(span.state())[2]++;
            abortInside(lane, span.state(), t);
        }
    }

    /**
     * Map or Parallel {@code state} was aborted in {@code lane}: its iterations or branches still running
     * end aborted there (their events say nothing more), with the states open in them, at any depth.
     */
    private void abortInside(LaneBuilder lane, String state, long t) {
        List<LaneBuilder> inside = new ArrayList<>();
        MapVisit visit = lane.mapVisits == null ? null : lane.mapVisits.get(state);
        if (visit != null) {
            for (LaneBuilder iteration : visit.openLanes()) {
                visit.setOpen(iteration.label, null);
                if (!iteration.folded) { // else let go with the hidden iteration around it
                    inside.add(iteration);
                }
            }
        }
        if (lane.branchLanes != null) {
            for (LaneBuilder branch : lane.branchLanes) {
                if (branch.owner.equals(state) && !branch.folded && !branch.open.isEmpty()) {
                    inside.add(branch);
                }
            }
        }
        for (LaneBuilder child : inside) {
            if (child.root == child && child.pending != null && child.visit.failedShown < KEEP) {
                child.visit.failedShown++;
                promote(child); // shown, as an aborted iteration past the first KEEP is
            }
            for (Span span : new ArrayList<>(child.open)) {
                child.open.remove(span);
                endAborted(child, span, t, true);
            }
            child.end = Math.max(child.end, t);
            child.status = "aborted";
            if (child.root == child) { // still hidden: summarised
                fold(child);
            }
        }
    }

    /** The name of the state an event concerns, where the event says. */
    static String stateName(HistoryEvent event) {
        int ord = event.type().ordinal();
        if (ENTERED[ord] || EXITED[ord]) {
            Object name = event.detail("name");
            return name == null ? null : name.toString();
        }
        return event.stateName();
    }
}
