package dev.sfnrun.engine.map;

import dev.sfnrun.engine.ExecutionResult;
import dev.sfnrun.engine.ExecutionStatus;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sfnrun.definition.DistributedConfig;
import dev.sfnrun.error.ErrorNames;
import dev.sfnrun.error.StatesError;
import dev.sfnrun.query.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A distributed Map's result: without a ResultWriter Resource, the children's results shaped by
 * the WriterConfig Transformation (COMPACT by default); with one ({@code s3:putObject}), the
 * results are written as SUCCEEDED_0 / FAILED_0 files and a manifest.json under
 * {@code Bucket/Prefix/<map run id>/} of the local S3 directory, and the result is a descriptor
 * pointing at the manifest. A failure to write is {@code States.ResultWriterFailed}.
 */
public final class ResultWriterSink {
    private final S3Directory s3;

    public ResultWriterSink(Path s3Root) {
        this.s3 = new S3Directory(s3Root, ErrorNames.RESULT_WRITER_FAILED);
    }

    public JsonNode write(DistributedConfig.ResultWriter writer, MapInputs inputs, DistributedMapRunner.MapRunOutcome outcome) {
        if (writer == null) {
            return outcome.compact(false);
        }
        if (writer.resource() == null) {
            return shaped(writer.transformation(), outcome, true);
        }
        JsonNode parameters = inputs.evaluate(writer.parameters());
        String bucket = parameters.path("Bucket").asText(null);
        String prefix = parameters.path("Prefix").asText("");
        String folder = (prefix.isEmpty() || prefix.endsWith("/") ? prefix : prefix + "/") + outcome.runId() + "/";
        ArrayNode succeeded = Json.array();
        ArrayNode failed = Json.array();
        for (ExecutionResult result : outcome.results()) {
            if (result == null) {
                continue;
            }
            JsonNode entry = entry(writer.transformation(), result);
            (result.status() == ExecutionStatus.SUCCEEDED ? succeeded : failed).add(entry);
        }
        ObjectNode files = Json.object();
        files.set("FAILED", put(bucket, folder, "FAILED_0", failed, writer.outputType()));
        files.putArray("PENDING");
        files.set("SUCCEEDED", put(bucket, folder, "SUCCEEDED_0", succeeded, writer.outputType()));
        ObjectNode manifest = Json.object();
        manifest.put("DestinationBucket", bucket);
        manifest.put("MapRunArn", outcome.mapRunArn());
        manifest.set("ResultFiles", files);
        write(bucket, folder + "manifest.json", Json.compact(manifest));
        ObjectNode descriptor = Json.object();
        descriptor.put("MapRunArn", outcome.mapRunArn());
        descriptor.set("ResultWriterDetails", Json.object().put("Bucket", bucket).put("Key", folder + "manifest.json"));
        return descriptor;
    }

    /** The whole result shaped by a Transformation: NONE (records), COMPACT (outputs) or FLATTEN. */
    private static ArrayNode shaped(String transformation, DistributedMapRunner.MapRunOutcome outcome, boolean compactDefault) {
        if ("NONE".equals(transformation)) {
            ArrayNode out = Json.array();
            for (ExecutionResult result : outcome.results()) {
                if (result != null) {
                    out.add(DistributedMapRunner.record(result));
                }
            }
            return out;
        }
        return outcome.compact("FLATTEN".equals(transformation));
    }

    private static JsonNode entry(String transformation, ExecutionResult result) {
        if ("NONE".equals(transformation) || result.status() != ExecutionStatus.SUCCEEDED) {
            return DistributedMapRunner.record(result);
        }
        return result.output();
    }

    private ArrayNode put(String bucket, String folder, String name, ArrayNode entries, String outputType) {
        ArrayNode listing = Json.array();
        if (entries.isEmpty()) {
            return listing;
        }
        boolean lines = "JSONL".equals(outputType);
        String key = folder + name + (lines ? ".jsonl" : ".json");
        StringBuilder text = new StringBuilder();
        if (lines) {
            for (JsonNode entry : entries) {
                text.append(Json.compact(entry)).append('\n');
            }
        } else {
            text.append(Json.compact(entries));
        }
        long size = write(bucket, key, text.toString());
        listing.add(Json.object().put("Key", key).put("Size", size));
        return listing;
    }

    private long write(String bucket, String key, String text) {
        Path file = s3.object(bucket, key);
        try {
            Files.createDirectories(file.getParent());
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            Files.write(file, bytes);
            return bytes.length;
        } catch (IOException e) {
            throw new StatesError(ErrorNames.RESULT_WRITER_FAILED, "Cannot write s3://" + bucket + "/" + key + " ("
                    + file + "): " + e.getMessage());
        }
    }
}
