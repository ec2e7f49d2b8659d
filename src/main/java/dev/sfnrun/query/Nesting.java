package dev.sfnrun.query;

/**
 * A depth limit for expression texts (JSONPath, JSONata) checked before their recursive parsers
 * see them: deeper nesting is a clear syntax error, never a StackOverflowError. Real expressions
 * nest a few levels; the limit is far above them.
 */
public final class Nesting {
    /** The most brackets ( [ { open at once. */
    public static final int MAX_DEPTH = 200;
    /** The most steps (dots, brackets, operators) an expression may chain. */
    public static final int MAX_STEPS = 1_000;

    private Nesting() {
    }

    /** Null when {@code text} is within the limits, else what is wrong. Quoted text does not count. */
    public static String problem(String text) {
        int[] depth = {0, 0, 0}; // now, deepest, steps
        unquoted(text, (i, c) -> {
            switch (c) {
                case '(', '[', '{' -> {
                    depth[1] = Math.max(depth[1], ++depth[0]);
                    depth[2]++;
                }
                case ')', ']', '}' -> depth[0] = Math.max(0, depth[0] - 1);
                case '.', '+', '-', '*', '/', '&', '?', ':', '=', '<', '>', '~', '%' -> depth[2]++;
                default -> {
                }
            }
            return 0;
        });
        int deepest = depth[1];
        int steps = depth[2];
        if (deepest > MAX_DEPTH) {
            return "it is nested " + deepest + " levels deep; sfn-run accepts at most " + MAX_DEPTH;
        }
        if (steps > MAX_STEPS) {
            return "it chains " + steps + " steps; sfn-run accepts at most " + MAX_STEPS;
        }
        return null;
    }

    /** Sees one character of an expression outside quotes; returns how many of the next characters to pass over. */
    @FunctionalInterface
    public interface Unquoted {
        int see(int index, char c);
    }

    /**
     * Shows {@code visitor} each character of {@code text} that is not inside quotes ({@code '...'},
     * {@code "..."} or {@code `...`}, with backslash escapes), nor a quote itself.
     */
    public static void unquoted(String text, Unquoted visitor) {
        char quote = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                if (c == '\\') {
                    i++;
                } else if (c == quote) {
                    quote = 0;
                }
            } else if (c == '\'' || c == '"' || c == '`') {
                quote = c;
            } else {
                i += visitor.see(i, c);
            }
        }
    }

    /**
     * The text as a message quotes it: whole up to 1,000 characters (as AWS quotes it), else its
     * start (an expression of megabytes would make a line of megabytes).
     */
    public static String quoted(String text) {
        return text.length() <= 1_000 ? text : abbreviated(text);
    }

    /** The start of a long text, for a message. */
    public static String abbreviated(String text) {
        return text.length() <= 80 ? text : text.substring(0, 77) + "...";
    }
}
