package dev.sfnrun.cli;

import dev.sfnrun.io.Utf8Writer;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writing the files the commands produce (pictures, reports, JUnit XML, coverage); a failure (no
 * such directory, a full disk) is one line naming the file and exit code 2.
 */
final class OutputFiles {
    private OutputFiles() {
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
            temp = target.getParent().resolve("." + target.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
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
