package dev.sfnrun.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Task code that tries to end the process, crashes the JVM's way, or blocks its exit: never a silent success. */
class HostileTaskCodeIT {
    private static final String TWO_STATES = """
            {"StartAt": "Hostile", "States": {
              "Hostile": {"Type": "Task", "Resource": "arn:aws:lambda:us-east-1:123456789012:function:Hostile", "Next": "After"},
              "After": {"Type": "Pass", "End": true}}}
            """;

    @TempDir
    Path dir;

    private HostileProcess run(String taskClass, String... more) throws Exception {
        String definition = CliRun.file(dir, "hostile.asl.json", TWO_STATES);
        String[] args = new String[4 + more.length];
        args[0] = definition;
        args[1] = "--task";
        args[2] = "Hostile=dev.sfnrun.testtasks." + taskClass;
        args[3] = "--time-scale=0";
        System.arraycopy(more, 0, args, 4, more.length);
        return HostileProcess.run(dir, null, 60, args);
    }

    @Test
    void systemExitZeroInATaskIsARunThatDidNotFinish() throws Exception {
        HostileProcess result = run("Exiter");
        result.assertOneLine(ExitCodes.NOT_FINISHED, "the run did not finish", "state 'Hostile'",
                "function:Hostile", "status 0");
        assertTrue(result.out().contains("LambdaFunctionStarted"), result.out()); // the history so far is there
        assertTrue(!result.out().contains("SUCCEEDED"), result.out());
    }

    @Test
    void haltFromAThreadOfTheTaskIsARunThatDidNotFinish() throws Exception {
        run("Halter", "--output", "json").assertOneLine(ExitCodes.NOT_FINISHED, "state 'Hostile'", "halt");
    }

    @Test
    void aShutdownHookThatBlocksCannotHangTheProcess() throws Exception {
        HostileProcess result = run("HookBlocker", "-q");
        assertEquals(ExitCodes.NOT_FINISHED, result.code(), result.err());
        assertTrue(result.err().contains("shutdown hook"), result.err());
        assertTrue(result.millis() < 30_000, result.millis() + " ms");
    }

    @Test
    void aLinkageErrorFailsTheTaskAsACrashedRuntime() throws Exception {
        HostileProcess result = run("Unlinked", "-q");
        assertEquals(ExitCodes.FAILED, result.code(), result.err());
        assertTrue(result.out().startsWith("Lambda.Unknown: "), result.out());
        assertTrue(result.out().contains("NoClassDefFoundError"), result.out());
    }

    @Test
    void aStackOverflowFailsTheTaskAsACrashedRuntime() throws Exception {
        HostileProcess result = run("Crash", "-q");
        assertEquals(ExitCodes.FAILED, result.code(), result.err());
        assertTrue(result.out().contains("Lambda.Unknown") && result.out().contains("StackOverflowError"), result.out());
    }

    @Test
    void runningOutOfMemoryInATaskFailsTheTask() throws Exception {
        HostileProcess result = run("Hog", "-q");
        assertTrue(result.code() == ExitCodes.FAILED || result.code() == ExitCodes.NOT_FINISHED, result.err());
        assertTrue(result.out().contains("OutOfMemoryError") || result.err().contains("out of memory"),
                result.out() + result.err());
    }

    @Test
    void aResultThatCannotBeJsonFailsTheTaskWithOneClearCause() throws Exception {
        HostileProcess result = run("SelfReference", "-q");
        assertEquals(ExitCodes.FAILED, result.code(), result.err());
        assertTrue(!result.out().contains("\n") || result.out().indexOf('\n') == result.out().length() - 1, result.out());
        assertTrue(result.out().toLowerCase().contains("cycle") || result.out().contains("self-reference"), result.out());
    }

    @Test
    void outputThatCannotBeWrittenIsNotASuccess() throws Exception {
        String definition = CliRun.file(dir, "pass.asl.json", """
                {"StartAt": "P", "States": {"P": {"Type": "Pass", "End": true}}}""");
        for (String format : new String[] {"text", "json"}) {
            HostileProcess result = HostileProcess.run(dir, Path.of("/dev/full"), 60, definition, "--output", format);
            result.assertOneLine(ExitCodes.NOT_FINISHED, "cannot write to standard output", "not delivered");
        }
    }

    @Test
    void manyMapItemsCallingSystemExitAtOnceAreOneRunThatDidNotFinish() throws Exception {
        // four children end the process at the same moment: the first halts with NOT_FINISHED, the others wait
        // for it (before, a second exit could slip through with status 0: no output and exit 0)
        for (String mode : new String[] {"INLINE", "DISTRIBUTED"}) {
            String definition = CliRun.file(dir, "exits-" + mode + ".asl.json", """
                    {"StartAt": "M", "States": {"M": {"Type": "Map", "ItemsPath": "$.items", "End": true,
                      "ItemProcessor": {"ProcessorConfig": %s, "StartAt": "H",
                        "States": {"H": {"Type": "Task", "End": true,
                          "Resource": "arn:aws:lambda:us-east-1:123456789012:function:Hostile"}}}}}}
                    """.formatted(mode.equals("INLINE") ? "{\"Mode\": \"INLINE\"}"
                    : "{\"Mode\": \"DISTRIBUTED\", \"ExecutionType\": \"STANDARD\"}"));
            for (int attempt = 0; attempt < 3; attempt++) {
                HostileProcess.run(dir, null, 60, definition, "--input-json", "{\"items\": [1, 2, 3, 4, 5, 6]}",
                        "--task", "Hostile=dev.sfnrun.testtasks.Exiter", "--time-scale=0", "-q")
                        .assertOneLine(ExitCodes.NOT_FINISHED, "the run did not finish", "state 'H'", "status 0");
            }
        }
    }

