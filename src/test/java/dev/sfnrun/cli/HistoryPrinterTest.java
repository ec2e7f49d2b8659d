package dev.sfnrun.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The text history's state column: life-cycle events of Map and Parallel states are theirs, nested or not. */
class HistoryPrinterTest {
    @TempDir
    Path dir;

    /** "type state" of each history line of a text run. */
    private List<String> columns(String definition, String input) throws Exception {
        Path file = dir.resolve("machine.asl.json");
        Files.writeString(file, definition);
        StringWriter out = new StringWriter();
        SfnRun.run(new String[] {file.toString(), "--input-json", input, "--time-scale", "0"},
                new PrintWriter(out, true), new PrintWriter(new StringWriter(), true), false);
        return Arrays.stream(out.toString().split("\n"))
                .filter(line -> line.matches("\\s*\\d+\\s+\\+.*"))
                .map(line -> line.trim().split("\\s+"))
                .map(cells -> cells[2] + (cells.length > 3 && !cells[3].startsWith("{") && !cells[3].startsWith("[")
                        && !cells[3].startsWith("\"") ? " " + cells[3] : ""))
                .toList();
    }

    @Test
    void parallelLifeCycleEventsNameTheParallelState() throws Exception {
        List<String> lines = columns("""
                {"StartAt": "Both", "States": {"Both": {"Type": "Parallel", "End": true, "Branches": [
                  {"StartAt": "Fail1", "States": {"Fail1": {"Type": "Fail", "Error": "Boom"}}},
                  {"StartAt": "Nap", "States": {"Nap": {"Type": "Wait", "Seconds": 5, "End": true}}}]}}}
                """, "{}");
        // the two branches' first events come in either order (they start together)
        assertEquals(List.of("ExecutionStarted", "ParallelStateEntered Both", "ParallelStateStarted Both"), lines.subList(0, 3));
        assertEquals(java.util.Set.of("FailStateEntered Fail1", "WaitStateEntered Nap"), java.util.Set.copyOf(lines.subList(3, 5)));
        assertEquals(List.of("WaitStateAborted Nap", "ParallelStateFailed Both", "ExecutionFailed Both"), lines.subList(5, 8));
        assertEquals(8, lines.size(), lines.toString());
    }

    @Test
    void mapEventsInsideAParallelBranchNameTheirOwnStates() throws Exception {
        List<String> lines = columns("""
                {"StartAt": "Outer", "States": {"Outer": {"Type": "Parallel", "Next": "After", "Branches": [
                  {"StartAt": "Each", "States": {"Each": {"Type": "Map", "MaxConcurrency": 1, "End": true,
                    "ItemProcessor": {"StartAt": "Item", "States": {"Item": {"Type": "Pass", "End": true}}}}}}]},
                 "After": {"Type": "Succeed"}}}
                """, "[1]");
        assertEquals(List.of("ExecutionStarted", "ParallelStateEntered Outer", "ParallelStateStarted Outer",
                "MapStateEntered Each", "MapStateStarted Each", "MapIterationStarted Each", "PassStateEntered Item",
                "PassStateExited Item", "MapIterationSucceeded Each", "MapStateSucceeded Each", "MapStateExited Each",
                "ParallelStateSucceeded Outer", "ParallelStateExited Outer", "SucceedStateEntered After",
                "SucceedStateExited After", "ExecutionSucceeded"), lines);
    }

    @Test
    void anAbortedMapInAStoppedBranchIsNamed() throws Exception {
        List<String> lines = columns("""
                {"StartAt": "Both", "States": {"Both": {"Type": "Parallel", "End": true, "Branches": [
                  {"StartAt": "Fail1", "States": {"Fail1": {"Type": "Fail", "Error": "Boom"}}},
                  {"StartAt": "Each", "States": {"Each": {"Type": "Map", "End": true, "ItemsPath": "$.items",
                    "ItemProcessor": {"StartAt": "Nap", "States": {"Nap": {"Type": "Wait", "Seconds": 5, "End": true}}}}}}]}}}
                """, "{\"items\": [1]}");
        assertEquals("MapStateAborted Each", lines.stream().filter(l -> l.startsWith("MapStateAborted")).findFirst()
                .orElse("none"), String.join("\n", lines));
    }

    @Test
    void aLongHistoryIsPrintedWholeAndInOrderBeforeTheSummary() throws Exception {
        Path file = dir.resolve("loop.asl.json");
        Files.writeString(file, """
                {"StartAt": "Inc", "States": {
                  "Inc": {"Type": "Pass", "Parameters": {"n.$": "States.MathAdd($.n, 1)"}, "Next": "More"},
                  "More": {"Type": "Choice", "Choices": [{"Variable": "$.n", "NumericLessThan": 5000, "Next": "Inc"}],
                           "Default": "Done"},
                  "Done": {"Type": "Succeed"}}}
                """);
        StringWriter out = new StringWriter();
        int code = SfnRun.run(new String[] {file.toString(), "--input-json", "{\"n\": 0}", "--type", "EXPRESS", "--time-scale", "0"},
                new PrintWriter(out, true), new PrintWriter(new StringWriter(), true), false);
        assertEquals(0, code);
        List<String> lines = Arrays.asList(out.toString().split("\n"));
        int events = 4 * 5000 + 4; // ExecutionStarted, 5,000 x (Pass and Choice, entered and exited), Succeed x 2, ExecutionSucceeded
        for (int i = 0; i < events; i++) {
            assertEquals(String.valueOf(i + 1), lines.get(i).trim().split("\\s+")[0], "line " + (i + 1));
        }
        assertEquals("SUCCEEDED in 0.000s", lines.get(events + 1));
        assertEquals("{\"n\":5000}", lines.get(events - 1).substring(lines.get(events - 1).indexOf('{')));
    }
}
