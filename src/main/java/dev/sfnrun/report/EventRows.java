package dev.sfnrun.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.sfnrun.history.HistoryEvent;
import dev.sfnrun.history.Payload;
import dev.sfnrun.query.CompactText;
import dev.sfnrun.query.RecentTexts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The report's event table as JSON text, one row per shown event, made as the events arrive (on the
 * recorder's thread, while the run goes on) so that writing the report after the run is mostly
 * copying. A row is {@code [id, id - previousEventId, ms, type, state, lane, details]}, the type and
 * state as indexes into {@link #types} and {@link #names} (in the order first met). A row longer
 * than {@link #KEPT} characters (large payloads) is not kept as text: it is made again when the
 * report is written, so memory stays what the events take.
 */
final class EventRows {
    /** Longest row kept as text. */
    static final int KEPT = 4_096;

    private static final JsonFactory FACTORY = new JsonFactory();

    final Map<String, Integer> types = new LinkedHashMap<>();
    final Map<String, Integer> names = new LinkedHashMap<>();
    private final StringWriter text = new StringWriter(512);
    private final JsonGenerator json;
    private final CompactText payloads = new CompactText();
    private final RecentTexts texts = new RecentTexts();

    EventRows() {
        try {
            json = FACTORY.createGenerator(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        json.setCharacterEscapes(HtmlReport.ScriptSafe.INSTANCE);
        json.setRootValueSeparator(null);
    }

    /** Gives the event's type and state their indexes, if they have none yet. */
    void index(HistoryEvent event) {
        types.putIfAbsent(event.type().name(), types.size());
        String name = Timeline.stateName(event);
        if (name != null) {
            names.putIfAbsent(name, names.size());
        }
    }

    /** Rows made and not kept (longer than {@link #KEPT}). */
    int notKept;

    /** The row's text, as kept: null when it is longer than {@link #KEPT} (then {@link #render} it when writing). */
    String kept(HistoryEvent event, int lane, long ms) {
        String row = render(event, lane, ms);
        if (row.length() <= KEPT) {
            return row;
        }
        notKept++;
        return null;
    }

    /** The row of {@code event} in {@code lane}, {@code ms} after the execution's start. */
    String render(HistoryEvent event, int lane, long ms) {
        index(event);
        String name = Timeline.stateName(event);
        text.getBuffer().setLength(0);
        try {
            json.writeStartArray();
            json.writeNumber(event.id());
            json.writeNumber(event.id() - event.previousEventId());
            json.writeNumber(ms);
            json.writeNumber(types.get(event.type().name()));
            json.writeNumber(name == null ? -1 : names.get(name));
            json.writeNumber(lane);
            details(event.details());
            json.writeEndArray();
            json.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    @SuppressWarnings("unchecked")
    private void details(Map<String, Object> details) throws IOException {
        json.writeStartObject();
        for (Map.Entry<String, Object> entry : details.entrySet()) {
            Object value = entry.getValue();
            json.writeFieldName(entry.getKey());
            if (value instanceof Payload payload) {
                json.writeString(text(payload));
            } else if (value instanceof Map<?, ?> map) {
                details((Map<String, Object>) map);
            } else if (value instanceof Boolean b) {
                json.writeBoolean(b);
            } else if (value instanceof Integer n) {
                json.writeNumber(n);
            } else if (value instanceof Long n) {
                json.writeNumber(n);
            } else {
                json.writeString(String.valueOf(value));
            }
        }
        json.writeEndObject();
    }

    /**
     * A payload's text, clipped to {@link HtmlReport#MAX_PAYLOAD}: the last two values are kept by
     * identity (a state's output is usually the next event's input, the same value).
     */
    private String text(Payload payload) {
        if (payload.verbatim() != null) {
            return HtmlReport.clip(payload.verbatim());
        }
        return texts.of(payload.value(), value -> {
            String full = payloads.of(value, HtmlReport.MAX_PAYLOAD);
            if (full.length() > HtmlReport.MAX_PAYLOAD) { // to say how much is left out
                full = payloads.of(value);
            }
            return HtmlReport.clip(full);
        });
    }
}
