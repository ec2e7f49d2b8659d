package dev.sfnrun.definition;

import dev.sfnrun.query.ValueExpr;
import java.util.List;

/** A Choice state: rules tried in order, then Default. */
public record ChoiceState(StateCommon common, List<Rule> choices, String defaultState) implements State {
    /** A top-level rule: its condition, where it leads, and what it assigns and outputs when chosen. */
    public record Rule(Condition condition, String next, Assignment assign, ValueExpr output) {
    }

    /** A compiled condition (JSONPath rule or JSONata Condition). */
    public interface Condition {
        boolean test(com.fasterxml.jackson.databind.JsonNode input, dev.sfnrun.query.EvalContext context);
    }

    @Override
    public String typeName() {
        return "Choice";
    }

    @Override
    public <R> R accept(StateVisitor<R> visitor) {
        return visitor.visitChoice(this);
    }
}
