package dev.sfnrun.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A JSON syntax error in plain words: one line, without the parser's internal wording. */
public final class JsonMessages {
    private static final Pattern START_MARKER = Pattern.compile(
            "\\s*\\(start marker at \\[Source: .*?; line: (\\d+), column: (\\d+)\\]\\)", Pattern.DOTALL);
    private static final Pattern SOURCE = Pattern.compile("\\s*at \\[Source: .*?\\]", Pattern.DOTALL);

    private JsonMessages() {
    }

    /** The problem, as one line. */
    public static String plain(JsonProcessingException e) {
        return plain(e.getOriginalMessage() == null ? e.getClass().getSimpleName() : e.getOriginalMessage());
    }

    /** As {@link #plain(JsonProcessingException)}, from the parser's own message. */
    public static String plain(String message) {
        Matcher marker = START_MARKER.matcher(message);
        String opened = "";
        if (marker.find()) {
            opened = " (it opens at line " + marker.group(1) + ", column " + marker.group(2) + ")";
            message = marker.replaceFirst("");
        }
        message = SOURCE.matcher(message).replaceAll("");
        if (message.startsWith("Unexpected end-of-input")) {
            String what = message.contains("Object") ? "an object is not closed"
                    : message.contains("Array") ? "an array is not closed"
                    : message.contains("String") || message.contains("string") ? "a string is not closed"
                    : "a value is missing";
            return "the text ends before the JSON is complete: " + what + opened;
        }
        if (message.contains("No content to map due to end-of-input")) {
            return "no JSON value in the text";
        }
        return reword(message.replaceAll("\\s*\\R\\s*", " ").trim()) + opened;
    }

    /** Jackson's wording of the common mistakes, said plainly (anything else stays as Jackson says it). */
    private static final String[][] REWORDINGS = {
        {"^Unexpected character \\('(.*?)' \\(code \\d+\\)\\): was expecting double-quote to start field name$",
            "a key must be a string in double quotes, found '$1'"},
        {"^Unexpected character \\('(.*?)' \\(code \\d+\\)\\): was expecting a colon to separate field name and value$",
            "expected ':' after a key, found '$1'"},
        {"^Unexpected character \\('(.*?)' \\(code \\d+\\)\\): was expecting comma to separate Object entries$",
            "expected ',' or '}' after a value in an object, found '$1'"},
        {"^Unexpected character \\('(.*?)' \\(code \\d+\\)\\): was expecting comma to separate Array entries$",
            "expected ',' or ']' after a value in an array, found '$1'"},
        {"^Unexpected character \\('(.*?)' \\(code \\d+\\)\\): expected a (valid )?value.*$",
            "a value is missing before '$1' (strings need double quotes)"},
        {"^Unexpected close marker '(.)': expected '.' \\(for root.*$", "an extra '$1' after the end of the JSON value"},
        {"^Unexpected close marker '(.)': expected '(.)'.*$", "'$1' where '$2' should close what is open"},
        {"^Unrecognized token '(.*?)': was expecting .*$", "'$1' is not a JSON value (strings need double quotes)"},
        {"^Trailing token \\(of type .*?\\) found after value.*$", "another value follows the first: the text must hold one JSON value"},
        {"^Illegal unquoted character \\(\\(CTRL-CHAR, code (\\d+)\\)\\): has to be escaped.*$",
            "a control character (code $1) in a string must be escaped (as \\\\n, \\\\t or \\\\u00XX)"},
        {"^Non-standard token '(.*?)': enable .*$", "'$1' is not a JSON number (JSON has no Infinity or NaN)"},
        {"^Unexpected character \\('(.*?)' \\(code \\d+\\)\\): Expected space separating root-level values$",
            "more text ('$1') after the JSON value"},
    };

    /** Jackson's limits (nesting depth, string and number length), said without its class names. */
    private static final String[][] LIMITS = {
        {"^Document nesting depth \\((\\d+)\\) exceeds the maximum allowed \\((\\d+), from `StreamReadConstraints[^`]*`\\)\\.?$",
            "arrays and objects nested more than $2 levels deep; sfn-run accepts at most $2"},
        {"^String value length \\((\\d+)\\) exceeds the maximum allowed \\((\\d+), from `StreamReadConstraints[^`]*`\\)\\.?$",
            "a string longer than $2 characters; sfn-run accepts at most $2"},
        {"^Number value length \\((\\d+)\\) exceeds the maximum allowed \\((\\d+), from `StreamReadConstraints[^`]*`\\)\\.?$",
            "a number of more than $2 digits; sfn-run accepts at most $2"},
        {"^Name length \\((\\d+)\\) exceeds the maximum allowed \\((\\d+), from `StreamReadConstraints[^`]*`\\)\\.?$",
            "a key longer than $2 characters; sfn-run accepts at most $2"},
    };

    /**
     * A message of the parser with a broken limit said plainly ("arrays and objects nested more
     * than 1000 levels deep; ..."); any other message as it is (for the causes AWS words its own way).
     */
    public static String limits(String message) {
        if (message == null || !message.contains("StreamReadConstraints")) {
            return message;
        }
        String line = message.replaceAll("\\s*\\R\\s*", " ").trim();
        for (String[] limit : LIMITS) {
            if (line.matches(limit[0])) {
                return line.replaceFirst(limit[0], limit[1]);
            }
        }
        return line.replaceAll(",? from `StreamReadConstraints[^`]*`", "");
    }

    private static String reword(String message) {
        if (message.contains("StreamReadConstraints")) {
            return limits(message);
        }
        for (String[] rewording : REWORDINGS) {
            if (message.matches(rewording[0])) {
                return message.replaceFirst(rewording[0], rewording[1]);
            }
        }
        return message;
    }
}
