package dev.sfnrun.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sfnrun.definition.StateMachine;
import dev.sfnrun.engine.Execution;
import dev.sfnrun.engine.ExecutionOptions;
import dev.sfnrun.engine.ExecutionResult;
import dev.sfnrun.engine.ExecutionType;
import dev.sfnrun.engine.ResumePoint;
import dev.sfnrun.engine.time.Clock;
import dev.sfnrun.error.ErrorNames;
import dev.sfnrun.history.EventType;
import dev.sfnrun.history.ExecutionListener;
import dev.sfnrun.history.HistoryEvent;
import dev.sfnrun.query.Json;
import dev.sfnrun.task.load.TaskRegistry;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs executions on the engine, as the CLI does: Standard ones on threads of their own, their
 * history appended to their {@link ExecutionRecord} as it is written; Express ones of
 * StartSyncExecution on the caller's thread. The HTTP side sees only records.
 */
final class ExecutionService implements AutoCloseable {
    private final Store store;
    private final java.io.PrintStream log;
    private final ServerTasks tasks;
    private final TaskTokens tokens;
    private final double timeScale;
    private final ExecutorService pool;
    private final Object startLock = new Object();
    /** The distributed Map Runs of the executions (ListMapRuns, DescribeMapRun, UpdateMapRun). */
    final MapRuns mapRuns = new MapRuns();
    /** The Standard executions running now. */
    private final java.util.Set<ExecutionRecord> running = java.util.concurrent.ConcurrentHashMap.newKeySet();
    /** Threads taken by Standard executions (started or about to start), at most {@link #maxRunning} for a start. */
    private final AtomicInteger taken = new AtomicInteger();
    private final int maxRunning;

