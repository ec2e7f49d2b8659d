package dev.sfnrun.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * As a real process: task code that ignores interruption does not keep sfn-run alive after a
 * timeout, and a signal stops the run as ABORTED.
 */
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

    @Test
    void aSignalStopsTheRunAbortedAndStillPrintsTheReport(@TempDir Path dir) throws Exception {
        Path definition = dir.resolve("nap.asl.json");
        Files.writeString(definition, """
                {"StartAt": "Nap", "States": {"Nap": {"Type": "Wait", "Seconds": 600, "End": true}}}
                """);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path out = dir.resolve("out.txt");
        Process process = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
                SfnRun.class.getName(), definition.toString()))
                .redirectError(dir.resolve("err.txt").toFile()).redirectOutput(out.toFile()).start();
        // the text history is printed live: wait until the run is in its Wait state (its handlers are installed then)
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (process.isAlive() && !Files.readString(out).contains("WaitStateEntered")) {
            assertTrue(System.nanoTime() < until, "the run never reached its Wait state");
            Thread.sleep(20);
        }
        process.destroy(); // SIGTERM
        boolean exited = process.waitFor(60, TimeUnit.SECONDS);
        if (!exited) {
            process.destroyForcibly();
        }
        assertTrue(exited, "sfn-run did not exit");
        assertEquals(ExitCodes.FAILED, process.exitValue(), Files.readString(dir.resolve("err.txt")));
        List<String> lines = Files.readAllLines(out);
        assertTrue(lines.stream().anyMatch(line -> line.contains("ExecutionAborted")), String.join("\n", lines));
        assertTrue(lines.stream().anyMatch(line -> line.startsWith("ABORTED in ")), String.join("\n", lines));
    }
}
