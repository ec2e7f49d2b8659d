package dev.sfnrun.definition.validate;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * JSONata strings in JSONata states: every string in a field that accepts JSONata that looks like
 * an expression must be delimited exactly by {@code {%} and {@code %}} and must parse.
 */
final class JsonataChecks {
    private JsonataChecks() {
    }

    /** State fields whose values AWS reads as JSONata (ASL-NOTES §3.1); Choices and Catch are walked per entry. */
    private static final List<String> FIELDS = List.of("Arguments", "Output", "Assign", "Items", "ItemSelector",
            "MaxConcurrency", "TimeoutSeconds", "HeartbeatSeconds", "Seconds", "Timestamp", "Error", "Cause",
            "Credentials", "ToleratedFailurePercentage", "ToleratedFailureCount", "ItemReader", "ItemBatcher",
            "ResultWriter");

    /**
     * A string meant as an expression, well delimited or not; {@link #checkValue} reports the badly
     * delimited. Only a string whose very first characters are {@code {%} is meant as one: AWS
     * accepts {@code " {% $x %} "} (with spaces around) and keeps it as a literal string.
     */
    static boolean looksLikeExpression(JsonNode value) {
        return value.isTextual() && looksLikeExpression(value.asText());
    }

    private static boolean looksLikeExpression(String text) {
        return text.startsWith("{%");
    }

    private static boolean isExpression(String text) {
        return text.length() >= 4 && text.startsWith("{%") && text.endsWith("%}");
    }

    static void check(StateContext state, Diagnostics out) {
        for (String field : FIELDS) {
            if (state.has(field)) {
                checkValue(state.get(field), state.at(field), out);
            }
        }
        for (String list : List.of("Choices", "Catch")) {
            JsonNode entries = state.array(list);
            for (int i = 0; i < entries.size(); i++) {
                for (String field : List.of("Condition", "Output", "Assign")) {
                    JsonNode value = entries.get(i).get(field);
                    if (value != null) {
                        checkValue(value, Pointer.child(Pointer.child(state.at(list), i), field), out);
                    }
                }
            }
        }
    }

    /** Checks every string inside {@code value}, at any depth. */
    static void checkValue(JsonNode value, String pointer, Diagnostics out) {
        if (value.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> member = it.next();
                checkValue(member.getValue(), Pointer.child(pointer, member.getKey()), out);
            }
        } else if (value.isArray()) {
            for (int i = 0; i < value.size(); i++) {
                checkValue(value.get(i), Pointer.child(pointer, i), out);
            }
        } else if (value.isTextual()) {
            checkString(value.asText(), pointer, out);
        }
    }

    private static void checkString(String text, String pointer, Diagnostics out) {
        if (!isExpression(text)) {
            if (looksLikeExpression(text)) {
                out.report(DiagnosticCode.INVALID_JSONATA_EXPRESSION, pointer, "The JSONata expression '" + text
                        + "' must end with '%}' with no characters after it");
            }
            return;
        }
        String expression = text.substring(2, text.length() - 2);
        String error = expression.isBlank() ? "The JSONata expression is empty" : parseError(expression);
        if (error != null) {
            out.report(DiagnosticCode.INVALID_JSONATA_EXPRESSION, pointer, error);
        }
    }

    /**
     * The hook for the JSONata parser ({@code dev.sfnrun.query.jsonata}, added separately): the
     * parser's message when {@code expression} (the text between the delimiters) does not parse,
     * else null. Until that parser is merged, every non-blank expression is accepted.
     */
    static String parseError(String expression) {
        return null;
    }
}
