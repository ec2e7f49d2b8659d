package dev.sfnrun.query.jsonata;

import com.dashjoin.jsonata.Jsonata.Frame;

/**
 * What runs before and after every step of one evaluation (the library has one hook of each):
 * the bounds of {@link JsonataLimits}; {@link NonFunctionCalls}, which fails a call of a
 * value that is not a function as jsonata-js does; and {@link TransformCopies}, which mends the
 * copy a transform makes.
 */
final class EvaluationHooks {
    private EvaluationHooks() {
    }

    static void install(Frame frame, ExpressionTree tree, long timeoutMillis) {
        long started = System.currentTimeMillis();
        NonFunctionCalls calls = new NonFunctionCalls();
        frame.setEvaluateEntryCallback((node, input, environment) -> {
            JsonataLimits.checkTime(started, timeoutMillis);
            if (tree.role(node) instanceof ExpressionTree.TransformPattern) {
                TransformCopies.restoreNulls(input);
            }
        });
        frame.setEvaluateExitCallback((node, input, environment, result) -> {
            JsonataLimits.checkStep(started, timeoutMillis, result);
            ExpressionTree.Role role = tree.role(node);
            if (role != null) {
                calls.exited(role, result);
            }
        });
    }
}
