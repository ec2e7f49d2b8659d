package dev.sfnrun.definition;

import dev.sfnrun.query.ValueExpr;

/** A Wait state: exactly one of the four timing fields is set. */
public record WaitState(StateCommon common, Long seconds, ValueExpr secondsExpr, dev.sfnrun.query.JsonPath secondsPath,
                        String timestamp, ValueExpr timestampExpr, dev.sfnrun.query.JsonPath timestampPath) implements State {
    @Override
    public String typeName() {
        return "Wait";
    }

    @Override
    public <R> R accept(StateVisitor<R> visitor) {
        return visitor.visitWait(this);
    }
}
