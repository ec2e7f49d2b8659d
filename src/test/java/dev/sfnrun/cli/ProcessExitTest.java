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
        Path out = dir.resolve("out.json");
        Process process = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
                SfnRun.class.getName(), definition.toString(), "--output", "json"))
                .redirectError(dir.resolve("err.txt").toFile()).redirectOutput(out.toFile()).start();
        // wait until the run is in its Wait state (the JVM has started and installed its handlers)
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < until && process.isAlive()) {
            Thread.sleep(200);
            if (Files.size(dir.resolve("err.txt")) == 0 && process.info().totalCpuDuration()
                    .map(d -> d.toMillis() > 300).orElse(true)) {
                break;
            }
        }
        Thread.sleep(500);
        process.destroy(); // SIGTERM
        boolean exited = process.waitFor(60, TimeUnit.SECONDS);
        if (!exited) {
            process.destroyForcibly();
        }
        assertTrue(exited, "sfn-run did not exit");
        assertEquals(ExitCodes.FAILED, process.exitValue(), Files.readString(dir.resolve("err.txt")));
        var report = dev.sfnrun.query.Json.parse(Files.readString(out));
        assertEquals("ABORTED", report.get("status").asText());
        var events = report.get("events");
        assertEquals("ExecutionAborted", events.get(events.size() - 1).get("type").asText());
    }
}
