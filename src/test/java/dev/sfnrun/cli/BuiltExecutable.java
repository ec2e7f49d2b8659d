package dev.sfnrun.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

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

    /** How a run of the executable ended: its exit code, standard output and standard error. */
    public record Result(int exit, String out, String err) {
    }

    /** Runs {@code executable} with {@code args} (standard input empty) and waits up to 60 s for it. */
    public static Result run(Path executable, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(executable.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        Process process = builder.start();
        byte[] out = process.getInputStream().readAllBytes();
        byte[] err = process.getErrorStream().readAllBytes();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS));
        return new Result(process.exitValue(), new String(out, StandardCharsets.UTF_8), new String(err, StandardCharsets.UTF_8));
    }
}
