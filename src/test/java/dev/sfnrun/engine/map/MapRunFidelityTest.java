package dev.sfnrun.engine.map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sfnrun.definition.DefinitionParser;
import dev.sfnrun.engine.Execution;
import dev.sfnrun.engine.ExecutionOptions;
import dev.sfnrun.engine.ExecutionResult;
import dev.sfnrun.engine.ExecutionStatus;
import dev.sfnrun.history.EventType;
import dev.sfnrun.history.HistoryEvent;
import dev.sfnrun.query.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A distributed Map as AWS runs it: {@code $$.Map.Item.Source}, the tolerated failures counted per
 * item (a failed batch counts all its items), MapRunFailed / MapRunAborted when AWS writes them, and
 * the export of a failed Map Run (PENDING children included).
 */
class MapRunFidelityTest {
    @TempDir
    Path s3;

    private ExecutionResult run(String definition, String input) throws Exception {
        ExecutionOptions options = ExecutionOptions.defaults().withStateMachineName("SM").withS3Root(s3);
        return new Execution(DefinitionParser.parse(Json.parse(definition)), Json.parse(input), input, options).run();
    }

    private static List<EventType> types(ExecutionResult result) {
        return result.events().stream().map(HistoryEvent::type).toList();
    }

    private static String map(String fields, String processorStates) {
        return """
                {"StartAt": "M", "States": {"M": {"Type": "Map", "End": true, %s
                  "ItemProcessor": {"ProcessorConfig": {"Mode": "DISTRIBUTED", "ExecutionType": "STANDARD"},
                    %s}}}}""".formatted(fields, processorStates);
    }

    private static final String PASS = "\"StartAt\": \"P\", \"States\": {\"P\": {\"Type\": \"Pass\", \"End\": true}}";
    private static final String SELECT = "\"ItemSelector\": {\"source.$\": \"$$.Map.Item.Source\", \"index.$\": \"$$.Map.Item.Index\","
            + " \"value.$\": \"$$.Map.Item.Value\"},";

    @Test
    void itemSourceIsStateDataOrTheS3ObjectOrBucket() throws Exception {
        ExecutionResult fromInput = run(map(SELECT, PASS), "[\"a\", \"b\"]");
        assertEquals(Json.parse("[{\"source\": \"STATE_DATA\", \"index\": 0, \"value\": \"a\"},"
                + " {\"source\": \"STATE_DATA\", \"index\": 1, \"value\": \"b\"}]"), fromInput.output());

        Files.createDirectories(s3.resolve("in/data"));
        Files.writeString(s3.resolve("in/data/items.json"), "[10]");
        ExecutionResult fromObject = run(map(SELECT + "\"ItemReader\": {\"Resource\": \"arn:aws:states:::s3:getObject\","
                + " \"Parameters\": {\"Bucket\": \"in\", \"Key\": \"data/items.json\"}},", PASS), "{}");
        assertEquals(Json.parse("[{\"source\": \"s3://in/data/items.json\", \"index\": 0, \"value\": 10}]"), fromObject.output());

        ExecutionResult fromListing = run(map("\"ItemSelector\": {\"source.$\": \"$$.Map.Item.Source\", \"key.$\": \"$$.Map.Item.Value.Key\"},"
                + " \"ItemReader\": {\"Resource\": \"arn:aws:states:::s3:listObjectsV2\", \"Parameters\": {\"Bucket\": \"in\"}},", PASS), "{}");
        assertEquals(Json.parse("[{\"source\": \"s3://in\", \"key\": \"data/items.json\"}]"), fromListing.output());

        // LOAD_AND_FLATTEN: each item's object, in a batch too (a.json's two items, then b.json's)
        Files.writeString(s3.resolve("in/data/more.json"), "[20, 30]");
        ExecutionResult flattened = run(map("\"ItemSelector\": {\"source.$\": \"$$.Map.Item.Source\", \"v.$\": \"$$.Map.Item.Value\"},"
                + " \"ItemBatcher\": {\"MaxItemsPerBatch\": 2},"
                + " \"ItemReader\": {\"Resource\": \"arn:aws:states:::s3:listObjectsV2\", \"Parameters\": {\"Bucket\": \"in\"},"
                + " \"ReaderConfig\": {\"InputType\": \"JSON\", \"Transformation\": \"LOAD_AND_FLATTEN\"}},", PASS), "{}");
        assertEquals(Json.parse("[{\"Items\": [{\"source\": \"s3://in/data/items.json\", \"v\": 10},"
                + " {\"source\": \"s3://in/data/more.json\", \"v\": 20}]}, {\"Items\": [{\"source\": \"s3://in/data/more.json\", \"v\": 30}]}]"),
                flattened.output());

        // an inline Map's item has no Source
        String inline = "{\"StartAt\": \"M\", \"States\": {\"M\": {\"Type\": \"Map\", \"End\": true,"
                + " \"ItemSelector\": {\"item.$\": \"$$.Map.Item\"}, \"ItemProcessor\": {" + PASS + "}}}}";
        assertEquals(Json.parse("[{\"item\": {\"Index\": 0, \"Value\": \"a\"}}]"), run(inline, "[\"a\"]").output());
    }

