package dev.sfnrun.query.jsonata;

import com.dashjoin.jsonata.Jsonata;
import com.dashjoin.jsonata.Jsonata.JFunction;
import com.dashjoin.jsonata.Jsonata.JFunctionCallable;
import com.dashjoin.jsonata.utils.Signature;

/**
 * A function sfn-run binds under one of JSONata's names, checked against its JSONata signature
 * under that name: the library names a function it did not register itself after the Java class
 * implementing it ({@code Argument 1 of function "dev.sfnrun...$$Lambda$104"}).
 */
final class NamedFunction extends JFunction {
    private final Signature signature;

    NamedFunction(String name, String signature, JFunctionCallable body) {
        super(body, null);
        this.signature = new Signature(signature, name);
    }

    @Override
    public Object validate(Object args, Object context) {
        return signature.validate(args, context);
    }

    /** The library's own function {@code $name}, which an expression's binding of sfn-run's hides. */
    static JFunction builtin(String name) {
        return (JFunction) Jsonata.jsonata("$" + name).evaluate(null);
    }
}
