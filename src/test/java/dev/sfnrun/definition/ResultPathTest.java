package dev.sfnrun.definition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sfnrun.error.StatesError;
import dev.sfnrun.query.Json;
import dev.sfnrun.query.ReferencePath;
import org.junit.jupiter.api.Test;

class ResultPathTest {
    static JsonNode json(String text) throws Exception {
        return Json.mapper().readTree(text);
    }

    @Test
    void rootReplacesTheInput() throws Exception {
        assertEquals(json("[1]"), ReferencePath.compile("$").place(json("{\"a\":1}"), json("[1]")));
    }

    @Test
    void aMemberIsAddedAndMissingParentsCreatedWithoutTouchingTheInput() throws Exception {
        JsonNode input = json("{\"a\":{\"keep\":true},\"b\":2}");
        JsonNode out = ReferencePath.compile("$.a.x.y").place(input, json("\"v\""));
        assertEquals(json("{\"a\":{\"keep\":true,\"x\":{\"y\":\"v\"}},\"b\":2}"), out);
        assertEquals(json("{\"a\":{\"keep\":true},\"b\":2}"), input, "the input is not modified");
    }

    @Test
    void anExistingMemberIsReplaced() throws Exception {
        assertEquals(json("{\"a\":5}"), ReferencePath.compile("$.a").place(json("{\"a\":{\"deep\":1}}"), json("5")));
    }

    @Test
    void aMemberOfAScalarIsAResultPathMatchFailure() throws Exception {
        StatesError e = assertThrows(StatesError.class, () -> ReferencePath.compile("$.a.b").place(json("{\"a\":\"text\"}"), json("1")));
        assertEquals("States.ResultPathMatchFailure", e.error());
    }
}
