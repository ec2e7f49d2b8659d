package dev.sfnrun.query;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.function.Function;

/**
 * The texts made for the last two values asked about, found again by identity: in a history a
 * state's output is usually the next event's input, the very same value, so a printer or a report
 * that shows every event's payload need not serialise it twice. Not thread-safe.
 */
public final class RecentTexts {
    private JsonNode last;
    private String lastText;
    private JsonNode other;
    private String otherText;

    /** The text of {@code value}: the one made before if it is one of the last two values, else {@code make}'s. */
    public String of(JsonNode value, Function<JsonNode, String> make) {
        if (value == last) {
            return lastText;
        }
        if (value == other) {
            return otherText;
        }
        String text = make.apply(value);
        other = last;
        otherText = lastText;
        last = value;
        lastText = text;
        return text;
    }
}
