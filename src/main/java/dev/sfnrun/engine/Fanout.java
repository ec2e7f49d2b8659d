package dev.sfnrun.engine;

import dev.sfnrun.engine.time.BranchClock;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sfnrun.definition.MapState;
import dev.sfnrun.definition.ParallelState;
import dev.sfnrun.definition.State;
import dev.sfnrun.definition.TaskState;
import dev.sfnrun.definition.WaitState;
import dev.sfnrun.error.StatesError;
import dev.sfnrun.history.EventType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs the branches of a Parallel state or the iterations of a Map state, at most {@code limit}
 * at a time, and applies AWS's failure rule: the first branch to fail stops the others, whose
 * running states get their {@code ...StateAborted} events, and its error becomes the state's.
 *
 * <p>With a limit of 1 everything runs on the calling thread; otherwise {@code limit} workers of
 * the execution's pool take the next index in turn (announced to the {@link BranchClock}, so that
 * virtual time orders their events as real time would). Results come back in index order whatever
 * order the branches finished in.
 */
public final class Fanout {
    /** One branch or iteration: its output, its events on {@code trail}. */
    public interface Body {
        JsonNode run(int index, Trail trail);
    }

    /** The events a state writes around its branches. */
    public interface Hooks {
        /** Before the branch's first event (Map: MapIterationStarted, moving the trail). */
        void started(int index, Trail trail);

        /** After the branch's last event; returns the id the state's next event follows. */
        long succeeded(int index, Trail trail);

        /** The branch that failed first, whose last event was {@code failingEvent}. */
        void failed(int index, long failingEvent);

        /** A branch stopped because another failed. */
        void aborted(int index, long failingEvent);
    }

    private final Execution execution;

    public Fanout(Execution execution) {
        this.execution = execution;
    }

    /**
     * Runs {@code count} branches from the parent trail's last event. On success the parent
     * trail is moved to the event the state's next event follows; on failure to the failing
     * branch's last event, and the branch's StatesError is thrown.
     */
    public JsonNode[] run(int count, int limit, Trail parent, Body body, Hooks hooks) {
        return runAll(new JsonNode[count], limit, parent, body, hooks);
    }

    /**
     * As {@link #run(int, int, Trail, Body, Hooks)} for the branches whose entry in {@code results}
     * is null (a redrive keeps the others' results and writes no event for them); each branch's
     * result is put in {@code results} as it finishes, also when another fails.
     */
    public JsonNode[] run(JsonNode[] results, int limit, Trail parent, Body body, Hooks hooks) {
        int[] pending = java.util.stream.IntStream.range(0, results.length).filter(i -> results[i] == null).toArray();
        if (pending.length == results.length) {
            return runAll(results, limit, parent, body, hooks);
        }
        JsonNode[] some = new JsonNode[pending.length];
        Hooks mapped = new Hooks() {
            @Override
            public void started(int index, Trail trail) {
                hooks.started(pending[index], trail);
            }

            @Override
            public long succeeded(int index, Trail trail) {
                long end = hooks.succeeded(pending[index], trail);
                results[pending[index]] = some[index];
                return end;
            }

            @Override
            public void failed(int index, long failingEvent) {
                hooks.failed(pending[index], failingEvent);
            }

            @Override
            public void aborted(int index, long failingEvent) {
                hooks.aborted(pending[index], failingEvent);
            }
        };
        runAll(some, limit, parent, (index, trail) -> body.run(pending[index], trail), mapped);
        return results;
    }

    private JsonNode[] runAll(JsonNode[] results, int limit, Trail parent, Body body, Hooks hooks) {
        int count = results.length;
        if (count == 0) {
            return results;
        }
        if (limit <= 1 || count == 1) {
            sequential(results, parent, body, hooks);
        } else {
            new Concurrent(results, Math.min(limit, count), parent, body, hooks).run();
        }
        return results;
    }

    private void sequential(JsonNode[] results, Trail parent, Body body, Hooks hooks) {
        long chain = parent.last();
        long end = chain;
        for (int i = 0; i < results.length; i++) {
            Trail trail = parent.child(chain);
            hooks.started(i, trail);
            try {
                results[i] = body.run(i, trail);
            } catch (StatesError e) {
                long failing = trail.last();
                execution.log().close(List.of(trail));
                hooks.failed(i, failing);
                abortState(trail, failing, true);
                parent.moveTo(failing);
                throw e;
            }
            chain = trail.last();
            end = hooks.succeeded(i, trail);
        }
        parent.moveTo(end);
    }

    /** The ...StateAborted event of the state a stopped branch was in, if it has one. */
    private void abortState(Trail trail, long failing, boolean failedBranch) {
        abortState(trail, failing, failedBranch, false);
    }

