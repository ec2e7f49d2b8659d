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

/** Removing a worker's files, and stopping what its handler started. */
class ReaperTest {
    @TempDir
    Path dir;

    @Test
    void whatAHandlerStartsInTheBackgroundEndsWithTheRun() throws Exception {
        // the shell's `cmd &` outlived the run: its parent shell had exited, so it was no descendant of the worker
        String tag = "sfn-run-reaper-test-" + ProcessHandle.current().pid();
        Path python = HandlerRuns.write(dir, "bg.py", "import os\ndef handler(e, c):\n    os.system(\"nohup bash -c 'sleep 300; true "
                + tag + "' >/dev/null 2>&1 &\")\n    return 'started'\n");
        Path node = HandlerRuns.write(dir, "bg.js", "const { execSync } = require('child_process');\n"
                + "exports.handler = async () => { execSync(\"nohup bash -c 'sleep 300; true " + tag
                + "' >/dev/null 2>&1 &\"); return 'started'; };\n");
        try (dev.sfnrun.task.load.TaskRegistry registry = HandlerRuns.registry(java.util.Map.of(
                "Py", HandlerRuns.python(python, "handler"), "Js", HandlerRuns.node(node, "handler")))) {
            for (String function : new String[] {"Py", "Js"}) {
                dev.sfnrun.engine.ExecutionResult result = HandlerRuns.run(HandlerRuns.task(function), "{}", registry);
                assertTrue(result.output() != null && result.output().toString().contains("started"), function + ": " + result);
            }
            assertTrue(running(tag) >= 2, "the background processes started: " + running(tag)); // and maybe their shells, ending
        }
        for (int i = 0; i < 100 && running(tag) > 0; i++) {
            Thread.sleep(20);
        }
        assertTrue(running(tag) == 0, "left running: " + running(tag));
    }

    private static long running(String tag) {
        return ProcessHandle.allProcesses().filter(p -> p.info().commandLine().orElse("").contains(tag)).count();
    }

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
