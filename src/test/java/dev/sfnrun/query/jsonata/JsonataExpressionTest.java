package dev.sfnrun.query.jsonata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sfnrun.query.EvalContext;
import dev.sfnrun.query.Json;
import dev.sfnrun.query.QuerySyntaxException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Evaluation, bindings, errors and the Step Functions functions. */
class JsonataExpressionTest {
    private static final EvalContext VARIABLES = context(Map.of("x", "3", "name", "\"ada\"", "obj", "{\"k\":[1,2]}"));

    private static EvalContext context(Map<String, String> variables) {
        return new EvalContext() {
            @Override
            public JsonNode contextObject() {
                return Json.object().put("Execution", "exec");
            }

            @Override
            public JsonNode variable(String name) {
                String text = variables.get(name);
                try {
                    return text == null ? null : Json.parse(text);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
        };
    }

    private static String eval(String expression) {
        return eval(expression, "{\"a\":1}");
    }

    private static String eval(String expression, String input) {
        try {
            JsonNode value = JsonataExpression.compile(expression).evaluate(Json.parse(input), null, null, VARIABLES);
            return value == null ? null : Json.compact(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String failure(String expression) {
        return assertThrows(JsonataEvaluationException.class, () -> eval(expression)).getMessage();
    }

    @Test
    void nowAndMillisAreOneInstantOfTheEvaluation() {
        long before = System.currentTimeMillis();
        long millis = Long.parseLong(eval("$millis()"));
        long after = System.currentTimeMillis();
        assertTrue(before <= millis && millis <= after, millis + " not in [" + before + ", " + after + "]");
        assertEquals("true", eval("$millis() = $toMillis($now())"));
        assertEquals("true", eval("$now() = $now() and $millis() = $millis()"));
        // reached through a function the expression defines, and formatted with a picture
        assertEquals("true", eval("($f := function() { $millis() }; $f() = $millis())"));
        String year = String.valueOf(java.time.Year.now(java.time.ZoneOffset.UTC).getValue());
        assertEquals("\"" + year + "\"", eval("$now('[Y0001]')"));
        assertTrue(eval("$now()").matches("\"\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z\""), eval("$now()"));
        assertEquals("\"function\"", eval("$type($millis)"), "named without a call, still bound");
    }

    @Test
    void statesMembers() {
        assertEquals("1", eval("$states.input.a"));
        assertEquals("\"exec\"", eval("$states.context.Execution"));
        JsonNode result = JsonataExpression.compile("$states.result.r + $states.errorOutput.e")
                .evaluate(Json.object(), Json.object().put("r", 2), Json.object().put("e", 3), VARIABLES);
        assertEquals("5", Json.compact(result));
    }

    @Test
    void variablesAreBoundByName() {
        assertEquals("6", eval("$x * 2"));
        assertEquals("\"ADA\"", eval("$uppercase($name)"));
        assertEquals("2", eval("$obj.k[1]"));
    }

    @Test
    void unknownVariableIsUndefined() {
        assertNull(eval("$nope"));
        assertNull(eval("$states.input.missing"));
    }

    @Test
    void noInputDocumentAtTopLevel() {
        assertNull(eval("a"));
    }

    @Test
    void localBindingsStayLocal() {
        assertEquals("4", eval("($y := 2; $y * 2)"));
        assertEquals("1", eval("$variable := 1"));
    }

    @Test
    void nullIsNotUndefined() {
        assertEquals("null", eval("null"));
        assertEquals("{\"a\":null}", eval("{'a': null}"));
    }

    @Test
    void errorsUseJsonataJsTexts() {
        assertEquals("T1006: Attempted to invoke a non-function", failure("$eval('1')"));
        assertEquals("T1006: Attempted to invoke a non-function", failure("$notAFunction(1)"));
        assertEquals("T2002: The right side of the \"+\" operator must evaluate to a number", failure("1 + 'a'"));
        assertEquals("T2001: The left side of the \"-\" operator must evaluate to a number", failure("'a' - 1"));
        assertEquals("T0410: Argument 1 of function \"uppercase\" does not match function signature",
                failure("$uppercase(1)"));
    }

    @Test
    void errorsWhoseDetailsTheLibraryKeepsElsewhereReadAsInJsonataJs() {
        // the library keeps an array argument's value and item letter, a negated value second, a comparison
        // without its operator, some errors as bare text and a mixed $sort as a ClassCastException
        assertEquals("T0412: Argument 1 of function \"sum\" must be an array of \"numbers\"", failure("$sum(['a'])"));
        assertEquals("T0412: Argument 1 of function \"average\" must be an array of \"numbers\"", failure("$average([1, 'x'])"));
        assertEquals("T0412: Argument 1 of function \"join\" must be an array of \"strings\"", failure("$join([1, 2])"));
        assertEquals("T0412: Argument 1 of function \"max\" must be an array of \"numbers\"", // the call that failed
                failure("$max(['a']) + $sum([1])"));
        assertEquals("D1002: Cannot negate a non-numeric value: \"a\"", failure("-'a'"));
        assertEquals("T0411: Context value is not a compatible type with argument 1 of function \"uppercase\"",
                failure("[1].$uppercase()"));
        assertEquals("T2009: The values 1 and \"a\" either side of operator \"<\" must be of the same data type",
                failure("1 < 'a'"));
        assertEquals("T2009: The values \"a\" and 2 either side of operator \">=\" must be of the same data type",
                failure("[1] ~> $count() = 1 ? 'a' >= 2 : 0")); // ~> is no comparison
        assertEquals("T2009: The values \"a\" and 2 either side of operator undefined must be of the same data type",
                failure("$count([1]) > 0 ? 'a' >= 2 : 0")); // which one of the two failed?
        assertEquals("D3010: Second argument of replace function cannot be an empty string", failure("$replace('abc', '', 'x')"));
        assertEquals("D3070: The single argument form of the sort function can only be applied to an array of strings or "
                + "an array of numbers.  Use the second argument to specify a comparison function", failure("$sort([1, 'a'])"));
    }

    @Test
    void syntaxErrorsAreFoundAtCompileTime() {
        assertEquals("S0203: Expected \")\" before end of expression (at position 5)", JsonataExpression.parseError("$sum("));
        assertEquals("The JSONata expression is empty", JsonataExpression.parseError("  "));
        assertNull(JsonataExpression.parseError("$states.input.a + 1"));
        assertThrows(QuerySyntaxException.class, () -> JsonataExpression.compile("{"));
    }

    @Test
    void usesResultAndErrorOutput() {
        assertTrue(JsonataExpression.compile("$states.result.x").usesResult());
        assertFalse(JsonataExpression.compile("$states.input.result").usesResult());
        assertFalse(JsonataExpression.compile("'$states.result'").usesResult());
        assertTrue(JsonataExpression.compile("$count($states.errorOutput)").usesErrorOutput());
    }

    @Test
    void partition() {
        assertEquals("[[1,2],[3,4],[5]]", eval("$partition([1,2,3,4,5], 2)"));
        assertEquals("[[1,2,3]]", eval("$partition([1,2,3], 7)"));
        assertEquals("[[\"a\"],[\"b\"]]", eval("$partition(['a','b'], 1.9)"));
        assertEquals("The chunk size of $partition must be a positive integer", failure("$partition([1], 0)"));
        assertNull(eval("$partition($states.input.nope, 2)")); // undefined in, undefined out (it blamed the size)
    }

    @Test
    void range() {
        assertEquals("[1,3,5]", eval("$range(1, 6, 2)"));
        assertEquals("[5,4,3]", eval("$range(5, 3, -1)"));
        assertEquals("1", eval("$range(1, 9, 9)"));
        assertEquals("The step of $range must not be 0", failure("$range(1, 2, 0)"));
    }

    @Test
    void hash() {
        assertEquals("\"5d41402abc4b2a76b9719d911017c592\"", eval("$hash('hello', 'MD5')"));
        assertEquals("\"aaf4c61ddcc5e8a2dabede0f3b482cd9aea9434d\"", eval("$hash('hello', 'SHA-1')"));
        assertTrue(failure("$hash('x', 'SHA-3')").startsWith("The hash algorithm must be one of"));
        assertNull(eval("$hash($states.input.nope, 'MD5')")); // it said MD5 was not an algorithm
    }

    @Test
    void randomWithSeedRepeats() {
        assertEquals(eval("$random(42)"), eval("$random(42)"));
        assertNotEquals(eval("$random(1)"), eval("$random(2)"));
        double value = Double.parseDouble(eval("$random()"));
        assertTrue(value >= 0 && value < 1);
    }

    @Test
    void uuidIsVersion4() {
        assertTrue(eval("$uuid()").matches("\"[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}\""));
    }

    @Test
    void parse() {
        assertEquals("{\"a\":[1,2.5,null]}", eval("$parse('{\"a\":[1,2.5,null]}')"));
        assertEquals("1.1", eval("$parse('1.1')"));
        assertEquals("true", eval("$parse('true')"));
        assertTrue(failure("$parse('{')").length() > 0);
    }

    @Test
    void standardLibraryIsThere() {
        assertEquals("{\"a\":1,\"b\":2}", eval("$merge([{'a':1},{'b':2}])"));
        assertEquals("true", eval("$contains('hello$world', /^hello\\$/)"));
        assertEquals("\"2.50\"", eval("$formatNumber(2.5, '0.00')"));
        assertEquals("[2,4]", eval("$map([1,2], function($v) { $v * 2 })"));
    }

    @Test
    void anExpressionThatNeverEndsFailsAfterTheBound() {
        JsonataExpression.evaluationTimeoutMillis = 200;
        try {
            long start = System.nanoTime();
            String message = assertThrows(JsonataEvaluationException.class,
                    () -> eval("($loop := function($x){ $loop($x) }; $loop(1))")).getMessage();
            assertEquals("Expression evaluation timeout: Check for infinite loop", message);
            assertTrue(System.nanoTime() - start < 5_000_000_000L, "ended long before the default bound");
        } finally {
            JsonataExpression.evaluationTimeoutMillis = JsonataExpression.EVALUATION_TIMEOUT_MILLIS;
        }
        assertEquals("3", eval("1 + 2"));
    }

    @Test
    void aStringBuiltPastThePayloadLimitFailsAtTheStepThatBuiltIt() {
        String message = assertThrows(JsonataEvaluationException.class,
                () -> eval("$reduce([1..40], function($a, $v) { $a & $a }, 'xx')")).getMessage();
        assertEquals("The expression built a string of 2097152 characters, more than 1048576 (four times the payload"
                + " limit of 256 KiB)", message);
        // exactly at the limit a string is still built
        assertEquals("1048576", eval("$length($reduce([1..19], function($a, $v) { $a & $a }, 'xx'))"));
    }
}
