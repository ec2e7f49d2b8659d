package dev.sfnrun.definition;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sfnrun.query.EvalContext;
import dev.sfnrun.query.ValueExpr;

/**
 * A compiled Assign field: evaluates to an object of variable name → new value. Every value is
 * computed against the variables as they were when the state was entered.
 */
public record Assignment(ValueExpr values) {
    public ObjectNode evaluate(JsonNode input, EvalContext context) {
        return (ObjectNode) values.evaluate(input, context);
    }
}
