package dev.sfnrun.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * sfn-run as a real process, started as the launcher starts it (the same JVM options that
 * matter: the exit guard's security manager, the thread stack size), with the test classes on
 * the class path: its exit code, stdout, stderr and how long it took.
 */
record HostileProcess(int code, String out, String err, long millis) {
    /** Starts sfn-run with {@code args}, stdout to {@code stdout} (null: a file in {@code dir}). */
    static HostileProcess run(Path dir, Path stdout, long boundSeconds, String... args) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Djava.security.manager=allow", "--add-opens=java.base/java.lang=ALL-UNNAMED", "-Xss4m", "-Xmx256m",
                "-cp", System.getProperty("java.class.path"), SfnRun.class.getName()));
        command.addAll(List.of(args));
        Path out = stdout != null ? stdout : Files.createTempFile(dir, "out", ".txt");
        Path err = Files.createTempFile(dir, "err", ".txt");
        long start = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectInput(new File("/dev/null"))
                .redirectError(err.toFile()).redirectOutput(out.toFile()).start();
        boolean exited = process.waitFor(boundSeconds, TimeUnit.SECONDS);
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        if (!exited) {
            process.destroyForcibly().waitFor();
        }
        assertTrue(exited, "sfn-run did not end within " + boundSeconds + " s: " + String.join(" ", args));
        String outText = out.toString().startsWith("/dev/") ? "" : Files.readString(out);
        return new HostileProcess(process.exitValue(), outText, Files.readString(err), millis);
    }

    /** Exit code {@code code} and exactly one line on stderr, starting "sfn-run: " and containing each of {@code parts}. */
    HostileProcess assertOneLine(int expectedCode, String... parts) {
        assertEquals(expectedCode, code, "exit code; stderr: " + err + " stdout: " + out);
        String line = err.stripTrailing();
        assertTrue(line.startsWith("sfn-run: ") && !line.contains("\n"), "not one line: " + err);
        for (String part : parts) {
            assertTrue(line.contains(part), "'" + part + "' not in: " + line);
        }
        return this;
    }
}
