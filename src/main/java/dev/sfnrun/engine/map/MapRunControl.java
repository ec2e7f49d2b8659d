package dev.sfnrun.engine.map;

import dev.sfnrun.engine.ExecutionStatus;
import java.time.Instant;

/**
 * One Map Run as it runs, for a front end that shows and changes it (the server's DescribeMapRun
 * and UpdateMapRun): its ARN, settings, status and counts of child executions and of items (the
 * same unless an ItemBatcher groups items). An execution's listener that is also a
 * {@link Listener} is handed each Map Run as it starts. Thread-safe.
 */
public final class MapRunControl {
    /** Implemented by an {@link dev.sfnrun.history.ExecutionListener} that wants to see Map Runs start. */
    public interface Listener {
        void mapRunStarted(MapRunControl run);
    }

    /** Counts as DescribeMapRun shows them. */
    public record Counts(long pending, long running, long succeeded, long failed, long timedOut, long aborted,
                         long total, long resultsWritten) {
    }

    private final String mapRunArn;
    private final String stateName;
    private final Instant startDate;
    private final int[] itemsPerChild;
    private final long totalItems;
    private volatile int maxConcurrency;
    private volatile Long toleratedFailureCount;
    private volatile Double toleratedFailurePercentage;
    // guarded by this
    private ExecutionStatus status;
    private Instant stopDate;
    private int started;
    private long startedItems;
    private int succeeded;
    private long succeededItems;
    private int failed;
    private long failedItems;

    MapRunControl(String mapRunArn, String stateName, Instant startDate, int[] itemsPerChild, int maxConcurrency,
                  Long toleratedFailureCount, Double toleratedFailurePercentage) {
        this.mapRunArn = mapRunArn;
        this.stateName = stateName;
        this.startDate = startDate;
        this.itemsPerChild = itemsPerChild;
        long items = 0;
        for (int count : itemsPerChild) {
            items += count;
        }
        this.totalItems = items;
        this.maxConcurrency = maxConcurrency;
        this.toleratedFailureCount = toleratedFailureCount;
        this.toleratedFailurePercentage = toleratedFailurePercentage;
    }

    public String mapRunArn() {
        return mapRunArn;
    }

    public String stateName() {
        return stateName;
    }

    public Instant startDate() {
        return startDate;
    }

    /** 0: as many at once as the runner allows. */
    public int maxConcurrency() {
        return maxConcurrency;
    }

    /** Null when the state set none. */
    public Long toleratedFailureCount() {
        return toleratedFailureCount;
    }

    /** Null when the state set none. */
    public Double toleratedFailurePercentage() {
        return toleratedFailurePercentage;
    }

    /**
     * UpdateMapRun: new settings (null leaves one as it is). A lower maxConcurrency takes effect as
     * running children end; tolerated failures apply to the next failure counted.
     */
    public void update(Integer maxConcurrency, Long toleratedFailureCount, Double toleratedFailurePercentage) {
        if (maxConcurrency != null) {
            this.maxConcurrency = maxConcurrency;
        }
        if (toleratedFailureCount != null) {
            this.toleratedFailureCount = toleratedFailureCount;
        }
        if (toleratedFailurePercentage != null) {
            this.toleratedFailurePercentage = toleratedFailurePercentage;
        }
    }

    /** RUNNING until the run ends, then SUCCEEDED, FAILED or ABORTED (DescribeMapRun's status). */
    public synchronized String status() {
        return status == null ? "RUNNING" : status.name();
    }

    public synchronized Instant stopDate() {
        return stopDate;
    }

    /** The counts of child executions. */
    public synchronized Counts executionCounts() {
        return counts(itemsPerChild.length, started, succeeded, failed);
    }

    /** The counts of items (each child's batch counted by its items). */
    public synchronized Counts itemCounts() {
        return counts(totalItems, startedItems, succeededItems, failedItems);
    }

    private Counts counts(long total, long startedCount, long succeededCount, long failedCount) {
        long ended = succeededCount + failedCount;
        boolean over = status != null;
        long running = over ? 0 : startedCount - ended;
        long aborted = over ? startedCount - ended : 0;
        return new Counts(total - startedCount, running, succeededCount, failedCount, 0, aborted, total, ended);
    }

    synchronized void childStarted(int index) {
        started++;
        startedItems += itemsPerChild[index];
    }

    synchronized void childEnded(int index, boolean success) {
        if (success) {
            succeeded++;
            succeededItems += itemsPerChild[index];
        } else {
            failed++;
            failedItems += itemsPerChild[index];
        }
    }

    /** The end of the run; the first end counts (a run stopped from outside ends ABORTED). */
    synchronized void end(ExecutionStatus end, Instant at) {
        if (status == null) {
            status = end;
            stopDate = at;
        }
    }
}
