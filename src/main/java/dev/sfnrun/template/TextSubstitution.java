package dev.sfnrun.template;

import dev.sfnrun.definition.validate.SourceMap;
import java.util.Arrays;
import java.util.Map;

/**
 * {@code ${NAME}} replaced in a definition's text before it is parsed, as CloudFormation's Step
 * Functions resource handler applies {@code DefinitionSubstitutions}: to the text of the file
 * (DefinitionS3Location, SAM's DefinitionUri), of DefinitionString, or of an inline Definition written
 * out as JSON, with keys, numbers and booleans replaced too ({@code Seconds: ${Wait}} is a number once
 * replaced). As its {@code StringUtils.replaceEachRepeatedly}, the replaced text is searched again, up
 * to one pass more than there are names; values still producing placeholders then are refused.
 * Only the names given are replaced; any other {@code ${...}} stays as written.
 *
 * <p>Every character of the result remembers where it came from, so positions in the replaced text
 * (a parse error, a value's line and column) are told in the text as written.
 */
final class TextSubstitution {
    /** The longest text the replacements may make (far above Step Functions' 1 MB definition). */
    static final int MAX_CHARS = (int) SourceFiles.MAX_BYTES;

    /** Values that cannot be applied: why, in words to follow the name of the file or property. */
    static final class Refused extends RuntimeException {
        Refused(String message) {
            super(message, null, false, false);
        }
    }

    private final String original;
    private final String text;
    private final int[] origin; // null: the text is the original

    private TextSubstitution(String original, String text, int[] origin) {
        this.original = original;
        this.text = text;
        this.origin = origin;
    }

    /**
     * {@code text} with {@code values} applied.
     *
     * @throws Refused when the values lead to each other without end, or the text grows past {@link #MAX_CHARS}
     */
    static TextSubstitution apply(String text, Map<String, String> values) {
        if (values.isEmpty() || !text.contains("${")) {
            return new TextSubstitution(text, text, null);
        }
        String[] search = new String[values.size()];
        String[] replacement = new String[values.size()];
        int n = 0;
        for (Map.Entry<String, String> entry : values.entrySet()) {
            search[n] = "${" + entry.getKey() + "}";
            replacement[n++] = entry.getValue();
        }
        String current = text;
        int[] origin = null;
        for (int timeToLive = n; ; timeToLive--) { // as replaceEachRepeatedly: n passes and one more
            if (timeToLive < 0) {
                throw new Refused("DefinitionSubstitutions go on producing placeholders after " + (n + 1)
                        + " passes (values that lead back to each other); CloudFormation's handler gives up on them too");
            }
            StringBuilder out = new StringBuilder(current.length());
            int[] from = new int[Math.max(16, current.length())];
            int at = 0;
            boolean replaced = false;
            for (int start = current.indexOf("${"); start >= 0; start = current.indexOf("${", start + 1)) {
                if (start < at) {
                    continue;
                }
                int which = -1;
                for (int i = 0; i < n && which < 0; i++) {
                    if (current.startsWith(search[i], start)) {
                        which = i;
                    }
                }
                if (which < 0) {
                    continue;
                }
                from = copy(current, origin, at, start, out, from);
                from = insert(replacement[which], origin == null ? start : origin[start], out, from);
                at = start + search[which].length();
                start = at - 1;
                replaced = true;
            }
            if (!replaced) {
                return new TextSubstitution(text, current, origin);
            }
            from = copy(current, origin, at, current.length(), out, from);
            current = out.toString();
            origin = Arrays.copyOf(from, current.length());
        }
    }

    private static int[] copy(String text, int[] origin, int start, int end, StringBuilder out, int[] from) {
        from = room(from, out.length() + end - start);
        for (int i = start; i < end; i++) {
            from[out.length() + i - start] = origin == null ? i : origin[i];
        }
        out.append(text, start, end);
        return from;
    }

    private static int[] insert(String value, int place, StringBuilder out, int[] from) {
        from = room(from, out.length() + value.length());
        Arrays.fill(from, out.length(), out.length() + value.length(), place);
        out.append(value);
        return from;
    }

    private static int[] room(int[] from, int length) {
        if (length > MAX_CHARS) {
            throw new Refused("the definition grows past " + MAX_CHARS + " characters as DefinitionSubstitutions are"
                    + " applied (values that repeat other placeholders)");
        }
        return length <= from.length ? from : Arrays.copyOf(from, Math.max(length, Math.min(MAX_CHARS, from.length * 2)));
    }

    /** The text with the values applied. */
    String text() {
        return text;
    }

    /** Whether anything was replaced. */
    boolean changed() {
        return origin != null;
    }

    /** Where a place in the replaced text (1-based line and column) was in the text as written. */
    SourceMap.Position original(SourceMap.Position position) {
        if (origin == null || position == null) {
            return position;
        }
        if (textLines == null) {
            textLines = lineStarts(text);
            originalLines = lineStarts(original);
        }
        int line = Math.min(Math.max(1, position.line()), textLines.length);
        int offset = Math.min(text.length(), textLines[line - 1] + Math.max(0, position.column() - 1));
        int before = offset >= origin.length ? original.length() : origin[offset];
        int found = Arrays.binarySearch(originalLines, before);
        int index = found >= 0 ? found : -found - 2;
        return new SourceMap.Position(index + 1, before - originalLines[index] + 1);
    }

    private int[] textLines;
    private int[] originalLines;

    /** The offset at which each line starts (a line ends at \n, \r\n or \r, as the parsers count). */
    private static int[] lineStarts(String text) {
        int[] starts = new int[16];
        int count = 1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n')) {
                if (count == starts.length) {
                    starts = Arrays.copyOf(starts, count * 2);
                }
                starts[count++] = i + 1;
            }
        }
        return Arrays.copyOf(starts, count);
    }
}
