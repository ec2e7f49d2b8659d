package dev.sfnrun.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hostile files where sfn-run expects JSON: refused at once, in one plain line, never a blocked or endless read. */
class HostileFilesTest {
    @TempDir
    Path dir;

    private String definition() throws Exception {
        return CliRun.file(dir, "pass.asl.json", """
                {"StartAt": "P", "States": {"P": {"Type": "Pass", "End": true}}}""");
    }

    private static CliRun quickly(String... args) {
        return assertTimeoutPreemptively(Duration.ofSeconds(10), () -> CliRun.run(args));
    }

    @Test
    void anEndlessDeviceIsRefusedAtOnce() throws Exception {
        CliRun.assertOneLineError(quickly(definition(), "--input", "/dev/zero"),
                "/dev/zero: is a named pipe, socket or device, not a regular file (sfn-run reads only regular files)");
    }

    @Test
    void aNamedPipeIsRefusedWithoutOpeningIt() throws Exception {
        Path fifo = dir.resolve("fifo");
        assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
        CliRun.assertOneLineError(quickly(definition(), "--context", fifo.toString()),
                fifo + ": is a named pipe, socket or device, not a regular file (sfn-run reads only regular files)");
    }

    @Test
    void aNamedPipeNamedByATestSuiteOrAsTheServersJournalIsRefused() throws Exception {
        Path fifo = dir.resolve("pipe.json");
        assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
        String suite = CliRun.file(dir, "pipe.sfn-test.yaml", """
                definition: %s
                cases:
                  - name: a
                    inputFile: pipe.json
                    expect: {status: SUCCEEDED}
                """.formatted(definition()));
        CliRun tested = quickly("test", suite);
        assertEquals(ExitCodes.CANNOT_START, tested.code(), tested.out());
        assertTrue(tested.err().startsWith(suite + ":4: cases[0].inputFile: pipe.json: is a named pipe, socket or device, "
                + "not a regular file"), tested.err());
        Path data = Files.createDirectories(dir.resolve("data"));
        assertEquals(0, new ProcessBuilder("mkfifo", data.resolve("journal.jsonl").toString()).start().waitFor());
        CliRun served = quickly("serve", "--port", "0", "--data-dir", data.toString());
        assertEquals(ExitCodes.CANNOT_START, served.code(), served.out());
        assertTrue(served.err().contains("cannot use the data directory " + data + ": " + data.resolve("journal.jsonl")
                + " is not a regular file"), served.err());
        CliRun notDirectory = quickly("serve", "--port", "0", "--data-dir", fifo.toString());
        assertTrue(notDirectory.err().contains("cannot use the data directory " + fifo + ": it is not a directory"),
                notDirectory.err());
    }

    @Test
    void aHugeFileIsRefusedFromItsSize() throws Exception {
        Path huge = dir.resolve("huge.json");
        try (RandomAccessFile file = new RandomAccessFile(huge.toFile(), "rw")) {
            file.setLength(3L << 30); // sparse: 3 GB that take no room
        }
        CliRun.assertOneLineError(quickly(definition(), "--input", huge.toString()), huge + ": is 3221225472 bytes; "
                + "AWS accepts at most 262144 bytes (256 KiB) for an execution input");
        CliRun.assertOneLineError(quickly(huge.toString()), huge + ": is 3221225472 bytes; "
                + "AWS accepts at most 1048576 bytes (1 MiB) for a state machine definition");
        CliRun.assertOneLineError(quickly("test-state", "--definition", definition(), "--state-name", "P", "--mock",
                huge.toString()), huge + ": is 3221225472 bytes; AWS accepts at most 262144 bytes (256 KiB) for test-state's --mock");
    }

    @Test
    void aDirectoryIsNotAFile() throws Exception {
        CliRun.assertOneLineError(quickly(definition(), "--input", dir.toString()), dir + ": is a directory, not a file");
    }

