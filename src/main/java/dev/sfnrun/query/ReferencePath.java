package dev.sfnrun.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sfnrun.error.ErrorNames;
import dev.sfnrun.error.StatesError;
import java.util.ArrayList;
import java.util.List;

/**
 * A Reference Path used to place a value (ResultPath): {@code $}, {@code $.a.b}, {@code $['a']},
 * {@code $.list[2]}. It names exactly one node and never starts with {@code $$} or a variable.
 * Placing copies only the objects along the path; everything else is shared.
 */
public final class ReferencePath {
    private final String text;
    /** Each step is a String (member) or an Integer (array index). */
    private final List<Object> steps;

    private ReferencePath(String text, List<Object> steps) {
        this.text = text;
        this.steps = List.copyOf(steps);
    }

    public static ReferencePath compile(String text) {
        if (text == null || !text.startsWith("$") || text.startsWith("$$")) {
            throw new QuerySyntaxException("The value '" + text + "' is not a valid Reference Path");
        }
        List<Object> steps = new ArrayList<>();
        int i = 1;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (c == '.') {
                StringBuilder name = new StringBuilder();
                i++;
                while (i < n && text.charAt(i) != '.' && text.charAt(i) != '[') {
                    char d = text.charAt(i);
                    if (d == '\\' && i + 1 < n) {
                        d = text.charAt(++i);
                    } else if ("@,:?*()'\" ".indexOf(d) >= 0) {
                        throw invalid(text);
                    }
                    name.append(d);
                    i++;
                }
                if (name.length() == 0) {
                    throw invalid(text);
                }
                steps.add(name.toString());
            } else if (c == '[') {
                int close;
                if (i + 1 < n && (text.charAt(i + 1) == '\'' || text.charAt(i + 1) == '"')) {
                    char quote = text.charAt(i + 1);
                    StringBuilder name = new StringBuilder();
                    int j = i + 2;
                    while (j < n && text.charAt(j) != quote) {
                        char d = text.charAt(j);
                        if (d == '\\' && j + 1 < n) {
                            name.append(d); // kept, as AWS's Jayway keeps it in quoted bracket names
                            d = text.charAt(++j);
                        }
                        name.append(d);
                        j++;
                    }
                    if (j + 1 >= n || text.charAt(j + 1) != ']') {
                        throw invalid(text);
                    }
                    steps.add(name.toString());
                    close = j + 1;
                } else {
                    close = text.indexOf(']', i);
                    if (close < 0) {
                        throw invalid(text);
                    }
                    String index = text.substring(i + 1, close).trim();
                    try {
                        int value = Integer.parseInt(index);
                        if (value < 0) {
                            throw invalid(text);
                        }
                        steps.add(value);
                    } catch (NumberFormatException e) {
                        throw invalid(text);
                    }
                }
                i = close + 1;
            } else {
                throw invalid(text);
            }
        }
        return new ReferencePath(text, steps);
    }

    private static QuerySyntaxException invalid(String text) {
        return new QuerySyntaxException("The value '" + text + "' is not a valid Reference Path");
    }

    public String text() {
        return text;
    }

    public boolean isRoot() {
        return steps.isEmpty();
    }

    /**
     * The document with {@code value} placed at this path, creating missing objects on the way.
     * Fails with {@code States.ResultPathMatchFailure} when the document cannot hold it (e.g. a
     * member of a string).
     */
    public JsonNode place(JsonNode document, JsonNode value) {
        return place(document, value, 0);
    }

    private JsonNode place(JsonNode node, JsonNode value, int depth) {
        if (depth == steps.size()) {
            return value;
        }
        Object step = steps.get(depth);
        if (step instanceof String name) {
            ObjectNode copy;
            if (node == null || node.isMissingNode() || node.isNull() && depth > 0) {
                copy = Json.object();
            } else if (node.isObject()) {
                copy = Json.shallowCopy((ObjectNode) node);
            } else {
                throw mismatch(node);
            }
            copy.set(name, place(copy.get(name), value, depth + 1));
            return copy;
        }
        int index = (Integer) step;
        if (node == null || !node.isArray() || index >= node.size()) {
            throw mismatch(node);
        }
        ArrayNode copy = Json.array();
        copy.addAll((ArrayNode) node);
        copy.set(index, place(node.get(index), value, depth + 1));
        return copy;
    }

    private StatesError mismatch(JsonNode node) {
        return new StatesError(ErrorNames.RESULT_PATH_MATCH_FAILURE,
                "Unable to apply ReferencePath " + text + " to input " + (node == null ? "null" : Json.compact(node)));
    }

    @Override
    public String toString() {
        return text;
    }
}
