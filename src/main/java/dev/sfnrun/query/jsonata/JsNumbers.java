package dev.sfnrun.query.jsonata;

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
}