    @Test
    void anErrorOfTaskCodeInAParallelBranchOrAMapItemFailsOnlyThatTask() throws Exception {
        String definition = CliRun.file(dir, "crash-in-branches.asl.json", """
                {"StartAt": "P", "States": {"P": {"Type": "Parallel", "End": true, "Branches": [
                  {"StartAt": "M", "States": {"M": {"Type": "Map", "ItemsPath": "$.items", "End": true,
                    "ItemProcessor": {"ProcessorConfig": {"Mode": "DISTRIBUTED", "ExecutionType": "STANDARD"},
                      "StartAt": "H", "States": {"H": {"Type": "Task", "End": true,
                        "Resource": "arn:aws:lambda:us-east-1:123456789012:function:Hostile",
                        "Catch": [{"ErrorEquals": ["States.ALL"], "Next": "Caught"}]},
                        "Caught": {"Type": "Pass", "End": true}}}}}},
                  {"StartAt": "H2", "States": {"H2": {"Type": "Task", "End": true,
                    "Resource": "arn:aws:lambda:us-east-1:123456789012:function:Hostile",
                    "Catch": [{"ErrorEquals": ["States.ALL"], "Next": "Caught2"}]},
                    "Caught2": {"Type": "Pass", "End": true}}}]}}}
                """);
        for (String crash : new String[] {"Crash", "Unlinked", "Hog"}) {
            HostileProcess result = HostileProcess.run(dir, null, 120, definition, "--input-json", "{\"items\": [1, 2]}",
                    "--task", "Hostile=dev.sfnrun.testtasks." + crash, "--time-scale=0", "-q");
            assertEquals(ExitCodes.OK, result.code(), crash + ": " + result.err());
            // every item and the branch caught the crashed runtime's error: nothing is null or missing
            com.fasterxml.jackson.databind.JsonNode output = dev.sfnrun.query.Json.parse(result.out());
            assertEquals(2, output.get(0).size(), result.out());
            for (com.fasterxml.jackson.databind.JsonNode item : output.get(0)) {
                assertEquals("Lambda.Unknown", item.path("Error").asText(), crash + ": " + result.out());
                assertTrue(item.path("Cause").asText().contains("Runtime.ExitError"), result.out());
            }
            assertEquals("Lambda.Unknown", output.get(1).path("Error").asText(), result.out());
        }
    }

    @Test
    void aPythonResultThatJsonCannotCarryFailsTheTaskInPlainWords() throws Exception {
        // Python's json.dumps writes float('inf') as Infinity: not JSON; a lone surrogate is not Unicode
        java.nio.file.Files.writeString(dir.resolve("results.py"), """
                def infinity(event, context):
                    return {"x": float("inf")}
                def nan(event, context):
                    return float("nan")
                def lone(event, context):
                    return "a\\ud800b"
                """);
        String[][] cases = {
            {"infinity", "'Infinity' is not a JSON number (JSON has no Infinity or NaN)"},
            {"nan", "'NaN' is not a JSON number (JSON has no Infinity or NaN)"},
            {"lone", "the string has a lone surrogate \\\\ud800, which is not a Unicode character"},
        };
        String definition = CliRun.file(dir, "hostile.asl.json", TWO_STATES);
        for (String[] c : cases) {
            HostileProcess result = HostileProcess.run(dir, null, 60, definition, "--task",
                    "Hostile=python:" + dir.resolve("results.py") + ":" + c[0], "-q");
            assertEquals(ExitCodes.FAILED, result.code(), result.err());
            assertTrue(result.out().startsWith("Runtime.MarshalError: {\"errorMessage\":\"Unable to marshal response: "
                    + c[1]), result.out());
            assertTrue(!result.out().contains("REDACTED") && !result.out().contains("JsonReadFeature"), result.out());
        }
    }

    @Test
    void aJavaResultThatJsonCannotCarryFailsTheTaskInsteadOfPrintingInfinity() throws Exception {
        // printed, NaN and Infinity became the strings "NaN" and "Infinity", and a lone surrogate became "?"
        String[][] cases = {
            {"infinity", "the number Infinity is not finite (JSON has no NaN or Infinity)"},
            {"nan", "the number NaN is not finite (JSON has no NaN or Infinity)"},
            {"lone", "the string has a lone surrogate \\\\ud800"},
        };
        for (String[] c : cases) {
            HostileProcess handler = run("NotJson", "-q", "--input-json", "{\"kind\": \"" + c[0] + "\"}");
            assertEquals(ExitCodes.FAILED, handler.code(), handler.err());
            assertTrue(handler.out().startsWith("java.lang.IllegalArgumentException: {\"errorMessage\":\"the handler's "
                    + "result (java.util.LinkedHashMap) cannot be serialized to JSON: " + c[1]), handler.out());
            HostileProcess function = run("NotJsonFunction", "-q", "--input-json", "{\"kind\": \"" + c[0] + "\"}");
            assertEquals(ExitCodes.FAILED, function.code(), function.err());
            assertTrue(function.out().contains("the task's result cannot be JSON: " + c[1]), function.out());
            assertTrue(!handler.out().contains("\"x\"") && !function.out().contains("\"x\""), function.out());
        }
    }
}
