package dev.sfnrun.task.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Each worker in a session of its own ({@code setsid}, where the system has it), so that what a
 * handler starts in the background ({@code os.system("cmd &")}), whose parent shell has already
 * exited and which is no longer a descendant of the worker, can still be found and stopped with
 * it: every process whose session is the worker's ({@code /proc/PID/stat}). A process that makes a
 * session of its own (a daemon's double fork and {@code setsid}) leaves on purpose, and is left.
 */
final class Sessions {
    private static final Path SETSID = Stream.of("/usr/bin/setsid", "/bin/setsid").map(Path::of)
            .filter(Files::isExecutable).findFirst().orElse(null);
    private static final Path PROC = Path.of("/proc");

    private Sessions() {
    }

    /**
     * The command run in a new session (pid = session id), or as given when the system has no setsid
     * or the program cannot be found (so that starting it fails with its own name, not setsid's).
     */
    static List<String> own(List<String> command) {
        if (SETSID == null || !Files.isDirectory(PROC.resolve("self")) || !found(command.get(0))) {
            return command;
        }
        List<String> wrapped = new ArrayList<>(command.size() + 1);
        wrapped.add(SETSID.toString());
        wrapped.addAll(command);
        return wrapped;
    }

    private static boolean found(String program) {
        try {
            if (program.contains("/")) {
                return Files.isExecutable(Path.of(program));
            }
            String path = System.getenv("PATH");
            return path != null && Stream.of(path.split(java.io.File.pathSeparator))
                    .anyMatch(dir -> !dir.isEmpty() && Files.isExecutable(Path.of(dir, program)));
        } catch (RuntimeException e) { // a name no path can hold
            return false;
        }
    }

    /** The processes of the session {@code leader} led, other than the leader (none when /proc cannot tell). */
    static List<ProcessHandle> members(long leader) {
        List<ProcessHandle> members = new ArrayList<>();
        try (Stream<Path> entries = Files.list(PROC)) {
            entries.forEach(entry -> {
                String name = entry.getFileName().toString();
                if (!name.isEmpty() && Character.isDigit(name.charAt(0)) && !name.equals(String.valueOf(leader))
                        && session(entry) == leader) {
                    ProcessHandle.of(Long.parseLong(name)).ifPresent(members::add);
                }
            });
        } catch (IOException | RuntimeException e) {
            // no /proc: the descendants are all that can be found
        }
        return members;
    }

    /** The session id in /proc/PID/stat ("pid (comm) state ppid pgrp session ..."; comm may hold spaces), or -1. */
    private static long session(Path process) {
        try {
            String stat = Files.readString(process.resolve("stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ", 5);
            return Long.parseLong(fields[3]);
        } catch (IOException | RuntimeException e) {
            return -1; // ended meanwhile
        }
    }
}
