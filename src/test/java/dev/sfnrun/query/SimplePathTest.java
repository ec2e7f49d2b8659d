package dev.sfnrun.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The fast lane of JsonPath must answer exactly as Jayway does, or not at all. */
class SimplePathTest {
    private static final List<String> DOCUMENTS = List.of(
            "{\"a\": {\"b\": [10, {\"c\": \"x\"}, null], \"n\": null, \"s\": \"text\", \"e\": {}, \"z\": []},"
                    + " \"count\": 3, \"limit\": 5.5, \"big\": 12345678901234, \"t\": true, \"a b\": 1, \"x-y\": 2}",
            "{\"a\": [1, 2]}",
            "{\"a\": \"string\"}",
            "{\"a\": null}",
            "{}",
            "[{\"a\": 1}, [2, 3]]",
            "\"just text\"",
            "7",
            "null");

    private static final List<String> PATHS = List.of(
            "$.a", "$.a.b", "$.a.b[0]", "$.a.b[1].c", "$.a.b[2]", "$.a.b[3]", "$.a.b[1].c.d", "$.a.n", "$.a.n.x",
            "$.a.s", "$.a.s.x", "$.a.e", "$.a.e.x", "$.a.z[0]", "$.count", "$.limit", "$.big", "$.t", "$.t.x",
            "$['a']['b'][0]", "$['a b']", "$.x-y", "$['x-y']", "$[0]", "$[0].a", "$[1][1]", "$[1][5]", "$[2]",
            "$.missing", "$.missing.deeper", "$.a[0]", "$.a[1]", "$.a[2]", "$.a.b[-1]", "$.a.b[*]", "$..c",
            "$.a.b[0,1]", "$.a.b[0:2]", "$[\"a\"]", "$['a','count']", "$.a.b.length()", "$.a.length()");

    private static JsonNode json(String text) {
        try {
            return Json.parse(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(text, e);
        }
    }

    /** The value, or the message of the failure, of evaluating a path one way or the other. */
    private static String outcome(JsonPath path, JsonNode document, boolean jaywayOnly) {
        try {
            JsonNode value = jaywayOnly ? path.jayway(document) : path.evaluate(document, EvalContext.EMPTY);
            return value.getClass().getSimpleName() + " " + value;
        } catch (PathNotFoundException e) {
            return "miss: " + e.getMessage();
        } catch (RuntimeException e) {
            return "failure: " + e.getClass().getSimpleName(); // e.g. length(), whose Integer is not a node
        }
    }

    @Test
    void everyPathOnEveryDocumentAnswersAsJayway() {
        int compared = 0;
        for (String text : PATHS) {
            JsonPath path = JsonPath.compile(text);
            for (String document : DOCUMENTS) {
                JsonNode node = json(document);
                assertEquals(outcome(path, node, true), outcome(path, node, false), text + " on " + document);
                compared++;
            }
        }
        assertEquals(PATHS.size() * DOCUMENTS.size(), compared);
    }

    @ParameterizedTest
    @ValueSource(strings = {"$.a", "$.a.b[1].c", "$['a b']", "$.x-y", "$[0]", "$.count", "$['a']['b'][0]",
        "$.a.b.length()"})
    void namesAndIndexesTakeTheFastLane(String text) {
        assertTrue(JsonPath.compile(text).isSimple());
    }

    @ParameterizedTest
    @ValueSource(strings = {"$.a.b[-1]", "$.a.b[*]", "$..c", "$.a.b[0,1]", "$.a.b[0:2]",
        "$[\"a\"]", "$['a','count']", "$['it\\'s']", "$.a[?(@.b)]"})
    void everythingElseIsLeftToJayway(String text) {
        assertFalse(JsonPath.compile(text).isSimple());
    }

    @Test
    void theFastLaneSharesTheSelectedNode() {
        JsonNode document = json("{\"a\": {\"b\": [1, {\"c\": [2]}]}}");
        assertSame(document.get("a").get("b").get(1), JsonPath.compile("$.a.b[1]").evaluate(document, EvalContext.EMPTY));
    }
}
