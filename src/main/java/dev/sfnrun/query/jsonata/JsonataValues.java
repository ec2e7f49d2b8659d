package dev.sfnrun.query.jsonata;

import com.dashjoin.jsonata.Jsonata;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sfnrun.query.Json;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Converts between Jackson trees and the values the JSONata library works on: maps, lists,
 * strings, booleans, numbers, {@link Jsonata#NULL_VALUE} for JSON null and Java null for
 * "undefined".
 *
 * <p>JSONata-js knows only doubles, so a number is an integer exactly when its value is whole:
 * {@code 1.0} comes back as {@code 1}, and fractions print as JavaScript prints them
 * ({@code 12345678.5}, {@code 0.000001}, never Java's {@code 1.23456785E7}).
 */
final class JsonataValues {
    /** JavaScript prints whole numbers below this bound without an exponent. */
    private static final double JS_PLAIN_LIMIT = 1e21;

    private JsonataValues() {
    }

    /** A JSON value as JSONata input. */
    static Object toJsonata(JsonNode node) {
        switch (node.getNodeType()) {
            case OBJECT -> {
                Map<String, Object> map = new LinkedHashMap<>();
                for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> member = it.next();
                    map.put(member.getKey(), toJsonata(member.getValue()));
                }
                return map;
            }
            case ARRAY -> {
                List<Object> list = new ArrayList<>(node.size());
                for (JsonNode element : node) {
                    list.add(toJsonata(element));
                }
                return list;
            }
            case STRING -> {
                return node.textValue();
            }
            case BOOLEAN -> {
                return node.booleanValue();
            }
            case NUMBER -> {
                if (node.canConvertToInt() && node.isIntegralNumber()) {
                    return node.intValue();
                }
                if (node.canConvertToLong() && node.isIntegralNumber()) {
                    return node.longValue();
                }
                return number(node.doubleValue());
            }
            default -> {
                return Jsonata.NULL_VALUE;
            }
        }
    }

    /** A double as the library represents it: whole values as Integer or Long, like its own JSON parser. */
    static Object number(double value) {
        if (value == Math.rint(value) && Math.abs(value) <= Long.MAX_VALUE) {
            long whole = (long) value;
            return whole == (int) whole ? (Object) (int) whole : (Object) whole;
        }
        return value;
    }

    /** A JSONata result as JSON; null when it is undefined (or a function, which JSON cannot hold). */
    static JsonNode toJson(Object value) {
        if (value == null) {
            return null;
        }
        if (value == Jsonata.NULL_VALUE) {
            return Json.NODES.nullNode();
        }
        if (value instanceof String s) {
            return Json.NODES.textNode(s);
        }
        if (value instanceof Boolean b) {
            return Json.NODES.booleanNode(b);
        }
        if (value instanceof Number n) {
            return number(n);
        }
        if (value instanceof Map<?, ?> map) {
            ObjectNode out = Json.object();
            for (Map.Entry<?, ?> member : map.entrySet()) {
                JsonNode converted = toJson(member.getValue());
                if (converted != null) {
                    out.set(String.valueOf(member.getKey()), converted);
                }
            }
            return out;
        }
        if (value instanceof List<?> list) {
            ArrayNode out = Json.array();
            for (Object element : list) {
                JsonNode converted = toJson(element);
                out.add(converted == null ? Json.NODES.nullNode() : converted);
            }
            return out;
        }
        return null;
    }

    private static JsonNode number(Number n) {
        if (n instanceof Integer || n instanceof Long || n instanceof Short || n instanceof Byte) {
            return whole(n.longValue());
        }
        double d = n.doubleValue();
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            return Json.NODES.nullNode();
        }
        if (d == Math.rint(d) && Math.abs(d) < JS_PLAIN_LIMIT) {
            if (Math.abs(d) <= Long.MAX_VALUE) {
                return whole((long) d);
            }
            return Json.NODES.numberNode(new BigDecimal(d).toBigInteger());
        }
        if (d == Math.rint(d)) {
            return Json.NODES.numberNode(d);
        }
        // Double.toString gives the shortest digits; BigDecimal prints them without an exponent
        // exactly where JavaScript does (down to 1e-6).
        return Json.NODES.numberNode(new BigDecimal(Double.toString(d)).stripTrailingZeros());
    }

    /** The node Jackson itself makes for this integer, so that results compare equal to parsed JSON. */
    private static JsonNode whole(long value) {
        return value == (int) value ? Json.NODES.numberNode((int) value) : Json.NODES.numberNode(value);
    }
}
