package dev.sfnrun.server;

import dev.sfnrun.engine.Execution;
import dev.sfnrun.history.HistoryEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * One Standard execution as the API shows it: fixed facts, its status (RUNNING until the engine
 * returns), and its history, appended as the engine writes it. Thread-safe.
 */
public final class ExecutionRecord {
    /** The status of DescribeExecution: the engine's four ends and RUNNING. */
    enum Status { RUNNING, SUCCEEDED, FAILED, TIMED_OUT, ABORTED }

    final String arn;
    final String name;
    final String stateMachineArn;
    final StateMachineRecord.Revision revision;
    final String input;
    final Instant startDate;
    private final List<HistoryEvent> events = new ArrayList<>();
    private Status status = Status.RUNNING;
    private Instant stopDate;
    private String output;
    private String error;
    private String cause;
    private int redriveCount;
    private Instant redriveDate;
    /** RedriveExecution's clientTokens and the redriveDate each was answered with (idempotency tokens). */
    private final java.util.Map<String, Instant> redriveTokens = new java.util.LinkedHashMap<>();
    /** Where a redrive goes on (the engine's account of the last run's end), or null. */
    private dev.sfnrun.engine.ResumePoint resumePoint;
    /** Whether the server went away while it ran (kill -9): where it stood is not known, so it cannot be redriven. */
    private boolean cutByServerEnd;
    /** The running engine execution (for StopExecution), null once ended. */
    private Execution execution;
    /** The version and alias ARNs it was started through (StartExecution with a qualified ARN), or null. */
    private volatile String versionArn;
    private volatile String aliasArn;
    /** Counted down each time a run ends. */
    private volatile CountDownLatch ended = new CountDownLatch(1);

    ExecutionRecord(String arn, String name, String stateMachineArn, StateMachineRecord.Revision revision, String input,
                    Instant startDate) {
        this.arn = arn;
        this.name = name;
        this.stateMachineArn = stateMachineArn;
        this.revision = revision;
        this.input = input;
        this.startDate = startDate;
    }

    void qualify(String version, String alias) {
        versionArn = version;
        aliasArn = alias;
    }

    String versionArn() {
        return versionArn;
    }

    String aliasArn() {
        return aliasArn;
    }

    synchronized void add(HistoryEvent event) {
        events.add(event);
    }

    synchronized List<HistoryEvent> events() {
        return List.copyOf(events);
    }

    synchronized int eventCount() {
        return events.size();
    }

    synchronized void attach(Execution running) {
        execution = running;
    }

    synchronized Execution running() {
        return execution;
    }

    synchronized void end(Status end, Instant at, String outputText, String errorName, String causeText) {
        status = end;
        stopDate = at;
        output = outputText;
        error = errorName;
        cause = causeText;
        execution = null;
        ended.countDown();
    }

    /** RedriveExecution: running again, the end of the last run forgotten; {@code clientToken} (or null) kept for retries. */
    synchronized void redriven(Instant at, String clientToken) {
        if (clientToken != null) {
            redriveTokens.put(clientToken, at);
        }
        status = Status.RUNNING;
        stopDate = null;
        error = null;
        cause = null;
        output = null;
        redriveCount++;
        redriveDate = at;
        resumePoint = null;
        ended = new CountDownLatch(1);
    }

    void awaitEnd() throws InterruptedException {
        ended.await();
    }

    synchronized Status status() {
        return status;
    }

    synchronized Instant stopDate() {
        return stopDate;
    }

    synchronized String output() {
        return output;
    }

    synchronized String error() {
        return error;
    }

    synchronized String cause() {
        return cause;
    }

    synchronized dev.sfnrun.engine.ResumePoint resumePoint() {
        return resumePoint;
    }

    synchronized void resumeAt(dev.sfnrun.engine.ResumePoint point) {
        resumePoint = point;
    }

    synchronized boolean cutByServerEnd() {
        return cutByServerEnd;
    }

    synchronized void cutByServerEnd(boolean cut) {
        cutByServerEnd = cut;
    }

    synchronized int redriveCount() {
        return redriveCount;
    }

    synchronized Instant redriveDate() {
        return redriveDate;
    }

    /** The redriveDate a RedriveExecution with this clientToken was answered, or null. */
    synchronized Instant redrivenBy(String clientToken) {
        return clientToken == null ? null : redriveTokens.get(clientToken);
    }

    synchronized java.util.Map<String, Instant> redriveTokens() {
        return java.util.Map.copyOf(redriveTokens);
    }

    /** Restores the counters and tokens of a journal entry. */
    synchronized void restoreRedrives(int count, Instant date, java.util.Map<String, Instant> tokens) {
        redriveCount = count;
        redriveDate = date;
        redriveTokens.putAll(tokens);
    }
}
