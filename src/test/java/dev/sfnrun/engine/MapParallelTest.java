package dev.sfnrun.engine;

import dev.sfnrun.engine.map.MapRunResult;
import dev.sfnrun.engine.time.ScaledClock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import dev.sfnrun.definition.DefinitionParser;
import dev.sfnrun.history.EventType;
import dev.sfnrun.history.HistoryEvent;
import dev.sfnrun.query.Json;
import dev.sfnrun.task.TaskFailure;
import dev.sfnrun.task.TaskFunction;
import dev.sfnrun.task.load.TaskRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Parallel and Map states run by the engine with task code that blocks, fails or answers out of order. */
class MapParallelTest {
    private static final String DIST = "\"ProcessorConfig\": {\"Mode\": \"DISTRIBUTED\", \"ExecutionType\": \"STANDARD\"}";

    private static ExecutionResult run(String definition, String input, TaskRegistry tasks, Path s3) throws Exception {
        ExecutionOptions options = ExecutionOptions.defaults().withStateMachineName("Test").withTasks(tasks).withS3Root(s3);
        return new Execution(DefinitionParser.parse(Json.parse(definition)), Json.parse(input), input, options).run();
    }

    private static List<EventType> types(ExecutionResult result) {
        return result.events().stream().map(HistoryEvent::type).toList();
    }

    private static HistoryEvent only(ExecutionResult result, EventType type) {
        List<HistoryEvent> found = result.events().stream().filter(e -> e.type() == type).toList();
        assertEquals(1, found.size(), "events of type " + type);
        return found.get(0);
    }

