package dev.sfnrun.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** The process tests' copy of the executable as `make build` makes it: the launcher script followed by the shaded jar. */
public final class BuiltExecutable {
    private BuiltExecutable() {
    }

    /** Writes the executable to {@code file} and makes it executable; returns {@code file}. */
    public static Path assemble(Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(Files.readAllBytes(Path.of("src/main/launcher/sfn-run.sh")));
            out.write(Files.readAllBytes(Path.of("target/sfn-run-all.jar")));
        }
        if (!file.toFile().setExecutable(true)) {
            throw new IOException("cannot make " + file + " executable");
        }
        return file;
    }
}
