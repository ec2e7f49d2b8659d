package dev.sfnrun.engine.map;

import dev.sfnrun.engine.ExecutionResult;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.sfnrun.definition.DistributedConfig;
import dev.sfnrun.error.ErrorNames;
import dev.sfnrun.error.StatesError;
import dev.sfnrun.query.Json;
import java.nio.file.Path;

/**
 * A distributed Map's result: without a ResultWriter Resource, the children's results shaped by
 * the WriterConfig Transformation (COMPACT by default); with one ({@code s3:putObject}), each
 * child's entry goes to the result files under {@code Bucket/Prefix/<map run id>/} of the local S3
 * directory as the child finishes ({@link ResultFiles}), and the result is a descriptor pointing
 * at the manifest. A failure to write is {@code States.ResultWriterFailed}.
 */
public final class ResultWriterSink {
    private final DistributedConfig.ResultWriter writer;
    private final ResultFiles files;

    /** Evaluates the writer's Parameters and, for an export, prepares its files under {@code runId}. */
    public ResultWriterSink(Path s3Root, DistributedConfig.ResultWriter writer, MapInputs inputs, String runId) {
        this.writer = writer;
        if (writer != null && writer.resource() != null) {
            JsonNode parameters = inputs.evaluate(writer.parameters());
            String bucket = S3Parameters.string(parameters, "Bucket", ErrorNames.RESULT_WRITER_FAILED);
            String prefix = S3Parameters.string(parameters, "Prefix", ErrorNames.RESULT_WRITER_FAILED);
            prefix = prefix == null ? "" : prefix;
            String folder = (prefix.isEmpty() || prefix.endsWith("/") ? prefix : prefix + "/") + runId + "/";
            files = new ResultFiles(new S3Directory(s3Root, ErrorNames.RESULT_WRITER_FAILED), bucket, folder,
                    writer.outputType(), writer.transformation(), ResultFiles.MAX_FILE_BYTES);
        } else {
            files = null;
        }
    }

    /** Whether the results go to S3 (then nothing of the children need be kept for the Map's output). */
    public boolean exports() {
        return files != null;
    }

    /** A finished child, as it finishes (any thread). */
    public void add(ExecutionResult result) {
        if (files != null) {
            files.add(result);
        }
    }

    /** A child cut short by the end of a failed or aborted Map Run (any thread): PENDING in an export. */
    public void pending(ExecutionResult result) {
        if (files != null) {
            files.pending(result);
        }
    }

    /**
     * Ends the export of a Map Run that failed or was aborted: its files and manifest are written as
     * far as they can be; the Map's error stays the run's own, so a failure to write is not raised.
     */
    void finishQuietly(DistributedMapRunner.MapRunOutcome outcome) {
        if (files != null) {
            try {
                files.finish(outcome.mapRunArn());
            } catch (StatesError ignored) {
                // the run's own error is the one reported
            }
        }
    }

    /** Whether the Map's output shows each child's whole record (the NONE transformation without export). */
    public boolean showsRecords() {
        return writer != null && files == null && "NONE".equals(writer.transformation());
    }

    public JsonNode finish(DistributedMapRunner.MapRunOutcome outcome) {
        if (files != null) {
            return files.finish(outcome.mapRunArn());
        }
        if (writer == null) {
            return outcome.compact(false);
        }
        if ("NONE".equals(writer.transformation())) {
            ArrayNode out = Json.array();
            for (ExecutionResult result : outcome.results()) {
                if (result != null) {
                    out.add(DistributedMapRunner.record(result));
                }
            }
            return out;
        }
        return outcome.compact("FLATTEN".equals(writer.transformation()));
    }
}
