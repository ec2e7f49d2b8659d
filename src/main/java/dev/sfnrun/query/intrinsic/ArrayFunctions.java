package dev.sfnrun.query.intrinsic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.sfnrun.query.Json;
import java.util.LinkedHashSet;
import java.util.Set;

/** States.Array, ArrayPartition, ArrayContains, ArrayRange, ArrayGetItem, ArrayLength, ArrayUnique. */
final class ArrayFunctions {
    /** The most items States.ArrayRange may produce. */
    static final int MAX_RANGE = 1000;

    private ArrayFunctions() {
    }

    static JsonNode array(Args args) {
        ArrayNode out = Json.array();
        for (int i = 0; i < args.count(); i++) {
            out.add(args.value(i));
        }
        return out;
    }

    static JsonNode partition(Args args) {
        ArrayNode array = args.array(0);
        int size = args.roundedInt(1);
        if (size <= 0) {
            throw args.invalid();
        }
        ArrayNode out = Json.array();
        ArrayNode chunk = null;
        for (int i = 0; i < array.size(); i++) {
            if (i % size == 0) {
                chunk = out.addArray();
            }
            chunk.add(array.get(i));
        }
        return out;
    }

    static JsonNode contains(Args args) {
        ArrayNode array = args.array(0);
        JsonNode wanted = args.value(1);
        for (JsonNode item : array) {
            if (item.equals(wanted)) {
                return Json.NODES.booleanNode(true);
            }
        }
        return Json.NODES.booleanNode(false);
    }

    static JsonNode range(Args args) {
        int first = args.roundedInt(0);
        int last = args.roundedInt(1);
        int step = args.roundedInt(2);
        if (step == 0) {
            throw args.invalid();
        }
        long span = (long) last - first;
        long count = span == 0 || (span > 0) == (step > 0) ? span / step + 1 : 0;
        if (count > MAX_RANGE) {
            throw args.invalid();
        }
        ArrayNode out = Json.array();
        for (int i = 0; i < count; i++) {
            out.add(first + i * step);
        }
        return out;
    }

    static JsonNode getItem(Args args) {
        ArrayNode array = args.array(0);
        int index = args.truncatedInt(1);
        if (index < 0 || index >= array.size()) {
            throw args.invalid();
        }
        return array.get(index);
    }

    static JsonNode length(Args args) {
        return Json.NODES.numberNode(args.array(0).size());
    }

    /** Keeps the first occurrence of each value, in order. */
    static JsonNode unique(Args args) {
        Set<JsonNode> seen = new LinkedHashSet<>();
        args.array(0).forEach(seen::add);
        ArrayNode out = Json.array();
        out.addAll(seen);
        return out;
    }
}
