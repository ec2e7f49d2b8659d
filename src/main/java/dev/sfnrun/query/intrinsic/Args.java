package dev.sfnrun.query.intrinsic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sfnrun.error.StatesError;
import java.util.List;

/**
 * The evaluated arguments of one call, with typed accessors. An argument of the wrong type or out
 * of range fails the call with {@link #invalid()}.
 */
final class Args {
    private final String function;
    private final List<JsonNode> values;
    private final List<String> templates;

    Args(String function, List<JsonNode> values, List<String> templates) {
        this.function = function;
        this.values = values;
        this.templates = templates;
    }

    int count() {
        return values.size();
    }

    JsonNode value(int i) {
        return values.get(i);
    }

    String string(int i) {
        JsonNode node = value(i);
        if (!node.isTextual()) {
            throw invalid();
        }
        return node.textValue();
    }

    ArrayNode array(int i) {
        if (value(i) instanceof ArrayNode array) {
            return array;
        }
        throw invalid();
    }

    ObjectNode object(int i) {
        if (value(i) instanceof ObjectNode object) {
            return object;
        }
        throw invalid();
    }

    boolean bool(int i) {
        JsonNode node = value(i);
        if (!node.isBoolean()) {
            throw invalid();
        }
        return node.booleanValue();
    }

    /** A number as a 32-bit integer, its fraction dropped (ArrayGetItem's index, MathRandom's seed). */
    int truncatedInt(int i) {
        JsonNode n = number(i);
        return toInt(n.isIntegralNumber() ? integral(n) : (long) n.doubleValue());
    }

    /**
     * A number as a 32-bit integer, rounded to the nearest, halves up: the developer guide says
     * non-integer ArrayPartition sizes, ArrayRange arguments, MathRandom bounds and MathAdd operands
     * are rounded, and AWS's MathAdd recordings show halves going up (-1.5 → -1, 2.5 → 3).
     */
    int roundedInt(int i) {
        JsonNode n = number(i);
        return toInt(n.isIntegralNumber() ? integral(n) : Math.round(n.doubleValue()));
    }

    /**
     * A Format template: for a string literal, its text as written with its escapes ({@code \{}
     * is a brace, not a placeholder); for any other string, its value with backslashes escaped.
     */
    String template(int i) {
        String raw = templates.get(i);
        return raw != null ? raw : string(i).replace("\\", "\\\\");
    }

    /**
     * The failure of this call. The spec names States.IntrinsicFailure, but executions on AWS
     * (third-party conformance runs) fail with States.Runtime and the cause
     * "Invalid arguments in States.MathAdd" and the like, so that is what this raises.
     */
    StatesError invalid() {
        return StatesError.runtime("Invalid arguments in " + function);
    }

    private JsonNode number(int i) {
        JsonNode node = value(i);
        if (!node.isNumber()) {
            throw invalid();
        }
        return node;
    }

    /**
     * An integral number as a long; one past 64 bits (2^64 + 1) is out of range, where
     * {@code longValue()} would keep only its low 64 bits (and read it as 1).
     */
    private long integral(JsonNode n) {
        if (!n.canConvertToLong()) {
            throw invalid();
        }
        return n.longValue();
    }

    private int toInt(long value) {
        if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
            throw invalid();
        }
        return (int) value;
    }
}
