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

/** The built executable in the environments people run it in: the C locale (`env -i`, CI containers), a dumb terminal. */
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
}