    /** {@code runUnderWay}: the branch had a Map Run under way when it was stopped (its flag may be gone since). */
    private void abortState(Trail trail, long failing, boolean failedBranch, boolean runUnderWay) {
        State state = trail.current();
        EventType type = null;
        if (state instanceof TaskState) {
            type = EventType.TaskStateAborted;
        } else if (!failedBranch && state instanceof WaitState) {
            type = EventType.WaitStateAborted;
        } else if (!failedBranch && state instanceof MapState) {
            type = EventType.MapStateAborted;
        } else if (!failedBranch && state instanceof ParallelState) {
            type = EventType.ParallelStateAborted;
        }
        if (type != null) {
            execution.log().appendAfter(failing, type, state.name());
        }
        if (type == EventType.MapStateAborted && (trail.mapRunActive() || runUnderWay)) {
            // the Map Run under way is aborted with its state [the order of the two is not recorded]
            trail.mapRunActive(false);
            execution.log().appendAfter(failing, EventType.MapRunAborted, state.name());
        }
    }

    private final class Concurrent {
        private final JsonNode[] results;
        private final int workers;
        private final Trail parent;
        private final Body body;
        private final Hooks hooks;
        private final long startId;
        private final AtomicInteger next = new AtomicInteger();
        private final Trail[] first;
        /** Where each first trail stood before its branch ran (after the Map's MapIterationStarted). */
        private final long[] firstStart;
        private final Object lock = new Object();
        // guarded by lock
        private final Map<Integer, Trail> running = new TreeMap<>();
        private boolean stopped;
        private int active;
        private int failedIndex = -1;
        private Trail failedTrail;
        private StatesError error;
        /** Every branch that failed, with the id of its last event: the earliest is the one that stops the others. */
        private final List<Failure> failures = new ArrayList<>();
        private Throwable fatal;
        private boolean mainResumed;
        private final java.util.Set<Thread> threads = new java.util.HashSet<>();
        private long end;

        Concurrent(JsonNode[] results, int workers, Trail parent, Body body, Hooks hooks) {
            this.results = results;
            this.workers = workers;
            this.parent = parent;
            this.body = body;
            this.hooks = hooks;
            this.startId = parent.last();
            this.first = new Trail[workers];
            this.firstStart = new long[workers];
            this.end = startId;
        }

        void run() {
            for (int i = 0; i < workers; i++) {
                first[i] = parent.child(startId);
                hooks.started(i, first[i]);
                firstStart[i] = first[i].last();
            }
            BranchClock clock = execution.clock();
            ExecutorService pool = execution.pool();
            synchronized (lock) {
                active = workers;
            }
            for (int w = 0; w < workers; w++) {
                clock.fork();
                pool.execute(this::work);
            }
            clock.release();
            synchronized (lock) {
                try {
                    while (!stopped && active > 0) {
                        lock.wait();
                    }
                } catch (InterruptedException e) {
                    stopped = true;
                    resumeMain();
                    interruptWorkers();
                    execution.log().close(new ArrayList<>(running.values()));
                    throw new BranchAborted();
                }
            }
            if (fatal != null || error != null) {
                // which stopped branches have a Map Run under way is read before they are interrupted:
                // an interrupted Map ends its run's flag on its own thread, racing with fail()
                Set<Trail> runsUnderWay = new HashSet<>();
                synchronized (lock) {
                    running.values().stream().filter(Trail::mapRunActive).forEach(runsUnderWay::add);
                }
                interruptWorkers();
                awaitWorkersEnded();
                fail(runsUnderWay);
            }
            parent.moveTo(end);
        }

        /** A branch that failed: its index, trail and error, and the id of the last event it wrote. */
        private record Failure(int index, Trail trail, StatesError error, long at) {
        }

