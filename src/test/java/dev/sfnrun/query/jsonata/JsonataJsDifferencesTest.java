package dev.sfnrun.query.jsonata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sfnrun.query.EvalContext;
import dev.sfnrun.query.Json;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Differences from jsonata-js 2.0.6 (what AWS runs) found by the JSONata differential helper, each
 * with the value or error jsonata-js gives.
 */
class JsonataJsDifferencesTest {
    private static final EvalContext NO_VARIABLES = new EvalContext() {
        @Override
        public JsonNode contextObject() {
            return null;
        }

        @Override
        public JsonNode variable(String name) {
            return null;
        }
    };

    static String eval(String expression) {
        return eval(expression, "{}");
    }

    static String eval(String expression, String input) {
        try {
            JsonNode value = JsonataExpression.compile(expression).evaluate(Json.parse(input), null, null, NO_VARIABLES);
            return value == null ? null : Json.compact(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String failure(String expression) {
        return failure(expression, "{}");
    }

    static String failure(String expression, String input) {
        JsonataEvaluationException e = assertThrows(JsonataEvaluationException.class, () -> eval(expression, input));
        return e.getMessage();
    }

    @Test
    void callingANonFunctionFailsWithoutWritingToStandardOutput() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream original = System.out;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            assertEquals("T1006: Attempted to invoke a non-function", failure("$states.input.s()", "{\"s\":\"a\"}"));
            assertEquals("T1006: Attempted to invoke a non-function", failure("($f := 5; $f())"));
            assertEquals("T1006: Attempted to invoke a non-function", failure("($f := 5; $f(1, 2))"));
            assertEquals("T1006: Attempted to invoke a non-function", failure("($f := {}; 'a' ~> $f())"));
            // as in jsonata-js, the arguments are evaluated before the call fails
            assertEquals("T2002: The right side of the \"+\" operator must evaluate to a number",
                    failure("($f := 5; $f(1 + 'a'))"));
            // a tail call (a trampoline in the library) of a non-function
            assertEquals("T1006: Attempted to invoke a non-function",
                    failure("($g := function($h) { $h(1) }; $g(function($x) { $x }) + $g(3))"));
        } finally {
            System.setOut(original);
        }
        assertEquals("", out.toString(StandardCharsets.UTF_8));
        // calls of functions, lambdas, regular expressions and nested calls are untouched
        assertEquals("[2,\"b\",3,\"B\"]",
                eval("($f := function($x) { $x + 1 }; [$f(1), /b/('abc').match, $f($f(1)), $uppercase('b')])"));
        assertEquals("1", eval("($o := {'f': function() { 1 }}; $o.f())")); // a path step's result is a sequence
    }

    @Test
    void aTransformKeepsTheNullFieldsOfItsCopy() {
        String input = "{\"a\":null,\"b\":{\"c\":null,\"d\":1},\"l\":[null,1]}";
        assertEquals("{\"a\":null,\"b\":{\"c\":null,\"d\":1,\"e\":2},\"l\":[null,1]}",
                eval("$states.input ~> |b|{'e':2}|", input));
        assertEquals(input, eval("$states.input ~> |$|{}|", input));
        assertEquals(input, eval("$states.input ~> |nothing|{}|", input));
        assertEquals("{\"a\":null,\"b\":{\"c\":null,\"d\":1,\"f\":3},\"l\":[null,1]}",
                eval("$states.input ~> |b[c = null]|{'f':3}|", input));
        assertEquals("[\"null\",true,true]",
                eval("($x := $states.input ~> |$|{}|; [$type($x.a), $exists($x.b.c), $x.l[0] = null])", input));
        assertEquals("{\"a\":1,\"b\":{\"c\":null,\"d\":1}}", eval("$states.input ~> |$|{'a': 1}, ['l']|", input));
        assertEquals(input, eval("($t := |$|{}|; $t($states.input))", input));
    }

    @Test
    void replaceWithALimitCountsMatchesAndTakesAStringPatternLiterally() {
        assertEquals("\"a-b.c\"", eval("$replace('a.b.c', '.', '-', 1)"));
        assertEquals("\"babbab\"", eval("$replace('abab', 'a', 'ba', 2)"));
        assertEquals("\"babbab\"", eval("$replace('abab', /a/, 'ba', 2)"));
        assertEquals("\"a-b\"", eval("$replace('a+b', '+', '-', 1)"));
        assertEquals("\"a$c\"", eval("$replace('abc', 'b', '$', 1)"));
        assertEquals("\"bbb\"", eval("$replace('aaa', /a/, 'b', 2.5)"));
        assertEquals("\"abc\"", eval("$replace('abc', /b/, 'x', 0)"));
        assertEquals("D3011: Fourth argument of replace function must evaluate to a positive number",
                failure("$replace('abc', /b/, 'x', -1)"));
    }

    @Test
    void replacementTextsKnowOnlyDollarDollarDollarZeroAndDollarN() {
        assertEquals("\"a$ca$c\"", eval("$replace('abcabc', /(b)/, '$$')"));
        assertEquals("\"C:\\\\dir\\\\file\"", eval("$replace('C:/dir/file', /\\//, '\\\\')"));
        assertEquals("\"aa\\\\bc\"", eval("$replace('abc', /b/, 'a\\\\b')"));
        assertEquals("\"a\\\\bc\"", eval("$replace('abc', /(b)/, '\\\\$1')"));
        assertEquals("\"a1bc\"", eval("$replace('abc', /(a)/, '$01')"));
        assertEquals("\"a[$<n>]c\"", eval("$replace('abc', /(?<n>b)/, '[$<n>]')"));
        assertEquals("\"a$^c\"", eval("$replace('abc', /b/, '$^')"));
        assertEquals("\"ax$c\"", eval("$replace('abc', /b/, 'x$')"));
        assertEquals("\"Smith, John\"", eval("$replace('John Smith', /(\\w+)\\s(\\w+)/, '$2, $1')"));
        assertEquals("\"a[]c\"", eval("$replace('abc', /(x)?b/, '[$1]')"));
        assertEquals("\"a[]c\"", eval("$replace('abc', /(b)/, '[$2]')"));
        assertEquals("\"a[b0]c\"", eval("$replace('abc', /(b)/, '[$10]')"));
        assertEquals("\"k-a2l\"", eval("$replace('abcdefghijkl', /(a)(b)(c)(d)(e)(f)(g)(h)(i)(j)(k)/, '$11-$12')"));
    }

    @Test
    void aReplacementFunctionReceivesJsonataJsMatchObject() {
        assertEquals("\"ab\"", eval("$replace('abc', /(b)(c)/, function($m) { $m.groups[0] })"));
        assertEquals("\"a1c\"", eval("$replace('abc', /b/, function($m) { $string($m.start) })"));
        assertEquals("\"a{\\\"match\\\":\\\"bc\\\",\\\"start\\\":1,\\\"end\\\":3,\\\"groups\\\":[\\\"b\\\",\\\"c\\\"],"
                + "\\\"next\\\":\\\"\\\"}\"", eval("$replace('abc', /(b)(c)/, function($m) { $string($m) })"));
        // next() moves the one scan on, as JavaScript's lastIndex does
        assertEquals("\"aobjectcb\"", eval("$replace('abcb', /b/, function($m) { $type($m.next()) })"));
        assertEquals("D3012: Attempted to replace a matched string with a non-string value",
                failure("$replace('abc', /b/, function($m) { 5 })"));
    }

    @Test
    void aRegularExpressionMatchingTheEmptyStringAgainIsD1004() {
        assertEquals("\"x\"", eval("$replace('aaa', /a*/, 'x')"));
        assertEquals("\"y\"", eval("$replace('', /x*/, 'y')"));
        String d1004 = "D1004: Regular expression matches zero length string";
        assertEquals(d1004, failure("$replace('abc', /x*/, '-')"));
        assertEquals(d1004, failure("$match('abc', /a|/)"));
        assertEquals(d1004, failure("$split('abc', /(?:)/)"));
        assertEquals(d1004, failure("$match('abc', /(?=b)/)"));
        assertEquals("{\"match\":\"\",\"index\":3,\"groups\":[]}", eval("$match('abc', /$/)"));
    }

    @Test
    void matchReturnsAtMostTheLimit() {
        assertEquals("{\"match\":\"X\",\"index\":1,\"groups\":[]}", eval("$match('aXbXc', /X/, 1)"));
        assertEquals(null, eval("$match('abc', /b/, 0)"));
        assertEquals("[{\"match\":\"b\",\"index\":1,\"groups\":[]},{\"match\":\"b\",\"index\":3,\"groups\":[]}]",
                eval("$match('abcb', /b/, 1.5)"));
        assertEquals("D3040: Third argument of match function must evaluate to a positive number",
                failure("$match('abc', /b/, -1)"));
    }

    @Test
    void splitFollowsJsonataJs() {
        assertEquals("[\"a\",\"b\",\"\",\"c\"]", eval("$split('a,b,,c', /,/)"));
        assertEquals("[\"a\",\"b\"]", eval("$split('a,b,,c', /,/, 2)"));
        assertEquals("[\"a\",\"b\"]", eval("$split('a,b,,c', /,/, 1.5)"));
        assertEquals("[\"a\"]", eval("$split('a,b,,c', ',', 1.5)"));
        assertEquals("[\"\",\"a\",\"\"]", eval("$split(',a,', /,/)"));
        assertEquals("[\"a\",\"b\"]", eval("$split('abc', '', 2)"));
    }

    @Test
    void jsonNullIsAnArgumentOfTypeNullNotAMissingOne() {
        assertEquals("T0410: Argument 1 of function \"uppercase\" does not match function signature",
                failure("$uppercase($states.input.v)", "{\"v\":null}"));
        for (String function : new String[] {"length", "trim", "abs", "floor", "base64encode", "encodeUrl", "fromMillis"}) {
            assertEquals("T0410: Argument 1 of function \"" + function + "\" does not match function signature",
                    failure("$" + function + "(null)"));
        }
        assertEquals("T0410: Argument 1 of function \"substring\" does not match function signature",
                failure("$substring(null, 1)"));
        assertEquals("T0410: Argument 1 of function \"match\" does not match function signature", failure("$match(null, /a/)"));
        assertEquals("T0410: Argument 1 of function \"formatNumber\" does not match function signature",
                failure("$formatNumber(null, '0')"));
        assertEquals("T0410: Argument 1 of function \"number\" does not match function signature", failure("$number(null)"));
        assertEquals("T0412: Argument 1 of function \"sum\" must be an array of \"numbers\"",
                failure("$sum($states.input.v)", "{\"v\":null}"));
        assertEquals("T0412: Argument 1 of function \"join\" must be an array of \"strings\"", failure("$join(null)"));
        // null is a value: an array of one (which the array constructor flattens)
        assertEquals("[null]", eval("$reverse(null)"));
        assertEquals("[1,null,\"null\",false]", eval("[$count(null), $reverse(null), $string(null), $boolean(null)]"));
    }

    @Test
    void signatureErrorsNameTheArgumentAndTheFunctionAsTheCallDoes() {
        assertEquals("T0410: Argument 2 of function \"join\" does not match function signature", failure("$join(['a'], 1)"));
        assertEquals("T0410: Argument 2 of function \"round\" does not match function signature", failure("$round(1.5, 'a')"));
        assertEquals("T0410: Argument 4 of function \"substring\" does not match function signature",
                failure("$substring('a', 1, 2, 3)"));
        assertEquals("T0410: Argument 2 of function \"map\" does not match function signature", failure("$map([1], 5)"));
        assertEquals("T0410: Argument 3 of function \"split\" does not match function signature", failure("$split('a', ',', 'x')"));
        assertEquals("T0410: Argument 2 of function \"pad\" does not match function signature", failure("$pad('a', 'b')"));
        assertEquals("T0412: Argument 1 of function \"merge\" must be an array of \"objects\"", failure("$merge([1])"));
        assertEquals("T0410: Argument 1 of function \"f\" does not match function signature",
                failure("($f := $uppercase; $f(1))"));
        assertEquals("T0410: Argument 1 of function undefined does not match function signature",
                failure("$states.input.s ~> |$|{'x':1}|", "{\"s\":\"a\"}"));
    }

    @Test
    void substringCountsCharactersOutsideTheBasicPlane() {
        assertEquals("\"😀c\"", eval("$substring($states.input.s, -2)", "{\"s\":\"a😀b😀c\"}"));
        assertEquals("\"😀\"", eval("$substring('😀😀😀😀', -1)"));
        assertEquals("\"😀😀😀\"", eval("$substring('😀😀😀😀', 1, 10)"));
        assertEquals("\"ell\"", eval("$substring('hello', 1.5, 2.5)"));
        assertEquals("\"hel\"", eval("$substring('hello', -10, 3)"));
        assertEquals("\"\"", eval("$substring('hello', 2, -1)"));
    }

    @Test
    void distinctOfAnArrayIsAnArray() {
        assertEquals("[\"a\"]", eval("$distinct(['a','a'])"));
        assertEquals("\"array\"", eval("$type($distinct([1,1]))"));
        assertEquals("[[1,2]]", eval("$distinct([[1,2],[1,2]])"));
        assertEquals("[1,\"1\"]", eval("$distinct([1, 2/2, '1'])"));
        assertEquals("[{\"a\":1,\"b\":2}]", eval("$distinct([{'a':1,'b':2},{'b':2,'a':1}])"));
        // a sequence (a path's result) of one item is that item, as in jsonata-js
        assertEquals("1", eval("$distinct($states.input.x.y)", "{\"x\":[{\"y\":1},{\"y\":1}]}"));
    }

    @Test
    void sortWithAComparisonFunctionIsStable() {
        assertEquals("[2,1,3]", eval("$sort($states.input, function($l, $r) { $l.k > $r.k }).v",
                "[{\"k\":\"b\",\"v\":1},{\"k\":\"a\",\"v\":2},{\"k\":\"b\",\"v\":3}]"));
        assertEquals("[\"B\",\"A\",\"C\"]", eval("$sort($states.input, function($a, $b) { $a.age > $b.age }).name",
                "[{\"name\":\"A\",\"age\":30},{\"name\":\"B\",\"age\":20},{\"name\":\"C\",\"age\":30}]"));
        assertEquals("[2,1,3]", eval("$sort([3,1,2], function($a, $b) { $a - $b })")); // a non-zero number swaps
        assertEquals("[\"C\",\"a\",\"b\"]", eval("$sort(['b','a','C'])"));
        assertEquals("D3070: The single argument form of the sort function can only be applied to an array of strings or "
                + "an array of numbers.  Use the second argument to specify a comparison function", failure("$sort([true, false])"));
    }

    @Test
    void sumAddsFromLeftToRight() {
        assertEquals("0.6000000000000001", eval("$sum([0.1, 0.2, 0.3])"));
        assertEquals("false", eval("$sum($states.input.prices) = 0.6", "{\"prices\":[0.1,0.2,0.3]}"));
        assertEquals("0", eval("$sum([])"));
    }

    @Test
    void numberCastsTheTextsJsonataJsCasts() {
        for (String text : new String[] {" 12 ", "+5", ".5", "5.", "1e400", "Infinity"}) {
            assertEquals("D3030: Unable to cast value to a number: \"" + text + "\"", failure("$number(\"" + text + "\")"));
        }
        assertEquals("[5,15,31,-12500,0.01,1,12]",
                eval("[$number('0b101'), $number('0o17'), $number('0x1F'), $number('-12.5e3'), $number('1E-2'),"
                        + " $number(true), $number('00012')]"));
    }

    @Test
    void urlFunctionsAreJavaScriptsUriFunctions() {
        assertEquals("\"https://x.com/a%20b?q=1\"", eval("$encodeUrl('https://x.com/a b?q=1')"));
        assertEquals("\"/path/a%20b?x=1&y=2\"", eval("$encodeUrl('/path/a b?x=1&y=2')"));
        assertEquals("\"a%20b%26c%3Dd%2F%C3%A9%F0%9F%98%80\"", eval("$encodeUrlComponent('a b&c=d/é😀')"));
        assertEquals("\"a b%2Fc%3F\"", eval("$decodeUrl('a%20b%2Fc%3F')"));
        assertEquals("\"a+b c\"", eval("$decodeUrlComponent('a+b%20c')"));
        assertEquals("\"€😀\"", eval("$decodeUrlComponent('%E2%82%AC%F0%9F%98%80')"));
        assertEquals("D3140: Malformed URL passed to $decodeUrlComponent(): \"%C3\"", failure("$decodeUrlComponent('%C3')"));
        assertEquals("D3140: Malformed URL passed to $decodeUrl(): \"%zz\"", failure("$decodeUrl('%zz')"));
    }

    @Test
    void stringAndConcatenationWriteNumbersAsJsonataJsDoes() {
        assertEquals("\"10000000000000000000\"", eval("$string(1e19)"));
        assertEquals("\"id-12345678901234600\"", eval("\"id-\" & 12345678901234567"));
        assertEquals("\"1700000000123460\"", eval("$string($states.input.n)", "{\"n\":1700000000123456}"));
        assertEquals("\"{\\\"a\\\":200000000000000000000,\\\"c\\\":0.3}\"", eval("$string({\"a\": 2e20, \"c\": 0.1 + 0.2})"));
        assertEquals("\"1e+211e-70.000001123.456-1.5e+300\"", eval("$string(1e21) & 1e-7 & 0.000001 & 123.456 & -1.5e300"));
        assertEquals("\"0.333333333333333\"", eval("1/3 & ''"));
        assertEquals("\"null\"", eval("$string(1.7976931348623157e308)"));
        assertEquals("\"{}\"", eval("$string({}, true)"));
        assertEquals("\"{\\n  \\\"a\\\": [\\n    1,\\n    {}\\n  ]\\n}\"", eval("$string({'a': [1, {}]}, true)"));
    }

    @Test
    void concatenationOnAnotherThreadWritesNumbersAsJsonataJsDoes() throws Exception {
        JsonataExpression expression = JsonataExpression.compile("'n' & 1e19");
        JsonNode input = Json.parse("{}");
        String[] result = new String[1];
        Thread thread = new Thread(() -> {
            JsonNode value = expression.evaluate(input, null, null, NO_VARIABLES);
            result[0] = value.textValue();
        });
        thread.start();
        thread.join();
        assertEquals("n10000000000000000000", result[0]);
    }

    @Test
    void formatNumberIsJsonataJsFormatNumber() {
        assertEquals("\"19.74\"", eval("$formatNumber(19.745, '0.00')"));
        assertEquals("\"10.00\"", eval("$formatNumber(9.995, '0.00')"));
        assertEquals("\"19.60\"", eval("$formatNumber(19.605, '0.00')"));
        assertEquals("\"1.00\"", eval("$formatNumber(1.005, '#,##0.00')"));
        assertEquals("\".1\"", eval("$formatNumber(0.1, '#.#')"));
        assertEquals("\"10.0e5\"", eval("$formatNumber(1e6, '0.0e0')"));
        assertEquals("\"10e1\"", eval("$formatNumber(100, '0.##e0')"));
        assertEquals("\"1.23e-04\"", eval("$formatNumber(0.000123, '0.00e00')"));
        assertEquals("\"(12.0)\"", eval("$formatNumber(-12, '0.0;(0.0)')"));
        assertEquals("\"1,234,567.89\"", eval("$formatNumber(1234567.891, '#,###.##')"));
        assertEquals("\"1234,56,789\"", eval("$formatNumber(123456789, '#,##,##0')"));
        assertEquals("\"1.234,50\"",
                eval("$formatNumber(1234.5, '#.##0,00', {'decimal-separator': ',', 'grouping-separator': '.'})"));
        assertEquals("\"1e+300.00\"", eval("$formatNumber(1e300, '0.00')"));
        assertEquals("\"-0\"", eval("$formatNumber(-0.5, '0')"));
        assertEquals("D3080: The picture string must only contain a maximum of two sub-pictures",
                failure("$formatNumber(1, '0;0;0')"));
        assertEquals("D3081: The sub-picture must not contain more than one instance of the 'decimal-separator' character",
                failure("$formatNumber(1, '0.0.0')"));
        assertEquals("D3086: The sub-picture must not contain a passive character that is preceded by an active"
                + " character and that is followed by another active character", failure("$formatNumber(1, '0a0')"));
        assertEquals("D3091: The fractional part of the sub-picture must not contain an instance of the 'optional"
                + " digit character' that is followed by a member of the 'decimal digit family'",
                failure("$formatNumber(1, '0.#0')"));
        assertEquals("D3093: The exponent part of the sub-picture must comprise only of one or more characters that"
                + " are members of the 'decimal digit family'", failure("$formatNumber(1, '0ex')"));
        assertEquals("Cannot read properties of undefined (reading 'length')", failure("$formatNumber(1, 'abc')"));
    }

    @Test
    void fromMillisPicturesAreSplitAsJsonataJsSplitsThem() {
        assertEquals("\"Year: 2024 [literal]\"", eval("$fromMillis(1710074096789, 'Year: [Y] [[literal]]')"));
        assertEquals("\"[x]\"", eval("$fromMillis(0, '[[x]]')"));
        assertEquals("\"1970 [x]!\"", eval("$fromMillis(0, '[Y] [[x]]!')"));
        assertEquals("\"a]b]\"", eval("$fromMillis(0, 'a]]b]]')"));
        assertEquals("\"Sunday, 10th March 2024 7:34 AM GMT-05:00\"",
                eval("$fromMillis(1710074096789, '[FNn], [D1o] [MNn] [Y] [h]:[m01] [PN] [z]', '-0500')"));
        assertEquals("\"xundefinedy\"", eval("$fromMillis(0, 'x[Q1]y')"));
        assertEquals("D3132: Unknown component specifier \"Q\" in date/time picture string", failure("$fromMillis(0, '[Q]')"));
        assertEquals("D3135: No matching closing bracket ']' in date/time picture string", failure("$fromMillis(0, '[Y')"));
    }

    @Test
    void formatIntegerRoundsDownAndNamesUnsupportedPictures() {
        assertEquals("\"-4\"", eval("$formatInteger(-3.7, '0')"));
        assertEquals("\"three\"", eval("$formatInteger(3.7, 'w')"));
        assertEquals("D3130: Formatting or parsing an integer as a sequence starting with \"abc\" is not supported by"
                + " this implementation", failure("$formatInteger(5, 'abc;o')"));
        assertEquals("D3131: In a decimal digit pattern, all digits must be from the same decimal group",
                failure("$formatInteger(5, '0\u0660')"));
    }

    @Test
    void inComparesObjectsAndArraysByIdentity() {
        assertEquals("false", eval("[1] in [[1]]"));
        assertEquals("false", eval("{'a': 1} in [{'a': 1}]"));
        assertEquals("true", eval("($x := {'a': 1}; $x in [$x, 2])"));
        assertEquals("true", eval("$states.input.b[0] in $states.input.b", "{\"b\":[{\"k\":1}]}"));
        assertEquals("false", eval("$states.input.a in $states.input.b", "{\"a\":{\"k\":1},\"b\":[{\"k\":1}]}"));
        assertEquals("true", eval("1 in [1, 2]"));
        assertEquals("true", eval("null in [null]"));
    }

    @Test
    void formatBaseRoundsItsRadixAndPadRefusesAFractionalPadding() {
        assertEquals("\"101\"", eval("$formatBase(10, 2.9)"));
        assertEquals("\"10\"", eval("$formatBase(2.5, 2)"));
        assertEquals("D3100: The radix of the formatBase function must be between 2 and 36.  It was given 37",
                failure("$formatBase(255, 37)"));
        assertEquals("D3100: The radix of the formatBase function must be between 2 and 36.  It was given 1",
                failure("$formatBase(255, 1.4)"));
        assertEquals("Invalid array length", failure("$pad('x', 4.7)"));
        assertEquals("Invalid array length", failure("$pad('x', -4.7, 'ab')"));
        assertEquals("\"x\"", eval("$pad('x', 0.5)"));
        assertEquals("\"x   \"", eval("$pad('x', 4)"));
    }

    @Test
    void errorMessagesWriteJsonNullAsNull() {
        assertEquals("D1002: Cannot negate a non-numeric value: null", failure("-null"));
        assertEquals("D1002: Cannot negate a non-numeric value: null", failure("-$states.input.n", "{\"n\":null}"));
        assertEquals("T1003: Key in object structure must evaluate to a string; got: null", failure("{null: 1}"));
        assertEquals("D1002: Cannot negate a non-numeric value: \"a\"", failure("-'a'"));
    }

    @Test
    void toMillisWithoutAPictureReadsWhatJsonataJsReads() {
        assertEquals("1709251200000", eval("$toMillis('2024-03')"));
        assertEquals("1710115200000", eval("$toMillis('2024-03-10T24:00:00Z')"));
        assertEquals("1709251200000", eval("$toMillis('2024-02-30')"));
        assertEquals("1710054296000", eval("$toMillis('2024-03-10T12:34:56+0530')"));
        assertEquals("1710074096123", eval("$toMillis('2024-03-10T12:34:56.123456Z')"));
        assertEquals("1704110400000", eval("$toMillis('2024T12:00:00Z')"));
        assertEquals("1714521600000", eval("$toMillis('2024.5')"));
        assertEquals("1709596800000", eval("$toMillis('2024-03.5')"));
        assertEquals("null", eval("$toMillis('2024-13-01')"));
        assertEquals("null", eval("$toMillis('2024-03-10T25:00:00Z')"));
        assertEquals("null", eval("$toMillis('2024-03-04-05')"));
        assertEquals("D3110: The argument of the toMillis function must be an ISO 8601 formatted timestamp. Given \"2024-03-10T12:34\"",
                failure("$toMillis('2024-03-10T12:34')"));
        assertEquals("D3110: The argument of the toMillis function must be an ISO 8601 formatted timestamp. Given \"2024-03-10T12:34:56z\"",
                failure("$toMillis('2024-03-10T12:34:56z')"));
    }

    @Test
    void aRegularExpressionCalledOnAStringGivesJsonataJsMatchObject() {
        assertEquals("{\"match\":\"b\",\"start\":1,\"end\":2,\"groups\":[]}", eval("/b/('abc')"));
        assertEquals("{\"match\":\"bc\",\"start\":1,\"end\":3,\"groups\":[\"b\",\"c\"]}", eval("/(b)(c)/('abcd')"));
        assertEquals("{\"match\":\"b\",\"start\":3,\"end\":4,\"groups\":[]}", eval("/b/('abcb').next()"));
        assertEquals(null, eval("/b/('abcb').next().next()"));
        assertEquals(null, eval("/x/('abc')"));
        assertEquals("1", eval("($f := /b/; $f('abc').start)"));
    }
}
