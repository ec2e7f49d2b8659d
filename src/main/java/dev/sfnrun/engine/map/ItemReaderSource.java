package dev.sfnrun.engine.map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sfnrun.definition.DistributedConfig;
import dev.sfnrun.error.ErrorNames;
import dev.sfnrun.error.StatesError;
import dev.sfnrun.query.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * A distributed Map's ItemReader over local files: {@code s3:getObject} reads a JSON array, JSON
 * Lines or CSV object; {@code s3:listObjectsV2} lists a bucket's objects (optionally under a Prefix)
 * in ListObjectsV2's item shape. Any failure is {@code States.ItemReaderFailed}.
 */
public final class ItemReaderSource {
    static final String GET_OBJECT = "arn:aws:states:::s3:getObject";
    static final String LIST_OBJECTS = "arn:aws:states:::s3:listObjectsV2";
    static final String LOAD_AND_FLATTEN = "LOAD_AND_FLATTEN";

    private final S3Directory s3;

    public ItemReaderSource(Path s3Root) {
        this.s3 = new S3Directory(s3Root, ErrorNames.ITEM_READER_FAILED);
    }

    public ArrayNode read(DistributedConfig.ItemReader reader, MapInputs inputs) {
        JsonNode parameters = inputs.evaluate(reader.parameters());
        Integer maxItems = inputs.maxItems();
        if (maxItems != null && maxItems <= 0) {
            throw failed("field MaxItems must be positive");
        }
        int limit = maxItems == null ? Integer.MAX_VALUE : maxItems;
        String bucket = S3Parameters.string(parameters, "Bucket", ErrorNames.ITEM_READER_FAILED);
        if (bucket == null) {
            throw failed("The ItemReader Parameters must name a Bucket");
        }
        ArrayNode items;
        if (LIST_OBJECTS.equals(reader.resource())) {
            String prefix = S3Parameters.string(parameters, "Prefix", ErrorNames.ITEM_READER_FAILED);
            items = list(bucket, prefix == null ? "" : prefix, LOAD_AND_FLATTEN.equals(reader.transformation())
                    ? Integer.MAX_VALUE : limit);
            if (LOAD_AND_FLATTEN.equals(reader.transformation())) {
                items = flatten(bucket, items, reader, limit);
            }
        } else if (GET_OBJECT.equals(reader.resource())) {
            String key = S3Parameters.string(parameters, "Key", ErrorNames.ITEM_READER_FAILED);
            if (key == null) {
                throw failed("The ItemReader Parameters must name a Key");
            }
            items = object(bucket, key, reader, limit);
        } else {
            throw failed("Unsupported ItemReader Resource: " + reader.resource()
                    + " (use " + GET_OBJECT + " or " + LIST_OBJECTS + ")");
        }
        return items;
    }

    private ArrayNode object(String bucket, String key, DistributedConfig.ItemReader reader, int limit) {
        String type = reader.inputType() == null ? "JSON" : reader.inputType();
        if ("MANIFEST".equals(type)) {
            return streamed(Manifests.inventory(s3, bucket, key), limit);
        }
        if ("ATHENA_DATA".equals(reader.manifestType())) {
            return streamed(Manifests.athena(s3, bucket, key, format(type, reader)), limit);
        }
        S3Object object = S3Object.at(s3, bucket, key, ReaderLimits.MAX_OBJECT_BYTES);
        return streamed(List.of(new StreamedItems.Source(object, format(type, reader))), limit);
    }

    /** LOAD_AND_FLATTEN: the items of every listed object, in key order, each read in the ReaderConfig's InputType. */
    private ArrayNode flatten(String bucket, ArrayNode listed, DistributedConfig.ItemReader reader, int limit) {
        StreamedItems.Format format = format(reader.inputType() == null ? "JSON" : reader.inputType(), reader);
        List<StreamedItems.Source> sources = new ArrayList<>();
        for (JsonNode entry : listed) {
            String key = entry.path("Key").asText();
            sources.add(new StreamedItems.Source(S3Object.at(s3, bucket, key, ReaderLimits.MAX_OBJECT_BYTES), format));
        }
        return streamed(sources, limit);
    }

    /** The items of the sources, counted now and read as the Map Run takes them. */
    private static ArrayNode streamed(List<StreamedItems.Source> sources, int limit) {
        return new StreamedArray(StreamedItems.of(sources, limit));
    }

    private static StreamedItems.Format format(String type, DistributedConfig.ItemReader reader) {
        return switch (type) {
            case "JSON" -> JsonArrayFormat.INSTANCE;
            case "JSONL" -> JsonLinesFormat.INSTANCE;
            case "CSV" -> new CsvFormat(CsvFormat.delimiter(reader.csvDelimiter()),
                    "GIVEN".equals(reader.csvHeaderLocation())
                            ? reader.csvHeaders() == null ? List.of() : reader.csvHeaders() : null);
            default -> throw failed("InputType " + type + " is not supported by sfn-run (JSON, JSONL, CSV and MANIFEST are)");
        };
    }

    private ArrayNode list(String bucket, String prefix, int limit) {
        Path base = s3.bucket(bucket);
        if (!Files.isDirectory(base)) {
            throw failed("The specified bucket does not exist: " + bucket + " (" + base + ")");
        }
        List<Listed> found = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(base)) {
            walk.filter(s3::listable).forEach(path -> {
                Path relative = base.relativize(path);
                String key = S3Directory.key(relative);
                if (key.startsWith(prefix)) {
                    if (!S3Directory.utf8(relative)) {
                        throw failed("s3://" + bucket + ": the name of " + path + " is not valid UTF-8, so it cannot be"
                                + " an S3 key (S3 keys are UTF-8); rename it or move it out of the local S3 directory"
                                + S3Directory.fileNameEncoding());
                    }
                    found.add(new Listed(key, path));
                }
            });
        } catch (IOException e) {
            throw failed("Cannot list s3://" + bucket + "/" + prefix + ": " + e.getMessage());
        }
        found.sort((a, b) -> S3Directory.KEY_ORDER.compare(a.key(), b.key()));
        ArrayNode items = Json.array();
        for (Listed entry : found) {
            if (items.size() >= limit) {
                break;
            }
            try {
                BasicFileAttributes attributes = Files.readAttributes(entry.file(), BasicFileAttributes.class);
                ObjectNode item = Json.object();
                item.put("Etag", "\"" + Integer.toHexString(entry.key().hashCode()) + attributes.size() + "\"");
                item.put("Key", entry.key());
                item.put("LastModified", attributes.lastModifiedTime().toInstant().toString());
                long size = attributes.size();
                if (size <= Integer.MAX_VALUE) {
                    item.put("Size", (int) size);
                } else {
                    item.put("Size", size);
                }
                item.put("StorageClass", "STANDARD");
                items.add(item);
            } catch (IOException e) {
                throw failed("Cannot read s3://" + bucket + "/" + entry.key() + ": " + S3Object.reason(e));
            }
        }
        return items;
    }

    /** A file found under a bucket's folder, with the key it stands for. */
    private record Listed(String key, Path file) {
    }

    private static StatesError failed(String cause) {
        return new StatesError(ErrorNames.ITEM_READER_FAILED, cause);
    }
}
