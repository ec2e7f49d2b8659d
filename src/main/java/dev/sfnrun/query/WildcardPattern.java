package dev.sfnrun.query;

import java.util.regex.Pattern;

/**
 * A StringMatches pattern: {@code *} matches any run of characters (including none); {@code \*}
 * is a literal star and {@code \\} a literal backslash. Every other character, including a
 * backslash before anything else, stands for itself.
 */
final class WildcardPattern {
    private final Pattern regex;

    private WildcardPattern(Pattern regex) {
        this.regex = regex;
    }

    static WildcardPattern compile(String pattern) {
        StringBuilder regex = new StringBuilder();
        StringBuilder literal = new StringBuilder();
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            char next = i + 1 < pattern.length() ? pattern.charAt(i + 1) : 0;
            if (c == '\\' && (next == '*' || next == '\\')) {
                literal.append(next);
                i++;
            } else if (c == '*') {
                regex.append(quote(literal)).append(".*");
                literal.setLength(0);
            } else {
                literal.append(c);
            }
        }
        regex.append(quote(literal));
        return new WildcardPattern(Pattern.compile(regex.toString(), Pattern.DOTALL));
    }

    private static String quote(StringBuilder literal) {
        return literal.length() == 0 ? "" : Pattern.quote(literal.toString());
    }

    boolean matches(String text) {
        return regex.matcher(text).matches();
    }
}
