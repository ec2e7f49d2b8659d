package dev.sfnrun.history;

import java.time.Instant;
import java.util.Map;

/**
 * One event of an execution's history, shaped like AWS's HistoryEvent. {@code details} holds the
 * type's detail fields by AWS's names; values are Strings, Numbers, Booleans, {@link Payload}s or
 * nested Maps. Empty for types without details. {@code stateName} is not part of AWS's event: the
 * state an event belongs to when its details do not name it and its predecessor does not tell
 * (a {@code ...StateAborted} follows the failing event of another branch); null otherwise.
 * {@code logs} is not part of AWS's event either: what a task function (a Python or Node.js handler)
 * wrote during the call that this event ends; null for none.
 */
public record HistoryEvent(long id, long previousEventId, Instant timestamp, EventType type,
                           Map<String, Object> details, String stateName, String logs) {
    public HistoryEvent(long id, long previousEventId, Instant timestamp, EventType type, Map<String, Object> details) {
        this(id, previousEventId, timestamp, type, details, null, null);
    }

    public HistoryEvent(long id, long previousEventId, Instant timestamp, EventType type, Map<String, Object> details,
                        String stateName) {
        this(id, previousEventId, timestamp, type, details, stateName, null);
    }

    public Object detail(String key) {
        return details.get(key);
    }

    public String stringDetail(String key) {
        Object value = details.get(key);
        return value == null ? null : value instanceof Payload payload ? payload.text() : value.toString();
    }
}
