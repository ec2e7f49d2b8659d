package dev.sfnrun.definition.graph;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Short readable texts for the edges of a {@link FlowGraph}: Choice conditions, error lists, durations. */
public final class Labels {
    /** Longest label text; longer ones end in "…". */
    static final int MAX = 80;
    private static final int MAX_DEPTH = 8;

    /** Comparison operators of a JSONPath Choice rule, in the words people read them with. */
    private static final Map<String, String> OPERATORS = Map.ofEntries(
            Map.entry("Equals", "=="), Map.entry("LessThan", "<"), Map.entry("GreaterThan", ">"),
            Map.entry("LessThanEquals", "<="), Map.entry("GreaterThanEquals", ">="));

    private Labels() {
    }

    /** "1s", "0.5s", "90s". */
    public static String seconds(double seconds) {
        return BigDecimal.valueOf(seconds).stripTrailingZeros().toPlainString() + "s";
    }

    /** A Catch or Retry clause's ErrorEquals as one line: "States.Timeout, Boom". */
    public static String errors(JsonNode errorEquals) {
        return clip(String.join(", ", texts(errorEquals)));
    }

    /** The text items of an array node (non-text items as their JSON). */
    static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        if (array != null && array.isArray()) {
            array.forEach(item -> out.add(item.isTextual() ? item.asText() : item.toString()));
        }
        return out;
    }

    /**
     * A Choice rule's condition: a JSONata {@code Condition} as written (without its {@code {% %}}),
     * a JSONPath rule as {@code $.status == "ok"}, {@code not (...)}, {@code a and b}.
     */
    public static String condition(JsonNode rule) {
        if (rule == null || !rule.isObject()) {
            return "?";
        }
        JsonNode jsonata = rule.get("Condition");
        if (jsonata != null) {
            String text = jsonata.isTextual() ? jsonata.asText().trim() : jsonata.toString();
            if (text.startsWith("{%") && text.endsWith("%}")) {
                text = text.substring(2, text.length() - 2).trim();
            }
            return clip(text);
        }
        return clip(jsonPath(rule, 0));
    }

    private static String jsonPath(JsonNode rule, int depth) {
        if (depth > MAX_DEPTH || !rule.isObject()) {
            return "…";
        }
        if (rule.has("Not")) {
            return "not (" + jsonPath(rule.get("Not"), depth + 1) + ")";
        }
        for (String combinator : List.of("And", "Or")) {
            JsonNode list = rule.get(combinator);
            if (list != null && list.isArray()) {
                List<String> parts = new ArrayList<>();
                list.forEach(item -> parts.add(item.has("And") || item.has("Or")
                        ? "(" + jsonPath(item, depth + 1) + ")" : jsonPath(item, depth + 1)));
                return String.join(" " + combinator.toLowerCase() + " ", parts);
            }
        }
        String variable = rule.path("Variable").asText("?");
        var fields = rule.fields();
        while (fields.hasNext()) {
            var field = fields.next();
            String key = field.getKey();
            if (key.equals("Variable") || key.equals("Next") || key.equals("Assign") || key.equals("Output")
                    || key.equals("Comment")) {
                continue;
            }
            return comparison(variable, key, field.getValue());
        }
        return variable;
    }

    private static String comparison(String variable, String operator, JsonNode value) {
        String op = operator;
        boolean path = op.endsWith("Path");
        if (path) {
            op = op.substring(0, op.length() - 4);
        }
        String operand = path || !value.isTextual() ? (value.isTextual() ? value.asText() : value.toString())
                : value.toString();
        if (op.startsWith("Is")) {
            // IsPresent, IsNull, IsString, ...: true or false
            String test = op.substring(2).toLowerCase();
            return (value.asBoolean(true) ? "" : "not ") + variable + " is " + test;
        }
        if (op.equals("StringMatches")) {
            return variable + " matches " + operand;
        }
        for (String type : List.of("String", "Numeric", "Boolean", "Timestamp")) {
            if (op.startsWith(type)) {
                String symbol = OPERATORS.get(op.substring(type.length()));
                if (symbol != null) {
                    return variable + " " + symbol + " " + operand;
                }
            }
        }
        return variable + " " + operator + " " + operand;
    }

    static String clip(String text) {
        String line = text.replaceAll("\\s+", " ");
        return line.length() <= MAX ? line : line.substring(0, MAX - 1) + "…";
    }
}
