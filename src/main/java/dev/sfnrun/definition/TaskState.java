package dev.sfnrun.definition;

import dev.sfnrun.query.ValueExpr;
import java.util.List;

/**
 * A Task state. Timeouts are either a literal ({@code timeoutSeconds}) or an expression
 * ({@code timeoutSecondsExpr}: a TimeoutSecondsPath or a JSONata expression), never both.
 */
public record TaskState(StateCommon common, String resource, ValueExpr arguments, Integer timeoutSeconds,
                        ValueExpr timeoutSecondsExpr, Integer heartbeatSeconds, ValueExpr heartbeatSecondsExpr,
                        ValueExpr credentials, List<Retrier> retry, List<Catcher> catchers) implements State {
    @Override
    public String typeName() {
        return "Task";
    }

    @Override
    public <R> R accept(StateVisitor<R> visitor) {
        return visitor.visitTask(this);
    }
}