    @Test
    void aTruncatedFileIsSaidInPlainWords() throws Exception {
        String input = CliRun.file(dir, "cut.json", "{\"a\": [1, 2");
        CliRun result = quickly(definition(), "--input", input);
        assertEquals(ExitCodes.CANNOT_START, result.code());
        assertTrue(result.err().startsWith("sfn-run: " + input + ":1:"), result.err());
        assertTrue(result.err().contains("the text ends before the JSON is complete: an array is not closed"), result.err());
        assertTrue(!result.err().contains("Source") && !result.err().contains("REDACTED"), result.err());
        assertEquals(1, result.err().lines().count(), result.err());
    }

    @Test
    void aContextFileThatIsNotUtf8() throws Exception {
        Path latin1 = Files.write(dir.resolve("ctx.json"), new byte[] {'{', '"', (byte) 0xE9, '"', ':', '1', '}'});
        CliRun.assertOneLineError(quickly(definition(), "--context", latin1.toString()), latin1 + ": not UTF-8 text "
                + "(byte 0xE9 at offset 2, line 1, is not valid UTF-8); sfn-run reads its files as UTF-8: save it in that encoding");
    }

    @Test
    void aNumberBeyondDoubleRangeIsAnErrorNotInfinity() throws Exception {
        CliRun result = quickly(definition(), "--input-json", "{\"n\": 1e999999}");
        assertEquals(ExitCodes.CANNOT_START, result.code(), result.out());
        assertTrue(result.err().contains("the number 1e999999 is beyond the range of JSON numbers"), result.err());
        assertTrue(!result.out().contains("Infinity"), result.out());
    }

    @Test
    void aLoneSurrogateIsAnErrorNotAQuestionMark() throws Exception {
        CliRun result = quickly(definition(), "--input-json", "{\"s\": \"a\\ud800b\"}");
        assertEquals(ExitCodes.CANNOT_START, result.code(), result.out());
        assertTrue(result.err().contains("lone surrogate \\ud800"), result.err());
        CliRun pair = quickly(definition(), "--input-json", "{\"s\": \"\\ud83d\\ude00\"}", "-q");
        assertEquals(ExitCodes.OK, pair.code(), pair.err());
        assertTrue(pair.out().contains("\uD83D\uDE00"), pair.out());
    }

    @Test
    void aTestSuiteCannotCarryInfinityOrALoneSurrogateEither() throws Exception {
        // the suite reader builds its own located tree: it checks each value as every other JSON reader does
        String[][] cases = {
            {"yaml", "input: {n: 1e999}", "the number 1e999 is beyond the range of JSON numbers"},
            {"yaml", "input: {s: \"a\\ud800b\"}", "the string has a lone surrogate \\ud800"},
            {"json", "\"input\": {\"n\": -1e999}", "the number -1e999 is beyond the range of JSON numbers"},
        };
        for (String[] c : cases) {
            String suite = c[0].equals("yaml")
                    ? CliRun.file(dir, "values.sfn-test.yaml", "definition: " + definition() + "\ncases:\n  - name: a\n    "
                            + c[1] + "\n    expect: {status: SUCCEEDED}\n")
                    : CliRun.file(dir, "values.sfn-test.json", "{\"definition\": \"" + definition() + "\", \"cases\": "
                            + "[{\"name\": \"a\", " + c[1] + ", \"expect\": {\"status\": \"SUCCEEDED\"}}]}");
            CliRun tested = quickly("test", suite);
            assertEquals(ExitCodes.CANNOT_START, tested.code(), tested.out()); // it passed, with "Infinity" or "a?b"
            assertTrue(tested.err().contains(c[2]), tested.err());
            Files.delete(Path.of(suite));
        }
    }

    @Test
    void aNulByteInAFileNameIsAClearError() throws Exception {
        CliRun.assertOneLineError(quickly(definition(), "--input", "in\0put.json"),
                "in\\u0000put.json: not a valid file name (it contains a NUL character)");
    }

