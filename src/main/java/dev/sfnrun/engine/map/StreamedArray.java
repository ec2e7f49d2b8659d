package dev.sfnrun.engine.map;

import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.sfnrun.query.Json;

/**
 * The items of an ItemReader as the Map state sees them: an array whose elements are read from S3
 * as they are asked for ({@link StreamedItems}), so that what is built from the items (each child's
 * input, batches) is made lazily too ({@link MapBatches}).
 */
final class StreamedArray extends ArrayNode {
    private static final long serialVersionUID = 1L;

    private final transient StreamedItems items;

    StreamedArray(StreamedItems items) {
        super(Json.NODES, items);
        this.items = items;
    }

    /** The URI of the object item {@code index} is read from. */
    String sourceOf(int index) {
        return items.sourceOf(index);
    }
}
