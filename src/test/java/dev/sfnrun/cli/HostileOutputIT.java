package dev.sfnrun.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the built CLI writes, when it cannot be written (a full disk, a closed pipe or standard
 * stream) and when data would rewrite the terminal: every command ends promptly with a non-zero exit and one line, never
 * a silent success, a stack trace or a hang; no device is ever replaced by a file; no escape
 * sequence from data reaches the terminal.
 */
class HostileOutputIT {
    private static final long BOUND_SECONDS = 60;

    @TempDir
    static Path dir;
    static Path executable;
    static String tutorial;
    static String failingSuite;

    @BeforeAll
    static void assemble() throws Exception {
        executable = BuiltExecutable.assemble(dir.resolve("sfn-run"));
        tutorial = Path.of("definitions/api-error-handling.asl.json").toAbsolutePath().toString();
        Path suites = Files.createDirectories(dir.resolve("suites"));
        failingSuite = Files.writeString(suites.resolve("fails.sfn-test.yaml"), """
                definition: %s
                cases:
                  - name: expects the wrong status
                    input: {statuscode: "200"}
                    expect:
                      status: FAILED
                """.formatted(tutorial)).toString();
    }

    /** How a run ended: exit code, stdout (when it went to a file we read) and stderr. */
    record Ended(int code, String out, String err) {
        /**
         * A non-zero {@code expected} exit and one error line on stderr, starting "sfn-run: ", holding each
         * part; before it only the command's own summary ("1 file checked, ..."), never a stack trace.
         */
        Ended assertOneLine(int expected, String... parts) {
            assertEquals(expected, code, "stderr: " + err + " stdout: " + out);
            List<String> lines = err.lines().toList();
            assertTrue(!lines.isEmpty() && lines.size() <= 2, "not one line: " + err);
            String line = lines.get(lines.size() - 1);
            assertTrue(line.startsWith("sfn-run: "), "not one line: " + err);
            assertTrue(lines.size() == 1 || lines.get(0).matches("\\d+ files? checked, .*"), "not one line: " + err);
            assertFalse(err.contains("Exception") || err.contains("\tat "), err);
            for (String part : parts) {
                assertTrue(line.contains(part), "'" + part + "' not in: " + line);
            }
            return this;
        }
    }

    /**
     * Runs the executable with {@code args}: stdout to {@code stdout} (a file or a device), or, when
     * it is null, to a pipe whose reading end is closed at once; it must end within the bound.
     */
    private static Ended run(Path stdout, String... args) throws Exception {
        return run(java.util.Map.of(), stdout, args);
    }

    private static Ended run(java.util.Map<String, String> env, Path stdout, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(executable.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectInput(new File("/dev/null"));
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().putAll(env);
        if (stdout != null) {
            builder.redirectOutput(stdout.toFile());
        }
        Process process = builder.start();
        if (stdout == null) {
            process.getInputStream().close(); // a reader that has gone away (`| head -c0`): every write fails
        }
        CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> {
            try {
                return process.getErrorStream().readAllBytes();
            } catch (java.io.IOException e) {
                return new byte[0];
            }
        });
        boolean ended = process.waitFor(BOUND_SECONDS, TimeUnit.SECONDS);
        if (!ended) {
            process.destroyForcibly().waitFor();
        }
        assertTrue(ended, "did not end within " + BOUND_SECONDS + " s: " + String.join(" ", args));
        String out = stdout != null && Files.isRegularFile(stdout) ? Files.readString(stdout) : "";
        return new Ended(process.exitValue(), out, new String(err.get(), StandardCharsets.UTF_8));
    }

    /** Every command that writes its product to stdout, with what it is given. */
    private static List<String[]> productCommands() throws Exception {
        String invalid = CliRun.file(dir, "invalid.asl.json", "{\"StartAt\": \"Nowhere\", \"States\": {}}");
        return List.of(
                new String[] {tutorial, "--input-json", "{\"statuscode\": \"200\"}", "--time-scale", "0"},
                new String[] {tutorial, "--input-json", "{\"statuscode\": \"200\"}", "--time-scale", "0", "--output", "json"},
                new String[] {tutorial, "--input-json", "{\"statuscode\": \"200\"}", "--time-scale", "0", "--quiet"},
                new String[] {"validate", invalid},
                new String[] {"validate", "--output", "json", tutorial},
                new String[] {"graph", tutorial},
                new String[] {"graph", "--format", "svg", tutorial},
                new String[] {"test", failingSuite},
                new String[] {"test", "--output", "json", failingSuite},
                new String[] {"test-state", "--definition", tutorial, "--state-name", "OK"});
    }