    @Test
    void terminalEscapesFromDataAreNeutralised() throws Exception {
        String definition = CliRun.file(dir, "fail.asl.json", """
                {"StartAt": "F", "States": {"F": {"Type": "Fail", "Error": "Bad", "CausePath": "$.c"}}}""".replace(
                "\"CausePath\"", "\"QueryLanguage\": \"JSONPath\", \"CausePath\""));
        String input = CliRun.file(dir, "esc.json", "{\"c\": \"\\u001b[2J\\u001b]0;owned\\u0007\\rgone\\u009b31m\"}");
        CliRun result = quickly(definition, "--input", input);
        assertEquals(ExitCodes.FAILED, result.code(), result.err());
        assertTrue(!result.out().contains("\u001b") && !result.out().contains("\r") && !result.out().contains("\u0007")
                && !result.out().contains("\u009b"), result.out());
        assertTrue(result.out().contains("\\u001b[2J"), result.out());
    }

    @Test
    void terminalEscapesInNamesAreNeutralisedInEveryTextForATerminal() throws Exception {
        // a state name, a Next target and an error name holding ESC, BEL, CSI (C1) and a bidi override
        String definition = CliRun.file(dir, "names.asl.json", """
                {"StartAt": "A\\u001b[2J", "States": {
                  "A\\u001b[2J": {"Type": "Task", "Next": "Nope\\u001b]0;x\\u0007",
                    "Resource": "arn:aws:lambda:us-east-1:123456789012:function:X\\u009b5m"},
                  "B\\u202e": {"Type": "Fail", "Error": "E\\u001b[31m"}}}""");
        String[][] commands = {
            {"validate", definition},                 // diagnostics on stdout, summary on stderr
            {definition},                             // the refused definition's diagnostics on stderr
            {definition, "--no-validate"},            // the error line of the definition that cannot load
            {"graph", definition},                    // Mermaid, and the problems on stderr
            {"graph", "--format", "dot", definition},
        };
        for (String[] args : commands) {
            CliRun result = quickly(args);
            String all = result.out() + result.err();
            assertTrue(result.code() != ExitCodes.OK || args[0].equals("graph"), all);
            for (char c : new char[] {'\u001b', '\u0007', '\u009b', '\u202e'}) {
                assertTrue(all.indexOf(c) < 0, String.join(" ", args) + ": raw U+" + Integer.toHexString(c) + " in " + all);
            }
            assertTrue(all.contains("\\u001b"), String.join(" ", args) + ": " + all);
        }
        String task = CliRun.file(dir, "task-name.asl.json", """
                {"StartAt": "A\\u001b[2J", "States": {"A\\u001b[2J": {"Type": "Task", "End": true,
                  "Resource": "arn:aws:lambda:us-east-1:123456789012:function:X\\u009b5m"}}}""");
        CliRun unbound = quickly(task);
        assertTrue(unbound.err().startsWith("sfn-run: " + task + ": state 'A\\u001b[2J', field Resource: no task function "
                + "is bound to 'arn:aws:lambda:us-east-1:123456789012:function:X\\u009b5m'"), unbound.err());
        assertTrue(quickly("graph", "--format", "dot", definition).out().contains("label=\"A\\\\u001b[2J\\n"));
    }

    @Test
    void aFilterThatMatchesNoCaseIsNotASuccess() throws Exception {
        CliRun none = quickly("test", "definitions/api-error-handling.sfn-test.yaml", "--filter", "no such case");
        CliRun.assertOneLineError(none, "--filter 'no such case' matches none of the 5 cases (SUITE-FILE/CASE-NAME): "
                + "nothing was tested");
        assertEquals(ExitCodes.OK, quickly("test", "definitions/api-error-handling.sfn-test.yaml", "--filter", "503").code());
    }

