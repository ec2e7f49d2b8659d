package dev.sfnrun.engine.map;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sfnrun.engine.ExecutionResult;
import dev.sfnrun.engine.ExecutionStatus;
import dev.sfnrun.error.ErrorNames;
import dev.sfnrun.error.StatesError;
import dev.sfnrun.query.Json;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The result files of one Map Run export, written as the children finish (nothing is held for the
 * whole run): {@code SUCCEEDED_n} and {@code FAILED_n} ({@code .json}: one JSON array per file;
 * {@code .jsonl}: one record a line), a new file once one reaches {@link #MAX_FILE_BYTES}, each
 * entry shaped by the WriterConfig Transformation (NONE: the execution record; COMPACT: the
 * output; FLATTEN: an array output's elements as entries of their own; a failed child is always
 * its record). The bucket must exist; it is never created. Any failure is kept and reported as
 * {@code States.ResultWriterFailed} when the run's results are complete ({@link #finish}).
 */
final class ResultFiles {
    /** AWS's largest result file (5 GB); a file that reaches it is closed and the next one begun. */
    static final long MAX_FILE_BYTES = 5L * 1024 * 1024 * 1024;

    private final S3Directory s3;
    private final String bucket;
    private final String folder;
    private final boolean lines;
    private final String transformation;
    private final long maxFileBytes;
    private final Series succeeded = new Series("SUCCEEDED");
    private final Series failed = new Series("FAILED");
    private volatile StatesError error;

    ResultFiles(S3Directory s3, String bucket, String folder, String outputType, String transformation,
                long maxFileBytes) {
        this.s3 = s3;
        this.bucket = bucket;
        this.folder = folder;
        this.lines = "JSONL".equals(outputType);
        this.transformation = transformation == null ? "NONE" : transformation;
        this.maxFileBytes = maxFileBytes;
        try {
            Path base = s3.bucket(bucket);
            if (!Files.isDirectory(base)) {
                error = new StatesError(ErrorNames.RESULT_WRITER_FAILED, "The specified bucket does not exist "
                        + "(Service: Amazon S3; Status Code: 404; Error Code: NoSuchBucket): " + bucket);
            }
        } catch (StatesError e) {
            error = e;
        }
    }

    /**
     * Writes one finished child's entries (any thread; the first failure stops all writing). The
     * entries are made into text outside the lock, so children finishing together serialise in
     * parallel and only append under it.
     */
    void add(ExecutionResult result) {
        if (error != null) {
            return;
        }
        Series series = result.status() != ExecutionStatus.SUCCEEDED ? failed : succeeded;
        List<byte[]> texts = new ArrayList<>(1);
        if (result.status() != ExecutionStatus.SUCCEEDED || "NONE".equals(transformation)) {
            texts.add(utf8(DistributedMapRunner.record(result)));
        } else if ("FLATTEN".equals(transformation) && result.output() instanceof ArrayNode array) {
            for (JsonNode element : array) {
                texts.add(utf8(element));
            }
        } else {
            texts.add(utf8(result.output()));
        }
        synchronized (this) {
            if (error != null) {
                return;
            }
            try {
                for (byte[] text : texts) {
                    series.write(text);
                }
            } catch (IOException | StatesError e) {
                error = e instanceof StatesError s ? s : writeFailed((IOException) e);
                succeeded.abandon();
                failed.abandon();
            }
        }
    }

    /** The compact UTF-8 JSON text of an entry, written straight to bytes. */
    static byte[] utf8(JsonNode entry) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        try (JsonGenerator generator = Json.FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
            Json.write(entry, generator);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a byte array does not fail
        }
        return out.toByteArray();
    }

    /** Closes the files and writes manifest.json; returns the Map's result, the descriptor of the export. */
    synchronized ObjectNode finish(String mapRunArn) {
        ObjectNode files = Json.object();
        try {
            if (error == null) {
                files.set("FAILED", failed.close());
                files.putArray("PENDING");
                files.set("SUCCEEDED", succeeded.close());
            }
            if (error == null) {
                ObjectNode manifest = Json.object();
                manifest.put("DestinationBucket", bucket);
                manifest.put("MapRunArn", mapRunArn);
                manifest.set("ResultFiles", files);
                try (OutputStream out = s3.create(bucket, folder + "manifest.json")) {
                    out.write(Json.compact(manifest).getBytes(StandardCharsets.UTF_8));
                }
            }
        } catch (IOException | StatesError e) {
            error = e instanceof StatesError s ? s : writeFailed((IOException) e);
        }
        if (error != null) {
            succeeded.abandon();
            failed.abandon();
            throw error;
        }
        ObjectNode descriptor = Json.object();
        descriptor.put("MapRunArn", mapRunArn);
        descriptor.set("ResultWriterDetails", Json.object().put("Bucket", bucket).put("Key", folder + "manifest.json"));
        return descriptor;
    }

    private StatesError writeFailed(IOException e) {
        return new StatesError(ErrorNames.RESULT_WRITER_FAILED, "Cannot write s3://" + bucket + "/" + folder + ": "
                + e.getMessage());
    }

    /** One kind of result file: SUCCEEDED_0, SUCCEEDED_1, ... each up to the size limit. */
    private final class Series {
        private final String name;
        private final ArrayNode listing = Json.array();
        private OutputStream out;
        private String key;
        private long bytes;
        private boolean first;

        Series(String name) {
            this.name = name;
        }

        void write(JsonNode entry) throws IOException {
            write(utf8(entry));
        }

        void write(byte[] text) throws IOException {
            if (out != null && bytes + text.length + 2 > maxFileBytes) {
                closeFile();
            }
            if (out == null) {
                key = folder + name + "_" + listing.size() + (lines ? ".jsonl" : ".json");
                out = new BufferedOutputStream(s3.create(bucket, key), 1 << 16);
                bytes = 0;
                first = true;
                if (!lines) {
                    put('[');
                }
            }
            if (!lines && !first) {
                put(',');
            }
            out.write(text);
            bytes += text.length;
            first = false;
            if (lines) {
                put('\n');
            }
        }

        private void put(char c) throws IOException {
            out.write(c);
            bytes++;
        }

        private void closeFile() throws IOException {
            if (!lines) {
                put(']');
            }
            out.close();
            out = null;
            listing.add(Json.object().put("Key", key).put("Size", bytes));
        }

        ArrayNode close() throws IOException {
            if (out != null) {
                closeFile();
            }
            return listing;
        }

        void abandon() {
            if (out != null) {
                try {
                    out.close();
                } catch (IOException ignored) {
                    // already failing: the first error is the one reported
                }
                out = null;
            }
        }
    }
}
