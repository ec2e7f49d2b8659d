package dev.sfnrun.task.process;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The worker scripts shipped in the jar ({@code bootstrap.py}, {@code bootstrap.cjs}), copied once
 * per JVM into a private temporary directory that also holds each worker's socket and log file.
 * The directory is removed when the JVM ends ({@link Reaper}).
 */
final class Bootstraps {
    private static Path root;

    private Bootstraps() {
    }

    /** The directory of this JVM's worker files, made on first use. */
    static synchronized Path root() {
        if (root == null) {
            try {
                Path dir = Files.createTempDirectory("sfn-run-");
                for (String name : new String[] {"bootstrap.py", "bootstrap.cjs"}) {
                    try (InputStream in = Bootstraps.class.getResourceAsStream(name)) {
                        if (in == null) {
                            throw new IOException("the jar has no " + name);
                        }
                        Files.copy(in, dir.resolve(name), StandardCopyOption.REPLACE_EXISTING);
                    }
                }
                Reaper.deleteOnExit(dir);
                root = dir;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot prepare the handler workers' directory: " + e.getMessage(), e);
            }
        }
        return root;
    }

    /** The bootstrap script for {@code language}. */
    static Path script(HandlerSpec.Language language) {
        return root().resolve(language == HandlerSpec.Language.PYTHON ? "bootstrap.py" : "bootstrap.cjs");
    }
}
