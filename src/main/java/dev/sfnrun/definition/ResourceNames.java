package dev.sfnrun.definition;

/**
 * AWS's rule for the names of executions, state machines and Map Run labels: 1 to a given number
 * of characters (80 for names, 40 for labels), none of them whitespace, a control character or
 * one of {@link #FORBIDDEN}.
 */
public final class ResourceNames {
    /** The characters AWS refuses in such names. */
    public static final String FORBIDDEN = "<>{}[]?*\"#%\\^|~`$&,;:/";
    /** The longest execution or state machine name. */
    public static final int MAX_NAME = 80;

    private ResourceNames() {
    }

    /**
     * {@code text} made a valid name: each character AWS refuses becomes '-', and the name is cut to
     * {@code max} characters ({@code my flow:v2} is {@code my-flow-v2}); an empty one is {@code fallback}.
     */
    public static String valid(String text, int max, String fallback) {
        StringBuilder name = new StringBuilder();
        text.codePoints().limit(max).forEach(c -> {
            if (Character.isWhitespace(c) || Character.isISOControl(c) || c >= 0x7F && c <= 0x9F || FORBIDDEN.indexOf(c) >= 0) {
                name.append('-');
            } else {
                name.appendCodePoint(c);
            }
        });
        return name.length() == 0 ? fallback : name.toString();
    }

    /** Whether {@code text} is a valid name of at most {@code max} characters. */
    public static boolean isValid(String text, int max) {
        return !text.isEmpty() && text.codePointCount(0, text.length()) <= max
                && text.codePoints().noneMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c)
                        || c >= 0x7F && c <= 0x9F || FORBIDDEN.indexOf(c) >= 0);
    }

    /** The rule in words, for a refusal: {@code AWS accepts 1 to 80 characters and no whitespace, ...}. */
    public static String rule(int max) {
        return "AWS accepts 1 to " + max + " characters and no whitespace, control characters or any of " + FORBIDDEN;
    }
}
