package dev.sfnrun.query.jsonata;

import com.dashjoin.jsonata.Jsonata;
import com.dashjoin.jsonata.Jsonata.JFunction;
import java.util.ArrayList;
import java.util.List;

/**
 * JSONata's function library, each function bound under its name with jsonata-js 2.0.6's signature
 * (this table is that of jsonata-js), checked as jsonata-js checks it ({@link NamedFunction}), and
 * run by the library. Functions sfn-run implements itself are bound after these and hide them.
 * {@code $eval} is left out: Step Functions removes it ({@link AwsFunctions}).
 */
final class JsonataBuiltins {
    private static final String[][] SIGNATURES = {
        {"sum", "<a<n>:n>"}, {"count", "<a:n>"}, {"max", "<a<n>:n>"}, {"min", "<a<n>:n>"},
        {"average", "<a<n>:n>"}, {"string", "<x-b?:s>"}, {"substring", "<s-nn?:s>"},
        {"substringBefore", "<s-s:s>"}, {"substringAfter", "<s-s:s>"}, {"lowercase", "<s-:s>"},
        {"uppercase", "<s-:s>"}, {"length", "<s-:n>"}, {"trim", "<s-:s>"}, {"pad", "<s-ns?:s>"},
        {"match", "<s-f<s:o>n?:a<o>>"}, {"contains", "<s-(sf):b>"}, {"replace", "<s-(sf)(sf)n?:s>"},
        {"split", "<s-(sf)n?:a<s>>"}, {"join", "<a<s>s?:s>"}, {"formatNumber", "<n-so?:s>"},
        {"formatBase", "<n-n?:s>"}, {"formatInteger", "<n-s:s>"}, {"parseInteger", "<s-s:n>"},
        {"number", "<(nsb)-:n>"}, {"floor", "<n-:n>"}, {"ceil", "<n-:n>"}, {"round", "<n-n?:n>"},
        {"abs", "<n-:n>"}, {"sqrt", "<n-:n>"}, {"power", "<n-n:n>"}, {"random", "<:n>"},
        {"boolean", "<x-:b>"}, {"not", "<x-:b>"}, {"map", "<af>"}, {"zip", "<a+>"}, {"filter", "<af>"},
        {"single", "<af?>"}, {"reduce", "<afj?:j>"}, {"sift", "<o-f?:o>"}, {"keys", "<x-:a<s>>"},
        {"lookup", "<x-s:x>"}, {"append", "<xx:a>"}, {"exists", "<x:b>"}, {"spread", "<x-:a<o>>"},
        {"merge", "<a<o>:o>"}, {"reverse", "<a:a>"}, {"each", "<o-f:a>"}, {"error", "<s?:x>"},
        {"assert", "<bs?:x>"}, {"type", "<x:s>"}, {"sort", "<af?:a>"}, {"shuffle", "<a:a>"},
        {"distinct", "<x:x>"}, {"base64encode", "<s-:s>"}, {"base64decode", "<s-:s>"},
        {"encodeUrlComponent", "<s-:s>"}, {"encodeUrl", "<s-:s>"}, {"decodeUrlComponent", "<s-:s>"},
        {"decodeUrl", "<s-:s>"}, {"toMillis", "<s-s?:n>"}, {"fromMillis", "<n-s?s?:s>"},
        {"clone", "<(oa)-:o>"},
    };

    private static final List<Binding> FUNCTIONS = bindings();

    private record Binding(String name, JFunction function) {
    }

    private JsonataBuiltins() {
    }

    private static List<Binding> bindings() {
        List<Binding> bindings = new ArrayList<>();
        for (String[] entry : SIGNATURES) {
            JFunction library = NamedFunction.builtin(entry[0]);
            bindings.add(new Binding(entry[0], new NamedFunction(entry[0], entry[1], library::call)));
        }
        return List.copyOf(bindings);
    }

    /** jsonata-js's signature of {@code name}. */
    static String signature(String name) {
        for (String[] entry : SIGNATURES) {
            if (entry[0].equals(name)) {
                return entry[1];
            }
        }
        throw new IllegalArgumentException(name);
    }

    static void register(Jsonata expression) {
        for (Binding binding : FUNCTIONS) {
            expression.registerFunction(binding.name(), binding.function());
        }
    }
}
