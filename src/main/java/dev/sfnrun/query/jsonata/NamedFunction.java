package dev.sfnrun.query.jsonata;

import com.dashjoin.jsonata.Jsonata;
import com.dashjoin.jsonata.Jsonata.JFunction;
import com.dashjoin.jsonata.Jsonata.JFunctionCallable;
import com.dashjoin.jsonata.utils.SfnRunSignature;

/**
 * A function bound under a JSONata name, its arguments checked against its signature as
 * jsonata-js checks them ({@link SfnRunSignature}). Stateless: one instance serves every expression.
 */
final class NamedFunction extends JFunction {
    private final SfnRunSignature signature;

    NamedFunction(String name, String signature, JFunctionCallable body) {
        super(body, signature); // the library's copy gives higher-order functions the arity
        this.signature = new SfnRunSignature(signature, name);
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