    @Test
    void aCaseWithoutExpectationsFailsWhenItsRunFails() throws Exception {
        String suite = CliRun.file(dir, "bare.sfn-test.yaml", """
                definition: %s
                cases:
                  - name: fails
                    input: {statuscode: "503"}
                  - name: succeeds
                    input: {statuscode: "200"}
                """.formatted(Path.of("definitions/api-error-handling.asl.json").toAbsolutePath()));
        CliRun result = quickly("test", suite);
        assertEquals(ExitCodes.FAILED, result.code(), result.out()); // the failed run passed: "2 passed"
        assertTrue(result.out().contains("FAIL  " + suite + " › fails"), result.out());
        assertTrue(result.out().contains("status: expected SUCCEEDED, got FAILED"), result.out());
        assertTrue(result.out().contains("PASS  " + suite + " › succeeds"), result.out());
    }

    @Test
    void terminalEscapesInATestSuiteAreNeutralised() throws Exception {
        String suite = CliRun.file(dir, "esc.sfn-test.yaml", """
                definition: %s
                cases:
                  - name: "clears \\e[2J the screen"
                    input: {statuscode: "503"}
                    expect:
                      status: SUCCEEDED
                """.formatted(java.nio.file.Path.of("definitions/api-error-handling.asl.json").toAbsolutePath()));
        CliRun result = quickly("test", suite, "--coverage");
        assertEquals(ExitCodes.FAILED, result.code(), result.err());
        assertTrue(result.out().contains("FAIL  " + suite + " › clears \\u001b[2J the screen"), result.out());
        assertTrue(result.out().indexOf('\u001b') < 0, result.out());
    }

    @Test
    void nestingBeyondTheLimitIsSaidInPlainWords() throws Exception {
        String deep = "[".repeat(100_000) + "]".repeat(100_000);
        String input = CliRun.file(dir, "deep.json", "{\"a\": " + deep + "}");
        CliRun result = quickly(definition(), "--input", input);
        assertEquals(ExitCodes.CANNOT_START, result.code());
        assertEquals("sfn-run: " + input + ": invalid JSON: arrays and objects nested more than 1000 levels deep; "
                + "sfn-run accepts at most 1000" + System.lineSeparator(), result.err());
        String mock = CliRun.file(dir, "deep-mock.json", "{\"StateMachines\": {\"task\": {\"TestCases\": {\"C\": "
                + "{\"T\": \"R\"}}}}, \"MockedResponses\": {\"R\": {\"0\": {\"Return\": " + deep + "}}}}");
        oneLineStarting(quickly(taskDefinition(), "--mock-config", mock, "--test-case", "C"),
                mock + ": not valid JSON: arrays and objects nested more than 1000 levels deep");
        String suite = CliRun.file(dir, "deep.sfn-test.json", "{\"definition\": \"" + definition()
                + "\", \"cases\": [{\"name\": \"x\", \"input\": " + deep + "}]}");
        CliRun tested = quickly("test", suite);
        assertEquals(ExitCodes.CANNOT_START, tested.code(), tested.err());
        assertTrue(tested.err().startsWith(suite + ":1: not valid JSON: arrays and objects nested more than 200 levels deep"),
                tested.err());
        CliRun context = quickly(definition(), "--context", input);
        assertEquals("sfn-run: " + input + ": invalid JSON: arrays and objects nested more than 1000 levels deep; "
                + "sfn-run accepts at most 1000" + System.lineSeparator(), context.err());
        String machine = CliRun.file(dir, "deep.asl.json", "{\"StartAt\": \"P\", \"States\": {\"P\": {\"Type\": \"Pass\", "
                + "\"Result\": " + deep + ", \"End\": true}}}");
        CliRun validated = quickly("validate", machine);
        assertEquals(ExitCodes.CANNOT_START, validated.code(), validated.err());
        assertTrue(validated.out().startsWith(machine + ":1:1059: error TOO_DEEPLY_NESTED: arrays and objects nested more "
                + "than 1000 levels deep"), validated.out());
        String template = CliRun.file(dir, "deep.yaml", "Resources:\n  M:\n    Type: AWS::Serverless::StateMachine\n"
                + "    Properties:\n      Definition: " + deep + "\n");
        oneLineStarting(quickly("--template", template), template + ":5:");
        assertTrue(quickly("--template", template).err().contains("nested more than 500 levels deep"));
        for (String file : new String[] {input, mock, suite, machine, template}) {
            assertTrue(!CliRun.run(file).err().contains("StackOverflow"));
        }
    }

