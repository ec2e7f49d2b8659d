package dev.sfnrun.cli;

import dev.sfnrun.io.Utf8Writer;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * Writing the files the commands produce (pictures, reports, JUnit XML, coverage); a failure (no
 * such directory, a full disk) is one line naming the file and exit code 2.
 */
final class OutputFiles {
    private OutputFiles() {
    }

    /**
     * A file a command reads: what it is, for the message ("the definition"), and its name as given (null:
     * none); {@code tree}: a directory whose files are all read (a class directory on {@code --classpath}).
     */
    record Read(String what, String name, boolean tree) {
        Read(String what, String name) {
            this(what, name, false);
        }
    }

    /**
     * Refuses {@code -} for an output that is a file of its own (a report, JUnit XML, coverage): it
     * would be a file named "-", as stdout carries the command's own output. Other names of stdout
     * ({@code /dev/stdout}, {@code /dev/fd/1}, {@code /proc/self/fd/1}) are refused alike: the file would be
     * written into the command's output.
     */
    static void notStdout(String option, String output) {
        if ("-".equals(output) || namesStdout(output)) {
            throw new UsageError(option + " " + output + ": this output is a file of its own (stdout carries the command's"
                    + " output): name a file");
        }
    }

    private static boolean namesStdout(String output) {
        if (output == null || output.isEmpty()) {
            return false;
        }
        String path;
        try {
            path = Path.of(output).toAbsolutePath().normalize().toString();
        } catch (InvalidPathException e) {
            return false;
        }
        return path.equals("/dev/stdout") || path.equals("/dev/fd/1") || path.equals("/proc/self/fd/1")
                || path.equals("/proc/" + ProcessHandle.current().pid() + "/fd/1");
    }

    /**
     * Refuses two outputs given the same file ({@code --junit x --coverage-json x}), by name or, for a file
     * that exists, under another name or through a link: the second would replace the first.
     */
    static void distinct(String option, String output, String otherOption, String other) {
        if (output == null || other == null) {
            return;
        }
        boolean same;
        try {
            Path a = Path.of(output);
            Path b = Path.of(other);
            same = a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize())
                    || Files.exists(a) && Files.exists(b) && Files.isSameFile(a, b);
        } catch (IOException | InvalidPathException e) {
            return; // writing names the problem
        }
        if (same) {
            throw new UsageError(option + " " + output + " and " + otherOption + " " + other + ": the same file; each output"
                    + " needs a file of its own, so nothing was done: name another file");
        }
    }

    /**
     * Refuses, before anything runs, to write {@code output} (given with {@code option}) over a file the
     * command reads, as a compiler refuses {@code -o x.c x.c}: the output would replace the user's
     * definition, input or suite. Only an existing regular file can be replaced, so only that is checked
     * (the same file under another name or through a link too). {@code output} null: nothing to check.
     */
    static void notOver(String option, String output, List<Read> reads) {
        Read read = readAs(output, reads);
        if (read != null) {
            throw new UsageError(option + " " + output + ": " + isRead(read, output) + "; writing there would replace it,"
                    + " so nothing was done: name another file");
        }
    }

    /**
     * The same check for a file {@code option}'s directory {@code dir} would get: refused as
     * {@link #notOver(String, String, List)} refuses, naming the file in the directory.
     */
    static void notOverInDirectory(String option, String dir, String output, List<Read> reads) {
        Read read = readAs(output, reads);
        if (read != null) {
            throw new UsageError(option + " " + dir + ": " + output + " " + isRead(read, output) + "; writing there would"
                    + " replace it, so nothing was done: remove it or name another directory");
        }
    }

    /** "is the definition (d.json)": what {@code output} is among the files read. */
    private static String isRead(Read read, String output) {
        return "is " + (read.tree() && Files.isDirectory(Path.of(read.name())) ? "in " : "") + read.what()
                + (read.name().equals(output) || read.tree() ? "" : " (" + read.name() + ")");
    }

    /** The file read that writing {@code output} would replace (the same file under another name or through a link), or null. */
    private static Read readAs(String output, List<Read> reads) {
        Path out;
        try {
            out = output == null ? null : Path.of(output);
        } catch (InvalidPathException e) {
            return null; // writing it names the problem
        }
        if (out == null || !Files.isRegularFile(out)) {
            return null;
        }
        for (Read read : reads) {
            if (read.name() == null || read.name().equals("-")) {
                continue;
            }
            boolean same;
            try {
                Path in = Path.of(read.name());
                same = read.tree() && Files.isDirectory(in) ? out.toRealPath().startsWith(in.toRealPath())
                        : Files.isSameFile(out, in);
            } catch (IOException | InvalidPathException e) {
                continue; // a file that cannot be read is reported where it is read
            }
            if (same) {
                return read;
            }
        }
        return null;
    }

    /** Makes the directories a new file goes into, as {@code mkdir -p}; a file in the way is named. */
    private static void directories(String name, Path dir) throws IOException {
        for (Path at = dir; at != null; at = at.getParent()) {
            if (Files.exists(at) && !Files.isDirectory(at)) {
                throw new UsageError(name + ": cannot write: " + at + " is not a directory");
            }
        }
        Files.createDirectories(dir);
    }

    /** A writing step that may fail. */
    interface Body {
        void write(Writer writer) throws IOException;
    }

    /** A writing step of bytes that may fail. */
    interface Bytes {
        void write(OutputStream stream) throws IOException;
    }

    static void write(String name, String text) {
        write(name, writer -> writer.write(text));
    }

    /** Writes {@code name} as UTF-8 text (see {@link #writeBytes}). */
    static void write(String name, Body body) {
        writeBytes(name, stream -> {
            try (Writer writer = new Utf8Writer(new BufferedOutputStream(stream, 1 << 16))) {
                body.write(writer);
            }
        });
    }

    /**
     * Writes {@code name}. A regular file (or a new one) is written as a temporary file next to it,
     * then moved into place, so a failed write leaves no half file (and a symbolic link to it stays a
     * link). Anything else that already exists ({@code /dev/null}, {@code /dev/stdout}, a named pipe,
     * {@code /dev/full}) is written into as the shell's {@code >} would, never replaced by a file.
     */
    static void writeBytes(String name, Bytes body) {
        Path path;
        try {
            path = Path.of(name);
        } catch (RuntimeException e) {
            throw new UsageError(name + ": not a valid file name");
        }
        if (Files.isDirectory(path)) {
            throw new UsageError(name + ": is a directory, not a file");
        }
        Path temp = null;
        try {
            if (Files.exists(path) && !Files.isRegularFile(path)) { // a device or a pipe: written into, as it is
                try (OutputStream stream = Files.newOutputStream(path)) {
                    body.write(stream);
                }
                return;
            }
            Path target = Files.exists(path) ? path.toRealPath() : path.toAbsolutePath();
            Path parent = target.getParent();
            if (!Files.isDirectory(parent)) {
                directories(name, parent);
            }
            temp = parent.resolve("." + target.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
            Files.deleteIfExists(temp);
            try (OutputStream stream = Files.newOutputStream(temp)) {
                body.write(stream);
            }
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        } catch (NoSuchFileException e) {
            throw new UsageError(name + ": cannot write: no such directory");
        } catch (AccessDeniedException e) {
            throw new UsageError(name + ": cannot write: permission denied");
        } catch (FileSystemException e) {
            throw new UsageError(name + ": cannot write: " + (e.getReason() == null ? e.toString() : e.getReason()));
        } catch (UsageError e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new UsageError(name + ": cannot write: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // the file was moved, or cannot be removed: nothing more to do
                }
            }
        }
    }
}
