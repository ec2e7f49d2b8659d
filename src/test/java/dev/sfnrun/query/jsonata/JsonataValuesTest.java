package dev.sfnrun.query.jsonata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import com.dashjoin.jsonata.Jsonata;
import com.fasterxml.jackson.databind.JsonNode;
import dev.sfnrun.query.Json;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonataValuesTest {
    private static String json(Object value) {
        JsonNode node = JsonataValues.toJson(value);
        return node == null ? null : Json.compact(node);
    }

    @Test
    void wholeDoublesBecomeIntegers() {
        assertEquals("1", json(1.0));
        assertEquals("-42", json(-42.0));
        assertEquals("12345678901", json(12345678901.0));
        assertEquals(true, JsonataValues.toJson(2.0).isIntegralNumber());
    }

    @Test
    void fractionsPrintAsJavaScriptDoes() {
        assertEquals("0.1", json(0.1));
        assertEquals("12345678.5", json(12345678.5));
        assertEquals("0.000001", json(0.000001));
        assertEquals("0.30000000000000004", json(0.1 + 0.2));
    }

    @Test
    void nonFiniteNumbersBecomeNull() {
        assertEquals("null", json(Double.NaN));
        assertEquals("null", json(Double.POSITIVE_INFINITY));
    }

    @Test
    void undefinedIsNullAndJsonNullIsNullNode() {
        assertNull(JsonataValues.toJson(null));
        assertEquals("null", json(Jsonata.NULL_VALUE));
    }

    @Test
    void undefinedMembersAreDroppedAndUndefinedElementsAreNull() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("a", 1);
        map.put("gone", null);
        assertEquals("{\"a\":1}", json(map));
        List<Object> list = new ArrayList<>(Arrays.asList(1, null, "x"));
        assertEquals("[1,null,\"x\"]", json(list));
    }

    @Test
    void jsonInputKeepsTypes() throws Exception {
        Object value = JsonataValues.toJsonata(Json.parse("{\"i\":1,\"l\":12345678901,\"d\":1.5,\"n\":null,\"s\":\"x\",\"b\":true,\"a\":[]}"));
        Map<?, ?> map = (Map<?, ?>) value;
        assertEquals(1, map.get("i"));
        assertEquals(12345678901L, map.get("l"));
        assertEquals(1.5, map.get("d"));
        assertSame(Jsonata.NULL_VALUE, map.get("n"));
        assertEquals("x", map.get("s"));
        assertEquals(true, map.get("b"));
        assertEquals(List.of(), map.get("a"));
    }

    @Test
    void roundTripIsIdentityForJson() throws Exception {
        String text = "{\"a\":[1,2.25,{\"b\":null}],\"c\":\"d\",\"e\":false}";
        assertEquals(text, json(JsonataValues.toJsonata(Json.parse(text))));
    }
}
