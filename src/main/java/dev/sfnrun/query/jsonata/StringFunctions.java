package dev.sfnrun.query.jsonata;

import com.dashjoin.jsonata.Jsonata;
import java.util.List;

/**
 * String functions as jsonata-js 2.0.6 runs them (its source is the reference), where the library's
 * differ: {@code $substring} counts characters (code points) for the start, the length and the
 * string's own length alike (the library mixed code points with UTF-16 units and failed on a negative
 * start or a long length in a string with an emoji); {@code $string} is {@link JsString}'s.
 */
final class StringFunctions {
    private static final NamedFunction SUBSTRING = new NamedFunction("substring",
            JsonataBuiltins.signature("substring"), (input, args) -> substring(args));

    private static final NamedFunction STRING = new NamedFunction("string",
            JsonataBuiltins.signature("string"),
            (input, args) -> JsString.string(args.isEmpty() ? null : args.get(0),
                    args.size() > 1 && Boolean.TRUE.equals(args.get(1))));

    private StringFunctions() {
    }

    static void register(Jsonata expression) {
        expression.registerFunction("substring", SUBSTRING);
        expression.registerFunction("string", STRING);
    }

    private static Object substring(List<?> args) {
        String str = (String) args.get(0);
        if (str == null) {
            return null;
        }
        int[] chars = str.codePoints().toArray();
        double start = ((Number) args.get(1)).doubleValue();
        Number length = args.size() > 2 ? (Number) args.get(2) : null;
        if (chars.length + start < 0) {
            start = 0;
        }
        if (length != null) {
            if (length.doubleValue() <= 0) {
                return "";
            }
            double end = start >= 0 ? start + length.doubleValue() : chars.length + start + length.doubleValue();
            return slice(chars, start, end);
        }
        return slice(chars, start, chars.length);
    }

    /** {@code Array.prototype.slice(start, end).join('')} of the characters. */
    private static String slice(int[] chars, double start, double end) {
        int from = sliceIndex(start, chars.length);
        int to = sliceIndex(end, chars.length);
        return to <= from ? "" : new String(chars, from, to - from);
    }

    private static int sliceIndex(double index, int length) {
        double whole = index < 0 ? Math.ceil(index) : Math.floor(index);
        return (int) (whole < 0 ? Math.max(length + whole, 0) : Math.min(whole, length));
    }
}
