package dev.sfnrun.engine.map;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sfnrun.definition.DistributedConfig;

/**
 * {@code $$.Map.Item.Source} of a distributed Map's items, as AWS documents it: {@code STATE_DATA}
 * for items from the state input, {@code s3://bucket} for a {@code listObjectsV2} listing, and
 * {@code s3://bucket/key} for the items of one object ({@code getObject}).
 */
public final class ItemSources {
    static final String STATE_DATA = "STATE_DATA";

    private ItemSources() {
    }

    /** The source of every item of this Map (its ItemReader's Parameters evaluated again, as the reader did). */
    public static String of(DistributedConfig.ItemReader reader, MapInputs inputs) {
        if (reader == null) {
            return STATE_DATA;
        }
        JsonNode parameters = inputs.evaluate(reader.parameters());
        String bucket = parameters.path("Bucket").asText("");
        if (ItemReaderSource.LIST_OBJECTS.equals(reader.resource())) {
            return "s3://" + bucket;
        }
        return "s3://" + bucket + "/" + parameters.path("Key").asText("");
    }
}
