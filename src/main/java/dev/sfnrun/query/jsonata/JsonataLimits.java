package dev.sfnrun.query.jsonata;

import com.dashjoin.jsonata.Functions;
import com.dashjoin.jsonata.JException;
import com.dashjoin.jsonata.Jsonata;
import java.util.List;

/**
 * JSONata built-ins that build one large string in a single step ({@code $pad}, {@code $join}),
 * out of reach of the evaluation's time box, are bounded by AWS's payload limit instead: a result
 * longer than 256 KiB could not be passed on anyway, so it fails at once, before it is built,
 * rather than filling the heap.
 */
final class JsonataLimits {
    /** AWS's payload limit, as characters: a longer string alone is already too large. */
    static final int MAX_CHARS = 262_144;
    /**
     * The longest string one evaluation step may yield: four times the payload limit, so a value
     * somewhat too large still reaches the checks that name the limit it breaks (a variable, a
     * state's output), while a string doubling on is stopped long before it fills the heap.
     */
    static final int MAX_STEP_CHARS = 4 * MAX_CHARS;

    private JsonataLimits() {
    }

    /**
     * The evaluation's bounds, checked before ({@link #checkTime}) and after ({@link #checkStep})
     * every step as the library's own time box does (with its message): the time box, and a string
     * result longer than {@link #MAX_STEP_CHARS} (string concatenation with {@code &}, {@code $string}
     * of a large value, ...), which fails at the step that built it, at most twice that size, instead
     * of doubling on until the heap is exhausted. {@link EvaluationHooks} calls them.
     */
    static void checkStep(long started, long timeoutMillis, Object result) {
        checkTime(started, timeoutMillis);
        if (result instanceof String text && text.length() > MAX_STEP_CHARS) {
            throw new AwsFunctions.FunctionError("The expression built a string of " + text.length()
                    + " characters, more than " + MAX_STEP_CHARS + " (four times the payload limit of 256 KiB)");
        }
    }

    static void checkTime(long started, long timeoutMillis) {
        if (System.currentTimeMillis() - started > timeoutMillis) {
            throw new JException("Expression evaluation timeout: Check for infinite loop", -1);
        }
    }

    private static final NamedFunction PAD = new NamedFunction("pad", "<s-ns?:s>", (input, args) -> pad(args));
    private static final NamedFunction JOIN = new NamedFunction("join", "<a<s>s?:s>", (input, args) -> join(args));

    static void register(Jsonata expression) {
        expression.registerFunction("pad", PAD);
        expression.registerFunction("join", JOIN);
    }

    private static Object pad(List<?> args) {
        if (args.get(0) == null) {
            return null;
        }
        Number width = (Number) args.get(1);
        if (width != null && Math.abs(width.doubleValue()) > MAX_CHARS) {
            throw tooLong("$pad", width.doubleValue());
        }
        String text = (String) args.get(0);
        if (width != null) {
            double padLength = Math.abs(width.doubleValue()) - text.codePointCount(0, text.length());
            if (padLength > 0 && padLength != Math.floor(padLength)) {
                // jsonata-js builds the padding as new Array(padLength + 1), which JavaScript refuses
                throw new JException("Invalid array length", -1);
            }
        }
        return Functions.pad(text, width, args.size() > 2 ? (String) args.get(2) : null);
    }

    @SuppressWarnings("unchecked")
    private static Object join(List<?> args) {
        Object strings = args.get(0);
        if (strings == null) {
            return null;
        }
        List<String> list = strings instanceof List<?> l ? (List<String>) l : List.of((String) strings);
        String separator = args.size() > 1 && args.get(1) != null ? (String) args.get(1) : "";
        long length = (long) separator.length() * Math.max(0, list.size() - 1);
        for (Object s : list) {
            length += s == null ? 0 : s.toString().length();
            if (length > MAX_CHARS) {
                throw tooLong("$join", length);
            }
        }
        return Functions.join(list, separator);
    }

    private static AwsFunctions.FunctionError tooLong(String function, double length) {
        return new AwsFunctions.FunctionError(function + " would build a string of " + (long) length
                + " characters or more, beyond the payload limit of " + MAX_CHARS + " (256 KiB)");
    }
}
