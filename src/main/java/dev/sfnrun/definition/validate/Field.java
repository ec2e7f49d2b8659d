package dev.sfnrun.definition.validate;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * One row of a table of allowed fields: its name, the JSON type of its value, the query language
 * it belongs to, and its constraints. {@code expression} means a JSONata state may give a
 * {@code {% %}} string instead.
 */
record Field(String name, Kind kind, Lang lang, boolean required, boolean expression,
             Double min, Double max, List<String> values) {

    enum Lang { BOTH, JSONPATH, JSONATA }

    enum Kind {
        STRING, PATH, BOOLEAN, INTEGER, NUMBER, OBJECT, ARRAY, ANY;

        boolean accepts(JsonNode value) {
            return switch (this) {
                case STRING -> value.isTextual();
                case PATH -> value.isTextual() || value.isNull();
                case BOOLEAN -> value.isBoolean();
                case INTEGER -> value.isIntegralNumber();
                case NUMBER -> value.isNumber();
                case OBJECT -> value.isObject();
                case ARRAY -> value.isArray();
                case ANY -> true;
            };
        }

        String expected() {
            return this == PATH ? "[STRING, NULL]" : "[" + name() + "]";
        }
    }

    static Field of(String name, Kind kind) {
        return new Field(name, kind, Lang.BOTH, false, false, null, null, List.of());
    }

    Field mandatory() {
        return new Field(name, kind, lang, true, expression, min, max, values);
    }

    Field jsonPath() {
        return new Field(name, kind, Lang.JSONPATH, required, expression, min, max, values);
    }

    Field jsonata() {
        return new Field(name, kind, Lang.JSONATA, required, expression, min, max, values);
    }

    Field expr() {
        return new Field(name, kind, lang, required, true, min, max, values);
    }

    Field range(double low, double high) {
        return new Field(name, kind, lang, required, expression, low, high, values);
    }

    Field atLeast(double low) {
        return new Field(name, kind, lang, required, expression, low, null, values);
    }

    Field oneOf(String... allowed) {
        return new Field(name, kind, lang, required, expression, min, max, List.of(allowed));
    }
}
