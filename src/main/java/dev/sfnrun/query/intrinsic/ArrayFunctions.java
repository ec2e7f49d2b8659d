package dev.sfnrun.query.intrinsic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.sfnrun.query.Json;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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

    /**
     * Keeps the first occurrence of each value, in order. Values are grouped by a canonical text
     * (object keys sorted) before {@code equals} decides, so crafted hash collisions (arrays
     * {@code [i, c - 31 * i]} all share one {@code hashCode}) cannot make it quadratic: 17,000 of
     * them in a 256 KiB input took 8 s.
     */
    static JsonNode unique(Args args) {
        Map<String, List<JsonNode>> seen = new HashMap<>();
        ArrayNode out = Json.array();
        StringBuilder key = new StringBuilder();
        for (JsonNode item : args.array(0)) {
            key.setLength(0);
            canonical(item, key);
            List<JsonNode> same = seen.computeIfAbsent(key.toString(), k -> new ArrayList<>(1));
            if (!same.contains(item)) {
                same.add(item);
                out.add(item);
            }
        }
        return out;
    }

    /**
     * A text that equal values share (object keys sorted; numbers by value); unequal values may
     * share one too, which {@code equals} then tells apart. Strings carry their length, so no
     * quoting is needed to keep them apart from what follows.
     */
    private static void canonical(JsonNode node, StringBuilder out) {
        if (node.isObject()) {
            List<String> names = new ArrayList<>();
            node.fieldNames().forEachRemaining(names::add);
            Collections.sort(names);
            out.append('{');
            for (String name : names) {
                out.append(name.length()).append(':').append(name);
                canonical(node.get(name), out);
            }
            out.append('}');
        } else if (node.isArray()) {
            out.append('[');
            for (JsonNode item : node) {
                canonical(item, out);
            }
            out.append(']');
        } else if (node.isTextual()) {
            out.append('s').append(node.textValue().length()).append(':').append(node.textValue());
        } else if (node.isNumber() && !node.isIntegralNumber()) {
            out.append('d').append(node.doubleValue()).append(';');
        } else {
            out.append('v').append(node.asText()).append(';');
        }
    }
}
