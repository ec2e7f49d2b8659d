package dev.sfnrun.query.jsonata;

import java.util.ArrayList;
import java.util.List;

/**
 * JavaScript's string methods, as the ported jsonata-js code calls them ({@link FormatNumber},
 * {@link DateTimeFunctions}): bounds are clamped instead of throwing, as JavaScript's are.
 */
final class JsText {
    private JsText() {
    }

    /** JavaScript's {@code charAt}: "" outside the string. */
    static String charAt(String s, int index) {
        return index < 0 || index >= s.length() ? "" : String.valueOf(s.charAt(index));
    }

    /** JavaScript's {@code substring}: bounds clamped and swapped. */
    static String substring(String s, int start, int end) {
        int a = Math.max(0, Math.min(start, s.length()));
        int b = Math.max(0, Math.min(end, s.length()));
        return s.substring(Math.min(a, b), Math.max(a, b));
    }

    /** JavaScript's {@code slice}: a negative index counts from the end. */
    static String slice(String s, int start, int end) {
        int a = start < 0 ? Math.max(s.length() + start, 0) : Math.min(start, s.length());
        int b = end < 0 ? Math.max(s.length() + end, 0) : Math.min(end, s.length());
        return b <= a ? "" : s.substring(a, b);
    }

    /** JavaScript's {@code split} by a text: every piece kept, empty ones too. */
    static List<String> split(String s, String separator) {
        List<String> pieces = new ArrayList<>();
        if (separator.isEmpty()) {
            for (char c : s.toCharArray()) {
                pieces.add(String.valueOf(c));
            }
            return pieces;
        }
        int from = 0;
        int at;
        while ((at = s.indexOf(separator, from)) != -1) {
            pieces.add(s.substring(from, at));
            from = at + separator.length();
        }
        pieces.add(s.substring(from));
        return pieces;
    }
}
