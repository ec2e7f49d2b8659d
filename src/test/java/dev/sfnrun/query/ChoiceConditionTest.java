package dev.sfnrun.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sfnrun.error.ErrorNames;
import dev.sfnrun.error.StatesError;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ChoiceConditionTest {
    private static final String LOCATION = "/States/Check/Choices/0";

    /** A context with a context object and some variables, as the engine would give. */
    private static final EvalContext CONTEXT = new EvalContext() {
        private final JsonNode contextObject = json("{\"Execution\": {\"Input\": {\"input-value\": 0}},"
                + " \"State\": {\"Name\": \"Check\"}}");
        private final Map<String, JsonNode> variables = Map.of(
                "limit", json("10"),
                "config", json("{\"mode\": \"fast\", \"since\": \"2024-01-01T00:00:00Z\"}"));

        @Override
        public JsonNode contextObject() {
            return contextObject;
        }

        @Override
        public JsonNode variable(String name) {
            return variables.get(name);
        }
    };

    private static JsonNode json(String text) {
        try {
            return Json.parse(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(text, e);
        }
    }

    private static boolean holds(String rule, String input) {
        return ChoiceCondition.compile(json(rule), LOCATION).test(json(input), CONTEXT);
    }

    /** {"Variable": "$.v", operator: operand} against {"v": value}. */
    @ParameterizedTest(name = "{0} {1} on {2} is {3}")
    @CsvSource(delimiter = '|', textBlock = """
            StringEquals                | "a"                          | "a"                                   | true
            StringEquals                | "a"                          | "b"                                   | false
            StringEquals                | "HelloWorld"                 | "helloworld"                          | false
            StringEquals                | " "                          | "     "                               | false
            StringEquals                | "1"                          | 1                                     | false
            StringEquals                | ""                           | null                                  | false
            StringLessThan              | "AB"                         | "A"                                   | true
            StringLessThan              | "A"                          | "AB"                                  | false
            StringLessThan              | "a"                          | "a"                                   | false
            StringGreaterThan           | "A"                          | "AB"                                  | true
            StringGreaterThan           | "ABC"                        | "AB"                                  | false
            StringGreaterThan           | "A"                          | ["B"]                                 | false
            StringLessThanEquals        | "a"                          | "a"                                   | true
            StringLessThanEquals        | "A"                          | "AB"                                  | false
            StringGreaterThanEquals     | ""                           | ""                                    | true
            StringGreaterThanEquals     | "b"                          | "a"                                   | false
            StringMatches               | "log-*.txt"                  | "log-2024.txt"                        | true
            StringMatches               | "log-*.txt"                  | "log-2024.csv"                        | false
            StringMatches               | "*"                          | 42                                    | false
            NumericEquals               | 0                            | 0.0                                   | true
            NumericEquals               | 0.0                          | 0                                     | true
            NumericEquals               | 1                            | 1.0                                   | true
            NumericEquals               | 2.22                         | 2.22                                  | true
            NumericEquals               | 1                            | 1.1                                   | false
            NumericEquals               | 1                            | "1"                                   | false
            NumericEquals               | 1                            | true                                  | false
            NumericEquals               | 0                            | null                                  | false
            NumericEquals               | 0                            | {"A": 0}                              | false
            NumericEquals               | 0                            | -0.0                                  | true
            NumericLessThan             | 1                            | 0.5                                   | true
            NumericLessThan             | 0                            | 0.0                                   | false
            NumericGreaterThan          | 1                            | 1.5                                   | true
            NumericGreaterThan          | 1                            | 1.0                                   | false
            NumericLessThanEquals       | 0                            | 0.0                                   | true
            NumericLessThanEquals       | 0                            | 1                                     | false
            NumericGreaterThanEquals    | 1                            | 1                                     | true
            NumericGreaterThanEquals    | 1                            | 0                                     | false
            NumericGreaterThanEquals    | 1                            | [1]                                   | false
            BooleanEquals               | true                         | true                                  | true
            BooleanEquals               | false                        | false                                 | true
            BooleanEquals               | true                         | false                                 | false
            BooleanEquals               | true                         | "true"                                | false
            BooleanEquals               | true                         | 1                                     | false
            BooleanEquals               | false                        | null                                  | false
            TimestampEquals             | "2012-10-09T19:00:55Z"       | "2012-10-09T19:00:55Z"                | true
            TimestampEquals             | "2012-10-09T19:00:55Z"       | "2012-10-09T20:00:55+01:00"           | true
            TimestampEquals             | "2012-10-09T19:00:55Z"       | "2012-10-09T19:00:55.000000000000Z"   | true
            TimestampEquals             | "2012-10-09T19:00:56Z"       | "2012-10-09T19:00:55Z"                | false
            TimestampEquals             | "2012-10-09T19:00:55Z"       | "2012-10-09T19:00:55"                 | false
            TimestampEquals             | "2012-10-09T19:00:55Z"       | 0                                     | false
            TimestampLessThan           | "2012-10-09T19:00:56Z"       | "2012-10-09T19:00:55.999Z"            | true
            TimestampLessThan           | "2012-10-09T19:00:55Z"       | "2012-10-09T19:00:55Z"                | false
            TimestampGreaterThan        | "2012-10-09T19:00:55Z"       | "2012-10-09T19:00:55.000001Z"         | true
            TimestampGreaterThan        | "2012-10-09T19:00:55Z"       | "2012-10-09T20:00:55+02:00"           | false
            TimestampLessThanEquals     | "2012-10-09T19:00:55Z"       | "2012-10-09T14:00:55-05:00"           | true
            TimestampLessThanEquals     | "2012-10-09T19:00:55Z"       | "2012-10-09T19:00:56Z"                | false
            TimestampGreaterThanEquals  | "2012-10-09T19:00:55Z"       | "2012-10-09T19:00:55Z"                | true
            TimestampGreaterThanEquals  | "2012-10-09T19:00:56Z"       | "2012-10-09T19:00:55Z"                | false
            IsNull                      | true                         | null                                  | true
            IsNull                      | true                         | 0                                     | false
            IsNull                      | false                        | ""                                    | true
            IsNull                      | false                        | null                                  | false
            IsPresent                   | true                         | null                                  | true
            IsPresent                   | false                        | false                                 | false
            IsNumeric                   | true                         | 0.0                                   | true
            IsNumeric                   | true                         | "1"                                   | false
            IsNumeric                   | false                        | []                                    | true
            IsString                    | true                         | ""                                    | true
            IsString                    | true                         | [""]                                  | false
            IsString                    | false                        | 1.1                                   | true
            IsBoolean                   | true                         | false                                 | true
            IsBoolean                   | true                         | "true"                                | false
            IsBoolean                   | false                        | {}                                    | true
            IsTimestamp                 | true                         | "2012-10-09T19:00:55Z"                | true
            IsTimestamp                 | true                         | "2012-10-09T19:00:55+01:00"           | true
            IsTimestamp                 | true                         | "2016-03-05T21:29:29.243167252Z"      | true
            IsTimestamp                 | true                         | "2012-10-09T19:00:55"                 | false
            IsTimestamp                 | true                         | "2023-02-24"                          | false
            IsTimestamp                 | true                         | "2012-10-09t19:00:55z"                | false
            IsTimestamp                 | true                         | "2012-10-09 19:00:55Z"                | false
            IsTimestamp                 | true                         | "2016-13-05T21:29:29Z"                | false
            IsTimestamp                 | true                         | "2016-12-05T25:29:29Z"                | false
            IsTimestamp                 | true                         | 1349809255                            | false
            IsTimestamp                 | false                        | "HelloWorld"                          | true
            """)
    void dataTest(String operator, String operand, String value, boolean expected) {
        String rule = "{\"Variable\": \"$.v\", \"" + operator + "\": " + operand + ", \"Next\": \"Somewhere\"}";
        assertEquals(expected, holds(rule, "{\"v\": " + value + "}"));
    }

    /** {"Variable": "$.v", operator: "$.o"} against {"v": value, "o": other}. */
    @ParameterizedTest(name = "{0} on {1} and {2} is {3}")
    @CsvSource(delimiter = '|', textBlock = """
            StringEqualsPath                | "Hello"                   | "Hello"                     | true
            StringEqualsPath                | " "                       | "     "                     | false
            StringLessThanPath              | "A"                       | "AB"                        | true
            StringGreaterThanPath           | "AB"                      | "ABC"                       | false
            StringLessThanEqualsPath        | "AB"                      | "A"                         | false
            StringGreaterThanEqualsPath     | ""                        | ""                          | true
            StringEqualsPath                | "1"                       | 1                           | false
            NumericEqualsPath               | 0.0                       | 0                           | true
            NumericEqualsPath               | 1                         | 0.0                         | false
            NumericEqualsPath               | 0                         | "0"                         | false
            NumericLessThanPath             | 0.0                       | 0                           | false
            NumericGreaterThanPath          | 2                         | 1                           | true
            NumericLessThanEqualsPath       | 0.0                       | 0                           | true
            NumericGreaterThanEqualsPath    | 0                         | 1                           | false
            BooleanEqualsPath               | true                      | true                        | true
            BooleanEqualsPath               | false                     | true                        | false
            BooleanEqualsPath               | null                      | false                       | false
            TimestampEqualsPath             | "2012-10-09T19:00:55Z"    | "2012-10-09T21:00:55+02:00" | true
            TimestampEqualsPath             | "2012-10-09T19:00:55Z"    | "2012-10-09T19:00:55"       | false
            TimestampLessThanPath           | "2012-10-09T19:00:55Z"    | "2012-10-09T19:00:56Z"      | true
            TimestampGreaterThanPath        | "2012-10-09T19:00:55Z"    | "2012-10-09T19:00:56Z"      | false
            TimestampLessThanEqualsPath     | "2012-10-09T19:00:55Z"    | "2012-10-09T19:00:55Z"      | true
            TimestampGreaterThanEqualsPath  | "2012-10-09T19:00:56Z"    | "2012-10-09T19:00:55Z"      | true
            """)
    void pathOperand(String operator, String value, String other, boolean expected) {
        String rule = "{\"Variable\": \"$.v\", \"" + operator + "\": \"$.o\"}";
        assertEquals(expected, holds(rule, "{\"v\": " + value + ", \"o\": " + other + "}"));
    }

    @Test
    void everyOperatorCompilesFromItsField() {
        assertEquals(39, ChoiceOperator.values().length);
        for (ChoiceOperator operator : ChoiceOperator.values()) {
            JsonNode operand = operator.takesPath() ? Json.NODES.textNode("$.o")
                    : operator.isTypeTest() ? Json.NODES.booleanNode(true)
                    : switch (operator.type) {
                        case STRING -> Json.NODES.textNode("a");
                        case NUMERIC -> Json.NODES.numberNode(1);
                        case BOOLEAN -> Json.NODES.booleanNode(true);
                        case TIMESTAMP -> Json.NODES.textNode("2016-03-14T01:59:00Z");
                    };
            ObjectNode rule = Json.object().put("Variable", "$.v").set(operator.field, operand);
            assertEquals(operator, ChoiceOperator.byField(operator.field));
            ChoiceCondition.compile(rule, LOCATION).test(json("{\"v\": 1, \"o\": 1}"), CONTEXT);
        }
    }

    private static boolean matches(String pattern, String value) {
        ObjectNode rule = Json.object().put("Variable", "$.v").put("StringMatches", pattern);
        ObjectNode input = Json.object().put("v", value);
        return ChoiceCondition.compile(rule, LOCATION).test(input, CONTEXT);
    }

    @Test
    void stringMatchesWildcards() {
        assertTrue(matches("*", ""));
        assertTrue(matches("*", "anything at all"));
        assertTrue(matches("foo*.log", "foo23.log"));
        assertTrue(matches("foo*.log", "foo.log"));
        assertFalse(matches("foo*.log", "foo23.txt"));
        assertTrue(matches("*.log", "zebra.log"));
        assertTrue(matches("foo*.*", "foobar.zebra"));
        assertTrue(matches("a*b*c", "aXXbYYc"));
        assertFalse(matches("a*b*c", "acb"));
        assertTrue(matches("a*b", "a\nb"));
        assertFalse(matches("ABC", "abc"));
        assertFalse(matches("abc", "abcd"));
    }

    @Test
    void stringMatchesTreatsOnlyTheStarAsSpecial() {
        assertTrue(matches("log.txt", "log.txt"));
        assertFalse(matches("log.txt", "logXtxt"));
        assertTrue(matches("a?[b]+(c)", "a?[b]+(c)"));
        assertFalse(matches("a?", "ab"));
    }

    @Test
    void stringMatchesEscapes() {
        // The Java strings below are the pattern after JSON decoding: \* is a literal star, \\ a backslash.
        assertTrue(matches("a\\*b", "a*b"));
        assertFalse(matches("a\\*b", "aXb"));
        assertTrue(matches("\\**", "*star"));
        assertFalse(matches("\\**", "star"));
        assertTrue(matches("a\\\\b", "a\\b"));
        assertFalse(matches("a\\\\b", "a\\\\b"));
        assertTrue(matches("dir\\\\*", "dir\\file"));
        assertTrue(matches("a\\b", "a\\b"));
        assertTrue(matches("end\\", "end\\"));
    }

    @Test
    void contextObjectVariable() {
        assertTrue(holds("{\"Variable\": \"$$.Execution.Input.input-value\", \"NumericLessThanEquals\": 0}", "{}"));
        assertTrue(holds("{\"Variable\": \"$$.State.Name\", \"StringEquals\": \"Check\"}", "{}"));
        assertTrue(holds("{\"Variable\": \"$.n\", \"NumericEqualsPath\": \"$$.Execution.Input.input-value\"}",
                "{\"n\": 0.0}"));
        assertFalse(holds("{\"Variable\": \"$$.Execution.Nothing\", \"IsPresent\": true}", "{}"));
    }

    @Test
    void workflowVariables() {
        assertTrue(holds("{\"Variable\": \"$limit\", \"NumericEquals\": 10}", "{}"));
        assertTrue(holds("{\"Variable\": \"$config.mode\", \"StringEquals\": \"fast\"}", "{}"));
        assertTrue(holds("{\"Variable\": \"$.n\", \"NumericLessThanPath\": \"$limit\"}", "{\"n\": 9.5}"));
        assertTrue(holds("{\"Variable\": \"$.at\", \"TimestampGreaterThanPath\": \"$config.since\"}",
                "{\"at\": \"2024-06-01T00:00:00+02:00\"}"));
        assertTrue(holds("{\"Variable\": \"$config\", \"IsPresent\": true}", "{}"));
        assertFalse(holds("{\"Variable\": \"$undefined\", \"IsPresent\": true}", "{}"));
        assertTrue(holds("{\"Variable\": \"$undefined.x\", \"IsPresent\": false}", "{}"));
    }

    @Test
    void isPresentNeverFails() {
        assertTrue(holds("{\"Variable\": \"$.missing\", \"IsPresent\": false}", "{\"v\": 1}"));
        assertFalse(holds("{\"Variable\": \"$.missing\", \"IsPresent\": true}", "{\"v\": 1}"));
        assertFalse(holds("{\"Variable\": \"$.v.deeper\", \"IsPresent\": true}", "{\"v\": \"text\"}"));
        assertFalse(holds("{\"Variable\": \"$.list[*].x\", \"IsPresent\": true}", "{\"list\": [1]}"));
        assertTrue(holds("{\"Variable\": \"$.list[*]\", \"IsPresent\": true}", "{\"list\": [1]}"));
    }

    private static StatesError failure(String rule, String input) {
        return assertThrows(StatesError.class, () -> holds(rule, input));
    }

    @Test
    void missingVariableFailsTheState() {
        StatesError error = failure("{\"Variable\": \"$.missing\", \"NumericEquals\": 1}", "{\"v\": 1}");
        assertEquals(ErrorNames.RUNTIME, error.error());
        assertEquals("Invalid path '$.missing': The choice state's condition path references an invalid value.",
                error.cause());
        assertTrue(error.isLocated());
    }

    @Test
    void missingVariableFailsEveryOtherOperator() {
        for (String operator : new String[] {"\"IsNull\": true", "\"IsString\": false", "\"IsTimestamp\": false",
                "\"StringMatches\": \"*\"", "\"BooleanEqualsPath\": \"$.v\""}) {
            failure("{\"Variable\": \"$.missing\", " + operator + "}", "{\"v\": true}");
        }
        failure("{\"Variable\": \"$undefined\", \"StringEquals\": \"x\"}", "{}");
    }

    @Test
    void missingPathOperandFailsTheState() {
        StatesError error = failure("{\"Variable\": \"$.v\", \"StringEqualsPath\": \"$.other\"}", "{\"v\": \"x\"}");
        assertEquals(ErrorNames.RUNTIME, error.error());
        assertEquals("Invalid path '$.other': The choice state's condition path references an invalid value.",
                error.cause());
    }

    @Test
    void booleanExpressions() {
        String inTwenties = "{\"And\": [{\"Variable\": \"$.value\", \"NumericGreaterThanEquals\": 20},"
                + " {\"Variable\": \"$.value\", \"NumericLessThan\": 30}], \"Next\": \"InTwenties\"}";
        assertTrue(holds(inTwenties, "{\"value\": 22}"));
        assertFalse(holds(inTwenties, "{\"value\": 30}"));

        String notPrivate = "{\"Not\": {\"Variable\": \"$.type\", \"StringEquals\": \"Private\"},"
                + " \"Next\": \"Public\"}";
        assertFalse(holds(notPrivate, "{\"type\": \"Private\"}"));
        assertTrue(holds(notPrivate, "{\"type\": \"Public\"}"));

        String either = "{\"Or\": [{\"Variable\": \"$.a\", \"BooleanEquals\": true},"
                + " {\"Variable\": \"$.b\", \"BooleanEquals\": true}]}";
        assertTrue(holds(either, "{\"a\": false, \"b\": true}"));
        assertFalse(holds(either, "{\"a\": false, \"b\": false}"));

        assertTrue(holds("{\"And\": [{\"Variable\": \"$.type\", \"StringEquals\": \"Public\"}]}",
                "{\"type\": \"Public\"}"));
    }

    @Test
    void nestedBooleanExpressions() {
        String rule = """
                {"Or": [
                  {"And": [{"Variable": "$.kind", "StringEquals": "file"},
                           {"Not": {"Variable": "$.name", "StringMatches": "*.tmp"}}]},
                  {"Not": {"Or": [{"Variable": "$.size", "NumericGreaterThan": 0},
                                  {"Variable": "$.size", "IsNull": true}]}}
                ]}""";
        assertTrue(holds(rule, "{\"kind\": \"file\", \"name\": \"a.txt\", \"size\": 1}"));
        assertFalse(holds(rule, "{\"kind\": \"file\", \"name\": \"a.tmp\", \"size\": 1}"));
        assertTrue(holds(rule, "{\"kind\": \"dir\", \"name\": \"a.tmp\", \"size\": 0}"));
        assertFalse(holds(rule, "{\"kind\": \"dir\", \"name\": \"a.tmp\", \"size\": null}"));
    }

    @Test
    void booleanExpressionsShortCircuit() {
        String guarded = "{\"And\": [{\"Variable\": \"$.maybe\", \"IsPresent\": true},"
                + " {\"Variable\": \"$.maybe\", \"StringEquals\": \"foo\"}]}";
        assertFalse(holds(guarded, "{}"));
        assertTrue(holds(guarded, "{\"maybe\": \"foo\"}"));

        String fallback = "{\"Or\": [{\"Variable\": \"$.maybe\", \"IsPresent\": false},"
                + " {\"Variable\": \"$.maybe\", \"StringEquals\": \"foo\"}]}";
        assertTrue(holds(fallback, "{}"));
        assertThrows(StatesError.class, () -> holds("{\"Or\": [{\"Variable\": \"$.v\", \"IsNull\": false},"
                + " {\"Variable\": \"$.missing\", \"IsNull\": true}]}", "{\"v\": null}"));
    }

    /** Malformed rules, and words the message must contain besides the location. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            {"Variable": "$.v"}                                                | no comparison operator
            {"Variable": "$.v", "Next": "X", "Comment": "c"}                   | no comparison operator
            {"StringEquals": "a"}                                              | 'Variable'
            {"Variable": "$.v", "StringEquals": "a", "NumericEquals": 1}       | 'StringEquals' and 'NumericEquals'
            {"Variable": "$.v", "StringEqual": "a"}                            | 'StringEqual'
            {"Variable": "$.v", "NumericEquals": "1"}                          | 'NumericEquals' must be a number
            {"Variable": "$.v", "StringEquals": 1}                             | 'StringEquals' must be a string
            {"Variable": "$.v", "StringMatches": null}                         | 'StringMatches' must be a string
            {"Variable": "$.v", "BooleanEquals": "true"}                       | 'BooleanEquals' must be a boolean
            {"Variable": "$.v", "TimestampEquals": "2023-02-24"}               | 'TimestampEquals' must be a timestamp
            {"Variable": "$.v", "TimestampLessThan": 0}                        | 'TimestampLessThan' must be a timestamp
            {"Variable": "$.v", "IsNull": "true"}                              | 'IsNull' must be true or false
            {"Variable": "$.v", "IsPresent": 1}                                | 'IsPresent' must be true or false
            {"Variable": "$.v", "StringEqualsPath": "other"}                   | 'StringEqualsPath' is not a valid path
            {"Variable": "$.v", "NumericEqualsPath": 1}                        | 'NumericEqualsPath' must be a string
            {"Variable": "v", "IsNull": true}                                  | 'Variable' is not a valid path
            {"Variable": "$..", "IsNull": true}                                | 'Variable' is not a valid path
            {"Variable": 1, "IsNull": true}                                    | 'Variable' must be a string
            {"And": []}                                                        | 'And' must be a non-empty array
            {"Or": {"Variable": "$.v", "IsNull": true}}                        | 'Or' must be a non-empty array
            {"Not": [{"Variable": "$.v", "IsNull": true}]}                     | must be an object
            {"And": [{"Variable": "$.v", "IsNull": true}], "Variable": "$.v"}  | 'And' cannot be combined
            """)
    void compileErrors(String rule, String expected) {
        QuerySyntaxException error = assertThrows(QuerySyntaxException.class,
                () -> ChoiceCondition.compile(json(rule), LOCATION));
        assertTrue(error.getMessage().contains(LOCATION), error.getMessage());
        assertTrue(error.getMessage().contains(expected), error.getMessage());
    }

    @Test
    void compileErrorsInNestedRulesNameTheirLocation() {
        QuerySyntaxException error = assertThrows(QuerySyntaxException.class, () -> ChoiceCondition.compile(
                json("{\"Or\": [{\"Variable\": \"$.v\", \"IsNull\": true}, {\"Not\": {\"Variable\": \"$.v\"}}]}"),
                LOCATION));
        assertTrue(error.getMessage().endsWith(" at " + LOCATION + "/Or/1/Not"), error.getMessage());
    }
}
