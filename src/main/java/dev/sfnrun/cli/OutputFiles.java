package dev.sfnrun.cli;

import dev.sfnrun.io.Utf8Writer;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Writing the files the commands produce (pictures, reports); a failure is one line and exit code 2. */
final class OutputFiles {
    private OutputFiles() {
    }

    /** A writing step that may fail. */
    interface Body {
        void write(Writer writer) throws IOException;
    }

    static void write(String name, String text) {
        write(name, writer -> writer.write(text));
    }

    /** Writes {@code name} (a temporary file first, then moved, so a failed write leaves no half file). */
    static void write(String name, Body body) {
        Path path;
        try {
            path = Path.of(name);
        } catch (RuntimeException e) {
            throw new UsageError(name + ": not a valid file name");
        }
        if (Files.isDirectory(path)) {
            throw new UsageError(name + ": is a directory, not a file");
        }
        Path parent = path.toAbsolutePath().getParent();
        Path temp = null;
        try {
            temp = parent.resolve("." + path.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
            Files.deleteIfExists(temp);
            try (Writer writer = new Utf8Writer(new BufferedOutputStream(Files.newOutputStream(temp), 1 << 16))) {
                body.write(writer);
            }
            Files.move(temp, path, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (NoSuchFileException e) {
            throw new UsageError(name + ": cannot write: no such directory");
        } catch (AccessDeniedException e) {
            throw new UsageError(name + ": cannot write: permission denied");
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
