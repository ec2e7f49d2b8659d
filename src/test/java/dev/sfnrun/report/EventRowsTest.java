package dev.sfnrun.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sfnrun.history.EventType;
import dev.sfnrun.history.HistoryEvent;
import dev.sfnrun.history.Payload;
import dev.sfnrun.query.Json;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EventRowsTest {
    private static HistoryEvent entered(long id, String name, String input) throws Exception {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("name", name);
        details.put("input", Payload.of(Json.parse(input)));
        return new HistoryEvent(id, id - 1, Instant.EPOCH, EventType.PassStateEntered, details);
    }

    @Test
    void aRowIsCompactJsonWithTypeAndStateAsIndexesInTheOrderFirstMet() throws Exception {
        EventRows rows = new EventRows();
        String first = rows.kept(entered(2, "A", "{\"x\":1}"), 0, 5);
        String second = rows.kept(entered(3, "B", "[1]"), 1, 7);
        assertEquals("[2,1,5,0,0,0,{\"name\":\"A\",\"input\":\"{\\\"x\\\":1}\"}]", first);
        assertEquals("[3,1,7,0,1,1,{\"name\":\"B\",\"input\":\"[1]\"}]", second);
        assertEquals(List.of("PassStateEntered"), List.copyOf(rows.types.keySet()));
        assertEquals(List.of("A", "B"), List.copyOf(rows.names.keySet()));
    }

    @Test
    void textThatCouldEndTheScriptElementIsEscaped() throws Exception {
        String row = new EventRows().kept(entered(2, "</script><b>", "\"<!-- & -->\""), 0, 0);
        assertFalse(row.contains("<") || row.contains(">") || row.contains("&"), row);
        assertEquals("</script><b>", Json.parse(row).get(6).get("name").asText());
    }

    @Test
    void aLongRowIsNotKeptAndIsMadeAgainTheSameWhenWritten() throws Exception {
        EventRows rows = new EventRows();
        HistoryEvent big = entered(2, "A", "\"" + "x".repeat(40_000) + "\"");
        assertNull(rows.kept(big, 0, 1));
        String written = rows.render(big, 0, 1);
        assertTrue(written.length() > EventRows.KEPT);
        String input = Json.parse(written).get(6).get("input").asText();
        assertTrue(input.startsWith("\"xxx") && input.endsWith(" more characters not in the report)"), input.substring(0, 10));
        assertEquals(HtmlReport.MAX_PAYLOAD, input.indexOf('\u2026'));
    }
}
