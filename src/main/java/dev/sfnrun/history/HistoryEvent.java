package dev.sfnrun.history;

import java.time.Instant;
import java.util.Map;

/**
 * One event of an execution's history, shaped like AWS's HistoryEvent. {@code details} holds the
 * type's detail fields by AWS's names; values are Strings, Numbers, Booleans, {@link Payload}s or
 * nested Maps. Empty for types without details.
 */
public record HistoryEvent(long id, long previousEventId, Instant timestamp, EventType type,
                           Map<String, Object> details) {
    public Object detail(String key) {
        return details.get(key);
    }

    public String stringDetail(String key) {
        Object value = details.get(key);
        return value == null ? null : value instanceof Payload payload ? payload.text() : value.toString();
    }
}
