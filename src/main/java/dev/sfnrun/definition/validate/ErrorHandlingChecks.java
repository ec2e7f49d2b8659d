package dev.sfnrun.definition.validate;

import com.fasterxml.jackson.databind.JsonNode;

/** Retry and Catch: the fields of retriers and catchers, ErrorEquals, and the place of States.ALL (ASL-NOTES §7). */
final class ErrorHandlingChecks {
    private ErrorHandlingChecks() {
    }

    static final String ALL = "States.ALL";

    static void check(StateContext state, Diagnostics out) {
        checkList(state, "Retry", Shapes.RETRIER, out);
        checkList(state, "Catch", Shapes.CATCHER, out);
    }

    private static void checkList(StateContext state, String field, Shape shape, Diagnostics out) {
        JsonNode list = state.array(field);
        for (int i = 0; i < list.size(); i++) {
            String at = Pointer.child(state.at(field), i);
            JsonNode entry = list.get(i);
            if (!entry.isObject()) {
                out.schema(at, "Expected value of type [OBJECT]");
                continue;
            }
            ShapeChecks.check(entry, at, shape, state.jsonata(), out);
            JsonNode errors = entry.path("ErrorEquals");
            if (errors.isArray()) {
                checkErrorEquals(errors, Pointer.child(at, "ErrorEquals"), i == list.size() - 1, out);
            }
        }
    }

    private static void checkErrorEquals(JsonNode errors, String pointer, boolean last, Diagnostics out) {
        if (errors.isEmpty()) {
            out.schema(pointer, "ErrorEquals must contain at least one error name");
        }
        for (int i = 0; i < errors.size(); i++) {
            String at = Pointer.child(pointer, i);
            JsonNode error = errors.get(i);
            if (!error.isTextual()) {
                out.schema(at, "Expected value of type [STRING]");
            } else if (error.asText().equals(ALL) && (errors.size() > 1 || !last)) {
                out.schema(at, "States.ALL must appear alone and at end of list");
            }
        }
    }
}
