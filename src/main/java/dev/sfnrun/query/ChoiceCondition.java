package dev.sfnrun.query;

import com.fasterxml.jackson.databind.JsonNode;

/** Placeholder until the Choice rule compiler lands. */
public final class ChoiceCondition {
    public static ChoiceCondition compile(JsonNode rule, String location) {
        throw new QuerySyntaxException("Choice rules are not implemented yet (" + location + ")");
    }

    public boolean test(JsonNode input, EvalContext context) {
        return false;
    }
}