    @Test
    void aKeyGivenTwiceInAMockFileOrASuiteIsAnError() throws Exception {
        String mock = CliRun.file(dir, "twice.json", """
                {"StateMachines": {"task": {"TestCases": {
                   "C": {"T": "R"},
                   "C": {"T": "R2"}}}},
                 "MockedResponses": {"R": {"0": {"Return": 1}}, "R2": {"0": {"Return": 2}}}}""");
        CliRun.assertOneLineError(quickly(taskDefinition(), "--mock-config", mock, "--test-case", "C"), mock
                + ": StateMachines.task.TestCases: the key 'C' is given twice (line 3, column 7); which one is meant is"
                + " ambiguous: keep one");
        String inResponse = CliRun.file(dir, "twice-deep.json", """
                {"StateMachines": {"task": {"TestCases": {"C": {"T": "R"}}}},
                 "MockedResponses": {"R": {"0": {"Return": [{"a": 1}, {"b": 1, "b": 2}]}}}}""");
        oneLineStarting(quickly(taskDefinition(), "--mock-config", inResponse, "--test-case", "C"),
                inResponse + ": MockedResponses.R.0.Return.1: the key 'b' is given twice");
        String suite = CliRun.file(dir, "twice.sfn-test.json", "{\"definition\": \"" + definition()
                + "\", \"cases\": [{\"name\": \"a\", \"name\": \"b\", \"expect\": {\"status\": \"SUCCEEDED\"}}]}");
        CliRun tested = quickly("test", suite);
        assertEquals(ExitCodes.CANNOT_START, tested.code(), tested.out());
        assertTrue(tested.err().startsWith(suite + ":1: not valid JSON: Duplicate field 'name'"), tested.err());
    }

    @Test
    void anOutputsC1ControlsAndBidiOverridesBecomeJsonEscapes() throws Exception {
        // Jackson leaves them raw in JSON text; as \\u escapes the JSON means the same and cannot act on a terminal
        for (String quiet : new String[] {"-q", "--no-color"}) {
            CliRun result = quickly(definition(), "--input-json", "{\"s\": \"\\u009b2J\\u202eevil\\u007f\"}", quiet);
            assertEquals(ExitCodes.OK, result.code(), result.err());
            assertTrue(result.out().contains("\"s\": \"\\u009b2J\\u202eevil\\u007f\""), result.out());
            assertTrue(result.out().indexOf('\u009b') < 0 && result.out().indexOf('\u202e') < 0, result.out());
        }
    }

    private static void oneLineStarting(CliRun result, String start) {
        assertEquals(ExitCodes.CANNOT_START, result.code(), result.err());
        assertEquals("", result.out());
        assertTrue(result.err().startsWith("sfn-run: " + start), result.err());
        assertEquals(1, result.err().lines().count(), result.err());
    }

    private String taskDefinition() throws Exception {
        return CliRun.file(dir, "task.asl.json", """
                {"StartAt": "T", "States": {"T": {"Type": "Task", "End": true,
                  "Resource": "arn:aws:lambda:us-east-1:123456789012:function:F"}}}""");
    }

