package dev.sfnrun.io;

/**
 * Text from data (inputs, outputs, causes, names) made harmless for a terminal: every control
 * character (ESC of an escape sequence, CR, BEL, backspace, C1 controls such as CSI, the bidi
 * overrides) is shown as {@code \\uXXXX}, so a hostile payload cannot move the cursor, recolour
 * or rewrite what is on screen. Text without any is returned as it is. Used for every text meant
 * for a terminal that carries data: the history, the summary, error lines, diagnostics, test reports.
 */
public final class Neutral {
    private Neutral() {
    }

    public static String text(String text) {
        return neutral(text, false);
    }

    /** As {@link #text}, keeping line feeds and tabs (a multi-line cause stays readable). */
    public static String lines(String text) {
        return neutral(text, true);
    }

    private static String neutral(String text, boolean keepLines) {
        int i = 0;
        while (i < text.length() && !isControl(text.charAt(i), keepLines)) {
            i++;
        }
        if (i == text.length()) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 16).append(text, 0, i);
        for (; i < text.length(); i++) {
            char c = text.charAt(i);
            if (isControl(c, keepLines)) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static boolean isControl(char c, boolean keepLines) {
        if (keepLines && (c == '\n' || c == '\t')) {
            return false;
        }
        return isControl(c);
    }

    /** Whether {@code c} is one of the characters shown as {@code \\uXXXX}: C0 and C1 controls, DEL, bidi embeddings and isolates. */
    public static boolean isControl(int c) {
        return c < 0x20 || c == 0x7f || c >= 0x80 && c < 0xa0
                || c >= 0x202a && c <= 0x202e || c >= 0x2066 && c <= 0x2069; // bidi embeddings and isolates
    }
}
