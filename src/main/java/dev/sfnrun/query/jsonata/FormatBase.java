package dev.sfnrun.query.jsonata;

import com.dashjoin.jsonata.JException;
import com.dashjoin.jsonata.Jsonata;
import com.dashjoin.jsonata.Jsonata.JFunction;
import java.util.List;

/**
 * {@code $formatBase(value, radix)} as jsonata-js 2.0.6 runs it: the value and the radix rounded half to
 * even ({@code $formatBase(10, 2.9)} is {@code "101"}; the library truncated the radix), and a radix
 * outside 2–36 is D3100 naming it (the library's message said undefined). The digits are the library's.
 */
final class FormatBase {
    private static final JFunction LIBRARY_FORMAT_BASE = NamedFunction.builtin("formatBase");
    private static final NamedFunction FORMAT_BASE = new NamedFunction("formatBase",
            JsonataBuiltins.signature("formatBase"), FormatBase::formatBase);

    private FormatBase() {
    }

    static void register(Jsonata expression) {
        expression.registerFunction("formatBase", FORMAT_BASE);
    }

    private static Object formatBase(Object input, List<?> args) throws Throwable {
        if (args.isEmpty() || args.get(0) == null) {
            return null;
        }
        double value = JsNumbers.round(((Number) args.get(0)).doubleValue(), 0);
        double radix = args.size() > 1 && args.get(1) != null ? JsNumbers.round(((Number) args.get(1)).doubleValue(), 0) : 10;
        if (radix < 2 || radix > 36) {
            throw new JException("D3100", -1, JsonataValues.number(radix), null);
        }
        return LIBRARY_FORMAT_BASE.call(input, List.of(value, radix));
    }
}
