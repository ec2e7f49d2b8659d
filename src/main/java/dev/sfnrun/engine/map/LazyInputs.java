package dev.sfnrun.engine.map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.sfnrun.query.Json;
import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;

/**
 * The children's inputs over items read from S3 ({@link StreamedArray}), made as each child starts
 * instead of all at once. A first pass over the items still does everything that can fail or that
 * decides the number of children, so errors come when they did with items in memory (before the
 * Map Run starts): every ItemSelector is evaluated once (and its result dropped), and the batches'
 * boundaries are found (only their first indexes are kept).
 */
final class LazyInputs {
    private LazyInputs() {
    }

    /** Each item through the ItemSelector, evaluated again when its child asks for it. */
    static List<JsonNode> selected(MapInputs inputs, ArrayNode items) {
        for (int i = 0; i < items.size(); i++) {
            inputs.itemInput(i, items.get(i));
        }
        return new AbstractList<>() {
            @Override
            public JsonNode get(int index) {
                return inputs.itemInput(index, items.get(index));
            }

            @Override
            public int size() {
                return items.size();
            }
        };
    }

    /** The batches of {@link MapBatches#batches}, cut at the same places, each made when asked for. */
    static List<JsonNode> batches(List<JsonNode> items, int maxItems, int maxBytes, MapInputs inputs) {
        int[] starts = new int[16];
        int count = 0;
        int inBatch = 0;
        long bytes = 0;
        for (int i = 0; i < items.size(); i++) {
            int size = MapBatches.batchBytes(items.get(i));
            if (inBatch == 0 || inBatch >= maxItems || bytes + size > maxBytes) {
                if (count == starts.length) {
                    starts = Arrays.copyOf(starts, count * 2);
                }
                starts[count++] = i;
                inBatch = 0;
                bytes = 0;
            }
            inBatch++;
            bytes += size;
        }
        int[] first = Arrays.copyOf(starts, count);
        int total = items.size();
        if (count > 0) {
            inputs.batchInput(Json.array()); // BatchInput evaluated once before the run, as with items in memory
        }
        return new AbstractList<>() {
            @Override
            public JsonNode get(int index) {
                int end = index + 1 < first.length ? first[index + 1] : total;
                ArrayNode batch = Json.array();
                for (int i = first[index]; i < end; i++) {
                    batch.add(items.get(i));
                }
                return inputs.batchInput(batch);
            }

            @Override
            public int size() {
                return first.length;
            }
        };
    }
}
