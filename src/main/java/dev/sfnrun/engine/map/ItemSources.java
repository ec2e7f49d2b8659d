package dev.sfnrun.engine.map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.sfnrun.definition.DistributedConfig;
import java.util.function.IntFunction;

/**
 * {@code $$.Map.Item.Source} of a distributed Map's items, as AWS documents it: {@code STATE_DATA}
 * for items from the state input, {@code s3://bucket} for a {@code listObjectsV2} listing
 * (Transformation NONE), and {@code s3://bucket/key} for the items of an object: the one object of
 * {@code getObject}, or under {@code LOAD_AND_FLATTEN} the listed object each item was read from.
 */
public final class ItemSources {
    static final String STATE_DATA = "STATE_DATA";

    private ItemSources() {
    }

    /**
     * The source of each item of this Map, by its index: from the ItemReader's Parameters evaluated
     * again, as the reader did, or, for {@code LOAD_AND_FLATTEN}, from the {@code items} the reader gave.
     */
    public static IntFunction<String> of(DistributedConfig.ItemReader reader, MapInputs inputs, ArrayNode items) {
        if (reader == null) {
            return index -> STATE_DATA;
        }
        if (ItemReaderSource.LIST_OBJECTS.equals(reader.resource())
                && ItemReaderSource.LOAD_AND_FLATTEN.equals(reader.transformation()) && items instanceof StreamedArray read) {
            return read::sourceOf;
        }
        JsonNode parameters = inputs.evaluate(reader.parameters());
        String bucket = parameters.path("Bucket").asText("");
        String source = ItemReaderSource.LIST_OBJECTS.equals(reader.resource()) ? "s3://" + bucket
                : "s3://" + bucket + "/" + parameters.path("Key").asText("");
        return index -> source;
    }
}
