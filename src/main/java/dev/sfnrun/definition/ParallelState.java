package dev.sfnrun.definition;

import dev.sfnrun.query.ValueExpr;
import java.util.List;

/** A Parallel state. */
public record ParallelState(StateCommon common, List<StateGraph> branches, ValueExpr arguments,
                            List<Retrier> retry, List<Catcher> catchers) implements State {
    @Override
    public String typeName() {
        return "Parallel";
    }

    @Override
    public <R> R accept(StateVisitor<R> visitor) {
        return visitor.visitParallel(this);
    }
}