    @Test
    void aFullDiskUnderStdoutIsNeverASuccess() throws Exception {
        for (String[] args : productCommands()) {
            run(Path.of("/dev/full"), args).assertOneLine(ExitCodes.NOT_FINISHED,
                    "cannot write to standard output (No space left on device)", "not delivered");
        }
    }

    @Test
    void aClosedPipeUnderStdoutIsNeverASuccessNorAHang() throws Exception {
        for (String[] args : productCommands()) {
            run(null, args).assertOneLine(ExitCodes.NOT_FINISHED, "cannot write to standard output", "not delivered");
        }
    }

    @Test
    void aRunWhoseHistoryCannotBeShownStopsInsteadOfWaitingOut() throws Exception {
        // a real-time minute of waiting: once the history cannot be written the run is stopped, not waited out
        String waits = CliRun.file(dir, "waits.asl.json",
                "{\"StartAt\": \"W\", \"States\": {\"W\": {\"Type\": \"Wait\", \"Seconds\": 60, \"End\": true}}}");
        for (Path stdout : new Path[] {null, Path.of("/dev/full")}) {
            long start = System.nanoTime();
            run(stdout, waits).assertOneLine(ExitCodes.NOT_FINISHED, "cannot write to standard output", "not delivered");
            long seconds = (System.nanoTime() - start) / 1_000_000_000L;
            assertTrue(seconds < 20, "stopped, not waited out: " + seconds + " s, stdout " + stdout);
        }
    }

    @Test
    void filesOnAFullDiskAreOneLineNamingThem() throws Exception {
        Path full = Files.createSymbolicLink(dir.resolve("full.out"), Path.of("/dev/full"));
        Path nothing = dir.resolve("nothing.txt");
        run(nothing, tutorial, "--input-json", "{\"statuscode\": \"200\"}", "--time-scale", "0", "-q", "--report",
                full.toString()).assertOneLine(ExitCodes.CANNOT_START, full + ": cannot write: No space left on device");
        run(nothing, "graph", tutorial, "-o", full.toString())
                .assertOneLine(ExitCodes.CANNOT_START, full + ": cannot write: No space left on device");
        run(nothing, "test", failingSuite, "--junit", full.toString())
                .assertOneLine(ExitCodes.CANNOT_START, full + ": cannot write: No space left on device");
        run(nothing, "test", failingSuite, "--coverage-json", full.toString())
                .assertOneLine(ExitCodes.CANNOT_START, full + ": cannot write: No space left on device");
        Path reports = Files.createDirectories(dir.resolve("reports"));
        Path report = Files.createSymbolicLink(reports.resolve(
                FailureReports.safe("fails.sfn-test.yaml-expects the wrong status") + ".html"), Path.of("/dev/full"));
        run(nothing, "test", failingSuite, "--report-dir", reports.toString())
                .assertOneLine(ExitCodes.CANNOT_START, report + ": cannot write: No space left on device");
        // each link still leads to the device: none was replaced by a file
        assertTrue(Files.isSymbolicLink(full) && Files.isSymbolicLink(report));
        assertFalse(Files.isRegularFile(Path.of("/dev/full")));
    }

    @Test
    void aNamedPipeAsTheOutputFileIsWrittenIntoNotReplaced() throws Exception {
        // a temporary file moved over the name would replace a pipe or a device (as root: /dev/full itself)
        Path fifo = dir.resolve("picture.fifo");
        assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
        CompletableFuture<String> read = CompletableFuture.supplyAsync(() -> {
            try {
                return Files.readString(fifo);
            } catch (java.io.IOException e) {
                return e.toString();
            }
        });
        Ended graph = run(dir.resolve("graph.txt"), "graph", tutorial, "-o", fifo.toString());
        assertEquals(ExitCodes.OK, graph.code(), graph.err());
        assertTrue(read.get(BOUND_SECONDS, TimeUnit.SECONDS).startsWith("flowchart TD"));
        assertTrue(Files.exists(fifo) && !Files.isRegularFile(fifo), "still a named pipe");
    }

