package dev.sfnrun.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class JsonPathTest {
    private static JsonNode json(String text) throws Exception {
        return Json.parse(text);
    }

    private static JsonNode eval(String path, String input) throws Exception {
        return JsonPath.compile(path).evaluate(json(input), EvalContext.EMPTY);
    }

    @Test
    void aQuotedBracketNameKeepsItsBackslashes() throws Exception {
        // the key is: back \ slash, then quote-quote: Test\""Name"
        assertEquals(json("1"), eval("$['Test\\\"\"Name\"']", "{\"Test\\\\\\\"\\\"Name\\\"\": 1}"));
        assertEquals(json("2"), eval("$['a\\b']", "{\"a\\\\b\": 2}"));
        assertEquals(json("3"), eval("$[\"it\\'s\"]", "{\"it\\\\'s\": 3}"));
        assertEquals(json("4"), eval("$['it\\'s']", "{\"it\\\\'s\": 4}"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "$.a.b                          | $.a.b",
        "['x\\\\y']                     | ['x\\\\\\\\y']",
        "['x\\'y']                      | ['x\\\\\\'y']",
        "[?(@.n == 'a\\\\'b')]           | [?(@.n == 'a\\\\'b')]",
        "['a','b\\\\c'][0]              | ['a','b\\\\\\\\c'][0]",
    })
    void onlyQuotedBracketNamesAreRewritten(String path, String rewritten) {
        assertEquals(rewritten, JsonPath.keepBracketBackslashes(path));
    }

    @Test
    void filtersAndAwsOperators() throws Exception {
        String input = "{\"items\": [{\"n\": \"a\", \"p\": 5}, {\"n\": \"b\", \"p\": 12}, {\"n\": \"c\", \"p\": 20}]}";
        assertEquals(json("[\"b\", \"c\"]"), eval("$.items[?(@.p > 10)].n", input));
        assertEquals(json("[\"a\", \"c\"]"), eval("$.items[?(@.p < 10 || @.p >= 20)].n", input));
        assertEquals(json("[\"b\"]"), eval("$.items[?(@.n == 'b')].n", input));
        assertEquals(json("[\"a\", \"c\"]"), eval("$.items[?(@.n != 'b')].n", input));
        assertEquals(json("[\"c\"]"), eval("$.items[?(@.n in ['c', 'd'])].n", input));
        assertEquals(json("[\"a\"]"), eval("$.items[?(@.n =~ /A/i)].n", input));
        assertEquals(json("[]"), eval("$.items[?(@.p > 100)]", input));
        assertEquals(json("\"c\""), eval("$.items[-1].n", input));
        assertEquals(json("[5, 12]"), eval("$.items[:2].p", input));
        assertEquals(json("[\"a\", \"b\", \"c\"]"), eval("$..n", input));
    }

    @Test
    void aDefinitePathThatMissesQuotesJayway() {
        PathNotFoundException e = assertThrows(PathNotFoundException.class, () -> eval("$.no.such", "{}"));
        assertEquals("Missing property in path $['no']", e.getMessage());
        e = assertThrows(PathNotFoundException.class, () -> eval("$.items[5]", "{\"items\": [1]}"));
        assertEquals("$.items[5]", e.path());
    }

    @Test
    void pathFunctionsAreMemberNamesAsOnAws() throws Exception {
        // AWS's JSONPath has no functions: length() is a member that is not there
        PathNotFoundException e = assertThrows(PathNotFoundException.class,
                () -> eval("$.list.length()", "{\"list\": {\"a\": 1}}"));
        assertEquals("No results for path: $['list']['length()']", e.getMessage());
        assertEquals(json("2"), eval("$.o.min()", "{\"o\": {\"min()\": 2}}"));
        assertEquals(json("3"), eval("$['k.max()']", "{\"k.max()\": 3}"), "a quoted name is left alone");
    }

    @Test
    void aMemberOfSomethingElseNamesItsJsonTypeNotAJavaClass() {
        PathNotFoundException e = assertThrows(PathNotFoundException.class, () -> eval("$.list.x", "{\"list\": [1]}"));
        assertEquals("Expected to find an object with property ['x'] in path $['list'] but found an array.", e.getMessage());
        e = assertThrows(PathNotFoundException.class, () -> eval("$.list.length()", "{\"list\": [1, 2]}"));
        assertEquals("Expected to find an object with property ['length()'] in path $['list'] but found an array.",
                e.getMessage());
    }
}
