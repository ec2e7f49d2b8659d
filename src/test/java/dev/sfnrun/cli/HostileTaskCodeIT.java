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
}