        /**
         * After a failure stopped the branches: waits (at most 0.2 s) until every worker has ended, so that
         * each branch that failed at the same moment has said so and the earliest failure in the
         * history is the one reported, whichever thread got there first.
         */
        private void awaitWorkersEnded() {
            long deadline = System.nanoTime() + 200_000_000L; // task code deaf to interrupts only delays the failure
            synchronized (lock) {
                try {
                    for (long left = deadline - System.nanoTime(); active > 0 && left > 0; left = deadline - System.nanoTime()) {
                        lock.wait(Math.max(1, left / 1_000_000));
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }

        /** Interrupts the workers still running (blocked task code, waits); the others stop at their next item. */
        private void interruptWorkers() {
            synchronized (lock) {
                threads.forEach(Thread::interrupt);
            }
        }

        /** Counts the waiting thread as running again, once; called with the lock held by whoever ends its wait. */
        private void resumeMain() {
            if (!mainResumed) {
                mainResumed = true;
                execution.clock().resume();
            }
        }

        private void work() {
            synchronized (lock) {
                threads.add(Thread.currentThread());
            }
            try {
                loop();
            } finally {
                synchronized (lock) {
                    threads.remove(Thread.currentThread());
                    active--;
                    if (active == 0) {
                        resumeMain();
                    }
                    lock.notifyAll();
                }
                execution.clock().exit();
            }
        }

        private void loop() {
            while (true) {
                int i = next.getAndIncrement();
                if (i >= results.length) {
                    return;
                }
                Trail trail;
                synchronized (lock) {
                    if (stopped) {
                        return;
                    }
                    trail = i < workers ? first[i] : parent.child(startId);
                    running.put(i, trail);
                }
                try {
                    if (i >= workers) {
                        hooks.started(i, trail);
                    }
                    JsonNode result = body.run(i, trail);
                    // its success event and leaving "running" are one step against a sibling's failure: a branch
                    // is either succeeded or aborted, never both (a failure between the two aborted it again)
                    synchronized (lock) {
                        if (stopped) {
                            return; // stopped first: aborted with the others
                        }
                        long done = hooks.succeeded(i, trail);
                        results[i] = result; // kept (for a redrive) only when it counts as succeeded
                        running.remove(i);
                        end = Math.max(end, done);
                    }
                } catch (StatesError e) {
                    synchronized (lock) {
                        failures.add(new Failure(i, trail, e, trail.last()));
                    }
                    awaitSiblingsBegun(i);
                    synchronized (lock) {
                        if (!stopped) {
                            stopped = true;
                            failedIndex = i;
                            failedTrail = trail;
                            error = e;
                            running.remove(i);
                            execution.log().close(allTrails());
                            resumeMain();
                            lock.notifyAll();
                        }
                    }
                    return;
                } catch (BranchAborted e) {
                    return;
                } catch (RuntimeException | Error e) {
                    synchronized (lock) {
                        if (!stopped) {
                            stopped = true;
                            fatal = e;
                            execution.log().close(allTrails());
                            resumeMain();
                            lock.notifyAll();
                        }
                    }
                    return;
                }
            }
        }

        /**
         * Before a failure stops the others: waits until every branch that started with this one
         * has written its first event (on AWS they start together, so a sibling is in its first
         * state when one fails at once), then the history does not depend on which thread ran
         * first. Bounded, in case a sibling is still queued for a thread of the pool.
         */
        private void awaitSiblingsBegun(int failing) {
            long deadline = System.nanoTime() + 1_000_000_000L;
            for (int j = 0; j < workers; j++) {
                while (j != failing && first[j].last() == firstStart[j] && System.nanoTime() - deadline < 0) {
                    synchronized (lock) {
                        if (stopped) {
                            return;
                        }
                    }
                    Thread.onSpinWait();
                    Thread.yield();
                }
            }
        }

        private List<Trail> allTrails() {
            List<Trail> trails = new ArrayList<>(running.values());
            if (failedTrail != null) {
                trails.add(failedTrail);
            }
            return trails;
        }

        /** After the first failure: the failure and abort events, then the error. */
        private void fail(Set<Trail> runsUnderWay) {
            List<Map.Entry<Integer, Trail>> stoppedBranches;
            synchronized (lock) {
                stoppedBranches = new ArrayList<>(running.entrySet());
            }
            if (fatal != null) {
                if (fatal instanceof RuntimeException r) {
                    throw r;
                }
                throw (Error) fatal;
            }
            synchronized (lock) { // the earliest failure in the history stops the others (by branch, if at once)
                Failure earliest = failures.stream().min(java.util.Comparator.comparingLong(Failure::at)
                        .thenComparingInt(Failure::index)).orElseThrow();
                if (earliest.index() != failedIndex) {
                    stoppedBranches.removeIf(branch -> branch.getKey() == earliest.index());
                    stoppedBranches.add(Map.entry(failedIndex, failedTrail));
                    stoppedBranches.sort(Map.Entry.comparingByKey());
                    failedIndex = earliest.index();
                    failedTrail = earliest.trail();
                    error = earliest.error();
                }
            }
            long failing = failedTrail.last();
            hooks.failed(failedIndex, failing);
            abortState(failedTrail, failing, true);
            for (Map.Entry<Integer, Trail> branch : stoppedBranches) {
                hooks.aborted(branch.getKey(), failing);
                abortState(branch.getValue(), failing, false, runsUnderWay.contains(branch.getValue()));
            }
            parent.moveTo(failing);
            throw error;
        }
    }
}
