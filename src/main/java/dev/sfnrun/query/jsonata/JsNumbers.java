package dev.sfnrun.query.jsonata;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/** JavaScript's own number conversions, where jsonata-js relies on them. */
final class JsNumbers {
    private JsNumbers() {
    }

    /** {@code parseInt(text, 10)}: leading white space, a sign and digits; null where JavaScript gives NaN. */
    static Integer parseInt(String text) {
        int i = 0;
        while (i < text.length() && isJsWhiteSpace(text.charAt(i))) {
            i++;
        }
        boolean negative = false;
        if (i < text.length() && (text.charAt(i) == '+' || text.charAt(i) == '-')) {
            negative = text.charAt(i) == '-';
            i++;
        }
        int digitsStart = i;
        long value = 0;
        while (i < text.length() && text.charAt(i) >= '0' && text.charAt(i) <= '9' && value < Integer.MAX_VALUE) {
            value = value * 10 + (text.charAt(i) - '0');
            i++;
        }
        if (i == digitsStart) {
            return null;
        }
        return (int) Math.min(Integer.MAX_VALUE, negative ? -value : value);
    }

    /** JavaScript's StrWhiteSpaceChar: white space and line terminators. */
    static boolean isJsWhiteSpace(char c) {
        return c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r' || c == ' ' || c == 0xA0
                || c == 0x1680 || (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029 || c == 0x202F
                || c == 0x205F || c == 0x3000 || c == 0xFEFF;
    }

    /** ToUint32, as {@code String.prototype.split} applies it to its limit. */
    static long toUint32(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return 0;
        }
        double truncated = value < 0 ? Math.ceil(value) : Math.floor(value);
        double modulo = truncated % 4294967296.0;
        return (long) (modulo < 0 ? modulo + 4294967296.0 : modulo);
    }

    /** The shortest decimal that reads back as {@code value} (finite, not zero), as JavaScript picks it. */
    static BigDecimal shortest(double value) {
        BigDecimal exact = new BigDecimal(value);
        for (int precision = 1; precision < 17; precision++) {
            BigDecimal candidate = exact.round(new MathContext(precision, RoundingMode.HALF_EVEN));
            if (Double.parseDouble(candidate.toString()) == value) {
                return candidate.stripTrailingZeros();
            }
        }
        return exact.round(new MathContext(17, RoundingMode.HALF_EVEN)).stripTrailingZeros();
    }

    /** JavaScript's {@code String(value)}. */
    static String toString(double value) {
        if (Double.isNaN(value)) {
            return "NaN";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "Infinity" : "-Infinity";
        }
        if (value == 0) {
            return "0";
        }
        return write(shortest(Math.abs(value)), value < 0);
    }

    /** JavaScript's writing of the positive decimal {@code digitsOf} (its digits as they are). */
    static String write(BigDecimal digitsOf, boolean negative) {
        String digits = digitsOf.unscaledValue().toString();
        int k = digits.length();
        int n = k - digitsOf.scale(); // the value is 0.digits × 10^n
        StringBuilder out = new StringBuilder();
        if (negative) {
            out.append('-');
        }
        if (k <= n && n <= 21) {
            out.append(digits).append("0".repeat(n - k));
        } else if (0 < n && n <= 21) {
            out.append(digits, 0, n).append('.').append(digits, n, k);
        } else if (-6 < n && n <= 0) {
            out.append("0.").append("0".repeat(-n)).append(digits);
        } else {
            int e = n - 1;
            out.append(digits.charAt(0));
            if (k > 1) {
                out.append('.').append(digits, 1, k);
            }
            out.append('e').append(e < 0 ? '-' : '+').append(Math.abs(e));
        }
        return out.toString();
    }

    /** JavaScript's {@code value.toFixed(digits)}: the exact value, ties away from zero, a sign for any negative value; 1e21 and up as String(value). */
    static String toFixed(double value, int digits) {
        if (!Double.isFinite(value) || Math.abs(value) >= 1e21) {
            return toString(value);
        }
        if (value < 0) {
            return "-" + toFixed(-value, digits);
        }
        return new BigDecimal(value).setScale(digits, RoundingMode.HALF_UP).toPlainString();
    }

    /** JavaScript's {@code Math.round}: ties toward positive infinity. */
    static double mathRound(double value) {
        if (!Double.isFinite(value) || Math.abs(value) >= 4503599627370496.0) {
            return value;
        }
        double floor = Math.floor(value);
        return value - floor >= 0.5 ? floor + 1 : floor;
    }

    /** jsonata-js's {@code round(arg, precision)}: half to even, shifting the decimal point in the text. */
    static double round(double arg, int precision) {
        if (precision != 0) {
            arg = shift(arg, precision);
        }
        double result = mathRound(arg);
        double diff = result - arg;
        if (Math.abs(diff) == 0.5 && Math.abs(result % 2) == 1) {
            result = result - 1;
        }
        if (precision != 0) {
            result = shift(result, -precision);
        }
        return result == 0 ? 0 : result;
    }

    /** {@code +(mantissa + 'e' + (exponent + by))} of {@code String(value)} split at its 'e'. */
    private static double shift(double value, int by) {
        if (!Double.isFinite(value) || value == 0) {
            return value;
        }
        return Double.parseDouble(shortest(value).movePointRight(by).toString());
    }
}
