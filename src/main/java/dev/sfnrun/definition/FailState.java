package dev.sfnrun.definition;

import dev.sfnrun.query.ValueExpr;

/**
 * A Fail state. Error and Cause are each a literal, an expression (ErrorPath/CausePath, an
 * intrinsic, or JSONata), or absent.
 */
public record FailState(StateCommon common, String error, ValueExpr errorExpr, String errorField,
                        String cause, ValueExpr causeExpr, String causeField) implements State {
    @Override
    public String typeName() {
        return "Fail";
    }

    @Override
    public <R> R accept(StateVisitor<R> visitor) {
        return visitor.visitFail(this);
    }
}
