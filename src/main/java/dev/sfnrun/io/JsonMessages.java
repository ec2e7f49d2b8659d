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
        String message = e.getOriginalMessage() == null ? e.getClass().getSimpleName() : e.getOriginalMessage();
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
        return message.replaceAll("\\s*\\R\\s*", " ").trim() + opened;
    }
}
