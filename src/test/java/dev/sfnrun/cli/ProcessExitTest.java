package dev.sfnrun.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** As a real process: task code that ignores interruption does not keep sfn-run alive after a timeout. */
class ProcessExitTest {
    @Test
    void theCommandExitsAlthoughTheTimedOutTaskKeepsRunning(@TempDir Path dir) throws Exception {
        Path definition = dir.resolve("stuck.asl.json");
        Files.writeString(definition, """
                {"StartAt": "Stuck", "States": {"Stuck": {"Type": "Task", "TimeoutSeconds": 1,
                  "Resource": "arn:aws:lambda:us-east-1:123456789012:function:Stuck", "End": true}}}
                """);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
                SfnRun.class.getName(), definition.toString(), "--time-scale", "0.01", "-q",
                "--task", "Stuck=dev.sfnrun.testtasks.Stubborn"))
                .redirectErrorStream(true).redirectOutput(dir.resolve("out.txt").toFile()).start();
        boolean exited = process.waitFor(120, TimeUnit.SECONDS);
        if (!exited) {
            process.destroyForcibly();
        }
        assertTrue(exited, "sfn-run did not exit");
        assertEquals(ExitCodes.FAILED, process.exitValue());
        String out = Files.readString(dir.resolve("out.txt"));
        assertTrue(out.contains("States.Timeout"), out);
    }
}
