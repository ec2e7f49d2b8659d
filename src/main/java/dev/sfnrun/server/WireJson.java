package dev.sfnrun.server;

import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sfnrun.history.HistoryEvent;
import dev.sfnrun.history.Payload;
import dev.sfnrun.query.Json;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

/**
 * Values as the wire carries them: timestamps as epoch seconds (with milliseconds), history
 * events in the shape of the CLI's {@code --output json} events (payloads as JSON text).
 */
final class WireJson {
    private WireJson() {
    }

    static DecimalNode time(Instant instant) {
        return DecimalNode.valueOf(BigDecimal.valueOf(instant.toEpochMilli(), 3));
    }

    static void putTime(ObjectNode node, String member, Instant instant) {
        if (instant != null) {
            node.set(member, time(instant));
        }
    }

    /** One event; without {@code includeData}, its payloads are left out (GetExecutionHistory's includeExecutionData=false). */
    static ObjectNode event(HistoryEvent event, boolean includeData) {
        ObjectNode node = Json.object();
        node.set("timestamp", time(event.timestamp()));
        node.put("type", event.type().name());
        node.put("id", event.id());
        node.put("previousEventId", event.previousEventId());
        if (!event.details().isEmpty() || event.type().name().startsWith("Execution")) {
            node.set(event.type().detailsKey(), details(event.details(), includeData));
        }
        return node;
    }

    @SuppressWarnings("unchecked")
    private static ObjectNode details(Map<String, Object> details, boolean includeData) {
        ObjectNode node = Json.object();
        details.forEach((key, value) -> {
            if (value instanceof Payload payload) {
                if (includeData) {
                    node.put(key, payload.text());
                }
            } else if (value instanceof Map<?, ?> map) {
                node.set(key, details((Map<String, Object>) map, includeData));
            } else if (value instanceof Boolean b) {
                node.put(key, b);
            } else if (value instanceof Integer i) {
                node.put(key, i);
            } else if (value instanceof Long l) {
                node.put(key, l);
            } else {
                node.put(key, String.valueOf(value));
            }
        });
        return node;
    }
}
