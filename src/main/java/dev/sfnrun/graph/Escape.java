package dev.sfnrun.graph;

import dev.sfnrun.io.Neutral;
import dev.sfnrun.io.XmlText;

/** Escaping text for XML/HTML, DOT and Mermaid. */
public final class Escape {
    private Escape() {
    }

    /**
     * For XML and HTML text and attribute values ({@link XmlText#attribute}): markup as entities, line
     * breaks and tabs as character references (an attribute keeps them), a character XML 1.0 does not allow
     * (a control character, a lone surrogate, U+FFFE, U+FFFF) as {@code \\uXXXX}, so an SVG stays
     * well-formed whatever the names in it.
     */
    public static String xml(String text) {
        return XmlText.attribute(text);
    }

    /**
     * For a double-quoted DOT string. Other control characters (an escape sequence in a state name)
     * are shown as {@code \\u001b}, as in the text history: the text may be printed on a terminal.
     */
    static String dot(String text) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        String[] lines = text.replace("\r", "").split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            out.append(i == 0 ? "" : "\\n").append(Neutral.text(lines[i]).replace("\\", "\\\\").replace("\"", "\\\""));
        }
        return out.toString();
    }

    /**
     * For a double-quoted Mermaid label: quotes and markup as Mermaid's entity codes, other control
     * characters as {@code \\u001b} (see {@link #dot}). {@code %} is one too: Mermaid takes
     * {@code %%{...}%%} anywhere in the text, labels included, for a directive that configures the whole
     * diagram; and {@code &}, so that a name holding {@code &amp;} shows it as written.
     */
    static String mermaid(String text) {
        String neutral = Neutral.text(text.replace('\n', ' ').replace('\r', ' '));
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < neutral.length(); i++) {
            char c = neutral.charAt(i);
            switch (c) {
                case '"' -> out.append("#quot;");
                case '<' -> out.append("#lt;");
                case '>' -> out.append("#gt;");
                case '#' -> out.append("#35;");
                case '|' -> out.append("#124;");
                case '`' -> out.append("#96;");
                case '%' -> out.append("#37;");
                case '&' -> out.append("#38;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
