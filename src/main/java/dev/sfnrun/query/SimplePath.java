package dev.sfnrun.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The fast lane of {@link JsonPath} for the paths most definitions use: member names and array
 * indexes only ({@code $.a.b}, {@code $['a'][0]}). It walks the JSON directly instead of through
 * Jayway, which for every evaluation builds an evaluation context, result lists and path strings.
 * It answers only when every step finds its member or element, and then gives the very node
 * Jayway gives (Jayway's Jackson provider returns nodes as they are); anything else (a missing
 * member, a value that is not an object or array, an index out of range) it leaves to Jayway, so
 * results, misses and messages stay Jayway's.
 */
final class SimplePath {
    /** Each step is a String (member) or an Integer (index, never negative). */
    private final Object[] steps;

    private SimplePath(Object[] steps) {
        this.steps = steps;
    }

    /**
     * The simple form of a compiled Jayway path, or null when it is not only names and indexes. The
     * steps are read from Jayway's own normalised text ({@code $['a'][0]}), so Jayway decided
     * what the path means; a form this class does not read exactly is not simple, nor is a path
     * written with quotes or escapes that could put {@code ']} inside a name ({@code $["a']['b"]}).
     */
    static SimplePath of(String written, com.jayway.jsonpath.JsonPath compiled) {
        if (!compiled.isDefinite() || written.indexOf('"') >= 0 || written.indexOf('\\') >= 0) {
            return null;
        }
        String normal = compiled.getPath();
        if (!normal.startsWith("$")) {
            return null;
        }
        List<Object> steps = new ArrayList<>();
        StringBuilder rebuilt = new StringBuilder("$");
        int i = 1;
        int n = normal.length();
        while (i < n) {
            if (normal.charAt(i) != '[' || i + 1 >= n) {
                return null;
            }
            if (normal.charAt(i + 1) == '\'') {
                int close = normal.indexOf("']", i + 2);
                if (close < 0) {
                    return null;
                }
                String name = normal.substring(i + 2, close);
                if (name.indexOf('\'') >= 0 || name.indexOf('\\') >= 0) {
                    return null;
                }
                steps.add(name);
                rebuilt.append("['").append(name).append("']");
                i = close + 2;
            } else {
                int close = normal.indexOf(']', i + 1);
                if (close < 0 || close == i + 1 || close - i > 10) {
                    return null;
                }
                String digits = normal.substring(i + 1, close);
                for (int k = 0; k < digits.length(); k++) {
                    if (digits.charAt(k) < '0' || digits.charAt(k) > '9') {
                        return null;
                    }
                }
                int index = Integer.parseInt(digits);
                steps.add(index);
                rebuilt.append('[').append(index).append(']');
                i = close + 1;
            }
        }
        if (steps.isEmpty() || !rebuilt.toString().equals(normal)) {
            return null;
        }
        return new SimplePath(steps.toArray());
    }

    /** The node at the end of the path, or null when a step finds nothing (the caller asks Jayway). */
    JsonNode select(JsonNode start) {
        JsonNode node = start;
        for (Object step : steps) {
            if (step instanceof String name) {
                if (!(node instanceof ObjectNode object)) {
                    return null;
                }
                node = object.get(name);
            } else {
                int index = (Integer) step;
                if (!(node instanceof ArrayNode array) || index >= array.size()) {
                    return null;
                }
                node = array.get(index);
            }
            if (node == null) {
                return null;
            }
        }
        return node;
    }
}
