package dev.sfnrun.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ListenerThreadTest {
    private static HistoryEvent event(long id) {
        return new HistoryEvent(id, id - 1, Instant.EPOCH, EventType.PassStateEntered, Map.of());
    }

    @Test
    void everythingHandedOverIsDeliveredInOrderOnTheListenersOwnThreadBeforeCloseReturns() {
        List<Long> ids = new ArrayList<>();
        List<String> threads = new ArrayList<>();
        List<Decision.Kind> decisions = new ArrayList<>();
        ExecutionListener target = new ExecutionListener() {
            @Override
            public void onEvent(HistoryEvent event) {
                ids.add(event.id());
                threads.add(Thread.currentThread().getName());
            }

            @Override
            public void onDecision(Decision decision) {
                decisions.add(decision.kind());
            }
        };
        ListenerThread thread = new ListenerThread(target, "test listener", () -> { });
        for (long id = 1; id <= 10_000; id++) { // more than the backlog: the caller waits now and then
            thread.onEvent(event(id));
            if (id == 5_000) {
                thread.onDecision(new Decision(null, Decision.Kind.END, -1, null, null, null));
            }
        }
        thread.close();
        assertEquals(10_000, ids.size());
        for (int i = 0; i < ids.size(); i++) {
            assertEquals(i + 1, ids.get(i));
        }
        assertEquals(List.of(Decision.Kind.END), decisions);
        assertTrue(threads.stream().allMatch("test listener"::equals));
        thread.onEvent(event(10_001)); // after close: ignored
        assertEquals(10_000, ids.size());
    }

    @Test
    void theIdleActionRunsOnceTheListenerHasCaughtUp() throws Exception {
        CountDownLatch idle = new CountDownLatch(1);
        AtomicInteger seen = new AtomicInteger();
        AtomicInteger seenWhenIdle = new AtomicInteger(-1);
        ListenerThread thread = new ListenerThread(event -> seen.incrementAndGet(), "test listener", () -> {
            seenWhenIdle.compareAndSet(-1, seen.get());
            idle.countDown();
        });
        for (long id = 1; id <= 3; id++) {
            thread.onEvent(event(id));
        }
        assertTrue(idle.await(10, TimeUnit.SECONDS), "a printer flushes while the run goes on, not only at the end");
        thread.close();
        assertTrue(seenWhenIdle.get() >= 1);
        assertEquals(3, seen.get());
    }

    @Test
    void aNappingHandoffDeliversAnItemHandedOverDuringItsNapOrInItsSleepWithoutWaitingForClose() throws Exception {
        java.util.concurrent.BlockingQueue<Long> delivered = new java.util.concurrent.LinkedBlockingQueue<>();
        Handoff<Long> thread = Handoff.napping(delivered::add, "test handoff", () -> { });
        thread.handOver(1L);
        assertEquals(1L, delivered.poll(10, TimeUnit.SECONDS));
        thread.handOver(2L); // most likely during the nap that follows
        assertEquals(2L, delivered.poll(10, TimeUnit.SECONDS));
        Thread.sleep(20 * Handoff.NAP_MILLIS); // asleep until woken by now
        long handedOver = System.nanoTime();
        thread.handOver(3L);
        assertEquals(3L, delivered.poll(10, TimeUnit.SECONDS), "the sleeping thread is woken by the next item");
        assertTrue(System.nanoTime() - handedOver < TimeUnit.SECONDS.toNanos(5));
        thread.close();
    }

    @Test
    void whatTheListenerThrowsIsThrownByCloseAndTheCallerIsNeverBlocked() {
        OutOfMemoryError boom = new OutOfMemoryError("Java heap space");
        ListenerThread thread = new ListenerThread(event -> {
            throw boom;
        }, "test listener", () -> { });
        for (long id = 1; id <= 10_000; id++) { // far past the backlog: a dead listener does not block the run
            thread.onEvent(event(id));
        }
        assertSame(boom, assertThrows(OutOfMemoryError.class, thread::close));
    }

    @Test
    void anInterruptedCallerWaitingForRoomStillHandsItsEventOverAndKeepsItsInterrupt() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        List<Long> ids = new java.util.concurrent.CopyOnWriteArrayList<>();
        ListenerThread thread = new ListenerThread(event -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            ids.add(event.id());
        }, "test listener", () -> { });
        boolean[] interrupted = {false};
        Thread caller = new Thread(() -> {
            // three backlogs' worth: the listener holds one batch at most, so the caller must wait for room
            for (long id = 1; id <= 3L * Handoff.BACKLOG; id++) {
                thread.onEvent(event(id));
            }
            interrupted[0] = Thread.currentThread().isInterrupted();
        });
        caller.start();
        while (caller.getState() != Thread.State.WAITING && caller.isAlive()) {
            Thread.sleep(5); // until the caller waits for room
        }
        assertTrue(caller.isAlive(), "the caller waits while the listener is stuck");
        caller.interrupt();
        caller.join(10_000);
        release.countDown();
        thread.close();
        assertTrue(interrupted[0], "the interrupt is kept for the caller (a stopped branch)");
        assertEquals(3L * Handoff.BACKLOG, ids.size(), "everything handed over is delivered");
    }
}