    private static List<Thread> branchThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("sfn-run-branch-") && t.isAlive()).toList();
    }

    @Test
    void mapResultsKeepItemOrderWhateverOrderTasksFinishIn() throws Exception {
        // item i waits for item i+1 to finish: the tasks complete in reverse order
        int n = 6;
        CountDownLatch[] done = new CountDownLatch[n + 1];
        for (int i = 0; i <= n; i++) {
            done[i] = new CountDownLatch(i == n ? 0 : 1);
        }
        TaskFunction reverse = (input, context) -> {
            int i = input.asInt();
            done[i + 1].await();
            done[i].countDown();
            return IntNode.valueOf(i * 10);
        };
        ExecutionResult result = run("""
                {"StartAt": "M", "States": {"M": {"Type": "Map", "ItemProcessor": {"StartAt": "T", "States": {
                  "T": {"Type": "Task", "Resource": "reverse", "End": true}}}, "End": true}}}""",
                "[0, 1, 2, 3, 4, 5]", TaskRegistry.withBuiltins().bind("reverse", reverse), null);
        assertEquals(ExecutionStatus.SUCCEEDED, result.status());
        assertEquals(Json.parse("[0, 10, 20, 30, 40, 50]"), result.output());
        // every MapIterationStarted follows MapStateStarted
        long started = only(result, EventType.MapStateStarted).id();
        assertTrue(result.events().stream().filter(e -> e.type() == EventType.MapIterationStarted)
                .allMatch(e -> e.previousEventId() == started));
    }

    @Test
    void taskFailingOnItemThreeFailsTheMapAfterTheEarlierItems() throws Exception {
        TaskFunction failOnThree = (input, context) -> {
            if (input.asInt() == 3) {
                throw new TaskFailure("ItemError", "item 3 is bad");
            }
            return input;
        };
        ExecutionResult result = run("""
                {"StartAt": "M", "States": {"M": {"Type": "Map", "MaxConcurrency": 1, "ItemProcessor": {"StartAt": "T",
                  "States": {"T": {"Type": "Task", "Resource": "failOnThree", "End": true}}}, "End": true}}}""",
                "[1, 2, 3, 4]", TaskRegistry.withBuiltins().bind("failOnThree", failOnThree), null);
        assertEquals(ExecutionStatus.FAILED, result.status());
        assertEquals("ItemError", result.error());
        assertEquals("item 3 is bad", result.cause());
        List<EventType> types = types(result);
        assertEquals(List.of(EventType.LambdaFunctionFailed, EventType.MapIterationFailed, EventType.TaskStateAborted,
                EventType.MapStateFailed, EventType.ExecutionFailed), types.subList(types.size() - 5, types.size()));
        assertEquals(2, types.stream().filter(t -> t == EventType.MapIterationSucceeded).count());
        assertFalse(types.contains(EventType.MapIterationAborted), "item 4 never started");
        assertEquals(3, types.stream().filter(t -> t == EventType.MapIterationStarted).count());
        HistoryEvent failed = only(result, EventType.LambdaFunctionFailed);
        assertEquals(failed.id(), only(result, EventType.MapIterationFailed).previousEventId());
        assertEquals(failed.id(), only(result, EventType.MapStateFailed).previousEventId());
        assertEquals(2L, ((Number) only(result, EventType.MapIterationFailed).detail("index")).longValue());
    }

    @Test
    void failingBranchStopsABlockedSiblingAndLeavesNoThreadRunning() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch never = new CountDownLatch(1);
        TaskFunction block = (input, context) -> {
            entered.countDown();
            never.await();
            return input;
        };
        TaskFunction fail = (input, context) -> {
            entered.await();
            throw new TaskFailure("Boom", "second branch");
        };
        ExecutionResult result = run("""
                {"StartAt": "P", "States": {"P": {"Type": "Parallel", "End": true, "Branches": [
                  {"StartAt": "Block", "States": {"Block": {"Type": "Task", "Resource": "block", "End": true}}},
                  {"StartAt": "Fail", "States": {"Fail": {"Type": "Task", "Resource": "fail", "End": true}}}],
                 "Catch": [{"ErrorEquals": ["States.ALL"], "Next": "Caught"}]},
                 "Caught": {"Type": "Pass", "End": true}}}""",
                "{}", TaskRegistry.withBuiltins().bind("block", block).bind("fail", fail), null);
        assertEquals(ExecutionStatus.SUCCEEDED, result.status());
        assertEquals(Json.parse("{\"Error\":\"Boom\",\"Cause\":\"second branch\"}"), result.output());
        // both running tasks are aborted: the failing one and the blocked one
        assertEquals(2, types(result).stream().filter(t -> t == EventType.TaskStateAborted).count());
        assertFalse(types(result).contains(EventType.LambdaFunctionSucceeded), "the blocked task never finished");
        HistoryEvent parallelFailed = only(result, EventType.ParallelStateFailed);
        assertEquals(only(result, EventType.LambdaFunctionFailed).id(), parallelFailed.previousEventId());
        assertEquals(parallelFailed.id(), only(result, EventType.ParallelStateExited).previousEventId());
        assertEquals(List.of(), branchThreads(), "no branch thread survives the execution");
    }

    @Test
    void tasksThatNeverReturnTimeOutAndStopTheMapInlineAndDistributed() throws Exception {
        // code that ignores interruption, limited by TimeoutSeconds (1 s at 1/100 of real time)
        TaskRegistry tasks = TaskRegistry.withBuiltins().bind("stubborn", new dev.sfnrun.testtasks.Stubborn());
        for (String processor : new String[] {"", DIST + ", "}) {
            String definition = "{\"StartAt\": \"M\", \"States\": {\"M\": {\"Type\": \"Map\", \"End\": true,"
                    + " \"ItemProcessor\": {" + processor + "\"StartAt\": \"T\", \"States\": {\"T\": {\"Type\": \"Task\","
                    + " \"Resource\": \"stubborn\", \"TimeoutSeconds\": 1, \"End\": true}}}}}}";
            ExecutionOptions options = ExecutionOptions.defaults().withStateMachineName("Test").withTasks(tasks)
                    .withClock(new ScaledClock(0.01));
            ExecutionResult result = new Execution(DefinitionParser.parse(Json.parse(definition)),
                    Json.parse("[1, 2, 3]"), "[1, 2, 3]", options).run();
            assertEquals(ExecutionStatus.FAILED, result.status(), processor);
            if (processor.isEmpty()) {
                assertEquals("States.Timeout", result.error());
                assertTrue(types(result).contains(EventType.LambdaFunctionTimedOut));
                assertTrue(types(result).contains(EventType.MapIterationFailed));
                assertEquals(EventType.MapStateFailed, types(result).get(types(result).size() - 2));
            } else {
                // a child's failure is the Map Run's: no failure is tolerated without a tolerance field
                assertEquals("States.ExceedToleratedFailureThreshold", result.error());
                assertTrue(types(result).contains(EventType.MapRunFailed));
            }
            assertEquals(List.of(), branchThreads(), "no branch thread survives the execution");
        }
    }

    @Test
    void parallelResultSelectorAndResultPathApplyToTheArrayOfBranchOutputs() throws Exception {
        ExecutionResult result = run("""
                {"StartAt": "P", "States": {"P": {"Type": "Parallel", "End": true,
                  "ResultSelector": {"both.$": "States.Array($[0].v, $[1].v)"}, "ResultPath": "$.r",
                  "Branches": [{"StartAt": "A", "States": {"A": {"Type": "Pass", "Parameters": {"v.$": "$.x"}, "End": true}}},
                               {"StartAt": "B", "States": {"B": {"Type": "Pass", "Result": {"v": "b"}, "End": true}}}]}}}""",
                "{\"x\": \"a\"}", TaskRegistry.withBuiltins(), null);
        assertEquals(Json.parse("{\"x\":\"a\",\"r\":{\"both\":[\"a\",\"b\"]}}"), result.output());
    }

    @Test
    void variablesAssignedInABranchStayInIt() throws Exception {
        ExecutionResult result = run("""
                {"StartAt": "Set", "States": {
                  "Set": {"Type": "Pass", "Assign": {"outer": 1}, "Next": "P"},
                  "P": {"Type": "Parallel", "End": true, "Branches": [
                    {"StartAt": "A", "States": {"A": {"Type": "Pass", "Assign": {"inner": 2}, "Next": "B"},
                                                "B": {"Type": "Pass", "Parameters": {"o.$": "$outer", "i.$": "$inner"}, "End": true}}}]}}}""",
                "{}", TaskRegistry.withBuiltins(), null);
        assertEquals(Json.parse("[{\"o\":1,\"i\":2}]"), result.output());
    }

    @Test
    void distributedChildrenHaveTheirOwnHistoriesAndToleratedFailuresKeepTheirRecords() throws Exception {
        TaskFunction check = (input, context) -> {
            if (input.path("bad").asBoolean()) {
                throw new TaskFailure("Bad", "item " + input.path("id").asInt());
            }
            return input.path("id");
        };
        ExecutionResult result = run("""
                {"StartAt": "M", "States": {"M": {"Type": "Map", "ToleratedFailurePercentage": 50, "End": true,
                  "ItemProcessor": {%s, "StartAt": "T", "States": {"T": {"Type": "Task", "Resource": "check", "End": true}}}}}}"""
                        .formatted(DIST),
                "[{\"id\": 1}, {\"id\": 2, \"bad\": true}, {\"id\": 3}]",
                TaskRegistry.withBuiltins().bind("check", check), null);
        assertEquals(ExecutionStatus.SUCCEEDED, result.status());
        assertEquals(List.of(EventType.ExecutionStarted, EventType.MapStateEntered, EventType.MapStateStarted,
                EventType.MapRunStarted, EventType.MapRunSucceeded, EventType.MapStateSucceeded, EventType.MapStateExited,
                EventType.ExecutionSucceeded), types(result));
        JsonNode output = result.output();
        assertEquals(IntNode.valueOf(1), output.get(0));
        assertEquals("FAILED", output.get(1).path("Status").asText());
        assertEquals("Bad", output.get(1).path("Error").asText());
        assertEquals("item 2", output.get(1).path("Cause").asText());
        assertEquals("{\"id\":2,\"bad\":true}", output.get(1).path("Input").asText());
        assertEquals(IntNode.valueOf(3), output.get(2));

        MapRunResult mapRun = result.mapRuns().get(0);
        assertEquals(3, mapRun.total());
        assertEquals(2, mapRun.succeeded());
        assertEquals(1, mapRun.failed());
        assertTrue(mapRun.mapRunArn().startsWith("arn:aws:states:us-east-1:123456789012:mapRun:Test/"));
        ExecutionResult child = mapRun.children().get(1);
        assertEquals(ExecutionStatus.FAILED, child.status());
        assertTrue(child.executionArn().startsWith("arn:aws:states:us-east-1:123456789012:execution:Test/"));
        assertEquals(EventType.ExecutionStarted, child.events().get(0).type());
        assertEquals(EventType.ExecutionFailed, child.events().get(child.events().size() - 1).type());
        HistoryEvent runStarted = only(result, EventType.MapRunStarted);
        assertEquals(runStarted.id(), only(result, EventType.MapRunSucceeded).previousEventId());
        assertEquals(only(result, EventType.MapRunSucceeded).id(), only(result, EventType.MapStateExited).previousEventId());
    }

    @Test
    void exceedingTheToleratedFailureCountStopsTheRemainingChildren() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        TaskFunction fail = (input, context) -> {
            calls.incrementAndGet();
            throw new TaskFailure("Bad", null);
        };
        ExecutionResult result = run("""
                {"StartAt": "M", "States": {"M": {"Type": "Map", "MaxConcurrency": 1, "ToleratedFailureCount": 1, "End": true,
                  "ItemProcessor": {%s, "StartAt": "T", "States": {"T": {"Type": "Task", "Resource": "fail", "End": true}}}}}}"""
                        .formatted(DIST),
                "[1, 2, 3, 4, 5]", TaskRegistry.withBuiltins().bind("fail", fail), null);
        assertEquals(ExecutionStatus.FAILED, result.status());
        assertEquals("States.ExceedToleratedFailureThreshold", result.error());
        assertEquals("The specified tolerated failure threshold was exceeded", result.cause());
        assertEquals(2, calls.get(), "the run fails at the second failure");
        HistoryEvent runFailed = only(result, EventType.MapRunFailed);
        assertEquals("States.ExceedToleratedFailureThreshold", runFailed.stringDetail("error"));
        assertEquals(runFailed.id(), only(result, EventType.MapStateFailed).previousEventId());
    }

    @Test
    void itemReaderJsonLinesAndResultWriterUseTheLocalS3Directory(@TempDir Path s3) throws Exception {
        Files.createDirectories(s3.resolve("in/data"));
        Files.writeString(s3.resolve("in/data/items.jsonl"), "{\"n\":1}\n{\"n\":2}\n\n{\"n\":3}\n");
        Files.createDirectories(s3.resolve("out"));
        ExecutionResult result = run("""
                {"StartAt": "M", "States": {"M": {"Type": "Map", "End": true,
                  "ItemReader": {"Resource": "arn:aws:states:::s3:getObject", "ReaderConfig": {"InputType": "JSONL"},
                                 "Parameters": {"Bucket": "in", "Key": "data/items.jsonl"}},
                  "ItemSelector": {"n.$": "$$.Map.Item.Value.n", "i.$": "$$.Map.Item.Index"},
                  "ResultWriter": {"Resource": "arn:aws:states:::s3:putObject", "Parameters": {"Bucket": "out", "Prefix": "runs"}},
                  "ItemProcessor": {%s, "StartAt": "I", "States": {"I": {"Type": "Pass", "End": true}}}}}}""".formatted(DIST),
                "{}", TaskRegistry.withBuiltins(), s3);
        assertEquals(ExecutionStatus.SUCCEEDED, result.status(), result.cause());
        assertEquals(3L, ((Number) only(result, EventType.MapStateStarted).detail("length")).longValue());
        JsonNode output = result.output();
        String key = output.path("ResultWriterDetails").path("Key").asText();
        assertEquals("out", output.path("ResultWriterDetails").path("Bucket").asText());
        assertTrue(key.startsWith("runs/") && key.endsWith("/manifest.json"), key);
        assertEquals(result.mapRuns().get(0).mapRunArn(), output.path("MapRunArn").asText());
        JsonNode manifest = Json.parse(Files.readString(s3.resolve("out").resolve(key)));
        String succeededKey = manifest.path("ResultFiles").path("SUCCEEDED").get(0).path("Key").asText();
        JsonNode succeeded = Json.parse(Files.readString(s3.resolve("out").resolve(succeededKey)));
        assertEquals(3, succeeded.size());
        // entries are written as the children finish, in no promised order (as on AWS)
        List<String> outputs = new java.util.ArrayList<>();
        succeeded.forEach(entry -> outputs.add(entry.path("Output").asText()));
        assertEquals(List.of("{\"n\":1,\"i\":0}", "{\"n\":2,\"i\":1}", "{\"n\":3,\"i\":2}"),
                outputs.stream().sorted().toList());
        succeeded.forEach(entry -> assertEquals("SUCCEEDED", entry.path("Status").asText()));
    }

    @Test
    void listObjectsV2ListsTheBucketInKeyOrderUpToMaxItems(@TempDir Path s3) throws Exception {
        Files.createDirectories(s3.resolve("b/logs/2024"));
        Files.writeString(s3.resolve("b/logs/2024/b.txt"), "bb");
        Files.writeString(s3.resolve("b/logs/2024/a.txt"), "a");
        Files.writeString(s3.resolve("b/logs/c.txt"), "ccc");
        Files.writeString(s3.resolve("b/other.txt"), "x");
        ExecutionResult result = run("""
                {"StartAt": "M", "States": {"M": {"Type": "Map", "End": true,
                  "ItemReader": {"Resource": "arn:aws:states:::s3:listObjectsV2", "ReaderConfig": {"MaxItems": 2},
                                 "Parameters": {"Bucket": "b", "Prefix": "logs/"}},
                  "ItemSelector": {"key.$": "$$.Map.Item.Value.Key", "size.$": "$$.Map.Item.Value.Size"},
                  "ItemProcessor": {%s, "StartAt": "I", "States": {"I": {"Type": "Pass", "End": true}}}}}}""".formatted(DIST),
                "{}", TaskRegistry.withBuiltins(), s3);
        assertEquals(Json.parse("[{\"key\":\"logs/2024/a.txt\",\"size\":1},{\"key\":\"logs/2024/b.txt\",\"size\":2}]"),
                result.output());
    }

    @Test
    void itemReaderWithoutAnS3DirectoryFailsWithItemReaderFailed() throws Exception {
        ExecutionResult result = run("""
                {"StartAt": "M", "States": {"M": {"Type": "Map", "End": true,
                  "ItemReader": {"Resource": "arn:aws:states:::s3:getObject", "Parameters": {"Bucket": "in", "Key": "k.json"}},
                  "ItemProcessor": {%s, "StartAt": "I", "States": {"I": {"Type": "Pass", "End": true}}}}}}""".formatted(DIST),
                "{}", TaskRegistry.withBuiltins(), null);
        assertEquals("States.ItemReaderFailed", result.error());
        assertTrue(result.cause().contains("--s3-root"), result.cause());
    }

    @Test
    void csvWithDuplicateHeadersFailsTheReader(@TempDir Path s3) throws Exception {
        Files.createDirectories(s3.resolve("in"));
        Files.writeString(s3.resolve("in/d.csv"), "a,a\n1,2\n");
        ExecutionResult result = run("""
                {"StartAt": "M", "States": {"M": {"Type": "Map", "End": true,
                  "ItemReader": {"Resource": "arn:aws:states:::s3:getObject", "ReaderConfig": {"InputType": "CSV",
                    "CSVHeaderLocation": "FIRST_ROW"}, "Parameters": {"Bucket": "in", "Key": "d.csv"}},
                  "ItemProcessor": {%s, "StartAt": "I", "States": {"I": {"Type": "Pass", "End": true}}}}}}""".formatted(DIST),
                "{}", TaskRegistry.withBuiltins(), s3);
        assertEquals("States.ItemReaderFailed", result.error());
        assertTrue(result.cause().endsWith("CSV headers cannot contain duplicates."), result.cause());
    }

    @Test
    void writerConfigAloneFlattensArrayOutputs() throws Exception {
        ExecutionResult result = run("""
                {"StartAt": "M", "States": {"M": {"Type": "Map", "End": true,
                  "ResultWriter": {"WriterConfig": {"Transformation": "FLATTEN", "OutputType": "JSON"}},
                  "ItemProcessor": {%s, "StartAt": "I", "States": {"I": {"Type": "Pass", "End": true}}}}}}""".formatted(DIST),
                "[[1, 2], [3], 4]", TaskRegistry.withBuiltins(), null);
        assertEquals(Json.parse("[1, 2, 3, 4]"), result.output());
    }

    @Test
    void batchesAreCutByByteSize() throws Exception {
        // each item is 6 bytes of JSON plus one for its separator: two fit in 14 bytes, three do not
        ExecutionResult result = run("""
                {"StartAt": "M", "States": {"M": {"Type": "Map", "End": true, "ItemBatcher": {"MaxInputBytesPerBatch": 14},
                  "ItemProcessor": {%s, "StartAt": "I", "States": {"I": {"Type": "Pass", "OutputPath": "$.Items", "End": true}}}}}}"""
                        .formatted(DIST),
                "[\"aaaa\", \"bbbb\", \"cccc\"]", TaskRegistry.withBuiltins(), null);
        assertEquals(Json.parse("[[\"aaaa\", \"bbbb\"], [\"cccc\"]]"), result.output());
        assertEquals(2, result.mapRuns().get(0).total());
    }

    @Test
    void anIterationThatSucceededAsAnotherFailedIsNeverAlsoAborted() throws Exception {
        // the race: an iteration writes MapIterationSucceeded just as another fails; it was then also
        // listed among the running ones and got MapIterationAborted (seen under load: HtmlReportTest)
        String definition = """
                {"StartAt": "M", "States": {"M": {"Type": "Map", "End": true, "ItemProcessor": {"StartAt": "I", "States": {
                  "I": {"Type": "Choice", "Choices": [{"Variable": "$", "NumericEquals": 7, "Next": "Bad"}], "Default": "Good"},
                  "Good": {"Type": "Pass", "End": true},
                  "Bad": {"Type": "Fail", "Error": "Seven"}}}}}}""";
        StringBuilder items = new StringBuilder("[");
        for (int i = 0; i < 40; i++) {
            items.append(i == 0 ? "" : ",").append(i % 8);
        }
        String input = items.append("]").toString();
        for (int round = 0; round < 40; round++) {
            ExecutionResult result = run(definition, input, TaskRegistry.withBuiltins(), null);
            assertEquals("Seven", result.error());
            java.util.Map<Long, List<EventType>> ends = new java.util.TreeMap<>();
            for (HistoryEvent event : result.events()) {
                if (event.type().name().startsWith("MapIteration") && event.type() != EventType.MapIterationStarted) {
                    ends.computeIfAbsent(((Number) event.detail("index")).longValue(), k -> new java.util.ArrayList<>())
                            .add(event.type());
                }
            }
            assertEquals(40, ends.size(), "every iteration ends");
            ends.forEach((index, types) -> assertEquals(1, types.size(), "iteration " + index + " ended once: " + types));
        }
        assertEquals(List.of(), branchThreads(), "no branch thread survives the executions");
    }

    @Test
    void branchesFailingAtOnceReportTheFailureThatComesFirstInTheHistory() throws Exception {
        // both branches fail in their first state: whichever thread gets there first, the error is that of
        // the branch whose failing event has the lower id, and ParallelStateFailed follows that event
        String definition = """
                {"StartAt": "P", "States": {"P": {"Type": "Parallel", "End": true, "Branches": [
                  {"StartAt": "A", "States": {"A": {"Type": "Fail", "Error": "ErrA"}}},
                  {"StartAt": "B", "States": {"B": {"Type": "Fail", "Error": "ErrB"}}}]}}}""";
        for (int round = 0; round < 30; round++) {
            ExecutionResult result = run(definition, "{}", TaskRegistry.withBuiltins(), null);
            HistoryEvent firstFail = result.events().stream().filter(e -> e.type() == EventType.FailStateEntered)
                    .findFirst().orElseThrow();
            assertEquals("Err" + firstFail.detail("name"), result.error(), "round " + round);
            assertEquals(firstFail.id(), only(result, EventType.ParallelStateFailed).previousEventId(), "round " + round);
        }
    }

    @Test
    void aMapRunThatFailsStopsChildrenInsideTheirOwnMapsAndTheRunFails() throws Exception {
        // the other children are in an inline Map of Waits when the first one fails: their threads are
        // interrupted there, and they end aborted (this was "internal error: BranchAborted", exit 3)
        String definition = """
                {"StartAt": "M", "States": {"M": {"Type": "Map", "ItemsPath": "$.arr", "ItemSelector": {"arr": [1, 2]},
                  "ItemProcessor": {"ProcessorConfig": {"Mode": "DISTRIBUTED", "ExecutionType": "EXPRESS"},
                    "StartAt": "I", "States": {
                      "I": {"Type": "Map", "ItemsPath": "$.arr", "Next": "F",
                            "ItemProcessor": {"StartAt": "W", "States": {"W": {"Type": "Wait", "Seconds": 1, "End": true}}}},
                      "F": {"Type": "Fail", "Error": "X"}}},
                  "End": true}}}""";
        for (int round = 0; round < 5; round++) {
            ExecutionResult result = new Execution(DefinitionParser.parse(Json.parse(definition)),
                    Json.parse("{\"arr\": [1, 2, 3, 4, 5, 6, 7, 8]}"), null, ExecutionOptions.defaults()
                    .withClock(new dev.sfnrun.engine.time.VirtualClock(java.time.Instant.parse("2024-01-01T00:00:00Z")))).run();
            assertEquals(ExecutionStatus.FAILED, result.status(), "round " + round);
            assertEquals("States.ExceedToleratedFailureThreshold", result.error(), "round " + round);
        }
    }
}
