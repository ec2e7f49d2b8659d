package dev.sfnrun.definition.validate;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** Checks a JSON object against a {@link Shape}: required fields, unknown fields, query language, types, ranges. */
final class ShapeChecks {
    private ShapeChecks() {
    }

    static void check(JsonNode object, String pointer, Shape shape, boolean jsonata, Diagnostics out) {
        List<String> missing = new ArrayList<>();
        shape.fields().values().stream().filter(f -> f.required() && !object.has(f.name()))
                .forEach(f -> missing.add(f.name()));
        if (!missing.isEmpty()) {
            out.schema(pointer, "These fields are required: " + missing);
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> member = it.next();
            Field field = shape.fields().get(member.getKey());
            String at = Pointer.child(pointer, member.getKey());
            if (field == null) {
                out.schema(at, "Field '" + member.getKey() + "' is not supported");
            } else if (field.lang() == (jsonata ? Field.Lang.JSONPATH : Field.Lang.JSONATA)) {
                out.schema(at, wrongLanguage(field.name(), jsonata));
            } else {
                checkValue(field, member.getValue(), at, jsonata, out);
            }
        }
    }

    /** The message for a field that belongs to the other query language than the state's. */
    static String wrongLanguage(String field, boolean jsonata) {
        return "The QueryLanguage is set to '" + (jsonata ? "JSONata" : "JSONPath") + "', but field '" + field
                + "' is only supported for the '" + (jsonata ? "JSONPath" : "JSONata") + "' QueryLanguage";
    }

    /** Reports a value of the wrong type, out of range or not among the allowed values; true when it is fine. */
    static boolean checkValue(Field field, JsonNode value, String at, boolean jsonata, Diagnostics out) {
        if (jsonata && field.expression() && JsonataChecks.looksLikeExpression(value)) {
            return true;
        }
        if (!field.kind().accepts(value)) {
            out.schema(at, "Expected value of type " + field.kind().expected());
            return false;
        }
        if (!field.values().isEmpty() && !field.values().contains(value.asText())) {
            out.schema(at, "Value should be one of the following: " + field.values());
            return false;
        }
        if (value.isNumber() && field.min() != null) {
            double number = value.doubleValue();
            if (number < field.min() || field.max() != null && number > field.max()) {
                out.schema(at, field.max() == null
                        ? "Value should be greater than or equal to " + format(field.min())
                        : "Value should be between " + format(field.min()) + " and " + format(field.max()));
                return false;
            }
        }
        return true;
    }

    private static String format(double number) {
        return number == Math.rint(number) ? Long.toString((long) number) : Double.toString(number);
    }
}