    /** Ten items in batches of three (3, 3, 3, 1); the batch holding item 3 fails, that is three failed items. */
    private ExecutionResult batched(String tolerance) throws Exception {
        String processor = """
                "StartAt": "C", "States": {
                  "C": {"Type": "Choice", "Choices": [{"Variable": "$.Items[0]", "NumericEquals": 3, "Next": "F"}], "Default": "P"},
                  "F": {"Type": "Fail", "Error": "Bad", "Cause": "bad batch"},
                  "P": {"Type": "Pass", "End": true}}""";
        return run(map("\"MaxConcurrency\": 1, \"ItemBatcher\": {\"MaxItemsPerBatch\": 3}, " + tolerance + ",", processor),
                "[0, 1, 2, 3, 4, 5, 6, 7, 8, 9]");
    }

    @Test
    void toleratedFailuresAreCountedPerItemAlsoInBatches() throws Exception {
        ExecutionResult overCount = batched("\"ToleratedFailureCount\": 2");
        assertEquals(ExecutionStatus.FAILED, overCount.status());
        assertEquals("States.ExceedToleratedFailureThreshold", overCount.error());
        assertEquals("The specified tolerated failure threshold was exceeded", overCount.cause());
        assertEquals(ExecutionStatus.SUCCEEDED, batched("\"ToleratedFailureCount\": 3").status());
        // 3 failed items of 10 are 30 %: more than 29 %, not more than 30 %
        assertEquals("States.ExceedToleratedFailureThreshold", batched("\"ToleratedFailurePercentage\": 29").error());
        assertEquals(ExecutionStatus.SUCCEEDED, batched("\"ToleratedFailurePercentage\": 30").status());
    }

    @Test
    void aFailedMapRunWritesMapRunFailedAndStillExportsItsResults() throws Exception {
        Files.createDirectories(s3.resolve("out"));
        String processor = """
                "StartAt": "C", "States": {
                  "C": {"Type": "Choice", "Choices": [{"Variable": "$", "NumericEquals": 1, "Next": "F"}], "Default": "P"},
                  "F": {"Type": "Fail", "Error": "Bad", "Cause": "bad item"},
                  "P": {"Type": "Pass", "End": true}}""";
        ExecutionResult result = run(map("\"MaxConcurrency\": 1, \"ResultWriter\": {\"Resource\": \"arn:aws:states:::s3:putObject\","
                + " \"Parameters\": {\"Bucket\": \"out\", \"Prefix\": \"runs\"}},", processor), "[0, 1, 2]");
        assertEquals("States.ExceedToleratedFailureThreshold", result.error());
        List<EventType> types = types(result);
        assertEquals(List.of(EventType.ExecutionStarted, EventType.MapStateEntered, EventType.MapStateStarted,
                EventType.MapRunStarted, EventType.MapRunFailed, EventType.MapStateFailed, EventType.ExecutionFailed), types);
        HistoryEvent failed = result.events().get(4);
        assertEquals("States.ExceedToleratedFailureThreshold", failed.details().get("error"));
        assertEquals("The specified tolerated failure threshold was exceeded", failed.details().get("cause"));
        Path runs = s3.resolve("out/runs");
        try (var folders = Files.list(runs)) {
            Path folder = folders.findFirst().orElseThrow();
            JsonNode manifest = Json.parse(Files.readString(folder.resolve("manifest.json")));
            assertEquals(1, manifest.path("ResultFiles").path("SUCCEEDED").size());
            assertEquals(1, manifest.path("ResultFiles").path("FAILED").size());
            JsonNode failedRecords = Json.parse(Files.readString(s3.resolve("out").resolve(
                    manifest.path("ResultFiles").path("FAILED").get(0).path("Key").asText())));
            assertEquals("Bad", failedRecords.get(0).path("Error").asText());
            assertEquals("FAILED", failedRecords.get(0).path("Status").asText());
        }
    }

