package dev.sfnrun.graph;

import java.util.ArrayList;
import java.util.List;

/**
 * How much room text needs in the pictures. The SVG names a sans-serif font of {@link #FONT}
 * pixels; widths are estimated generously (no font is embedded, so a browser may pick a wider one)
 * so that boxes and labels keep their text inside.
 */
final class TextSize {
    /** Font size of state names and edge labels, in pixels. */
    static final double FONT = 12;
    /** Height of one line of text. */
    static final double LINE = 16;
    /** Longest line of an edge label before it wraps. */
    static final int WRAP = 28;

    private TextSize() {
    }

    /** Width of one line of text at {@link #FONT} pixels. */
    static double width(String text) {
        double w = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            w += Character.isUpperCase(c) || c == 'm' || c == 'w' || c == '×' ? 9.0
                    : c == ' ' || c == 'i' || c == 'l' || c == 'j' || c == '.' || c == ',' ? 4.5 : 7.2;
        }
        return Math.ceil(w);
    }

    static double widest(List<String> lines) {
        return lines.stream().mapToDouble(TextSize::width).max().orElse(0);
    }

    /** A label broken into lines of at most {@link #WRAP} characters, at spaces where it can. */
    static List<String> wrap(String text) {
        List<String> lines = new ArrayList<>();
        String rest = text;
        while (rest.length() > WRAP) {
            int cut = rest.lastIndexOf(' ', WRAP);
            if (cut <= 0) {
                cut = WRAP;
            }
            lines.add(rest.substring(0, cut).strip());
            rest = rest.substring(cut).strip();
        }
        if (!rest.isEmpty()) {
            lines.add(rest);
        }
        return lines;
    }
}
