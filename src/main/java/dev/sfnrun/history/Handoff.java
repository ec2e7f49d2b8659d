package dev.sfnrun.history;

import dev.sfnrun.error.Rethrow;
import java.util.ArrayList;
import java.util.function.Consumer;

/**
 * Hands items from the threads that make them to one thread of its own, which gets them one at a
 * time and in the order they were handed over: a slow consumer (a history printer, a report's
 * recorder) then costs the producers little on a machine with more than one core. At most
 * {@link #BACKLOG} items wait; beyond that the producer waits, so memory stays bounded.
 * {@link #close} waits until everything handed over has been delivered; only then may the
 * consumer's results be read.
 *
 * <p>Waking a thread costs the one who wakes it a system call. A consumer that may lag a little (a
 * report's recorder) is therefore not woken for every item: {@link #napping} makes a thread that,
 * once caught up, naps {@link #NAP_MILLIS} and takes what came meanwhile, and only when a nap brought
 * nothing sleeps until woken, by the next item. A busy run then hands over in batches of hundreds
 * instead of one by one (a 25,000-event run spent ~60 ms waking its recorder, ~15 ms so). A history
 * printer is woken at once: what it prints is the history so far, also when task code ends the process.
 */
public final class Handoff<T> implements AutoCloseable {
    /** Items handed over and not yet delivered, at most. */
    static final int BACKLOG = 2_048;
    /** Items waiting at which the thread is woken from its nap without waiting for its end. */
    static final int WAKE = 512;
    /** How long a {@link #napping} thread, caught up, waits for more before it sleeps until woken. */
    static final long NAP_MILLIS = 10;

    private final long napMillis;
    private final Consumer<? super T> target;
    private final Runnable whenIdle;
    private final Thread thread;
    private final Object lock = new Object();
    private ArrayList<T> pending = new ArrayList<>();
    private ArrayList<T> spare = new ArrayList<>();
    private boolean closing;
    /** Whether the thread sleeps until woken (it has caught up, and a nap brought nothing). */
    private boolean asleep;
    /** What stopped the delivering thread, if anything did (it then delivers no more). */
    private volatile Throwable failure;

    /**
     * Starts delivering to {@code target} on a daemon thread named {@code name}. {@code whenIdle}
     * runs on that thread whenever it has delivered everything handed over so far (a printer
     * flushes there: what it printed is shown while the execution goes on).
     */
    public Handoff(Consumer<? super T> target, String name, Runnable whenIdle) {
        this(target, name, whenIdle, 0);
    }

    private Handoff(Consumer<? super T> target, String name, Runnable whenIdle, long napMillis) {
        this.napMillis = napMillis;
        this.target = target;
        this.whenIdle = whenIdle;
        thread = new Thread(this::deliver, name);
        thread.setDaemon(true);
        thread.start();
    }

    /** Like the constructor, but the thread naps once it has caught up and is woken only from its sleep. */
    public static <T> Handoff<T> napping(Consumer<? super T> target, String name, Runnable whenIdle) {
        return new Handoff<>(target, name, whenIdle, NAP_MILLIS);
    }

    /** Hands {@code item} over (ignored after {@link #close} or once the consumer has failed). */
    public void handOver(T item) {
        synchronized (lock) {
            while (pending.size() >= BACKLOG && failure == null && !closing) {
                try {
                    lock.wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt(); // a stopped branch: its last item is still delivered
                    break;
                }
            }
            if (failure != null || closing) {
                return;
            }
            pending.add(item);
            int waiting = pending.size();
            if ((waiting == 1 && asleep) || waiting == WAKE) {
                lock.notifyAll(); // a napping thread wakes by itself
            }
        }
    }

    /**
     * Waits until everything handed over is delivered (and {@code whenIdle} has run after it), then
     * ends the thread. What the consumer threw is thrown here, so a history that could not be
     * printed or recorded is not taken for a success. Later hand-overs are ignored.
     */
    @Override
    public void close() {
        synchronized (lock) {
            closing = true;
            lock.notifyAll();
        }
        boolean interrupted = false;
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        Rethrow.ifAny(failure);
    }

    /** The delivering thread: takes what has come, delivers it, runs {@code whenIdle} when it has caught up. */
    private void deliver() {
        try {
            boolean idle = true;
            for (;;) {
                ArrayList<T> batch = null;
                synchronized (lock) {
                    if (!pending.isEmpty()) {
                        batch = pending;
                        pending = spare;
                        lock.notifyAll(); // room again for a waiting producer
                    } else if (closing && idle) {
                        break;
                    } else if (idle) {
                        if (napMillis > 0) {
                            lock.wait(napMillis);
                        }
                        if (pending.isEmpty() && !closing) {
                            asleep = true;
                            try {
                                lock.wait();
                            } finally {
                                asleep = false;
                            }
                        }
                        continue;
                    }
                }
                if (batch == null) { // caught up
                    whenIdle.run();
                    idle = true;
                    continue;
                }
                for (T item : batch) {
                    target.accept(item);
                }
                batch.clear();
                synchronized (lock) {
                    spare = batch;
                }
                idle = false;
            }
        } catch (Throwable t) {
            failure = t;
            synchronized (lock) {
                pending.clear();
                lock.notifyAll();
            }
        }
    }
}