    @Test
    void childrenCutShortByTheFailureArePending() throws Exception {
        Files.createDirectories(s3.resolve("out"));
        String processor = """
                "StartAt": "C", "States": {
                  "C": {"Type": "Choice", "Choices": [{"Variable": "$", "NumericEquals": 0, "Next": "Soon"}], "Default": "W"},
                  "Soon": {"Type": "Wait", "Seconds": 1, "Next": "F"},
                  "F": {"Type": "Fail", "Error": "Bad", "Cause": "bad item"},
                  "W": {"Type": "Wait", "Seconds": 100, "End": true}}""";
        ExecutionResult result = run(map("\"MaxConcurrency\": 2, \"ResultWriter\": {\"Resource\": \"arn:aws:states:::s3:putObject\","
                + " \"Parameters\": {\"Bucket\": \"out\", \"Prefix\": \"p\"}},", processor), "[0, 1]");
        assertEquals("States.ExceedToleratedFailureThreshold", result.error());
        try (var folders = Files.list(s3.resolve("out/p"))) {
            Path folder = folders.findFirst().orElseThrow();
            JsonNode files = Json.parse(Files.readString(folder.resolve("manifest.json"))).path("ResultFiles");
            assertEquals(1, files.path("FAILED").size());
            assertEquals(1, files.path("PENDING").size(), files.toString());
            JsonNode pending = Json.parse(Files.readString(s3.resolve("out").resolve(files.path("PENDING").get(0).path("Key").asText())));
            assertEquals(1, pending.size());
            assertEquals("ABORTED", pending.get(0).path("Status").asText());
            assertEquals("1", pending.get(0).path("Input").asText());
            assertFalse(pending.get(0).has("Output"));
        }
    }

