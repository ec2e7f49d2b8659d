package dev.sfnrun.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The iterations of one Map visit in a {@link Timeline} (a Map's name in one lane): counts, the summary of
 * the hidden ones, and the iterations still open, by index.
 */
final class MapVisit {
    final int lane;
    final String map;
    int started;
    /** failed iterations shown past {@link Timeline#KEEP} */
    int failedShown;
    int count;
    int succeeded;
    int failed;
    int aborted;
    long minMs = Long.MAX_VALUE;
    long sumMs;
    long maxMs;
    long start = Long.MAX_VALUE;
    long end;
    /** the one lane that stands for the hidden iterations let go (later events that follow one of theirs land there) */
    LaneBuilder placeholder;
    /** its iterations that have not ended yet, by index: the indexes a Map gives (0, 1, ...), and any other */
    private LaneBuilder[] openByIndex = new LaneBuilder[16];
    private Map<Object, LaneBuilder> openOthers;

    MapVisit(int lane, String map) {
        this.lane = lane;
        this.map = map;
    }

    /** Its open iteration {@code index}, or null. */
    LaneBuilder open(Object index) {
        if (index instanceof Integer i && i >= 0 && i < Timeline.MAX_ID) {
            return i < openByIndex.length ? openByIndex[i] : null;
        }
        return openOthers == null ? null : openOthers.get(index);
    }

    /** Its open iterations. */
    List<LaneBuilder> openLanes() {
        List<LaneBuilder> lanes = new ArrayList<>();
        for (LaneBuilder lane : openByIndex) {
            if (lane != null) {
                lanes.add(lane);
            }
        }
        if (openOthers != null) {
            lanes.addAll(openOthers.values());
        }
        return lanes;
    }

    /** Iteration {@code index} is {@code lane} from now on, or (null) has ended. */
    void setOpen(Object index, LaneBuilder lane) {
        if (index instanceof Integer i && i >= 0 && i < Timeline.MAX_ID) {
            if (i >= openByIndex.length) {
                if (lane == null) {
                    return;
                }
                openByIndex = Arrays.copyOf(openByIndex, Math.max(i + 1, openByIndex.length * 2));
            }
            openByIndex[i] = lane;
        } else if (lane != null) {
            if (openOthers == null) {
                openOthers = new HashMap<>();
            }
            openOthers.put(index, lane);
        } else if (openOthers != null) {
            openOthers.remove(index);
        }
    }
}
