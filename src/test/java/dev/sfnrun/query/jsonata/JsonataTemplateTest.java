package dev.sfnrun.query.jsonata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sfnrun.error.StatesError;
import dev.sfnrun.query.EvalContext;
import dev.sfnrun.query.Json;
import dev.sfnrun.query.QuerySyntaxException;
import dev.sfnrun.query.jsonata.JsonataTemplate.Expect;
import dev.sfnrun.query.jsonata.JsonataTemplate.Role;
import org.junit.jupiter.api.Test;

class JsonataTemplateTest {
    private static final JsonNode INPUT = parse("{\"n\":5,\"s\":\"x\",\"list\":[1,2]}");

    private static final EvalContext STATE = new EvalContext() {
        @Override
        public JsonNode contextObject() {
            return Json.object();
        }

        @Override
        public JsonNode variable(String name) {
            return null;
        }

        @Override
        public JsonNode stateInput() {
            return INPUT;
        }
    };

    private static JsonNode parse(String text) {
        try {
            return Json.parse(text);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String run(String value, String field, Role role, Expect expect, JsonNode argument) {
        return Json.compact(JsonataTemplate.compile(parse(value), field, role, expect).evaluate(argument, STATE));
    }

    private static StatesError failure(String value, String field, Expect expect) {
        JsonataTemplate template = JsonataTemplate.compile(parse(value), field, Role.INPUT, expect);
        StatesError e = assertThrows(StatesError.class, () -> template.evaluate(INPUT, STATE));
        assertTrue(e.isLocated());
        return e;
    }

    @Test
    void literalsAndExpressionsAtAnyDepth() {
        String value = "{\"a\":\"{% $states.input.n %}\",\"b\":[\"{% $states.input.s %}\",{\"c\":\"{% 1 + 1 %}\"}],"
                + "\"lit\":\" {% kept %}\",\"partial\":\"{% x\",\"num\":1.5}";
        assertEquals("{\"a\":5,\"b\":[\"x\",{\"c\":2}],\"lit\":\" {% kept %}\",\"partial\":\"{% x\",\"num\":1.5}",
                run(value, "Output", Role.INPUT, Expect.ANY, INPUT));
    }

    @Test
    void constantValuesAreReturnedAsIs() {
        JsonataTemplate template = JsonataTemplate.compile(parse("{\"a\":[1,\"b\"]}"), "Output", Role.INPUT, Expect.ANY);
        assertTrue(template.isConstant());
        assertFalse(JsonataTemplate.compile(parse("\"{% 1 %}\""), "Output", Role.INPUT, Expect.ANY).isConstant());
    }

    @Test
    void rolesFillStatesMembers() {
        JsonNode result = parse("{\"r\":1}");
        assertEquals("[1,5]", run("\"{% [$states.result.r, $states.input.n] %}\"", "Output", Role.RESULT, Expect.ANY, result));
        assertEquals("[\"E\",5]", run("\"{% [$states.errorOutput.Error, $states.input.n] %}\"", "Output",
                Role.ERROR_OUTPUT, Expect.ANY, parse("{\"Error\":\"E\"}")));
    }

    @Test
    void undefinedNamesTheFieldPath() {
        StatesError e = failure("{\"a\":{\"values\":[0,\"{% $states.input.none %}\"]}}", "Output", Expect.ANY);
        assertEquals("States.QueryEvaluationError", e.error());
        assertEquals("The JSONata expression '$states.input.none' specified for the field 'Output/a/values[1]' "
                + "returned nothing (undefined).", e.cause());
        assertEquals("Output/a/values[1]", e.evaluation().location());
        assertTrue(e.evaluation().beforeState());
    }

    @Test
    void wrongResultType() {
        assertEquals("The JSONata expression '$states.input.s' specified for the field 'Items' returned an unexpected "
                + "result type. Expected 'array', but was 'string' for value: \"x\"",
                failure("\"{% $states.input.s %}\"", "Items", Expect.ARRAY).cause());
        assertEquals("The JSONata expression '{'a': 1}' specified for the field 'Items' returned an unexpected "
                + "result type. Expected 'array', but was 'object' for value: {\"a\":1}",
                failure("\"{% {'a': 1} %}\"", "Items", Expect.ARRAY).cause());
        assertEquals("The JSONata expression '$states.input.n / 2' specified for the field 'TimeoutSeconds' returned an "
                + "unexpected result type. Expected 'integer', but was 'number' for value: 2.5",
                failure("\"{% $states.input.n / 2 %}\"", "TimeoutSeconds", Expect.POSITIVE_INTEGER).cause());
    }

    @Test
    void outOfRange() {
        assertEquals("The JSONata expression '0' specified for the field 'TimeoutSeconds' returned an invalid value: 0. "
                + "Expected a positive integer.", failure("\"{% 0 %}\"", "TimeoutSeconds", Expect.POSITIVE_INTEGER).cause());
        assertEquals("0", run("\"{% 0 %}\"", "Seconds", Role.INPUT, Expect.NON_NEGATIVE_INTEGER, INPUT));
        assertEquals("The JSONata expression '0' specified for the field 'HeartbeatSeconds' returned an invalid value: 0. "
                + "Expected a positive integer.", failure("\"{% 0 %}\"", "HeartbeatSeconds", Expect.SECONDS).cause());
        assertEquals("99999999", run("\"{% 99999999 %}\"", "HeartbeatSeconds", Role.INPUT, Expect.SECONDS, INPUT));
        assertEquals("The JSONata expression '1e20' specified for the field 'HeartbeatSeconds' returned an invalid value: "
                + "1.0E20. Expected a positive integer no greater than 99999999.",
                failure("\"{% 1e20 %}\"", "HeartbeatSeconds", Expect.SECONDS).cause());
    }

    @Test
    void evaluationErrorsCarryJsonataCodes() {
        assertEquals("The JSONata expression '$states.input.s + 1' specified for the field 'Output' threw an error "
                + "during evaluation. T2001: The left side of the \"+\" operator must evaluate to a number",
                failure("\"{% $states.input.s + 1 %}\"", "Output", Expect.ANY).cause());
        assertEquals("The JSONata expression '$range(1, 2, 0)' specified for the field 'Output' threw an error "
                + "during evaluation: The step of $range must not be 0",
                failure("\"{% $range(1, 2, 0) %}\"", "Output", Expect.ANY).cause());
    }

    @Test
    void syntaxErrorsNameTheField() {
        QuerySyntaxException e = assertThrows(QuerySyntaxException.class,
                () -> JsonataTemplate.compile(parse("{\"x\":[\"{% ( %}\"]}"), "Arguments", Role.INPUT, Expect.ANY));
        assertTrue(e.getMessage().startsWith("The JSONata expression '{% ( %}' in the field 'Arguments/x[0]' is invalid: S0"),
                e.getMessage());
    }

    @Test
    void delimitersMustBeExact() {
        assertTrue(JsonataTemplate.isExpression("{%1%}"));
        assertFalse(JsonataTemplate.isExpression(" {% 1 %}"));
        assertFalse(JsonataTemplate.isExpression("{% 1 %} "));
        assertFalse(JsonataTemplate.isExpression("{%}"));
    }
}
