package dev.sfnrun.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Json's streaming reader and writer build and print exactly what a configured ObjectMapper does. */
class JsonTest {
    private static final List<String> DOCUMENTS = List.of(
            "{}", "[]", "null", "true", "0", "-7", "2147483648", "-9223372036854775809", "123456789012345678901234567890",
            "1.5", "1e3", "-0.0", "1.0E-7", "3.141592653589793238462643383279", "\"caf\\u00e9 \\\"q\\\" \\n\"",
            "{\"a\": 1, \"b\": [1, 2, {\"c\": null}], \"d\": {\"e\": \"f\"}}",
            "{\"k\": 1, \"j\": 2, \"k\": 3}",
            "[[], {}, [[1]], \"x\", false]",
            "{\"emoji\": \"\\ud83d\\ude00\", \"tab\": \"a\\tb\", \"ctl\": \"\\u0001\"}");

    @Test
    void parsesAsTheObjectMapperReadsTrees() throws Exception {
        for (String text : DOCUMENTS) {
            JsonNode ours = Json.parse(text);
            JsonNode mappers = Json.mapper().readTree(text);
            assertEquals(mappers, ours, text);
            assertEquals(mappers.getClass(), ours.getClass(), text);
            assertEquals(mappers.toString(), Json.compact(ours), text);
        }
    }

    @Test
    void aRepeatedKeyKeepsItsPlaceAndTakesTheLastValue() throws Exception {
        assertEquals("{\"k\":3,\"j\":2}", Json.compact(Json.parse("{\"k\": 1, \"j\": 2, \"k\": 3}")));
    }

    @Test
    void writesAsTheObjectMapperDoes() throws Exception {
        for (String text : DOCUMENTS) {
            JsonNode node = Json.mapper().readTree(text);
            assertEquals(Json.mapper().writeValueAsString(node), Json.compact(node), text);
            assertEquals(node, Json.mapper().readTree(Json.pretty(node)), text);
        }
    }

    @Test
    void prettyTextIsLaidOutAsJsonStringifyDoes() throws Exception {
        assertEquals("{\n  \"a\": 1,\n  \"b\": [\n    1,\n    {\n      \"c\": null\n    }\n  ],\n  \"e\": {},\n  \"f\": []\n}",
                Json.pretty(Json.parse("{\"a\": 1, \"b\": [1, {\"c\": null}], \"e\": {}, \"f\": []}")));
        assertEquals("\"text\"", Json.pretty(Json.parse("\"text\"")));
    }

    @Test
    void invalidTextFailsWithJacksonsOwnMessage() {
        for (String text : List.of("{\"a\": }", "[1, 2", "{} []", "tru", "{\"a\" 1}", "'x'")) {
            JsonProcessingException ours = assertThrows(JsonProcessingException.class, () -> Json.parse(text), text);
            JsonProcessingException mappers = assertThrows(JsonProcessingException.class,
                    () -> Json.mapper().readTree(text), text);
            assertEquals(mappers.getOriginalMessage(), ours.getOriginalMessage(), text);
        }
    }

    @Test
    void emptyTextIsTheMissingNode() throws Exception {
        assertEquals(true, Json.parse("").isMissingNode());
        assertEquals(true, Json.parse("   ").isMissingNode());
    }

    @Test
    void aTreeMadeByCodeIsCheckedForWhatJsonCannotCarry() throws Exception {
        assertNull(Json.unrepresentable(Json.parse("{\"a\": [1, 2.5, \"\\ud83d\\ude00\", {\"b\": null}]}")));
        assertEquals("the number Infinity is not finite (JSON has no NaN or Infinity)",
                Json.unrepresentable(Json.object().set("a", Json.array().add(Double.POSITIVE_INFINITY))));
        assertEquals("the number NaN is not finite (JSON has no NaN or Infinity)",
                Json.unrepresentable(Json.array().add(Float.NaN)));
        assertEquals("the string has a lone surrogate \\udc00, which is not a Unicode character (UTF-8 cannot carry it)",
                Json.unrepresentable(Json.NODES.textNode("x\udc00")));
        assertEquals("a key: the string has a lone surrogate \\ud800, which is not a Unicode character (UTF-8 cannot carry it)",
                Json.unrepresentable(Json.object().put("\ud800", 1)));
        JsonNode deep = Json.array();
        for (int i = 0; i < 100_000; i++) { // walked without recursion
            deep = Json.array().add(deep);
        }
        assertNull(Json.unrepresentable(deep));
    }
}
