package dev.sfnrun.cli;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/** The {@code --s3-root} directory as a path, or one clear usage error (a NUL or another character no path can hold). */
final class S3RootOption {
    private S3RootOption() {
    }

    static Path path(String value) {
        if (value.isEmpty()) {
            throw new UsageError("--s3-root: the directory name is empty");
        }
        if (value.indexOf('\0') >= 0) {
            throw new UsageError("--s3-root: the directory name contains a NUL character");
        }
        try {
            return Path.of(value);
        } catch (InvalidPathException e) {
            throw new UsageError("--s3-root '" + value + "': not a possible path (" + e.getReason() + ")");
        }
    }
}