    ExecutionService(Store store, ServerTasks tasks, TaskTokens tokens, double timeScale, java.io.PrintStream log,
                     int maxRunning) {
        this.log = log;
        this.maxRunning = maxRunning;
        this.store = store;
        this.tasks = tasks;
        this.tokens = tokens;
        this.timeScale = timeScale;
        AtomicInteger count = new AtomicInteger();
        this.pool = Executors.newCachedThreadPool(run -> {
            Thread thread = new Thread(run, "sfn-run-execution-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** What StartExecution answers: the execution, and whether it was already running (idempotent call). */
    record Started(ExecutionRecord record, boolean existing) {
    }

    /**
     * Starts a Standard execution, or returns the running one of the same name and input (AWS's
     * idempotency); a closed one or other input is ExecutionAlreadyExists.
     */
    Started start(StateMachineRecord machine, String name, String inputText, JsonNode input, String testCase,
                  String region, String account) {
        return start(QualifiedArns.Target.latest(machine), name, inputText, input, testCase, region, account);
    }

    /** {@link #start} of the revision a version or alias ARN named. */
    Started start(QualifiedArns.Target target, String name, String inputText, JsonNode input, String testCase,
                  String region, String account) {
        StateMachineRecord machine = target.machine();
        StateMachineRecord.Revision revision = target.revision();
        TaskRegistry registry = tasks.registry(machine, revision, testCase);
        String arn = machine.arn.replace(":stateMachine:", ":execution:") + ":" + name;
        ExecutionRecord again = store.execution(arn);
        if (again != null && again.status() == ExecutionRecord.Status.RUNNING && again.input.equals(inputText)) {
            return new Started(again, true); // AWS's idempotency, also when no more executions may start
        }
        // the thread first: an execution is recorded only once it has one to run on (none left: nothing is recorded)
        java.util.concurrent.CompletableFuture<Runnable> work = thread();
        ExecutionRecord record;
        try {
            synchronized (startLock) {
                ExecutionRecord existing = store.execution(arn);
                if (existing != null) {
                    if (existing.status() == ExecutionRecord.Status.RUNNING && existing.input.equals(inputText)) {
                        work.complete(taken::decrementAndGet);
                        return new Started(existing, true);
                    }
                    throw ApiErrors.executionAlreadyExists(arn);
                }
                record = new ExecutionRecord(arn, name, machine.arn, revision, inputText, Instant.now());
                record.qualify(target.versionArn(), target.aliasArn());
                store.saveExecution(record);
            }
        } catch (RuntimeException | Error e) {
            work.complete(taken::decrementAndGet);
            throw e;
        }
        Execution execution = new Execution(revision.model(), input, inputText,
                options(machine, revision, name, ExecutionType.STANDARD, registry, region, account, recording(record)));
        record.attach(execution);
        running.add(record);
        work.complete(() -> finish(record, execution, 0));
        return new Started(record, false);
    }

    /**
     * A thread of the pool, taken now and waiting for its work: ExecutionLimitExceeded when
     * {@link #maxRunning} executions run, or when the system cannot make another thread.
     */
    private java.util.concurrent.CompletableFuture<Runnable> thread() {
        if (taken.incrementAndGet() > maxRunning) {
            taken.decrementAndGet();
            throw ApiErrors.executionLimitExceeded();
        }
        java.util.concurrent.CompletableFuture<Runnable> work = new java.util.concurrent.CompletableFuture<>();
        try {
            pool.execute(() -> work.join().run());
        } catch (OutOfMemoryError | java.util.concurrent.RejectedExecutionException e) { // no thread to be had
            taken.decrementAndGet();
            log.println("sfn-run serve: StartExecution refused, no thread for it: " + e.getMessage());
            throw ApiErrors.executionLimitExceeded();
        }
        return work;
    }

    /** Lets a test make the pool's threads (one that fails as a system out of threads does). */
    void threadFactory(java.util.concurrent.ThreadFactory factory) {
        ((java.util.concurrent.ThreadPoolExecutor) pool).setThreadFactory(factory);
    }

    /** What a running execution's events go to: its record, and the store (a journal keeps them as they come). */
    private ExecutionListener recording(ExecutionRecord record) {
        return event -> {
            record.add(event);
            store.eventAdded(record, event);
        };
    }

    /** An Express execution run to its end on this thread (StartSyncExecution); nothing is kept. */
    ExecutionResult runSync(StateMachineRecord machine, String name, String inputText, JsonNode input, String testCase,
                            String region, String account) {
        return runSync(QualifiedArns.Target.latest(machine), name, inputText, input, testCase, region, account);
    }

    /** {@link #runSync} of the revision a version or alias ARN named. */
    ExecutionResult runSync(QualifiedArns.Target target, String name, String inputText, JsonNode input, String testCase,
                            String region, String account) {
        StateMachineRecord machine = target.machine();
        StateMachineRecord.Revision revision = target.revision();
        TaskRegistry registry = tasks.registry(machine, revision, testCase);
        Execution execution = new Execution(revision.model(), input, inputText,
                options(machine, revision, name, ExecutionType.EXPRESS, registry, region, account, null));
        return execution.run();
    }

    /**
     * RedriveExecution: the engine goes on from {@code point} (its ExecutionRedriven event and the
     * rerun's events follow the record's last event).
     */
    void redrive(ExecutionRecord record, ResumePoint point, String testCase, String region, String account) {
        StateMachineRecord machine = store.stateMachine(record.stateMachineArn);
        StateMachineRecord owner = machine != null ? machine
                : new StateMachineRecord(record.stateMachineArn, record.stateMachineArn.substring(
                        record.stateMachineArn.lastIndexOf(':') + 1), ExecutionType.STANDARD, record.startDate, record.revision);
        TaskRegistry registry = tasks.registry(owner, record.revision, testCase);
        Execution execution = Execution.resume(record.revision.model(), point,
                options(owner, record.revision, record.name, ExecutionType.STANDARD, registry, region, account, recording(record)));
        record.attach(execution);
        running.add(record);
        taken.incrementAndGet(); // a redrive is not refused for the limit: its record has changed already
        pool.execute(() -> finish(record, execution, 0));
    }

    private void finish(ExecutionRecord record, Execution execution, int offset) {
        try {
            ExecutionResult result = execution.run();
            ExecutionRecord.Status status = ExecutionRecord.Status.valueOf(result.status().name());
            record.resumeAt(execution.resumePoint());
            record.end(status, result.stopDate(), result.output() == null ? null : Json.compact(result.output()),
                    result.error(), result.cause()); // a stop's error and cause come with the ABORTED result
        } catch (Throwable t) { // a resource with nothing bound to it, or a fault: the execution fails, the server goes on
            String cause = t.getMessage() == null ? t.toString() : t.getMessage();
            List<HistoryEvent> events = record.events();
            long last = events.isEmpty() ? 0 : events.get(events.size() - 1).id();
            record.add(new HistoryEvent(last + 1, last, Instant.now(), EventType.ExecutionFailed,
                    Map.of("error", ErrorNames.RUNTIME, "cause", cause)));
            record.resumeAt(execution.resumePoint());
            record.end(ExecutionRecord.Status.FAILED, Instant.now(), null, ErrorNames.RUNTIME, cause);
        } finally {
            tokens.forget(record.arn);
            try {
                store.saveExecution(record);
            } catch (JournalStore.JournalException e) {
                // the end is known here, not in the journal: a restart finds the execution ABORTED, as after a crash
                log.println("sfn-run serve: the end of " + record.arn + " was not kept: " + e.getMessage());
            } finally {
                running.remove(record);
                taken.decrementAndGet();
            }
        }
    }

    /** StopExecution: the run ends ABORTED as soon as it can; waits (briefly) until it has. */
    void stop(ExecutionRecord record, String error, String cause) {
        Execution running = record.running();
        if (running == null) {
            return;
        }
        running.stop(error, cause);
        try {
            record.awaitEnd();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private ExecutionOptions options(StateMachineRecord machine, StateMachineRecord.Revision revision, String name,
                                     ExecutionType type, TaskRegistry registry, String region, String account,
                                     ExecutionListener listener) {
        ObjectNode context = Json.object();
        context.putObject("Execution").put("RoleArn", revision.roleArn());
        ExecutionOptions options = ExecutionOptions.defaults()
                .withStateMachineName(machine.name)
                .withExecutionName(name)
                .withType(type)
                .withRegionAndAccount(region, account)
                .withClock(Clock.forScale(timeScale))
                .withTasks(registry)
                .withContextOverrides(context)
                .withRecordHistory(false);
        String executionArn = machine.arn.replace(":stateMachine:", ":execution:") + ":" + name;
        return listener == null ? options : options.withListeners(List.of(mapRuns.watching(listener, executionArn)));
    }

    /** Stops every running execution (ABORTED, as StopExecution would), then the threads. */
    @Override
    public void close() {
        for (ExecutionRecord record : running) {
            Execution execution = record.running();
            if (execution != null) {
                execution.stop("States.Runtime", "The server stopped while the execution was running");
            }
        }
        pool.shutdown();
        try {
            pool.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        pool.shutdownNow();
        try {
            pool.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
