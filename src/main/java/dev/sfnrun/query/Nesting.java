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
        int depth = 0;
        int deepest = 0;
        int steps = 0;
        char quote = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                if (c == '\\') {
                    i++;
                } else if (c == quote) {
                    quote = 0;
                }
                continue;
            }
            switch (c) {
                case '\'', '"', '`' -> quote = c;
                case '(', '[', '{' -> {
                    deepest = Math.max(deepest, ++depth);
                    steps++;
                }
                case ')', ']', '}' -> depth = Math.max(0, depth - 1);
                case '.', '+', '-', '*', '/', '&', '?', ':', '=', '<', '>', '~', '%' -> steps++;
                default -> {
                }
            }
        }
        if (deepest > MAX_DEPTH) {
            return "it is nested " + deepest + " levels deep; sfn-run accepts at most " + MAX_DEPTH;
        }
        if (steps > MAX_STEPS) {
            return "it chains " + steps + " steps; sfn-run accepts at most " + MAX_STEPS;
        }
        return null;
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
