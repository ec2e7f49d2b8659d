package dev.sfnrun.engine.time;

import java.time.Duration;
import java.time.Instant;
import java.util.PriorityQueue;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The execution's clock as seen by all of its threads (the main one, Parallel branches, Map
 * iterations, distributed Map children).
 *
 * <p>Over a real (scaled) clock it is that clock. Over a {@link VirtualClock} it is a small
 * discrete-event scheduler, so that virtual time gives the same order of events as real time
 * would: a thread that sleeps is parked until every other thread of the execution is parked or
 * finished and its wake-up time is the earliest; time then jumps to it. So a branch waiting 10
 * seconds is still waiting when its sibling fails at once, as on AWS. Threads blocked in task code
 * count as running: virtual time does not pass while real work is under way.
 *
 * <p>Every thread that takes part must be announced: {@link #fork()} before handing work to a new
 * thread, {@link #exit()} when that thread is done, and {@link #release()}/{@link #resume()} around
 * a wait for other threads.
 */
public final class BranchClock implements Clock {
    private final Clock base;
    private final Scheduler scheduler;

    public BranchClock(Clock base) {
        if (base instanceof BranchClock parent) {
            this.base = parent.base;
            this.scheduler = parent.scheduler;
        } else if (base instanceof VirtualClock virtual) {
            this.base = virtual;
            this.scheduler = new Scheduler(virtual);
        } else {
            this.base = base;
            this.scheduler = null;
        }
    }

    @Override
    public Instant now() {
        return base.now();
    }

    @Override
    public void sleep(Duration duration) throws InterruptedException {
        if (scheduler == null) {
            base.sleep(duration);
        } else {
            scheduler.sleep(duration);
        }
    }

    @Override
    public Duration toReal(Duration duration) {
        return base.toReal(duration);
    }

    @Override
    public void elapsed(Instant since, Duration real) {
        base.elapsed(since, real);
    }

    @Override
    public void reached(Instant at) {
        base.reached(at);
    }

    public boolean isVirtual() {
        return scheduler != null;
    }

    /** Announces a thread about to be started for this execution (call on the starting thread). */
    public void fork() {
        if (scheduler != null) {
            scheduler.enter();
        }
    }

    /** The calling thread, announced by {@link #fork()}, is done. */
    public void exit() {
        if (scheduler != null) {
            scheduler.leave();
        }
    }

    /**
     * The calling thread is about to wait for other threads of the execution and should not hold
     * virtual time back meanwhile. Whoever ends the wait calls {@link #resume()} for it, before
     * its own {@link #exit()}, so that no time passes between the two.
     */
    public void release() {
        if (scheduler != null) {
            scheduler.leave();
        }
    }

    /** Counts a released thread as running again (see {@link #release()}). */
    public void resume() {
        if (scheduler != null) {
            scheduler.enter();
        }
    }

    /**
     * Virtual time's scheduler. A sleeper waits on a condition of its own and is woken only when it
     * may go (no thread of the execution runs and its wake-up is the earliest): waking every
     * sleeper at each change made nested Maps with thousands of waiting iterations spend their
     * time in the kernel (a 60 × 60 Map of Waits: 41 s, mostly system time).
     */
    private static final class Scheduler {
        private final VirtualClock clock;
        private final ReentrantLock lock = new ReentrantLock();
        private final PriorityQueue<Sleeper> sleepers = new PriorityQueue<>();
        private int running = 1;
        private long sequence;

        Scheduler(VirtualClock clock) {
            this.clock = clock;
        }

        void enter() {
            lock.lock();
            try {
                running++;
            } finally {
                lock.unlock();
            }
        }

        void leave() {
            lock.lock();
            try {
                running--;
                wakeNext();
            } finally {
                lock.unlock();
            }
        }

        void sleep(Duration duration) throws InterruptedException {
            lock.lock();
            try {
                Sleeper me = new Sleeper(clock.now().plus(duration), sequence++, lock.newCondition());
                sleepers.add(me);
                running--;
                wakeNext();
                try {
                    while (running > 0 || sleepers.peek() != me) {
                        me.turn.await();
                    }
                } catch (InterruptedException e) {
                    sleepers.remove(me);
                    running++;
                    throw e;
                }
                sleepers.poll();
                Duration ahead = Duration.between(clock.now(), me.wake);
                if (!ahead.isNegative()) {
                    clock.sleep(ahead);
                }
                running++;
            } finally {
                lock.unlock();
            }
        }

        /** When no thread runs, the earliest sleeper's turn has come (under the lock). */
        private void wakeNext() {
            if (running == 0 && !sleepers.isEmpty()) {
                sleepers.peek().turn.signal();
            }
        }

        private record Sleeper(Instant wake, long order, Condition turn) implements Comparable<Sleeper> {
            @Override
            public int compareTo(Sleeper other) {
                int byTime = wake.compareTo(other.wake);
                return byTime != 0 ? byTime : Long.compare(order, other.order);
            }
        }
    }
}
