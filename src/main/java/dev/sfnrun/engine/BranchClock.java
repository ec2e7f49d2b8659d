package dev.sfnrun.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * The execution's clock, with per-branch virtual time: over a {@link VirtualClock}, each Parallel
 * branch or Map worker runs on a clock of its own, forked at the state's start, so that branches
 * waiting concurrently do not add up their waits; the state then ends at the latest branch's time.
 * Over a real (scaled) clock, branches share real time and nothing is forked.
 */
final class BranchClock implements Clock {
    private final Clock base;
    private final ThreadLocal<VirtualClock> own = new ThreadLocal<>();

    BranchClock(Clock base) {
        this.base = base;
    }

    private Clock current() {
        VirtualClock clock = own.get();
        return clock != null ? clock : base;
    }

    @Override
    public Instant now() {
        return current().now();
    }

    @Override
    public void sleep(Duration duration) throws InterruptedException {
        current().sleep(duration);
    }

    /** True over a virtual clock, also when this clock runs a child execution of a virtual one. */
    boolean isVirtual() {
        return base instanceof VirtualClock || (base instanceof BranchClock branch && branch.isVirtual());
    }

    /** Runs {@code body} on this thread with its own virtual time starting at {@code start}. */
    <T> T runForked(Instant start, Supplier<T> body) {
        if (!isVirtual()) {
            return body.get();
        }
        VirtualClock previous = own.get();
        own.set(new VirtualClock(start));
        try {
            return body.get();
        } finally {
            if (previous == null) {
                own.remove();
            } else {
                own.set(previous);
            }
        }
    }

    /** Moves this thread's virtual time forward to {@code time} (after the branches of a state ended). */
    void advanceTo(Instant time) {
        if (!isVirtual() || time == null) {
            return;
        }
        Duration ahead = Duration.between(now(), time);
        if (!ahead.isNegative() && !ahead.isZero()) {
            try {
                current().sleep(ahead);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
