package dev.sfnrun.task.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Every worker process this JVM has started and not yet stopped, so that none outlives it: the
 * registries close their workers at the end of a run, and a shutdown hook (Ctrl-C, System.exit)
 * kills whatever is left, with the processes the handlers started, and removes the work files.
 */
final class Reaper {
    private static final Set<Process> LIVE = ConcurrentHashMap.newKeySet();
    private static final List<Path> DIRECTORIES = new ArrayList<>();
    private static boolean hooked;

    private Reaper() {
    }

    static void watch(Process process) {
        hook();
        LIVE.add(process);
    }

    static void forget(Process process) {
        LIVE.remove(process);
    }

    static synchronized void deleteOnExit(Path directory) {
        hook();
        DIRECTORIES.add(directory);
    }

    /** Kills a process and everything it started: its descendants, and the rest of its session (see {@link Sessions}). */
    static void kill(Process process) {
        try {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
        } catch (RuntimeException e) {
            // the process is already gone
        }
        process.destroyForcibly();
        Sessions.members(process.pid()).forEach(ProcessHandle::destroyForcibly);
        LIVE.remove(process);
    }

    /** The worker processes alive now (for tests). */
    static int liveCount() {
        return (int) LIVE.stream().filter(Process::isAlive).count();
    }

    private static synchronized void hook() {
        if (!hooked) {
            hooked = true;
            Runtime.getRuntime().addShutdownHook(new Thread(Reaper::reap, "sfn-run worker reaper"));
        }
    }

    private static void reap() {
        for (Process process : List.copyOf(LIVE)) {
            kill(process);
        }
        List<Path> directories;
        synchronized (Reaper.class) {
            directories = List.copyOf(DIRECTORIES);
        }
        for (Path directory : directories) {
            deleteTree(directory);
        }
    }

    static void deleteTree(Path directory) {
        // another thread may remove the same tree at once (a worker killed by its call and by the run's end):
        // a walk that meets a file removed meanwhile stops (UncheckedIOException), and the next one goes on
        for (int attempt = 0; attempt < 3 && Files.exists(directory); attempt++) {
            try (Stream<Path> paths = Files.walk(directory)) {
                paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                    try {
                        Files.deleteIfExists(path);
                    } catch (IOException e) {
                        // left for the system's temporary-file cleaning
                    }
                });
            } catch (IOException | java.io.UncheckedIOException e) {
                // as above, or walked again
            }
        }
    }
}