    @Test
    void stoppingTheExecutionAbortsTheMapRun() throws Exception {
        String definition = map("", "\"StartAt\": \"W\", \"States\": {\"W\": {\"Type\": \"Wait\", \"Seconds\": 60, \"End\": true}}");
        Execution execution = new Execution(DefinitionParser.parse(Json.parse(definition)), Json.parse("[1, 2]"), "[1, 2]",
                ExecutionOptions.defaults().withClock(new dev.sfnrun.engine.time.ScaledClock(1)));
        Thread stopper = new Thread(() -> {
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                return;
            }
            execution.stop();
        });
        stopper.start();
        ExecutionResult result = execution.run();
        stopper.join();
        assertEquals(ExecutionStatus.ABORTED, result.status());
        List<EventType> types = types(result);
        assertEquals(List.of(EventType.ExecutionStarted, EventType.MapStateEntered, EventType.MapStateStarted,
                EventType.MapRunStarted, EventType.MapRunAborted, EventType.ExecutionAborted), types);
        assertEquals(result.events().get(4).id(), result.events().get(5).previousEventId());
    }

    @Test
    void aFailingParallelSiblingAbortsTheMapRun() throws Exception {
        String definition = """
                {"StartAt": "Par", "States": {"Par": {"Type": "Parallel", "End": true, "Branches": [
                  {"StartAt": "M", "States": {"M": {"Type": "Map", "End": true,
                    "ItemProcessor": {"ProcessorConfig": {"Mode": "DISTRIBUTED", "ExecutionType": "STANDARD"},
                      "StartAt": "W", "States": {"W": {"Type": "Wait", "Seconds": 100, "End": true}}}}}},
                  {"StartAt": "Later", "States": {"Later": {"Type": "Wait", "Seconds": 10, "Next": "F"},
                                                   "F": {"Type": "Fail", "Error": "Sibling", "Cause": "sibling failed"}}}]}}}""";
        ExecutionResult result = run(definition, "[1]");
        assertEquals("Sibling", result.error());
        List<EventType> types = types(result);
        assertEquals(1, types.stream().filter(t -> t == EventType.MapRunAborted).count(), types.toString());
        assertTrue(types.indexOf(EventType.MapStateAborted) < types.indexOf(EventType.MapRunAborted), types.toString());
        assertFalse(types.contains(EventType.MapRunSucceeded));
    }

    @Test
    void aSucceededMapRunHasNoAbortedEvent() throws Exception {
        ExecutionResult result = run(map("", PASS), "[1, 2, 3]");
        assertEquals(List.of(EventType.ExecutionStarted, EventType.MapStateEntered, EventType.MapStateStarted,
                EventType.MapRunStarted, EventType.MapRunSucceeded, EventType.MapStateSucceeded, EventType.MapStateExited,
                EventType.ExecutionSucceeded), types(result));
    }

    @Test
    void theRunsOwnTimeoutStopsItsDistributedMapAndTimesTheRunOut() throws Exception {
        // the children wait 300 s; the machine allows 60: the Map Run is aborted at 60 s and the run times out
        String wait = "\"StartAt\": \"W\", \"States\": {\"W\": {\"Type\": \"Wait\", \"Seconds\": 300, \"End\": true}}";
        for (String concurrency : new String[] {"", "\"MaxConcurrency\": 1,"}) {
            String definition = map(concurrency, wait).replaceFirst("\\{\"StartAt\": \"M\",", "{\"StartAt\": \"M\", \"TimeoutSeconds\": 60,");
            ExecutionResult result = run(definition, "[1, 2, 3]");
            assertEquals(ExecutionStatus.TIMED_OUT, result.status(), concurrency);
            assertEquals(List.of(EventType.ExecutionStarted, EventType.MapStateEntered, EventType.MapStateStarted,
                    EventType.MapRunStarted, EventType.MapRunAborted, EventType.ExecutionTimedOut), types(result), concurrency);
            assertEquals(60, java.time.Duration.between(result.startDate(), result.stopDate()).getSeconds(), concurrency);
            assertEquals(ExecutionStatus.ABORTED, result.mapRuns().get(0).status());
        }
    }

    @Test
    void aMapRunAbortedByAFailingSiblingExportsItsChildrenAsPendingAndIsListed() throws Exception {
        // the Map Run's own thread is interrupted here: it used to finish the export before its children
        // reported (PENDING_0.json empty, not JSON, and missing from the manifest) and was not in mapRuns
        Files.createDirectories(s3.resolve("bkt"));
        Files.createDirectories(s3.resolve("out"));
        Files.writeString(s3.resolve("bkt/items.json"), "[1, 2, 3]");
        String definition = """
                {"StartAt": "Par", "States": {"Par": {"Type": "Parallel", "End": true, "Branches": [
                  {"StartAt": "M", "States": {"M": {"Type": "Map", "End": true,
                    "ItemReader": {"Resource": "arn:aws:states:::s3:getObject", "Parameters": {"Bucket": "bkt", "Key": "items.json"}},
                    "ItemProcessor": {"ProcessorConfig": {"Mode": "DISTRIBUTED", "ExecutionType": "STANDARD"},
                      "StartAt": "W", "States": {"W": {"Type": "Wait", "Seconds": 5, "End": true}}},
                    "ResultWriter": {"Resource": "arn:aws:states:::s3:putObject", "Parameters": {"Bucket": "out", "Prefix": "p"}}}}},
                  {"StartAt": "W2", "States": {"W2": {"Type": "Wait", "Seconds": 1, "Next": "F"},
                    "F": {"Type": "Fail", "Error": "Sib"}}}]}}}""";
        ExecutionResult result = new Execution(DefinitionParser.parse(Json.parse(definition)), Json.parse("{}"), "{}",
                ExecutionOptions.defaults().withStateMachineName("SM").withS3Root(s3)
                        .withClock(new dev.sfnrun.engine.time.VirtualClock(java.time.Instant.parse("2024-01-01T00:00:00Z")))).run();
        assertEquals("Sib", result.error());
        assertEquals(1, result.mapRuns().size());
        assertEquals(ExecutionStatus.ABORTED, result.mapRuns().get(0).status());
        assertEquals(3, result.mapRuns().get(0).aborted());
        Path runFolder;
        try (var folders = Files.list(s3.resolve("out/p"))) {
            runFolder = folders.findFirst().orElseThrow();
        }
        JsonNode manifest = Json.parse(Files.readString(runFolder.resolve("manifest.json")));
        assertEquals(1, manifest.path("ResultFiles").path("PENDING").size(), manifest.toString());
        JsonNode pending = Json.parse(Files.readString(runFolder.resolve("PENDING_0.json")));
        assertEquals(3, pending.size());
        pending.forEach(record -> assertEquals("ABORTED", record.get("Status").asText()));
    }

    @Test
    void theChildrenAFailingMapRunCutShortEndAbortedAndAreReported() throws Exception {
        // they were interrupted, not stopped, and left out of the Map Run's children (and --output json);
        // item 1 fails a second in, when the others are all waiting
        String definition = map("\"ItemsPath\": \"$\",", """
                "StartAt": "C", "States": {"C": {"Type": "Choice", "Default": "W",
                  "Choices": [{"Variable": "$", "NumericEquals": 1, "Next": "Soon"}]},
                  "Soon": {"Type": "Wait", "Seconds": 1, "Next": "F"},
                  "F": {"Type": "Fail", "Error": "One"}, "W": {"Type": "Wait", "Seconds": 5, "End": true}}""");
        ExecutionResult result = new Execution(DefinitionParser.parse(Json.parse(definition)), Json.parse("[1, 2, 3, 4]"),
                "[1, 2, 3, 4]", ExecutionOptions.defaults().withStateMachineName("SM").withS3Root(s3).withRecordHistory(true)
                        .withClock(new dev.sfnrun.engine.time.VirtualClock(java.time.Instant.parse("2024-01-01T00:00:00Z")))).run();
        assertEquals("States.ExceedToleratedFailureThreshold", result.error());
        List<ExecutionResult> children = result.mapRuns().get(0).children();
        assertEquals(4, children.size());
        assertEquals(3, children.stream().filter(c -> c.status() == ExecutionStatus.ABORTED).count());
        children.stream().filter(c -> c.status() == ExecutionStatus.ABORTED).forEach(c ->
                assertEquals(EventType.ExecutionAborted, c.events().get(c.events().size() - 1).type()));
    }

    @Test
    void theChildrenCutShortByTheRunsTimeoutAreAllReported() throws Exception {
        // the child that met the deadline first was left out of the report (9 of 10)
        String definition = """
                {"TimeoutSeconds": 5, "StartAt": "M", "States": {"M": {"Type": "Map", "End": true, "ItemsPath": "$",
                  "ItemProcessor": {"ProcessorConfig": {"Mode": "DISTRIBUTED", "ExecutionType": "STANDARD"},
                    "StartAt": "W", "States": {"W": {"Type": "Wait", "Seconds": 30, "End": true}}}}}}""";
        ExecutionResult result = new Execution(DefinitionParser.parse(Json.parse(definition)), Json.parse("[1, 2, 3, 4]"),
                "[1, 2, 3, 4]", ExecutionOptions.defaults().withStateMachineName("SM").withS3Root(s3).withRecordHistory(true)
                        .withClock(new dev.sfnrun.engine.time.VirtualClock(java.time.Instant.parse("2024-01-01T00:00:00Z")))).run();
        assertEquals(ExecutionStatus.TIMED_OUT, result.status());
        assertEquals(4, result.mapRuns().get(0).aborted());
        assertEquals(4, result.mapRuns().get(0).children().size());
        // each ABORTED, as the count says: the one that met the deadline first said TIMED_OUT
        for (ExecutionResult child : result.mapRuns().get(0).children()) {
            assertEquals(ExecutionStatus.ABORTED, child.status());
            assertEquals(EventType.ExecutionAborted, child.events().get(child.events().size() - 1).type());
        }
    }

    @Test
    void anExpressChildsOwnFiveMinutesStillTimeItOut() throws Exception {
        String definition = """
                {"TimeoutSeconds": 1000, "StartAt": "M", "States": {"M": {"Type": "Map", "End": true, "ItemsPath": "$",
                  "ToleratedFailurePercentage": 100,
                  "ItemProcessor": {"ProcessorConfig": {"Mode": "DISTRIBUTED", "ExecutionType": "EXPRESS"},
                    "StartAt": "W", "States": {"W": {"Type": "Wait", "Seconds": 400, "End": true}}}}}}""";
        ExecutionResult result = new Execution(DefinitionParser.parse(Json.parse(definition)), Json.parse("[1, 2]"),
                "[1, 2]", ExecutionOptions.defaults().withStateMachineName("SM").withS3Root(s3).withRecordHistory(true)
                        .withClock(new dev.sfnrun.engine.time.VirtualClock(java.time.Instant.parse("2024-01-01T00:00:00Z")))).run();
        assertEquals(ExecutionStatus.SUCCEEDED, result.status(), String.valueOf(result.error()));
        for (ExecutionResult child : result.mapRuns().get(0).children()) {
            assertEquals(ExecutionStatus.TIMED_OUT, child.status());
        }
    }
}