    @Test
    void escapeSequencesInAHandlersLogsDoNotReachTheTerminal() throws Exception {
        Path handler = Files.writeString(dir.resolve("esc.py"), """
                import sys
                def handler(event, context):
                    print("\\x1b[2J\\x1b]0;owned\\x07 cleared\\x9b31m \\u202eevil")
                    sys.stderr.write("\\x1b[31mred on stderr\\n")
                    raise Exception("\\x1b[2Jin the cause")
                """);
        String definition = CliRun.file(dir, "esc.asl.json", """
                {"StartAt": "Call\\u001b[5m", "States": {"Call\\u001b[5m": {"Type": "Task", "End": true,
                  "Resource": "arn:aws:lambda:us-east-1:123456789012:function:Esc"}}}""");
        Ended run = run(dir.resolve("esc.txt"), definition, "--task", "Esc=python:" + handler + ":handler", "--verbose");
        assertEquals(ExitCodes.FAILED, run.code(), run.err());
        assertTrue(run.out().contains("| \\u001b[2J\\u001b]0;owned\\u0007 cleared\\u009b31m \\u202eevil"), run.out());
        assertTrue(run.out().contains("| \\u001b[31mred on stderr"), run.out());
        assertTrue(run.out().contains("Call\\u001b[5m"), run.out());
        for (char c : new char[] {'\u001b', '\u0007', '\u009b', '\u202e', '\r'}) {
            assertTrue(run.out().indexOf(c) < 0 && run.err().indexOf(c) < 0, "raw U+" + Integer.toHexString(c) + ": " + run.out());
        }
    }

    @Test
    void closedStandardStreamsAreNeverASuccess() throws Exception {
        // a closed stdin is not the JVM's own jar (the first file it opens would take descriptor 0)
        ProcessBuilder closedIn = new ProcessBuilder("sh", "-c", "exec \"$0\" validate - <&-", executable.toString());
        closedIn.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Process stdin = closedIn.redirectErrorStream(true).start();
        String said = new String(stdin.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(stdin.waitFor(BOUND_SECONDS, TimeUnit.SECONDS));
        assertEquals(ExitCodes.CANNOT_START, stdin.exitValue(), said);
        assertTrue(said.startsWith("-:1:1: error MISSING_DESCRIPTION: Definition must be a valid JSON object"), said);
        ProcessBuilder closedOut = new ProcessBuilder("sh", "-c", "exec \"$0\" \"$1\" --time-scale 0 >&-",
                executable.toString(), tutorial).redirectInput(new File("/dev/null"));
        closedOut.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Process stdout = closedOut.start();
        String err = new String(stdout.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(stdout.waitFor(BOUND_SECONDS, TimeUnit.SECONDS));
        new Ended(stdout.exitValue(), "", err).assertOneLine(ExitCodes.NOT_FINISHED, "cannot write to standard output");
    }

    @Test
    void aTemporaryFileThatCannotBeWrittenEndsTheRunInOneLine() throws Exception {
        // --output json keeps a history past 8 MiB in a temporary file: 60 events of 200 KB need one
        String definition = CliRun.file(dir, "big-events.asl.json", """
                {"StartAt": "M", "States": {"M": {"Type": "Map", "ItemsPath": "$.items", "End": true,
                  "ItemSelector": {"s.$": "$$.Execution.Input.s"}, "ResultSelector": {"n.$": "States.ArrayLength($)"},
                  "ItemProcessor": {"StartAt": "P", "States": {"P": {"Type": "Pass", "Result": 1, "End": true}}}}}}""");
        String input = CliRun.file(dir, "big-events.json", "{\"items\": " + java.util.stream.IntStream.range(0, 60)
                .boxed().toList() + ", \"s\": \"" + "x".repeat(200_000) + "\"}");
        Path missing = dir.resolve("no-such-tmp");
        run(java.util.Map.of("SFN_RUN_JAVA_OPTS", "-Djava.io.tmpdir=" + missing), dir.resolve("big.out"), definition,
                "--input", input, "--output", "json").assertOneLine(ExitCodes.NOT_FINISHED,
                "cannot keep the history for the JSON report in a temporary file", "the run did not finish");
    }
}
