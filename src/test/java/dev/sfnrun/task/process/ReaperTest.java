package dev.sfnrun.task.process;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Removing a worker's files. */
class ReaperTest {
    @TempDir
    Path dir;

    @Test
    void aTreeRemovedTwiceAtOnceIsRemovedWithoutAFailure() throws Exception {
        // a worker is killed by its call (interrupted) and by the run's end at the same time: both remove its files
        for (int round = 0; round < 20; round++) {
            Path tree = Files.createDirectories(dir.resolve("w" + round).resolve("inner"));
            for (int i = 0; i < 100; i++) {
                Files.writeString(tree.resolve("f" + i), "x");
                Files.writeString(tree.getParent().resolve("g" + i), "y");
            }
            AtomicReference<Throwable> failure = new AtomicReference<>();
            CountDownLatch go = new CountDownLatch(1);
            List<Thread> threads = new ArrayList<>();
            for (int t = 0; t < 3; t++) {
                Thread thread = new Thread(() -> {
                    try {
                        go.await();
                        Reaper.deleteTree(tree.getParent());
                    } catch (Throwable e) {
                        failure.compareAndSet(null, e);
                    }
                });
                thread.start();
                threads.add(thread);
            }
            go.countDown();
            for (Thread thread : threads) {
                thread.join();
            }
            assertTrue(failure.get() == null, "round " + round + ": " + failure.get());
            assertFalse(Files.exists(tree.getParent()));
        }
    }
}
