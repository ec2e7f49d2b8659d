package dev.sfnrun.query;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
}
