package dev.sfnrun.query;

import java.util.ArrayList;
import java.util.List;

/**
 * A StringMatches pattern: {@code *} matches any run of characters (including none); {@code \*}
 * is a literal star and {@code \\} a literal backslash. Every other character, including a
 * backslash before anything else, stands for itself.
 *
 * <p>Matching never backtracks: the pattern is its literal pieces between stars; the first must
 * start the text, the last must end it, and each one between is found, leftmost, after the one
 * before (leftmost is always right when the only wildcard is {@code *}). So a pattern of many
 * stars costs one pass of {@code indexOf} per piece, not the exponential time of a regex.
 */
final class WildcardPattern {
    /** The literal pieces between stars (empty ones where stars lead, trail or follow each other). */
    private final List<String> pieces;

    private WildcardPattern(List<String> pieces) {
        this.pieces = pieces;
    }

    static WildcardPattern compile(String pattern) {
        List<String> pieces = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            char next = i + 1 < pattern.length() ? pattern.charAt(i + 1) : 0;
            if (c == '\\' && (next == '*' || next == '\\')) {
                literal.append(next);
                i++;
            } else if (c == '*') {
                pieces.add(literal.toString());
                literal.setLength(0);
            } else {
                literal.append(c);
            }
        }
        pieces.add(literal.toString());
        return new WildcardPattern(List.copyOf(pieces));
    }

    boolean matches(String text) {
        if (pieces.size() == 1) { // no star at all
            return text.equals(pieces.get(0));
        }
        String first = pieces.get(0);
        String last = pieces.get(pieces.size() - 1);
        if (!text.startsWith(first) || text.length() - first.length() < last.length() || !text.endsWith(last)) {
            return false;
        }
        int at = first.length();
        int end = text.length() - last.length();
        for (int i = 1; i < pieces.size() - 1; i++) {
            String piece = pieces.get(i);
            if (piece.isEmpty()) {
                continue;
            }
            int found = text.indexOf(piece, at);
            if (found < 0 || found + piece.length() > end) {
                return false;
            }
            at = found + piece.length();
        }
        return true;
    }
}
