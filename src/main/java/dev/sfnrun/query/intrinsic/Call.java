package dev.sfnrun.query.intrinsic;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sfnrun.query.EvalContext;
import dev.sfnrun.query.ValueExpr;
import java.util.ArrayList;
import java.util.List;

/** A compiled intrinsic call: its function and its arguments, which are evaluated first, in order. */
record Call(IntrinsicFunction function, List<Argument> arguments) implements ValueExpr {
    /**
     * One argument: a literal, a path or a nested call. {@code template} is the text of a string
     * literal as written, escapes kept, for States.Format; null for other arguments.
     */
    record Argument(ValueExpr expr, String template) {
    }

    @Override
    public JsonNode evaluate(JsonNode input, EvalContext context) {
        List<JsonNode> values = new ArrayList<>(arguments.size());
        List<String> templates = new ArrayList<>(arguments.size());
        for (Argument argument : arguments) {
            values.add(argument.expr().evaluate(input, context));
            templates.add(argument.template());
        }
        return ResultLimit.check(function.name(), function.body().apply(new Args(function.name(), values, templates)));
    }
}
