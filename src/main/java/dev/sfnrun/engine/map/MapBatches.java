package dev.sfnrun.engine.map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.sfnrun.definition.MapState;
import dev.sfnrun.query.Json;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;

/**
 * The inputs of a distributed Map's child executions: one per item (ItemSelector applied), or,
 * with an ItemBatcher, one {@code {"BatchInput": ..., "Items": [...]}} per batch of selected items,
 * cut at MaxItemsPerBatch items or MaxInputBytesPerBatch bytes of items, whichever comes first.
 */
public final class MapBatches {
    /** AWS's ceiling on a batch's size, which is also the default of MaxInputBytesPerBatch. */
    static final int MAX_BATCH_BYTES = 256 * 1024;

    private MapBatches() {
    }

    public static List<JsonNode> childInputs(MapState state, MapInputs inputs, ArrayNode items) {
        boolean streamed = items instanceof StreamedArray;
        List<JsonNode> selected = state.itemSelector() == null ? view(items)
                : streamed ? LazyInputs.selected(inputs, items) : select(inputs, items);
        if (state.distributed().itemBatcher() == null) {
            return selected;
        }
        Integer maxItems = inputs.maxItemsPerBatch();
        Integer maxBytes = inputs.maxInputBytesPerBatch();
        int items1 = maxItems == null ? Integer.MAX_VALUE : maxItems;
        int bytes1 = maxBytes == null ? MAX_BATCH_BYTES : Math.min(maxBytes, MAX_BATCH_BYTES);
        return streamed ? LazyInputs.batches(selected, items1, bytes1, inputs) : batches(selected, items1, bytes1, inputs);
    }

    /** The size a batch counts for an item: its compact UTF-8 text and a separator. */
    static int batchBytes(JsonNode item) {
        return Json.compact(item).getBytes(java.nio.charset.StandardCharsets.UTF_8).length + 1;
    }

    /** Groups items in order; a single item larger than the byte limit gets a batch of its own. */
    static List<JsonNode> batches(List<JsonNode> items, int maxItems, int maxBytes, MapInputs inputs) {
        List<JsonNode> batches = new ArrayList<>();
        ArrayNode current = Json.array();
        long bytes = 0;
        for (JsonNode item : items) {
            int size = batchBytes(item);
            if (!current.isEmpty() && (current.size() >= maxItems || bytes + size > maxBytes)) {
                batches.add(inputs.batchInput(current));
                current = Json.array();
                bytes = 0;
            }
            current.add(item);
            bytes += size;
        }
        if (!current.isEmpty()) {
            batches.add(inputs.batchInput(current));
        }
        return batches;
    }

    private static List<JsonNode> select(MapInputs inputs, ArrayNode items) {
        List<JsonNode> selected = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            selected.add(inputs.itemInput(i, items.get(i)));
        }
        return selected;
    }

    /** The items themselves, without copying. */
    private static List<JsonNode> view(ArrayNode items) {
        return new AbstractList<>() {
            @Override
            public JsonNode get(int index) {
                return items.get(index);
            }

            @Override
            public int size() {
                return items.size();
            }
        };
    }
}
