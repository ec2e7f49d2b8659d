package dev.sfnrun.history;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sfnrun.query.CompactText;
import dev.sfnrun.query.Json;

/**
 * A JSON value carried by an event (input, output, parameters). AWS shows it as compact JSON
 * text; it is kept as the value itself and serialised only when printed.
 */
public record Payload(JsonNode value, String verbatim) {
    public static Payload of(JsonNode value) {
        return new Payload(value, null);
    }

    /** The JSON text AWS would show. */
    public String text() {
        return verbatim != null ? verbatim : Json.compact(value);
    }

    /** As {@link #text()}, serialised by {@code json} (one reused serialiser for many payloads in a row). */
    public String text(CompactText json) {
        return verbatim != null ? verbatim : json.of(value);
    }
}
