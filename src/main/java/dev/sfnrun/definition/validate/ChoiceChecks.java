package dev.sfnrun.definition.validate;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sfnrun.query.JsonPath;
import dev.sfnrun.query.QuerySyntaxException;
import dev.sfnrun.query.Timestamps;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Choice rules: JSONPath data tests and boolean expressions, JSONata conditions (ASL-NOTES §6). */
final class ChoiceChecks {
    private ChoiceChecks() {
    }

    private static final List<String> COMPARISONS = List.of("Equals", "LessThan", "GreaterThan",
            "LessThanEquals", "GreaterThanEquals");

    /** Comparison operator to the JSON type of its operand; a {@code …Path} twin takes a path. */
    private static final Map<String, Field.Kind> OPERATORS = operators();

    private static Map<String, Field.Kind> operators() {
        Map<String, Field.Kind> operators = new LinkedHashMap<>();
        Map<String, Field.Kind> families = Map.of("String", Field.Kind.STRING, "Numeric", Field.Kind.NUMBER,
                "Timestamp", Field.Kind.STRING);
        families.forEach((family, kind) -> COMPARISONS.forEach(c -> {
            operators.put(family + c, kind);
            operators.put(family + c + "Path", Field.Kind.STRING);
        }));
        operators.put("BooleanEquals", Field.Kind.BOOLEAN);
        operators.put("BooleanEqualsPath", Field.Kind.STRING);
        operators.put("StringMatches", Field.Kind.STRING);
        for (String test : List.of("IsNull", "IsPresent", "IsNumeric", "IsString", "IsBoolean", "IsTimestamp")) {
            operators.put(test, Field.Kind.BOOLEAN);
        }
        return Map.copyOf(operators);
    }

    private static final List<String> BOOLEAN_OPERATORS = List.of("And", "Or", "Not");

    static void check(StateContext state, Diagnostics out) {
        JsonNode choices = state.array("Choices");
        if (choices.isArray() && choices.isEmpty()) {
            out.schema(state.at("Choices"), "Choices must contain at least one rule");
        }
        for (int i = 0; i < choices.size(); i++) {
            String at = Pointer.child(state.at("Choices"), i);
            JsonNode rule = choices.get(i);
            if (!rule.isObject()) {
                out.schema(at, "Expected value of type [OBJECT]");
            } else if (state.jsonata()) {
                jsonataRule(rule, at, out);
            } else {
                jsonPathRule(rule, at, true, out);
            }
        }
    }

    /**
     * The fields of a JSONata Choice rule, built once; {@code Variable} and the operators are listed
     * as JSONPath-only so that they are reported as belonging to the other query language.
     */
    private static final Shape JSONATA_RULE = jsonataRule();

    private static Shape jsonataRule() {
        Shape shape = Shape.of(Field.of("Condition", Field.Kind.BOOLEAN).expr().mandatory(),
                Field.of("Next", Field.Kind.STRING).mandatory(), Field.of("Output", Field.Kind.ANY),
                Field.of("Assign", Field.Kind.OBJECT), Field.of("Comment", Field.Kind.STRING),
                Field.of("Variable", Field.Kind.ANY).jsonPath());
        for (String operator : OPERATORS.keySet()) {
            shape = shape.plus(Field.of(operator, Field.Kind.ANY).jsonPath());
        }
        for (String operator : BOOLEAN_OPERATORS) {
            shape = shape.plus(Field.of(operator, Field.Kind.ANY).jsonPath());
        }
        return shape;
    }

    /** JSONata-only fields of a rule, reported in a JSONPath rule as belonging to the other language. */
    private static final List<String> JSONATA_ONLY = List.of("Condition", "Output");

    private static void jsonataRule(JsonNode rule, String pointer, Diagnostics out) {
        ShapeChecks.check(rule, pointer, JSONATA_RULE, true, out);
    }

    private static void jsonPathRule(JsonNode rule, String pointer, boolean top, Diagnostics out) {
        List<String> operators = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = rule.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> member = it.next();
            String key = member.getKey();
            JsonNode value = member.getValue();
            String at = Pointer.child(pointer, key);
            if (OPERATORS.containsKey(key)) {
                operators.add(key);
                Field operand = Field.of(key, OPERATORS.get(key));
                if (ShapeChecks.checkValue(operand, value, at, false, out) && key.endsWith("Path")) {
                    path(value.asText(), at, out);
                } else if (key.startsWith("Timestamp") && !key.endsWith("Path") && value.isTextual()
                        && Timestamps.parse(value.asText()).isEmpty()) {
                    out.schema(at, "The value of the field '" + key + "' must be a timestamp string");
                }
            } else if (BOOLEAN_OPERATORS.contains(key)) {
                operators.add(key);
                booleanOperands(key, value, at, out);
            } else if (key.equals("Variable")) {
                if (ShapeChecks.checkValue(Field.of(key, Field.Kind.STRING), value, at, false, out)) {
                    path(value.asText(), at, out);
                }
            } else if (top && key.equals("Next") || key.equals("Comment")) {
                ShapeChecks.checkValue(Field.of(key, Field.Kind.STRING), value, at, false, out);
            } else if (top && JSONATA_ONLY.contains(key)) {
                out.schema(at, ShapeChecks.wrongLanguage(key, false));
            } else if (top && key.equals("Assign")) {
                ShapeChecks.checkValue(Field.of(key, Field.Kind.OBJECT), value, at, false, out);
            } else {
                out.schema(at, "Field '" + key + "' is not supported");
            }
        }
        if (top && !rule.has("Next")) {
            out.schema(pointer, "These fields are required: [Next]");
        }
        if (operators.size() != 1) {
            out.schema(operators.size() > 1 ? Pointer.child(pointer, operators.get(1)) : pointer,
                    "A Choice Rule must have exactly one comparison operator, or one of And, Or, Not");
        } else if (OPERATORS.containsKey(operators.get(0)) && !rule.has("Variable")) {
            out.schema(pointer, "These fields are required: [Variable]");
        } else if (BOOLEAN_OPERATORS.contains(operators.get(0)) && rule.has("Variable")) {
            out.schema(Pointer.child(pointer, "Variable"), "Field 'Variable' is not supported");
        }
    }

    private static void booleanOperands(String operator, JsonNode value, String at, Diagnostics out) {
        if (operator.equals("Not")) {
            if (value.isObject()) {
                jsonPathRule(value, at, false, out);
            } else {
                out.schema(at, "Expected value of type [OBJECT]");
            }
        } else if (!value.isArray() || value.isEmpty()) {
            out.schema(at, "Expected a non-empty array of Choice Rules");
        } else {
            for (int i = 0; i < value.size(); i++) {
                if (value.get(i).isObject()) {
                    jsonPathRule(value.get(i), Pointer.child(at, i), false, out);
                } else {
                    out.schema(Pointer.child(at, i), "Expected value of type [OBJECT]");
                }
            }
        }
    }

    private static void path(String text, String at, Diagnostics out) {
        try {
            JsonPath.compile(text);
        } catch (QuerySyntaxException e) {
            out.schema(at, e.getMessage());
        }
    }
}
