package dev.sfnrun.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.sfnrun.error.ErrorNames;
import dev.sfnrun.error.StatesError;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class IntrinsicsTest {
    private static JsonNode json(String text) {
        try {
            return Json.parse(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static JsonNode eval(String call, String input) {
        return Intrinsics.compile(call, "value.$").evaluate(json(input), EvalContext.EMPTY);
    }

    private static JsonNode eval(String call) {
        return eval(call, "{}");
    }

    /** Asserts the JSON text of the result, compared as JSON. */
    private static void assertResult(String expected, String call, String input) {
        assertEquals(json(expected), eval(call, input));
    }

    private static void assertResult(String expected, String call) {
        assertResult(expected, call, "{}");
    }

    private static StatesError failure(String call, String input) {
        return assertThrows(StatesError.class, () -> eval(call, input));
    }

    private static void assertInvalid(String function, String call, String input) {
        StatesError e = failure(call, input);
        assertEquals(ErrorNames.RUNTIME, e.error());
        assertEquals("Invalid arguments in " + function, e.cause());
        assertTrue(e.isLocated());
    }

    private static void assertInvalid(String function, String call) {
        assertInvalid(function, call, "{}");
    }

    private static QuerySyntaxException syntaxError(String call) {
        return assertThrows(QuerySyntaxException.class, () -> Intrinsics.compile(call));
    }

    @Nested
    class Format {
        @Test
        void documentedExample() {
            assertResult("\"Your name is Foo, we are in the year 2020\"",
                    "States.Format('Your name is {}, we are in the year {}', $.name, 2020)", "{\"name\":\"Foo\"}");
        }

        @Test
        void scalarsAsText() {
            assertResult("\"a=1.1 b=null c=true d=-3 e=x\"", "States.Format('a={} b={} c={} d={} e={}', $.n, null, true, -3, 'x')",
                    "{\"n\":1.1}");
        }

        @Test
        void decimalKeepsItsFraction() {
            assertResult("\"1.0\"", "States.Format('{}', $.n)", "{\"n\":1.0}");
        }

        @Test
        void objectsAndArraysAsAwsRendersThem() {
            assertResult("\"{Arg1=1, Arg2=[]} [1, a, {b=null}]\"", "States.Format('{} {}', $.o, $.a)",
                    "{\"o\":{\"Arg1\":1,\"Arg2\":[]},\"a\":[1,\"a\",{\"b\":null}]}");
        }

        @Test
        void escapedBracesAndQuotes() {
            assertResult("\"{}{x} it's a \\\\ ok\"", "States.Format('\\{\\}\\{{}\\} it\\'s a \\\\ {}', 'x', 'ok')", "{}");
        }

        @Test
        void templateFromPath() {
            assertResult("\"Hello World\"", "States.Format($.t, 'World')", "{\"t\":\"Hello {}\"}");
        }

        @Test
        void placeholderCountMustMatch() {
            assertInvalid("States.Format", "States.Format('{} {}', 1)");
            assertInvalid("States.Format", "States.Format('{}', 1, 2)");
        }

        @Test
        void templateMustBeString() {
            assertInvalid("States.Format", "States.Format($.n)", "{\"n\":1}");
        }
    }

    @Nested
    class JsonManipulation {
        @Test
        void stringToJson() {
            assertResult("{\"number\":20}", "States.StringToJson($.someString)", "{\"someString\":\"{\\\"number\\\": 20}\"}");
            assertResult("0", "States.StringToJson('-0')");
            assertResult("null", "States.StringToJson($.s)", "{\"s\":\"\"}");
            assertResult("null", "States.StringToJson($.s)", "{\"s\":\" \\t\\r\\n \"}");
            assertResult("[1,2,\"HelloWorld\"]", "States.StringToJson('[1, 2, \"HelloWorld\"]')");
        }

        @ParameterizedTest
        @ValueSource(strings = {"{", "1 2", "nope", "\u000b", "\u001f", "\u3000", " \u2003 "})
        void stringToJsonRejectsBadJson(String text) {
            assertInvalid("States.StringToJson", "States.StringToJson($.s)", "{\"s\":" + Json.compact(Json.NODES.textNode(text)) + "}");
        }

        @Test
        void stringToJsonNeedsString() {
            assertInvalid("States.StringToJson", "States.StringToJson($.n)", "{\"n\":1}");
        }

        @Test
        void jsonToString() {
            assertResult("\"{\\\"name\\\":\\\"Foo\\\",\\\"year\\\":2020}\"", "States.JsonToString($)", "{\"name\":\"Foo\",\"year\":2020}");
            assertResult("\"null\"", "States.JsonToString($.x)", "{\"x\":null}");
            assertResult("\"1.1\"", "States.JsonToString($.x)", "{\"x\":1.1}");
        }

        @Test
        void jsonMergeIsShallow() {
            assertResult("{\"a\":{\"a3\":1,\"a4\":2},\"b\":2,\"c\":3}", "States.JsonMerge($.x, $.y, false)",
                    "{\"x\":{\"a\":{\"a1\":1,\"a2\":2},\"b\":2},\"y\":{\"a\":{\"a3\":1,\"a4\":2},\"c\":3}}");
        }

        @Test
        void jsonMergeRejectsDeepModeAndNonObjects() {
            assertInvalid("States.JsonMerge", "States.JsonMerge($.x, $.x, true)", "{\"x\":{}}");
            assertInvalid("States.JsonMerge", "States.JsonMerge($.x, 1, false)", "{\"x\":{}}");
            assertInvalid("States.JsonMerge", "States.JsonMerge($.x, $.x, 'false')", "{\"x\":{}}");
        }
    }

    @Nested
    class ArrayOperations {
        @Test
        void array() {
            assertResult("[\"Foo\",2020,{\"random\":\"abcdefg\"},null]", "States.Array('Foo', 2020, $.someJson, null)",
                    "{\"someJson\":{\"random\":\"abcdefg\"}}");
            assertResult("[]", "States.Array()");
        }

        @Test
        void partition() {
            assertResult("[[1,2,3,4],[5,6,7,8],[9]]", "States.ArrayPartition($.a, 4)", "{\"a\":[1,2,3,4,5,6,7,8,9]}");
            assertResult("[]", "States.ArrayPartition($.a, 2)", "{\"a\":[]}");
            assertResult("[[1,2,3],[4,5]]", "States.ArrayPartition($.a, 2.6)", "{\"a\":[1,2,3,4,5]}");
        }

        @ParameterizedTest
        @ValueSource(strings = {"0", "-1", "0.4", "'2'", "null"})
        void partitionNeedsPositiveSize(String size) {
            assertInvalid("States.ArrayPartition", "States.ArrayPartition($.a, " + size + ")", "{\"a\":[1]}");
        }

        @Test
        void contains() {
            assertResult("true", "States.ArrayContains($.a, 5)", "{\"a\":[1,2,3,4,5,6,7,8,9]}");
            assertResult("true", "States.ArrayContains($.a, $.v)", "{\"a\":[[1,2,3],2],\"v\":[1,2,3]}");
            assertResult("false", "States.ArrayContains($.a, null)", "{\"a\":[]}");
            assertInvalid("States.ArrayContains", "States.ArrayContains('x', 1)");
        }

        @Test
        void range() {
            assertResult("[1,3,5,7,9]", "States.ArrayRange(1, 9, 2)");
            assertResult("[0,3,6,9]", "States.ArrayRange(0, 10, 3)");
            assertResult("[5,3,1]", "States.ArrayRange(5, 1, -2)");
            assertResult("[3]", "States.ArrayRange(3, 3, -1)");
            assertResult("[]", "States.ArrayRange(5, 1, 1)");
            assertResult("[]", "States.ArrayRange(2, 1, 2)");
            assertResult("[2,4,6]", "States.ArrayRange(1.6, 5.6, 2.2)"); // rounded: 2, 6, 2
            assertEquals(1000, eval("States.ArrayRange(1, 1000, 1)").size());
        }

        @ParameterizedTest
        @ValueSource(strings = {"1, 1001, 1", "1001, 1, -1", "1, 10, 0", "1, 10, 0.49", "'a', 5, 1"})
        void rangeRejects(String arguments) {
            assertInvalid("States.ArrayRange", "States.ArrayRange(" + arguments + ")");
        }

        @Test
        void getItem() {
            assertResult("6", "States.ArrayGetItem($.a, 5)", "{\"a\":[1,2,3,4,5,6,7,8,9]}");
            assertInvalid("States.ArrayGetItem", "States.ArrayGetItem($.a, 3)", "{\"a\":[1,2,3]}");
            assertInvalid("States.ArrayGetItem", "States.ArrayGetItem($.a, -1)", "{\"a\":[1,2,3]}");
        }

        @Test
        void length() {
            assertResult("9", "States.ArrayLength($.a)", "{\"a\":[1,2,3,4,5,6,7,8,9]}");
            assertInvalid("States.ArrayLength", "States.ArrayLength($.a)", "{\"a\":{}}");
        }

        @Test
        void unique() {
            assertResult("[1,2,3,4]", "States.ArrayUnique($.a)", "{\"a\":[1,2,3,3,3,3,3,3,4]}");
            assertResult("[3,1,{\"a\":1},null]", "States.ArrayUnique($.a)", "{\"a\":[3,1,3,{\"a\":1},null,{\"a\":1},null]}");
        }

        @Test
        void uniqueComparesValuesNotText() {
            assertResult("[{\"x\":1,\"y\":[2,{\"p\":null,\"q\":\"s\"}]},1,1.0,\"1\",[1]]", "States.ArrayUnique($.a)",
                    "{\"a\":[{\"x\":1,\"y\":[2,{\"p\":null,\"q\":\"s\"}]},{\"y\":[2,{\"q\":\"s\",\"p\":null}],\"x\":1},1,1.0,\"1\",[1],1.0,[1]]}");
        }

        @Test
        void uniqueOfManyArraysWithOneHashCode() {
            // 17,000 arrays [i, 10000 - 31 * i] (256 KiB) share one hashCode: 8 s in sfn-run when a
            // hash set compared each with all the others
            StringBuilder input = new StringBuilder("{\"a\":[");
            for (int i = 0; i < 17_000; i++) {
                input.append(i == 0 ? "" : ",").append('[').append(i).append(',').append(10_000 - 31 * i).append(']');
            }
            JsonNode parsed = json(input.append("]}").toString());
            ValueExpr call = Intrinsics.compile("States.ArrayLength(States.ArrayUnique($.a))", "value.$");
            JsonNode result = call.evaluate(parsed, EvalContext.EMPTY); // its time: src/bench/intrinsics-bench.sh
            assertEquals(json("17000"), result);
        }
    }

    @Nested
    class Encoding {
        @Test
        void base64() {
            assertResult("\"RGF0YSB0byBlbmNvZGU=\"", "States.Base64Encode('Data to encode')");
            assertResult("\"Data to encode\"", "States.Base64Decode('RGF0YSB0byBlbmNvZGU=')");
            assertResult("\"\"", "States.Base64Encode('')");
            assertResult("\"h\u00e9\"", "States.Base64Decode(States.Base64Encode('h\u00e9'))");
        }

        @Test
        void base64Rejects() {
            assertInvalid("States.Base64Decode", "States.Base64Decode('not base64!')");
            assertInvalid("States.Base64Encode", "States.Base64Encode($.s)", "{\"s\":\"" + "x".repeat(10_001) + "\"}");
            assertInvalid("States.Base64Encode", "States.Base64Encode(1)");
        }

        @ParameterizedTest
        @CsvSource({
                "MD5, 812f45842bc6d66ee14572ce20db8e86",
                "SHA-1, aaff4a450a104cd177d28d18d74485e8cae074b7",
                "SHA-256, b4a697a057313163aee33cd8d40c66e9f0f177e00cac2de32475ffff6169c3e3"})
        void hash(String algorithm, String digest) {
            assertResult("\"" + digest + "\"", "States.Hash('input data', '" + algorithm + "')");
        }

        @Test
        void hashRejectsUnknownAlgorithm() {
            assertInvalid("States.Hash", "States.Hash('input data', 'SHA-2')");
            assertInvalid("States.Hash", "States.Hash('input data', 'sha-1')");
        }
    }

    @Nested
    class MathOperations {
        @Test
        void add() {
            assertResult("110", "States.MathAdd($.v, -1)", "{\"v\":111}");
            assertResult("2147483647", "States.MathAdd(2147483646, 1)");
        }

        @ParameterizedTest
        @CsvSource({"-1.5, -1", "-1.51, -2", "2.5, 3", "-0.5, 0"})
        void addRoundsHalfUp(String operand, String sum) {
            assertResult(sum, "States.MathAdd(" + operand + ", 0)");
        }

        @ParameterizedTest
        @ValueSource(strings = {"2147483647, 1", "-2147483648, -1", "3000000000, 1", "'1', 2", "null, 1", "true, 1"})
        void addRejects(String arguments) {
            assertInvalid("States.MathAdd", "States.MathAdd(" + arguments + ")");
        }

        @Test
        void integersPast64BitsAreOutOfRangeNotWrapped() {
            // 2^64 + 1 and 2^64 + 2 keep only their low 64 bits (1 and 2) if read with longValue()
            assertInvalid("States.MathAdd", "States.MathAdd(18446744073709551617, 1)");
            assertInvalid("States.MathAdd", "States.MathAdd($.v, 1)", "{\"v\":18446744073709551617}");
            assertInvalid("States.ArrayGetItem", "States.ArrayGetItem(States.Array(1, 2, 3), 18446744073709551617)");
            assertInvalid("States.ArrayPartition", "States.ArrayPartition(States.Array(1, 2, 3), 18446744073709551618)");
            assertInvalid("States.ArrayRange", "States.ArrayRange(18446744073709551617, 3, 1)");
            assertInvalid("States.MathRandom", "States.MathRandom(1, 5, 18446744073709551617)");
        }

        @Test
        void randomStaysInRange() {
            for (int i = 0; i < 200; i++) {
                int value = eval("States.MathRandom(1, 4)").intValue();
                assertTrue(value >= 1 && value < 4, "got " + value);
            }
        }

        @Test
        void seededRandomRepeats() {
            JsonNode first = eval("States.MathRandom(1, 1000000, 42)");
            assertEquals(first, eval("States.MathRandom(1, 1000000, 42)"));
            assertNotEquals(first, eval("States.MathRandom(1, 1000000, 43)"));
        }

        @ParameterizedTest
        @ValueSource(strings = {"1, 1", "10, 5", "1.4, 1.2", "'a', 10", "1, 10, null"})
        void randomRejects(String arguments) {
            assertInvalid("States.MathRandom", "States.MathRandom(" + arguments + ")");
        }
    }

    @Nested
    class StringOperations {
        @Test
        void split() {
            assertResult("[\"1\",\"2\",\"3\",\"4\",\"5\"]", "States.StringSplit('1,2,3,4,5', ',')");
            assertResult("[\"This\",\"is\",\"a\",\"test\",\"string\"]", "States.StringSplit('This.is+a,test=string', '.+,=')");
        }

        @Test
        void splitDropsEmptyPieces() {
            assertResult("[\"a\",\"b\\n\",\" \"]", "States.StringSplit($.s, ',')", "{\"s\":\",a,,b\\n,,, ,\"}");
        }

        @Test
        void splitOnCodePointsAndEmptyArguments() {
            assertResult("[\"a\u00e9\",\"b\",\"c\"]", "States.StringSplit($.s, $.d)",
                    "{\"s\":\"a\u00e9\ud83d\ude01b\ud83d\ude01\ud83d\ude01c\",\"d\":\"\ud83d\ude01\"}");
            // a delimiter sharing a surrogate half with a character of the text does not split it
            assertResult("[\"\ud83d\ude00x\"]", "States.StringSplit($.s, $.d)", "{\"s\":\"\ud83d\ude00x\",\"d\":\"\ud83d\ude01\"}");
            assertResult("[\"abc\"]", "States.StringSplit('abc', '')");
            assertResult("[]", "States.StringSplit('', ',')");
            assertResult("[]", "States.StringSplit(',,', ',')");
        }

        @Test
        void splitWithALongDelimiterText() {
            // two 120,000-character strings (within the 256 KiB payload): 12 s in sfn-run when each
            // character scanned the whole delimiter string (2.7 s here, with an emoji among them); now milliseconds
            String input = "{\"s\":\"" + "a".repeat(120_000) + "\",\"d\":\"\ud83d\ude00" + "b".repeat(120_000) + "\"}";
            JsonNode parsed = json(input);
            ValueExpr call = Intrinsics.compile("States.ArrayLength(States.StringSplit($.s, $.d))", "value.$");
            JsonNode result = call.evaluate(parsed, EvalContext.EMPTY); // its time: src/bench/intrinsics-bench.sh
            assertEquals(json("1"), result);
        }

        @Test
        void uuidIsVersion4() {
            String uuid = eval("States.UUID()").textValue();
            assertTrue(uuid.matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}"), uuid);
            assertNotEquals(uuid, eval("States.UUID()").textValue());
        }
    }

    @Nested
    class Arguments {
        @Test
        void nestedCalls() {
            assertResult("\"arn\"", "States.ArrayGetItem(States.StringSplit($.arn, ':'), 0)", "{\"arn\":\"arn:aws:states\"}");
        }

        @Test
        void documentedNinefoldNesting() {
            assertResult("\"image.recipe\"", "States.Format('{}.{}', States.ArrayGetItem(States.StringSplit(States.ArrayGetItem("
                    + "States.StringSplit($.Arn, '/'), 2), '.'), 0), States.ArrayGetItem(States.StringSplit(States.ArrayGetItem("
                    + "States.StringSplit($.Arn, '/'), 2), '.'), 1))", "{\"Arn\":\"a/b/image.recipe.x\"}");
        }

        @Test
        void tenLevelsButNotEleven() {
            String ten = "States.Array(".repeat(10) + ")".repeat(10);
            assertEquals(json("[[[[[[[[[[]]]]]]]]]]"), eval(ten));
            syntaxError("States.Array(" + ten + ")");
        }

        @Test
        void contextObjectAndVariables() {
            EvalContext context = new EvalContext() {
                @Override
                public JsonNode contextObject() {
                    return json("{\"Execution\":{\"Name\":\"run-1\"}}");
                }

                @Override
                public JsonNode variable(String name) {
                    return name.equals("count") ? json("{\"n\":2}") : null;
                }
            };
            JsonNode result = Intrinsics.compile("States.Array($$.Execution.Name, $count.n, $count)")
                    .evaluate(json("{}"), context);
            assertEquals(json("[\"run-1\",2,{\"n\":2}]"), result);
        }

        @Test
        void bracketPathsWithSpacesAndCommas() {
            assertResult("[\"x\",[1,2]]", "States.Array($.abc.['def ghi'], $.list[0,1])", "{\"abc\":{\"def ghi\":\"x\"},\"list\":[1,2,3]}");
            assertResult("[{\"a\":5},{\"a\":7}]", "States.ArrayUnique($.jar[?(@.a >= 5)])", "{\"jar\":[{\"a\":1},{\"a\":5},{\"a\":7}]}");
        }

        @Test
        void literals() {
            assertResult("[-1,2.5,1.0E3,null,true,false,\"\"]", "States.Array( -1 ,2.5, 1e3,null , true,false,'' )");
        }

        @Test
        void stringEscapes() {
            assertResult("[\"it's {a} \\\\\"]", "States.Array('it\\'s \\{a\\} \\\\')");
        }

        @Test
        void missingPathFailsWithFieldAndInput() {
            StatesError e = failure("States.Format('{}', $.no_such)", "{\"a\": 1}");
            assertEquals(ErrorNames.RUNTIME, e.error());
            assertEquals("The JSONPath '$.no_such' specified for the field 'value.$' could not be found in the input '{\"a\":1}'",
                    e.cause());
        }

        @Test
        void undefinedVariableFailsLikeAMissingPath() {
            StatesError e = failure("States.Array($nope)", "{}");
            assertEquals("The JSONPath '$nope' specified for the field 'value.$' could not be found in the input '{}'", e.cause());
        }
    }

    @Nested
    class Syntax {
        @ParameterizedTest
        @ValueSource(strings = {
                "States.Nope(1)",
                "States.Format",
                "States.Format('{}', 1",
                "States.Format('{}' 1)",
                "States.Format('{}', )",
                "States.Format('unterminated)",
                "States.Format('lone \\ backslash')",
                "States.Format('bad \\n escape')",
                "States.UUID() extra",
                "States.Array(nope)",
                "States.Array($.a[)",
                "States.Array(1.)",
                "(1)"})
        void malformed(String call) {
            QuerySyntaxException e = syntaxError(call);
            assertTrue(e.getMessage().contains(call), e.getMessage());
        }

        @ParameterizedTest
        @ValueSource(strings = {"States.UUID(1)", "States.MathAdd(1)", "States.MathRandom(1, 2, 3, 4)", "States.Format()",
                "States.JsonMerge($.a, $.b)", "States.ArrayRange(1, 5)"})
        void wrongArgumentCount(String call) {
            syntaxError(call);
        }

        @Test
        void messageNamesFunctionAndArity() {
            assertEquals("Invalid intrinsic function call 'States.MathAdd(1)': States.MathAdd takes 2 arguments but was given 1",
                    syntaxError("States.MathAdd(1)").getMessage());
        }
    }

    @Test
    void payloadTemplatePassesItsKey() {
        PayloadTemplate template = PayloadTemplate.compile(json("{\"greeting.$\": \"States.Format('Hi {}', $.who)\"}"), "Parameters");
        assertEquals(json("{\"greeting\":\"Hi Ann\"}"), template.evaluate(json("{\"who\":\"Ann\"}"), EvalContext.EMPTY));
        StatesError e = assertThrows(StatesError.class, () -> template.evaluate(json("{}"), EvalContext.EMPTY));
        assertTrue(e.cause().contains("for the field 'greeting.$'"), e.cause());
    }
}
