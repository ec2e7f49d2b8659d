package dev.sfnrun.suite;

import java.util.regex.Pattern;

/**
 * A regular expression's search over text, in a time box: a pattern that backtracks without end on
 * the text ({@code ^(.*a){12}c} over a long cause) fails its check after {@link #BOX_MILLIS} instead
 * of hanging the suite. The text is read through a CharSequence that looks at the clock every 4,096
 * characters the matcher reads.
 */
final class TimeBoxedText implements CharSequence {
    static final long BOX_MILLIS = 5_000;

    /** The search ran out of time. */
    static final class TimedOut extends RuntimeException {
        TimedOut() {
            super(null, null, false, false);
        }
    }

    private final String text;
    private final long deadline;
    private int reads;

    private TimeBoxedText(String text, long deadline) {
        this.text = text;
        this.deadline = deadline;
    }

    /** Whether {@code pattern} finds a match in {@code text}; {@link TimedOut} past the box. */
    static boolean find(Pattern pattern, String text) {
        return find(pattern, text, BOX_MILLIS);
    }

    static boolean find(Pattern pattern, String text, long boxMillis) {
        return pattern.matcher(new TimeBoxedText(text, System.nanoTime() + boxMillis * 1_000_000)).find();
    }

    @Override
    public char charAt(int index) {
        if ((++reads & 0xFFF) == 0 && System.nanoTime() - deadline > 0) {
            throw new TimedOut();
        }
        return text.charAt(index);
    }

    @Override
    public int length() {
        return text.length();
    }

    @Override
    public CharSequence subSequence(int start, int end) {
        return new TimeBoxedText(text.substring(start, end), deadline);
    }

    @Override
    public String toString() {
        return text;
    }
}
