package dev.sfnrun.query.jsonata;

import com.dashjoin.jsonata.Functions;
import com.dashjoin.jsonata.JException;
import com.dashjoin.jsonata.Jsonata.JFunction;
import com.dashjoin.jsonata.Jsonata.JLambda;
import com.dashjoin.jsonata.Parser.Symbol;
import com.dashjoin.jsonata.SfnRunTreeAccess;
import com.dashjoin.jsonata.Utils;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.regex.Pattern;

/**
 * A call of a value that is not a function ({@code $s()} with {@code $s} a string) fails with
 * jsonata-js's T1006 before it reaches the library, which would print "Proc not found ..." to
 * standard output (into sfn-run's JSON report) before failing the same way. As in jsonata-js and
 * the library, the arguments are evaluated first: the call fails when its last argument has been
 * evaluated (at once when it has none). One instance per evaluation.
 */
final class NonFunctionCalls {
    /** The calls whose procedure has been evaluated and whose arguments are being evaluated, innermost first. */
    private final Deque<Pending> pending = new ArrayDeque<>();

    private record Pending(Symbol call, boolean callable) {
    }

    /** {@code node} (which has {@code role}) was evaluated to {@code result}. */
    void exited(ExpressionTree.Role role, Object result) {
        if (role instanceof ExpressionTree.Procedure procedure) {
            Object proc = collapsed(result);
            boolean callable = proc == null || isCallable(proc); // undefined: the library's own T1006
            if (procedure.arguments() == 0) {
                failUnless(callable, procedure.call());
            } else {
                pending.push(new Pending(procedure.call(), callable));
            }
        } else if (role instanceof ExpressionTree.LastArgument last) {
            // entries above the call's own are left by evaluations cut short by an error a function caught
            while (!pending.isEmpty()) {
                Pending top = pending.pop();
                if (top.call() == last.call()) {
                    failUnless(top.callable(), top.call());
                    return;
                }
            }
        }
    }

    private static void failUnless(boolean callable, Symbol call) {
        if (!callable) {
            throw new JException("T1006", SfnRunTreeAccess.position(call));
        }
    }

    /**
     * The value as the library goes on with it: the hook sees a step's result before a sequence of one
     * item becomes that item ({@code $o.f}), and an empty one undefined.
     */
    private static Object collapsed(Object result) {
        if (result instanceof Utils.JList<?> list && list.sequence && !list.tupleStream) {
            return list.isEmpty() ? null : list.size() == 1 && !list.keepSingleton ? list.get(0) : list;
        }
        return result;
    }

    /** What the library's apply accepts as a procedure. */
    private static boolean isCallable(Object value) {
        return Functions.isLambda(value) || value instanceof JFunction || value instanceof JLambda
                || value instanceof Pattern;
    }
}
