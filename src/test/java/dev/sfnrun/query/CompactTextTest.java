package dev.sfnrun.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CompactTextTest {
    @Test
    void writesEachValueAsJsonCompactDoesWithNothingCarriedOverFromTheLastOne() throws Exception {
        CompactText text = new CompactText();
        String[] values = {"{\"a\":[1,2.5,\"x\\\"y\"],\"b\":null,\"c\":{}}", "\"caf\u00e9 \\u2028\"", "12345678901234567890",
            "[]", "true", "{\"nested\":{\"deep\":[[[]]]}}", "-0.0"};
        for (int round = 0; round < 2; round++) {
            for (String value : values) {
                var node = Json.parse(value);
                assertEquals(Json.compact(node), text.of(node), value);
            }
        }
    }

    @Test
    void aLimitStopsALargeValueEarlyAndTheNextValueIsWhole() throws Exception {
        CompactText text = new CompactText();
        var big = Json.parse("{\"data\":\"" + "x".repeat(300_000) + "\",\"n\":1}");
        String start = text.of(big, 60);
        assertTrue(start.length() > 60 && start.length() < 20_000, "stopped early: " + start.length());
        assertTrue(Json.compact(big).startsWith(start));
        assertEquals("{\"a\":[1,2]}", text.of(Json.parse("{\"a\":[1,2]}"), 60));
        assertEquals("[true]", text.of(Json.parse("[true]"), 3), "a value of exactly the limit plus one is all there");
    }

    @Test
    void forTerminalEscapesDelC1ControlsAndBidiOverridesAndStaysTheSameJson() throws Exception {
        CompactText text = CompactText.forTerminal();
        var node = Json.parse("{\"k\\u009b\":\"a\\u001b[2Jb\\u007fc\\u202ed\\u2067e caf\u00e9\"}");
        String shown = text.of(node);
        assertEquals("{\"k\\u009b\":\"a\\u001B[2Jb\\u007Fc\\u202ed\\u2067e caf\u00e9\"}", shown);
        assertEquals(node, Json.parse(shown));
    }
}
