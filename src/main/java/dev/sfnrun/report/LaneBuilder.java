package dev.sfnrun.report;

import dev.sfnrun.history.HistoryEvent;
import java.util.List;
import java.util.Map;

/** A lane of a {@link Timeline} while it is built: its spans still open, its state, what it holds. */
final class LaneBuilder {
    /** A lane's open spans before its first. */
    static final List<Timeline.Span> NO_SPANS = List.of();

    final int index;
    final int parent;
    final String kind;
    final String owner;
    /** the iteration's index (for its label, made only if it is shown) or the branch's label */
    final Object label;
    final long start;
    long end;
    String status = "ok";
    /** its open spans (a list of its own from the first: many iterations wait to run at once) */
    List<Timeline.Span> open = NO_SPANS;
    long lastFailureAt = -1;
    boolean failed;
    boolean shown;
    /** a hidden iteration of a shown lane; the lanes inside a hidden lane have its root */
    LaneBuilder root;
    /** a root's lanes inside it, folded with it (made at the first) */
    List<LaneBuilder> inside;
    /** while a hidden root may still be shown (if it fails): its rows, spans and marks */
    List<HistoryEvent> pending;
    /** an iteration's Map visit */
    MapVisit visit;
    /** a lane's Map visits, by Map name */
    Map<String, MapVisit> mapVisits;
    /** the branch lanes of the Parallel states in a lane (made at the first) */
    List<LaneBuilder> branchLanes;
    boolean folded;
    /** an aborted hidden iteration, let go once the aborts of its open states have come */
    boolean foldWhenAborted;

    LaneBuilder(int index, int parent, String kind, Object label, String owner, long start) {
        this.index = index;
        this.parent = parent;
        this.kind = kind;
        this.label = label;
        this.owner = owner;
        this.start = start;
        this.end = start;
    }

    String label() {
        return kind.equals("iteration") ? owner + " #" + label : String.valueOf(label);
    }
}
