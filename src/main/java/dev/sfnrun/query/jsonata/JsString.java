package dev.sfnrun.query.jsonata;

import com.dashjoin.jsonata.Functions;
import com.dashjoin.jsonata.Jsonata;
import com.dashjoin.jsonata.Utils;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * jsonata-js 2.0.6's {@code $string}, which the {@code &} operator applies to each side too: a string
 * unchanged, a function {@code ""}, anything else {@code JSON.stringify} with every number replaced by
 * {@code Number(n.toPrecision(15))} and written as JavaScript writes numbers (digits up to 1e21 without
 * an exponent: {@code $string(1e19)} is {@code "10000000000000000000"}, {@code 12345678901234567} is
 * {@code "12345678901234600"}). The library wrote 1e19 as {@code "1e+19"} and a whole number with all its
 * digits.
 */
final class JsString {
    private static final MathContext FIFTEEN_DIGITS = new MathContext(15, RoundingMode.HALF_UP);

    private JsString() {
    }

    /** {@code $string(arg, prettify)}: null (undefined) for undefined. */
    static String string(Object arg, boolean prettify) {
        if (arg instanceof Utils.JList<?> list && list.outerWrapper && !list.isEmpty()) {
            arg = list.get(0);
        }
        if (arg == null) {
            return null;
        }
        if (arg instanceof String text) {
            return text;
        }
        if (isFunction(arg)) {
            return "";
        }
        if (arg instanceof Number n && !(Double.isFinite(n.doubleValue()))) {
            throw new com.dashjoin.jsonata.JException("D3001", -1);
        }
        StringBuilder out = new StringBuilder();
        if (!stringify(out, arg, prettify ? "  " : null, "")) {
            return null; // JSON.stringify of a bare undefined-like value
        }
        return out.toString();
    }

    /** JavaScript's {@code String(Number(value.toPrecision(15)))}; "null" where that is not finite. */
    static String number(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return "null";
        }
        if (value == 0) {
            return "0";
        }
        BigDecimal rounded = new BigDecimal(Math.abs(value)).round(FIFTEEN_DIGITS);
        double parsed = Double.parseDouble(rounded.toString());
        if (Double.isInfinite(parsed)) {
            return "null"; // 1.7976931348623157e308 rounds past the largest double
        }
        BigDecimal digitsOf = parsed < Double.MIN_NORMAL
                ? JsNumbers.shortest(parsed) // subnormal: fewer than 15 digits hold
                : rounded;
        return JsNumbers.write(digitsOf.stripTrailingZeros(), value < 0);
    }

    private static boolean isFunction(Object value) {
        return Utils.isFunction(value) || Functions.isLambda(value);
    }

    /** JSON.stringify of one value; false where it writes nothing (undefined). */
    private static boolean stringify(StringBuilder out, Object value, String gap, String indent) {
        if (value == null) {
            return false;
        }
        if (isFunction(value)) {
            quote(out, "");
        } else if (value == Jsonata.NULL_VALUE) {
            out.append("null");
        } else if (value instanceof Boolean b) {
            out.append(b);
        } else if (value instanceof Number n) {
            out.append(number(n.doubleValue()));
        } else if (value instanceof String s) {
            quote(out, s);
        } else if (value instanceof Map<?, ?> map) {
            String inner = gap == null ? indent : indent + gap;
            out.append('{');
            boolean any = false;
            for (Map.Entry<?, ?> member : map.entrySet()) {
                if (member.getValue() == null) {
                    continue;
                }
                out.append(any ? "," : "");
                if (gap != null) {
                    out.append('\n').append(inner);
                }
                quote(out, String.valueOf(member.getKey()));
                out.append(gap != null ? ": " : ":");
                stringify(out, member.getValue(), gap, inner);
                any = true;
            }
            if (any && gap != null) {
                out.append('\n').append(indent);
            }
            out.append('}');
        } else if (value instanceof List<?> list) {
            String inner = gap == null ? indent : indent + gap;
            out.append('[');
            for (int i = 0; i < list.size(); i++) {
                out.append(i > 0 ? "," : "");
                if (gap != null) {
                    out.append('\n').append(inner);
                }
                if (!stringify(out, list.get(i), gap, inner)) {
                    out.append("null");
                }
            }
            if (!list.isEmpty() && gap != null) {
                out.append('\n').append(indent);
            }
            out.append(']');
        } else if (value instanceof Pattern) {
            out.append("{}");
        } else {
            return false;
        }
        return true;
    }

    /** JSON.stringify of a string: JavaScript's escapes, a lone surrogate as {@code \\uXXXX}. */
    private static void quote(StringBuilder out, String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    boolean lone = Character.isHighSurrogate(c)
                            ? i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1))
                            : Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(s.charAt(i - 1)));
                    if (c < 0x20 || lone) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
