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
import dev.sfnrun.engine.ExecutionType;
import dev.sfnrun.query.Json;
import dev.sfnrun.task.load.TaskRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A distributed Map's export to S3: AWS's file layout, WriterConfig applied to the files, a missing bucket. */
class ResultFilesTest {
    @TempDir
    Path s3;

    private ExecutionResult run(String writerConfig, String bucket, String input) throws Exception {
        String definition = """
                {"StartAt": "M", "States": {"M": {"Type": "Map", "End": true, "ItemsPath": "$.items",
                  "ToleratedFailurePercentage": 100,
                  "ResultWriter": {"Resource": "arn:aws:states:::s3:putObject", "Parameters": {"Bucket": "%s", "Prefix": "p"}%s},
                  "ItemProcessor": {"ProcessorConfig": {"Mode": "DISTRIBUTED", "ExecutionType": "EXPRESS"}, "StartAt": "C",
                    "States": {"C": {"Type": "Choice", "Choices": [{"Variable": "$.fail", "IsPresent": true, "Next": "F"}],
                                     "Default": "P"},
                               "F": {"Type": "Fail", "Error": "Bad", "Cause": "bad item"},
                               "P": {"Type": "Pass", "OutputPath": "$.out", "End": true}}}}}}"""
                .formatted(bucket, writerConfig);
        ExecutionOptions options = ExecutionOptions.defaults().withStateMachineName("SM").withTasks(TaskRegistry.withBuiltins())
                .withS3Root(s3).withType(ExecutionType.STANDARD);
        return new Execution(DefinitionParser.parse(Json.parse(definition)), Json.parse(input), input, options).run();
    }

    private static final String ITEMS = "{\"items\": [{\"out\": [1, 2]}, {\"out\": {\"a\": 1}}, {\"fail\": 1}, {\"out\": [3]}]}";

    private JsonNode manifest(ExecutionResult result) throws Exception {
        assertEquals(ExecutionStatus.SUCCEEDED, result.status(), result.cause());
        String key = result.output().path("ResultWriterDetails").path("Key").asText();
        return Json.parse(Files.readString(s3.resolve("out").resolve(key)));
    }

    private List<String> entries(JsonNode manifest, String kind, boolean lines) throws Exception {
        List<String> out = new ArrayList<>();
        for (JsonNode file : manifest.path("ResultFiles").path(kind)) {
            Path path = s3.resolve("out").resolve(file.path("Key").asText());
            assertEquals(Files.size(path), file.path("Size").asLong());
            String text = Files.readString(path);
            if (lines) {
                text.lines().forEach(out::add);
            } else {
                Json.parse(text).forEach(entry -> out.add(Json.compact(entry)));
            }
        }
        return out.stream().sorted().toList();
    }

    @Test
    void flattenIsAppliedToTheFiles() throws Exception {
        Files.createDirectories(s3.resolve("out"));
        JsonNode manifest = manifest(run(", \"WriterConfig\": {\"OutputType\": \"JSON\", \"Transformation\": \"FLATTEN\"}",
                "out", ITEMS));
        assertEquals(List.of("1", "2", "3", "{\"a\":1}"), entries(manifest, "SUCCEEDED", false));
        List<String> failed = entries(manifest, "FAILED", false);
        assertEquals(1, failed.size());
        JsonNode record = Json.parse(failed.get(0));
        assertEquals("Bad", record.path("Error").asText());
        assertEquals("bad item", record.path("Cause").asText());
        assertEquals("FAILED", record.path("Status").asText());
        assertEquals("out", manifest.path("DestinationBucket").asText());
        assertTrue(manifest.path("ResultFiles").path("PENDING").isArray());
        String key = manifest.path("ResultFiles").path("SUCCEEDED").get(0).path("Key").asText();
        assertTrue(key.matches("p/[0-9a-f-]{36}/SUCCEEDED_0\\.json"), key);
    }

    @Test
    void compactJsonLinesWritesOneOutputALine() throws Exception {
        Files.createDirectories(s3.resolve("out"));
        JsonNode manifest = manifest(run(", \"WriterConfig\": {\"OutputType\": \"JSONL\", \"Transformation\": \"COMPACT\"}",
                "out", ITEMS));
        assertEquals(List.of("[1,2]", "[3]", "{\"a\":1}"), entries(manifest, "SUCCEEDED", true));
        assertTrue(manifest.path("ResultFiles").path("SUCCEEDED").get(0).path("Key").asText().endsWith("/SUCCEEDED_0.jsonl"));
    }

    @Test
    void withoutWriterConfigEachEntryIsTheExecutionRecord() throws Exception {
        Files.createDirectories(s3.resolve("out"));
        List<String> succeeded = entries(manifest(run("", "out", ITEMS)), "SUCCEEDED", false);
        assertEquals(3, succeeded.size());
        for (String entry : succeeded) {
            JsonNode record = Json.parse(entry);
            assertEquals("SUCCEEDED", record.path("Status").asText());
            assertTrue(record.path("ExecutionArn").asText().contains(":express:SM/"), entry);
            assertTrue(record.has("Output") && record.has("Input") && record.has("StartDate"), entry);
        }
    }

    @Test
    void aBucketThatDoesNotExistFailsTheMapAndIsNeverCreated() throws Exception {
        ExecutionResult result = run("", "missing", ITEMS);
        assertEquals(ExecutionStatus.FAILED, result.status());
        assertEquals("States.ResultWriterFailed", result.error());
        assertEquals("The specified bucket does not exist (Service: Amazon S3; Status Code: 404; Error Code: "
                + "NoSuchBucket): missing", result.cause());
        assertFalse(Files.exists(s3.resolve("missing")));
    }

    @Test
    void filesRollOverAtTheSizeLimit() throws Exception {
        Files.createDirectories(s3.resolve("out"));
        ResultFiles files = new ResultFiles(new S3Directory(s3, "States.ResultWriterFailed"), "out", "r/", "JSON",
                "COMPACT", 20);
        ExecutionOptions options = ExecutionOptions.defaults().withTasks(TaskRegistry.withBuiltins());
        for (int i = 0; i < 5; i++) {
            String input = "{\"n\": " + i + "}";
            files.add(new Execution(DefinitionParser.parse(Json.parse(
                    "{\"StartAt\":\"P\",\"States\":{\"P\":{\"Type\":\"Pass\",\"End\":true}}}")), Json.parse(input), input,
                    options).run());
        }
        files.finish("arn:run");
        JsonNode manifest = Json.parse(Files.readString(s3.resolve("out/r/manifest.json")));
        JsonNode listing = manifest.path("ResultFiles").path("SUCCEEDED");
        assertEquals(3, listing.size(), listing.toString());
        List<Integer> all = new ArrayList<>();
        for (int i = 0; i < listing.size(); i++) {
            assertEquals("r/SUCCEEDED_" + i + ".json", listing.get(i).path("Key").asText());
            Json.parse(Files.readString(s3.resolve("out/r/SUCCEEDED_" + i + ".json"))).forEach(n -> all.add(n.path("n").asInt()));
        }
        assertEquals(List.of(0, 1, 2, 3, 4), all);
    }
}
