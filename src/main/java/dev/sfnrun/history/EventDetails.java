package dev.sfnrun.history;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;

/** Builds the details of an event with AWS's field names, in AWS's order. */
public final class EventDetails {
    private static final Map<String, Object> NOT_TRUNCATED = Map.of("truncated", false);
    private final Map<String, Object> fields = new LinkedHashMap<>();

    public static EventDetails create() {
        return new EventDetails();
    }

    public EventDetails put(String key, Object value) {
        if (value != null) {
            fields.put(key, value);
        }
        return this;
    }

    /** {@code input} and {@code inputDetails}. */
    public EventDetails input(JsonNode value) {
        return payload("input", Payload.of(value));
    }

    /** {@code output} and {@code outputDetails}. */
    public EventDetails output(JsonNode value) {
        return payload("output", Payload.of(value));
    }

    public EventDetails payload(String key, Payload payload) {
        fields.put(key, payload);
        fields.put(key + "Details", NOT_TRUNCATED);
        return this;
    }

    /** {@code assignedVariables} (name → value, shown as JSON text) and {@code assignedVariablesDetails}. */
    public EventDetails assignedVariables(Map<String, Object> values) {
        fields.put("assignedVariables", values);
        fields.put("assignedVariablesDetails", NOT_TRUNCATED);
        return this;
    }

    public EventDetails error(String error, String cause) {
        put("error", error);
        return put("cause", cause);
    }

    public Map<String, Object> build() {
        return fields.isEmpty() ? Map.of() : fields;
    }
}
