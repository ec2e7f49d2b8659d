package dev.sfnrun.io;

/**
 * The characters XML 1.0 allows ({@code #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] |
 * [#x10000-#x10FFFF]}), for everything sfn-run writes as XML or as SVG inside HTML (JUnit XML,
 * pictures, reports): the others (most C0 controls, lone surrogates, U+FFFE and U+FFFF) are written
 * as the text {@code \\uXXXX}, so the file stays well-formed and the character still shows.
 */
public final class XmlText {
    private XmlText() {
    }

    /**
     * How many chars the character at {@code i} takes if XML 1.0 allows it (2 for a surrogate pair),
     * 0 if it does not.
     */
    public static int allowedAt(CharSequence text, int i) {
        char c = text.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1)) ? 2 : 0;
        }
        return c == '\t' || c == '\n' || c == '\r' || c >= 0x20 && c <= 0xD7FF || c >= 0xE000 && c <= 0xFFFD ? 1 : 0;
    }

    /** Appends a character XML 1.0 does not allow, as {@code \\uXXXX}. */
    public static void appendNotAllowed(StringBuilder out, char c) {
        out.append(String.format("\\u%04X", (int) c));
    }

    /** The text with the characters XML 1.0 does not allow as {@code \\uXXXX}; the same string if it has none. */
    public static String legal(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            int n = allowedAt(text, i);
            if (n == 0 && out == null) {
                out = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            if (out != null) {
                if (n == 0) {
                    appendNotAllowed(out, text.charAt(i));
                } else {
                    out.append(text, i, i + n);
                }
            }
            i += Math.max(n, 1) - 1;
        }
        return out == null ? text : out.toString();
    }

    /**
     * For an attribute value (and text, where it does as well): markup ({@code < > & " '}) as entities; a
     * line feed, tab and carriage return as character references ({@code &#10;}), which an attribute keeps
     * (a parser turns them into spaces when they are written as they are); what XML 1.0 does not allow as
     * {@code \\uXXXX}.
     */
    public static String attribute(String text) {
        return escape(text, true);
    }

    /** For element text: as {@link #attribute}, but line feeds and tabs as they are (text keeps them). */
    public static String content(String text) {
        return escape(text, false);
    }

    private static String escape(String text, boolean attribute) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                case '\n' -> out.append(attribute ? "&#10;" : "\n");
                case '\t' -> out.append(attribute ? "&#9;" : "\t");
                case '\r' -> out.append("&#13;");
                default -> {
                    int n = allowedAt(text, i);
                    if (n == 0) {
                        appendNotAllowed(out, c);
                    } else {
                        out.append(text, i, i + n);
                        i += n - 1;
                    }
                }
            }
        }
        return out.toString();
    }
}