    @Test
    void aCorruptJarOnTheClasspathIsNamed() throws Exception {
        Path random = Files.write(dir.resolve("random.jar"), new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9});
        CliRun.assertOneLineError(quickly(definition(), "--classpath", random.toString()), "--classpath " + random
                + ": not a valid jar (a corrupt or truncated zip file: zip END header not found)");
        Path truncated = Files.write(dir.resolve("cut.jar"), new byte[] {'P', 'K', 3, 4, 20, 0, 0, 0});
        oneLineStarting(quickly(definition(), "--classpath", dir + java.io.File.pathSeparator + truncated),
                "--classpath " + truncated + ": not a valid jar");
        Path fifo = dir.resolve("pipe.jar");
        assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
        CliRun.assertOneLineError(quickly(definition(), "--classpath", fifo.toString()), "--classpath " + fifo
                + ": is a named pipe, socket or device, not a regular file (sfn-run reads only regular files)");
    }

    @Test
    void aNamedPipeInAClasspathDirectoryIsRefusedNotReadForEver() throws Exception {
        Path classes = Files.createDirectories(dir.resolve("classes/com/example"));
        Path root = dir.resolve("classes");
        assertEquals(0, new ProcessBuilder("mkfifo", classes.resolve("Blocked.class").toString()).start().waitFor());
        CliRun.assertOneLineError(quickly(taskDefinition(), "--classpath", root.toString(), "--task", "F=com.example.Blocked"),
                "--classpath " + root + ": com/example/Blocked.class is a named pipe, socket or device, not a regular file "
                        + "(sfn-run reads only regular files)");
        Path handler = dir.resolve("handler.py");
        assertEquals(0, new ProcessBuilder("mkfifo", handler.toString()).start().waitFor());
        CliRun.assertOneLineError(quickly(taskDefinition(), "--task", "F=python:" + handler + ":h"), "--task F=python:"
                + handler + ":h: " + handler + ": is a named pipe, socket or device, not a regular file");
        Path services = Files.createDirectories(dir.resolve("services/META-INF/services"));
        assertEquals(0, new ProcessBuilder("mkfifo", services.resolve("dev.sfnrun.task.TaskFunction").toString()).start()
                .waitFor());
        CliRun.assertOneLineError(quickly(taskDefinition(), "--classpath", dir.resolve("services").toString()), "--classpath "
                + dir.resolve("services") + ": META-INF/services/dev.sfnrun.task.TaskFunction is a named pipe, socket or "
                + "device, not a regular file (sfn-run reads only regular files)");
    }

    @Test
    void mockFileMistakesAreOneLineNamingTheFileAndThePlace() throws Exception {
        String[][] cases = {
            {"{\"StateMachines\": {\"task\": {\"TestCases\": {\"C\": {\"T\": \"R\"}}}}, x: 1}",
                "not valid JSON: a key must be a string in double quotes, found 'x' (line 1, column 63)"},
            {"{\"StateMachines\": {\"task\": {\"TestCases\": {\"C\": {\"T\": \"R\"}}}}, \"MockedResponses\"}",
                "not valid JSON: expected ':' after a key, found '}'"},
            {"{\"StateMachines\": {\"task\": {\"TestCases\": {\"C\": {\"T\": \"R\"}}}}}}", "not valid JSON: an extra '}' after the end"},
            {"{\"StateMachines\": {\"task\": {\"TestCases\": {\"C\": {\"T\": \"R\"}}}},"
                    + " \"MockedResponses\": {\"R\": {\"0\": {\"Throw\": {\"Eror\": \"E\"}}}}}",
                "MockedResponses.R.0.Throw: unknown field 'Eror' (Throw has Error and Cause)"},
            {"{\"StateMachines\": {\"task\": {\"TestCases\": {\"C\": []}}}}",
                "StateMachines.task.TestCases.C: must be an object of state names and MockedResponses names"},
            {"{\"StateMachines\": {\"task\": {\"TestCases\": {\"C\": {\"T\": \"R\"}}}},"
                    + " \"MockedResponses\": {\"R\": {\"first\": {\"Return\": 1}}}}",
                "MockedResponses.R.first: an invocation key is a number (\"0\") or a range (\"1-2\")"},
        };
        for (String[] c : cases) {
            String mock = CliRun.file(dir, "mock.json", c[0]);
            oneLineStarting(quickly(taskDefinition(), "--mock-config", mock, "--test-case", "C"), mock + ": " + c[1]);
        }
        Path latin1 = Files.write(dir.resolve("latin1.json"), new byte[] {'{', '"', 'S', '"', ':', '"', (byte) 0xE9, '"', '}'});
        oneLineStarting(quickly(taskDefinition(), "--mock-config", latin1.toString(), "--test-case", "C"),
                "--mock-config " + latin1 + ": not UTF-8 text (byte 0xE9 at offset 6, line 1, is not valid UTF-8)");
    }

    @Test
    void inputAtTheNestingLimitThatAStateWrapsFailsTheRunNeverTheProcess() throws Exception {
        String definition = CliRun.file(dir, "wrap.asl.json", """
                {"StartAt": "Wrap", "States": {"Wrap": {"Type": "Pass", "Parameters": {"x.$": "$"}, "End": true}}}""");
        String input = CliRun.file(dir, "deep.json", "[".repeat(1000) + "]".repeat(1000));
        for (String mode : new String[] {"json", "text"}) {
            CliRun run = quickly(definition, "--input", input, "--output", mode, "--time-scale", "0");
            assertEquals(ExitCodes.FAILED, run.code(), run.err());
            assertTrue(run.out().contains("States.DataLimitExceeded"), run.out());
            assertTrue(run.out().contains("nested more than 1000 levels deep"), run.out());
            assertEquals("", run.err());
        }
    }

    @Test
    void aDirectoryIsADirectoryForTestStateAndServeToo() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("adir"));
        String state = CliRun.file(dir, "state.json", "{\"Type\": \"Pass\", \"End\": true}");
        for (String option : new String[] {"--input", "--mock", "--variables", "--context", "--state-configuration"}) {
            CliRun.assertOneLineError(quickly("test-state", "--definition", state, option, folder.toString()),
                    folder + ": is a directory, not a file");
        }
        CliRun.assertOneLineError(quickly("serve", "--port", "0", "--mock-config", folder.toString()),
                "--mock-config " + folder + ": is a directory, not a file");
        CliRun.assertOneLineError(quickly("serve", "--port", "0", "--mock-config", dir.resolve("nope.json").toString()),
                "--mock-config " + dir.resolve("nope.json") + ": no such file");
    }

    @Test
    void anEmptyFileNameIsRefusedNamingTheOptionBeforeAnythingRuns() throws Exception {
        String definition = definition();
        CliRun.assertOneLineError(quickly(""), "DEFINITION: the file name is empty");
        CliRun.assertOneLineError(quickly(definition, "--input", ""), "--input: the file name is empty");
        CliRun.assertOneLineError(quickly(definition, "--context", ""), "--context: the file name is empty");
        // refused before the run: with -q the run would have printed its output on stdout
        CliRun.assertOneLineError(quickly(definition, "-q", "--report", ""), "--report: the file name is empty");
        CliRun.assertOneLineError(quickly(definition, "--mock-config", "", "--test-case", "C"),
                "--mock-config: the file name is empty");
        CliRun.assertOneLineError(quickly(definition, "--classpath", dir.toString(), "--classpath", ""),
                "--classpath: the path is empty");
        CliRun.assertOneLineError(quickly(definition, "--s3-root", ""), "--s3-root: the directory name is empty");
        CliRun.assertOneLineError(quickly("--template", ""), "--template: the file name is empty");
        CliRun.assertOneLineError(quickly("graph", definition, "-o", ""), "--output-file: the file name is empty");
        CliRun.assertOneLineError(quickly("validate", definition, ""), "FILE: the file name is empty");
        CliRun.assertOneLineError(quickly("test-state", "--definition", ""), "--definition: the file name is empty");
        CliRun.assertOneLineError(quickly("test-state", "--definition", definition, "--state-name", "P", "--mock", ""),
                "--mock: the value is empty (neither a file name nor inline JSON)");
        CliRun.assertOneLineError(quickly("test", "--junit", "", dir.toString()), "--junit: the file name is empty");
        CliRun.assertOneLineError(quickly("serve", "--port", "0", "--mock-config", ""), "--mock-config: the file name is empty");
        // an empty PATH is not the default (the current directory): "sfn-run test \"$SUITE\"" with SUITE unset
        CliRun.assertOneLineError(quickly("test", ""), "PATH: the path is empty");
        assertEquals(0, quickly(definition, "--report", "", "--help").code()); // help is still help
    }
}
