package dev.sfnrun.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The built executable with Python and Node.js handlers, as a real process: no worker process
 * outlives the run, whether it ends by itself or by Ctrl-C (SIGINT).
 */
class HandlerProcessIT {
    private static final String MAP = """
            {"StartAt":"M","States":{"M":{"Type":"Map","ItemsPath":"$.items",
              "ItemProcessor":{"ProcessorConfig":{"Mode":"INLINE"},"StartAt":"Call","States":{
                "Call":{"Type":"Task","Resource":"arn:aws:lambda:us-east-1:123456789012:function:%s","End":true}}},
              "End":true}}}""";

    @TempDir
    static Path dir;
    static Path executable;

    @BeforeAll
    static void assemble() throws IOException {
        executable = BuiltExecutable.assemble(dir.resolve("sfn-run"));
        Files.writeString(dir.resolve("sleepy.py"), """
                import os, time
                open(os.path.join(os.environ["PID_DIR"], str(os.getpid())), "w").close()
                def handler(event, context):
                    print("sleeping", event)
                    time.sleep(event)
                    return os.getpid()
                """);
        Files.writeString(dir.resolve("sleepy.cjs"), """
                const fs = require('fs');
                const path = require('path');
                fs.writeFileSync(path.join(process.env.PID_DIR, String(process.pid)), '');
                exports.handler = async (event) => {
                  await new Promise((resolve) => setTimeout(resolve, event * 1000));
                  return process.pid;
                };
                """);
    }

    private static Process start(Path pids, String function, String binding, String input) throws IOException {
        Path definition = dir.resolve(function + ".asl.json");
        Files.writeString(definition, MAP.formatted(function));
        List<String> command = new ArrayList<>(List.of(executable.toString(), definition.toString(), "--input-json", input,
                "--task", binding, "--env", "PID_DIR=" + pids, "--max-workers", "3", "--function-timeout", "120",
                "--output", "json"));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        builder.redirectOutput(dir.resolve(function + ".out").toFile());
        builder.redirectError(dir.resolve(function + ".err").toFile());
        return builder.start();
    }

    private static List<Long> pids(Path pids) throws IOException {
        try (Stream<Path> files = Files.list(pids)) {
            return files.map(p -> Long.parseLong(p.getFileName().toString())).toList();
        }
    }

    private static void assertAllGone(List<Long> pids) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        for (long pid : pids) {
            while (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false) && System.nanoTime() < end) {
                Thread.sleep(50);
            }
            assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "worker " + pid + " still runs");
        }
    }

    @Test
    void noWorkerOutlivesARunThatEnds() throws Exception {
        for (String[] handler : new String[][] {{"Py", "python:" + dir.resolve("sleepy.py") + ":handler"},
            {"Js", "node:" + dir.resolve("sleepy.cjs") + ":handler"}}) {
            Path pids = Files.createDirectories(dir.resolve("ended-" + handler[0]));
            Process process = start(pids, handler[0], handler[0] + "=" + handler[1], "{\"items\":[0.2,0.2,0.2,0.2]}");
            assertTrue(process.waitFor(120, TimeUnit.SECONDS));
            assertEquals(0, process.exitValue(), Files.readString(dir.resolve(handler[0] + ".err")));
            String report = Files.readString(dir.resolve(handler[0] + ".out"));
            assertTrue(report.contains("\"status\":\"SUCCEEDED\""), report);
            List<Long> started = pids(pids);
            assertFalse(started.isEmpty());
            assertAllGone(started);
        }
    }

    @Test
    void ctrlCStopsTheRunAndItsWorkers() throws Exception {
        Path pids = Files.createDirectories(dir.resolve("interrupted"));
        Process process = start(pids, "Sleepy", "Sleepy=python:" + dir.resolve("sleepy.py") + ":handler",
                "{\"items\":[60,60,60]}");
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (pids(pids).size() < 3 && System.nanoTime() < end) {
            Thread.sleep(100);
        }
        List<Long> started = pids(pids);
        assertEquals(3, started.size(), "three workers run the three iterations");
        Thread.sleep(500); // the calls are under way
        Process kill = new ProcessBuilder("kill", "-INT", Long.toString(process.pid())).start();
        assertTrue(kill.waitFor(10, TimeUnit.SECONDS));
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "sfn-run ends after Ctrl-C");
        assertEquals(1, process.exitValue(), Files.readString(dir.resolve("Sleepy.err")));
        String report = Files.readString(dir.resolve("Sleepy.out"), StandardCharsets.UTF_8);
        assertTrue(report.contains("\"status\":\"ABORTED\""), report);
        assertAllGone(started);
    }

    @Test
    void aPythonHandlerLeavesNoBytecodeInTheUsersDirectory() throws Exception {
        Path code = Files.createDirectories(dir.resolve("code"));
        Files.writeString(code.resolve("helper.py"), "def twice(n):\n    return 2 * n\n");
        Files.writeString(code.resolve("app.py"), "import helper\ndef handler(event, context):\n    return helper.twice(event)\n");
        Path definition = dir.resolve("twice.asl.json");
        Files.writeString(definition, """
                {"StartAt":"Call","States":{"Call":{"Type":"Task",
                  "Resource":"arn:aws:lambda:us-east-1:123456789012:function:Twice","End":true}}}""");
        ProcessBuilder builder = new ProcessBuilder(executable.toString(), definition.toString(), "--input-json", "21",
                "--task", "Twice=python:" + code.resolve("app.py") + ":handler", "--output", "json");
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().remove("PYTHONDONTWRITEBYTECODE"); // as on most machines: Python would write __pycache__
        builder.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        builder.redirectOutput(dir.resolve("twice.out").toFile());
        builder.redirectError(dir.resolve("twice.err").toFile());
        Process process = builder.start();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, process.exitValue(), Files.readString(dir.resolve("twice.err")));
        assertTrue(Files.readString(dir.resolve("twice.out")).contains("\"output\":\"42\""),
                Files.readString(dir.resolve("twice.out")));
        try (Stream<Path> files = Files.list(code)) {
            assertEquals(List.of("app.py", "helper.py"), files.map(f -> f.getFileName().toString()).sorted().toList());
        }
    }
}
