package dev.sfnrun.suite;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sfnrun.query.Json;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Compares an expected JSON value with an actual one, exactly or as a subset (objects match by the
 * keys the expected one lists, recursively; arrays element by element, of the same length), and
 * names every differing path ({@code $.a.b[2]}). Numbers compare by value (1 equals 1.0).
 */
public final class JsonDiff {
    /** At most this many differences are listed. */
    static final int MAX_LINES = 20;
    private static final Pattern PLAIN_KEY = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$]*");

    private JsonDiff() {
    }

    /** The differences, one line each ("$.a: expected 1, got 2"); empty when they match. */
    public static List<String> differences(JsonNode expected, JsonNode actual, boolean subset) {
        List<String> out = new ArrayList<>();
        compare("$", expected, actual, subset, out);
        return out;
    }

    public static boolean matches(JsonNode expected, JsonNode actual, boolean subset) {
        return differences(expected, actual, subset).isEmpty();
    }

    private static void compare(String path, JsonNode expected, JsonNode actual, boolean subset, List<String> out) {
        if (out.size() > MAX_LINES) {
            return;
        }
        if (actual == null || actual.isMissingNode()) {
            out.add(path + ": missing (expected " + clip(Json.compact(expected)) + ")");
            return;
        }
        if (expected.isObject() && actual.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = expected.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                compare(member(path, field.getKey()), field.getValue(), actual.get(field.getKey()), subset, out);
            }
            if (!subset) {
                for (Iterator<String> it = actual.fieldNames(); it.hasNext(); ) {
                    String name = it.next();
                    if (!expected.has(name)) {
                        out.add(member(path, name) + ": not expected (got " + clip(Json.compact(actual.get(name))) + ")");
                    }
                }
            }
            return;
        }
        if (expected.isArray() && actual.isArray()) {
            if (expected.size() != actual.size()) {
                out.add(path + ": expected " + expected.size() + " elements, got " + actual.size());
            }
            for (int i = 0; i < Math.min(expected.size(), actual.size()); i++) {
                compare(path + "[" + i + "]", expected.get(i), actual.get(i), subset, out);
            }
            return;
        }
        if (!scalarEquals(expected, actual)) {
            out.add(path + ": expected " + clip(Json.compact(expected)) + ", got " + clip(Json.compact(actual)));
        }
    }

    private static boolean scalarEquals(JsonNode expected, JsonNode actual) {
        if (expected.isNumber() && actual.isNumber()) {
            return expected.decimalValue().compareTo(actual.decimalValue()) == 0;
        }
        return expected.equals(actual);
    }

    private static String member(String path, String key) {
        return PLAIN_KEY.matcher(key).matches() ? path + "." + key
                : path + "['" + key.replace("\\", "\\\\").replace("'", "\\'") + "']";
    }

    /** A JSON text cut to a readable length. */
    static String clip(String text) {
        return text.length() <= 200 ? text : text.substring(0, 199) + "…";
    }

    /** The diff as the lines of a failure: each difference, then both values. */
    public static String report(JsonNode expected, JsonNode actual, List<String> differences) {
        StringBuilder text = new StringBuilder();
        int shown = Math.min(differences.size(), MAX_LINES);
        for (int i = 0; i < shown; i++) {
            text.append("\n    ").append(differences.get(i));
        }
        if (differences.size() > shown) {
            text.append("\n    … and more");
        }
        text.append("\n    expected: ").append(clip(Json.compact(expected)));
        text.append("\n    actual:   ").append(actual == null || actual.isMissingNode() ? "(none)" : clip(Json.compact(actual)));
        return text.toString();
    }
}
