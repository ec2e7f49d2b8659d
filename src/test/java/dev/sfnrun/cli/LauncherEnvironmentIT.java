package dev.sfnrun.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sfnrun.query.Json;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The built executable in the environments people run it in: the C locale (`env -i`, CI containers), a
 * dumb terminal, a Ctrl-C or a CI runner's timeout sending signals.
 */
class LauncherEnvironmentIT {
    @TempDir
    static Path dir;
    static Path executable;

    @BeforeAll
    static void build() throws Exception {
        executable = BuiltExecutable.assemble(dir.resolve("sfn-run"));
    }

    @Test
    void aDumbTerminalGetsNoColour() throws Exception {
        // TERM=dumb still got colour on a terminal
        Path definition = dir.resolve("pass.asl.json");
        Files.writeString(definition, "{\"StartAt\":\"P\",\"States\":{\"P\":{\"Type\":\"Pass\",\"End\":true}}}");
        for (String term : new String[] {"xterm", "dumb"}) {
            // script gives the command a terminal; its typescript (here the output) goes to stdout
            ProcessBuilder builder = new ProcessBuilder("script", "-qec", executable + " " + definition + " --time-scale 0",
                    "/dev/null");
            builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
            builder.environment().put("TERM", term);
            builder.environment().remove("NO_COLOR");
            builder.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
            Path out = dir.resolve("tty-" + term);
            builder.redirectOutput(out.toFile());
            builder.redirectErrorStream(true);
            Process process = builder.start();
            assertTrue(process.waitFor(60, TimeUnit.SECONDS));
            String text = Files.readString(out, StandardCharsets.UTF_8);
            assertTrue(text.contains("SUCCEEDED"), text);
            assertEquals(term.equals("xterm"), text.contains("\u001b["), term + ": " + text);
        }
    }

    @Test
    void nonAsciiArgumentsAndFileNamesSurviveTheCLocale() throws Exception {
        // 'José' ran as 'Jos\uFFFD\uFFFD' with exit 0, and café.asl.json was "not a valid file name"
        Path definition = dir.resolve("café.asl.json");
        Files.writeString(definition, "{\"StartAt\":\"P\",\"States\":{\"P\":{\"Type\":\"Pass\",\"End\":true}}}");
        for (List<String> locale : List.of(List.<String>of(), List.of("LC_ALL=C"), List.of("LANG=POSIX"))) {
            ProcessBuilder builder = new ProcessBuilder(executable.toString(), definition.toString(), "--input-json",
                    "{\"name\":\"José\"}", "--output", "json", "--time-scale", "0");
            builder.environment().clear();
            builder.environment().put("PATH", System.getenv("PATH"));
            builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
            locale.forEach(pair -> builder.environment().put(pair.split("=")[0], pair.split("=")[1]));
            builder.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
            Path out = dir.resolve("out.json");
            builder.redirectOutput(out.toFile());
            builder.redirectError(dir.resolve("err.txt").toFile());
            Process process = builder.start();
            assertTrue(process.waitFor(60, TimeUnit.SECONDS));
            assertEquals(0, process.exitValue(), locale + ": " + Files.readString(dir.resolve("err.txt")));
            assertEquals("{\"name\":\"José\"}", Json.parse(Files.readString(out, StandardCharsets.UTF_8)).get("output").asText(),
                    locale.toString());
        }
    }

    @Test
    void aSecondSignalEndsTheProcessAtOnceWith130() throws Exception {
        // the second signal's halt waited for itself in the exit guard: the process hung after its report
        // (4 tries in 6 with SIGINT and SIGTERM back to back, as GNU timeout sends to a process and its group)
        Path definition = dir.resolve("wait.asl.json");
        Files.writeString(definition, "{\"StartAt\":\"W\",\"States\":{\"W\":{\"Type\":\"Wait\",\"Seconds\":600,\"End\":true}}}");
        for (int round = 0; round < 4; round++) {
            ProcessBuilder builder = new ProcessBuilder(executable.toString(), definition.toString(), "--time-scale", "1",
                    "--output", "json");
            builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
            builder.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
            Path out = dir.resolve("out" + round);
            builder.redirectOutput(out.toFile());
            builder.redirectError(dir.resolve("err" + round).toFile());
            Process process = builder.start();
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (System.nanoTime() < end && process.isAlive() && !started(process)) {
                Thread.sleep(50);
            }
            Thread.sleep(1500); // in the Wait
            new ProcessBuilder("kill", "-INT", Long.toString(process.pid())).start().waitFor();
            new ProcessBuilder("kill", "-TERM", Long.toString(process.pid())).start().waitFor();
            boolean ended = process.waitFor(20, TimeUnit.SECONDS);
            if (!ended) {
                process.destroyForcibly().waitFor();
            }
            assertTrue(ended, "round " + round + ": the process hung after two signals");
            assertTrue(process.exitValue() == 130 || process.exitValue() == 1, "round " + round + ": exit " + process.exitValue());
            if (process.exitValue() == 1) { // the run had ended (ABORTED) before the second signal came
                assertTrue(Files.readString(out).contains("\"status\":\"ABORTED\""), Files.readString(out));
            }
        }
    }

    /** Whether the JVM has started the run: its main thread is past start-up (its CPU time settles). */
    private static boolean started(Process process) {
        return process.info().totalCpuDuration().map(cpu -> cpu.toMillis() > 300).orElse(true);
    }
}
