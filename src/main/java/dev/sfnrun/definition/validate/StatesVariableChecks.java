package dev.sfnrun.definition.validate;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Where the members of the reserved {@code $states} variable may be used in JSONata states (ASL-NOTES
 * §3.3): {@code $states.result} only in the top-level {@code Output} and {@code Assign} of a Task,
 * Map or Parallel state, {@code $states.errorOutput} only in a catcher's {@code Output} and
 * {@code Assign}. AWS refuses a definition that reads them anywhere else.
 */
final class StatesVariableChecks {
    private StatesVariableChecks() {
    }

    static final String RESULT = "$states.result";
    static final String ERROR_OUTPUT = "$states.errorOutput";

    /** The state fields that hold JSONata (Choices and Catch are walked per entry). */
    private static final List<String> FIELDS = List.of("Arguments", "Output", "Assign", "Items", "ItemSelector",
            "MaxConcurrency", "TimeoutSeconds", "HeartbeatSeconds", "Seconds", "Timestamp", "Error", "Cause",
            "Credentials", "ToleratedFailurePercentage", "ToleratedFailureCount", "ItemReader", "ItemBatcher",
            "ResultWriter");
    private static final List<String> WITH_RESULT = List.of("Task", "Map", "Parallel");
    private static final List<String> AFTER_THE_WORK = List.of("Output", "Assign");

    static void check(StateContext state, Diagnostics out) {
        boolean hasResult = WITH_RESULT.contains(state.type());
        for (String field : FIELDS) {
            if (state.has(field)) {
                walk(state.get(field), state.at(field), hasResult && AFTER_THE_WORK.contains(field), false, out);
            }
        }
        JsonNode choices = state.array("Choices");
        for (int i = 0; i < choices.size(); i++) {
            for (String field : List.of("Condition", "Output", "Assign")) {
                JsonNode value = choices.get(i).get(field);
                if (value != null) {
                    walk(value, Pointer.child(Pointer.child(state.at("Choices"), i), field), false, false, out);
                }
            }
        }
        JsonNode catchers = state.array("Catch");
        for (int i = 0; i < catchers.size(); i++) {
            for (String field : AFTER_THE_WORK) {
                JsonNode value = catchers.get(i).get(field);
                if (value != null) {
                    walk(value, Pointer.child(Pointer.child(state.at("Catch"), i), field), false, true, out);
                }
            }
        }
    }

    private static void walk(JsonNode value, String pointer, boolean result, boolean errorOutput, Diagnostics out) {
        if (value.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> member = it.next();
                walk(member.getValue(), Pointer.child(pointer, member.getKey()), result, errorOutput, out);
            }
        } else if (value.isArray()) {
            for (int i = 0; i < value.size(); i++) {
                walk(value.get(i), Pointer.child(pointer, i), result, errorOutput, out);
            }
        } else if (value.isTextual()) {
            String text = value.asText();
            if (text.length() >= 4 && text.startsWith("{%") && text.endsWith("%}")) {
                String expression = text.substring(2, text.length() - 2);
                if (!result && reads(expression, RESULT)) {
                    out.schema(pointer, "The variable " + RESULT + " is only available in the Output and Assign"
                            + " fields of a Task, Map or Parallel state");
                }
                if (!errorOutput && reads(expression, ERROR_OUTPUT)) {
                    out.schema(pointer, "The variable " + ERROR_OUTPUT + " is only available in the Output and"
                            + " Assign fields of a Catcher");
                }
            }
        }
    }

    /**
     * Whether {@code expression} reads {@code variable} (as a whole name, outside string literals and
     * comments): {@code $states.result.x} does, {@code $states.resultCount} and {@code "$states.result"} do not.
     */
    static boolean reads(String expression, String variable) {
        int i = 0;
        while (i < expression.length()) {
            char c = expression.charAt(i);
            if (c == '"' || c == '\'') {
                i = skipString(expression, i, c);
            } else if (expression.startsWith("/*", i)) {
                int end = expression.indexOf("*/", i + 2);
                i = end < 0 ? expression.length() : end + 2;
            } else if (expression.startsWith(variable, i)) {
                int after = i + variable.length();
                if (after == expression.length() || !isNameChar(expression.charAt(after))) {
                    return true;
                }
                i = after;
            } else {
                i++;
            }
        }
        return false;
    }

    private static int skipString(String text, int start, char quote) {
        int i = start + 1;
        while (i < text.length() && text.charAt(i) != quote) {
            i += text.charAt(i) == '\\' ? 2 : 1;
        }
        return i + 1;
    }

    private static boolean isNameChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$';
    }
}
