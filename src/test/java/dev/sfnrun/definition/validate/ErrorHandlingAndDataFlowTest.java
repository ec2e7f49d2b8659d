package dev.sfnrun.definition.validate;

import static dev.sfnrun.definition.validate.Check.only;
import static dev.sfnrun.definition.validate.Check.valid;
import static dev.sfnrun.definition.validate.DiagnosticCode.INVALID_JSONATA_EXPRESSION;
import static dev.sfnrun.definition.validate.DiagnosticCode.NO_DOLLAR;
import static dev.sfnrun.definition.validate.DiagnosticCode.NO_PATH;
import static dev.sfnrun.definition.validate.DiagnosticCode.PASS_RESULT_IS_STATIC;
import static dev.sfnrun.definition.validate.DiagnosticCode.SCHEMA_VALIDATION_FAILED;
import static dev.sfnrun.definition.validate.StateChecksTest.jsonata;
import static dev.sfnrun.definition.validate.StateChecksTest.machine;

import org.junit.jupiter.api.Test;

class ErrorHandlingAndDataFlowTest {

    private static String task(String fields) {
        return machine("{\"Type\": \"Task\", \"Resource\": \"arn:aws:states:::lambda:invoke\", \"End\": true, " + fields + "}");
    }

    @Test
    void retrierRanges() {
        valid(task("\"Retry\": [{\"ErrorEquals\": [\"A\"], \"IntervalSeconds\": 1, \"MaxAttempts\": 0, \"BackoffRate\": 1.0,"
                + " \"MaxDelaySeconds\": 31622400, \"JitterStrategy\": \"FULL\"}]"));
        String[][] cases = {
                {"\"MaxAttempts\": -1", "MaxAttempts", "Value should be between 0 and 99999999"},
                {"\"MaxAttempts\": 100000000", "MaxAttempts", "Value should be between 0 and 99999999"},
                {"\"MaxAttempts\": 1.5", "MaxAttempts", "Expected value of type [INTEGER]"},
                {"\"BackoffRate\": 0.5", "BackoffRate", "Value should be greater than or equal to 1"},
                {"\"IntervalSeconds\": 0", "IntervalSeconds", "Value should be between 1 and 99999999"},
                {"\"MaxDelaySeconds\": 31622401", "MaxDelaySeconds", "Value should be between 1 and 31622400"},
                {"\"JitterStrategy\": \"HALF\"", "JitterStrategy", "Value should be one of the following: [FULL, NONE]"},
        };
        for (String[] c : cases) {
            String text = task("\"Retry\": [{\"ErrorEquals\": [\"A\"], " + c[0] + "}]");
            only(text, SCHEMA_VALIDATION_FAILED, "/States/S/Retry/0/" + c[1], "\"" + c[1] + "\"", c[2]);
        }
    }

    @Test
    void statesAllAloneAndLast() {
        valid(task("\"Retry\": [{\"ErrorEquals\": [\"A\"]}, {\"ErrorEquals\": [\"States.ALL\"]}]"));
        String notAlone = task("\"Retry\": [{\"ErrorEquals\": [\"States.ALL\", \"A\"]}]");
        only(notAlone, SCHEMA_VALIDATION_FAILED, "/States/S/Retry/0/ErrorEquals/0", "\"States.ALL\"",
                "States.ALL must appear alone and at end of list");
        String notLast = task("\"Catch\": [{\"ErrorEquals\": [\"States.ALL\"], \"Next\": \"S\"}, {\"ErrorEquals\": [\"A\"], \"Next\": \"S\"}]");
        only(notLast, SCHEMA_VALIDATION_FAILED, "/States/S/Catch/0/ErrorEquals/0", "\"States.ALL\"",
                "States.ALL must appear alone and at end of list");
    }

    @Test
    void errorEqualsIsRequiredAndNotEmpty() {
        String empty = task("\"Retry\": [{\"ErrorEquals\": []}]");
        only(empty, SCHEMA_VALIDATION_FAILED, "/States/S/Retry/0/ErrorEquals", "\"ErrorEquals\"",
                "ErrorEquals must contain at least one error name");
        String missing = task("\"Catch\": [{\"Next\": \"S\"}]");
        only(missing, SCHEMA_VALIDATION_FAILED, "/States/S/Catch/0", "{\"Next\"", "These fields are required: [ErrorEquals]");
    }

    @Test
    void pathsAndReferencePathsMustParse() {
        valid(task("\"InputPath\": \"$.a[0]\", \"ResultPath\": null, \"OutputPath\": \"$$.Execution.Input\","
                + " \"TimeoutSecondsPath\": \"$.t\", \"Catch\": [{\"ErrorEquals\": [\"A\"], \"ResultPath\": \"$.error\", \"Next\": \"S\"}]"));
        String input = task("\"InputPath\": \"a.b\"");
        only(input, SCHEMA_VALIDATION_FAILED, "/States/S/InputPath", "\"InputPath\"", "The path 'a.b' must start with '$'");
        String result = task("\"ResultPath\": \"$$.x\"");
        only(result, SCHEMA_VALIDATION_FAILED, "/States/S/ResultPath", "\"ResultPath\"",
                "The value '$$.x' is not a valid Reference Path");
        String catcher = task("\"Catch\": [{\"ErrorEquals\": [\"A\"], \"ResultPath\": \"$.a[*]\", \"Next\": \"S\"}]");
        only(catcher, SCHEMA_VALIDATION_FAILED, "/States/S/Catch/0/ResultPath", "\"ResultPath\"",
                "The value '$.a[*]' is not a valid Reference Path");
        String reference = task("\"TimeoutSecondsPath\": \"$.a[*]\"");
        only(reference, SCHEMA_VALIDATION_FAILED, "/States/S/TimeoutSecondsPath", "\"TimeoutSecondsPath\"",
                "The value '$.a[*]' is not a valid Reference Path");
    }

    @Test
    void payloadTemplates() {
        valid(task("\"Parameters\": {\"a.$\": \"$.a\", \"b\": {\"c.$\": \"$$.Execution.Id\"}, \"d\": [{\"e.$\": \"$v.x\"}]}"));
        String duplicate = task("\"Parameters\": {\"a\": 1, \"a.$\": \"$.a\"}");
        only(duplicate, SCHEMA_VALIDATION_FAILED, "/States/S/Parameters/a.$", "\"a.$\"",
                "The field 'a' appears twice in Parameters");
        String badPath = task("\"ResultSelector\": {\"a.$\": \"$ a\"}");
        only(badPath, SCHEMA_VALIDATION_FAILED, "/States/S/ResultSelector/a.$", "\"a.$\"",
                "The path '$ a' is not a valid JSONPath");
        String notString = task("\"Parameters\": {\"a.$\": 1}");
        only(notString, SCHEMA_VALIDATION_FAILED, "/States/S/Parameters/a.$", "\"a.$\"", "Expected value of type [STRING]");
        String intrinsic = task("\"Parameters\": {\"a.$\": \"States.Format('{}'\"}");
        only(intrinsic, SCHEMA_VALIDATION_FAILED, "/States/S/Parameters/a.$", "\"a.$\"",
                "Invalid intrinsic function call 'States.Format('{}'': expected ')' (at character 19)");
    }

    @Test
    void validIntrinsicCallsCompile() {
        valid(task("\"Parameters\": {\"greeting.$\": \"States.Format('Hello {}, it\\\\'s {}', $.name, $$.Execution.Id)\","
                + " \"n.$\": \"States.ArrayLength(States.Array(1, $.a[0], $v.x))\", \"id.$\": \"States.UUID()\","
                + " \"nested\": {\"r.$\": \"States.MathRandom(1, 10)\"}},"
                + " \"ResultSelector\": {\"s.$\": \"States.JsonToString($)\"},"
                + " \"Assign\": {\"parts.$\": \"States.StringSplit($.csv, ',')\"}"));
        valid(machine("{\"Type\": \"Fail\", \"ErrorPath\": \"States.Format('E{}', $.code)\","
                + " \"CausePath\": \"States.JsonToString($$.Execution.Input)\"}"));
    }

    @Test
    void errorPathAndCausePathTakeOnlyIntrinsicsThatReturnAString() {
        valid(machine("{\"Type\": \"Fail\", \"ErrorPath\": \"States.ArrayGetItem($.codes, 0)\","
                + " \"CausePath\": \"States.Hash($.x, 'MD5')\"}"));
        only(machine("{\"Type\": \"Fail\", \"CausePath\": \"States.MathAdd(1, 2)\"}"), SCHEMA_VALIDATION_FAILED,
                "/States/S/CausePath", "\"CausePath\"", "The intrinsic function States.MathAdd cannot be used in CausePath;"
                + " it takes one of States.Format, States.JsonToString, States.ArrayGetItem, States.Base64Encode,"
                + " States.Base64Decode, States.Hash, States.UUID");
    }

    @Test
    void intrinsicArityAndUnknownFunctions() {
        String arity = task("\"Parameters\": {\"n.$\": \"States.ArrayLength(1, 2)\"}");
        only(arity, SCHEMA_VALIDATION_FAILED, "/States/S/Parameters/n.$", "\"n.$\"",
                "Invalid intrinsic function call 'States.ArrayLength(1, 2)': States.ArrayLength takes 1 argument but was given 2");
        String range = machine("{\"Type\": \"Fail\", \"CausePath\": \"States.MathRandom(1)\"}");
        only(range, SCHEMA_VALIDATION_FAILED, "/States/S/CausePath", "\"CausePath\"",
                "Invalid intrinsic function call 'States.MathRandom(1)': States.MathRandom takes 2 to 3 arguments but was given 1");
        String unknown = task("\"ResultSelector\": {\"x.$\": \"States.Nope(1)\"}");
        only(unknown, SCHEMA_VALIDATION_FAILED, "/States/S/ResultSelector/x.$", "\"x.$\"",
                "Invalid intrinsic function call 'States.Nope(1)': unknown function 'States.Nope' (at character 12)");
    }

    @Test
    void warnings() {
        String noDollar = task("\"Parameters\": {\"a\": \"$.a\", \"literal\": \"$customerName\"}");
        only(noDollar, NO_DOLLAR, "/States/S/Parameters/a", "\"a\"",
                "The value of field 'a' looks like a JSONPath or an intrinsic function, but the field name does not end with '.$'");
        String noPath = machine("{\"Type\": \"Fail\", \"Error\": \"$.error\"}");
        only(noPath, NO_PATH, "/States/S/Error", "\"Error\"",
                "The value of field 'Error' looks like a path, but the field name does not end with 'Path'");
        String staticResult = machine("{\"Type\": \"Pass\", \"Result\": {\"x\": [{\"y.$\": \"$.y\"}]}, \"End\": true}");
        only(staticResult, PASS_RESULT_IS_STATIC, "/States/S/Result/x/0/y.$", "\"y.$\"",
                "The field 'y.$' is inside the Result of a Pass state, which is static: it will not be evaluated");
    }

    @Test
    void variableNames() {
        valid(machine("{\"Type\": \"Pass\", \"Assign\": {\"total\": 1, \"_x\": 2, \"név\": 3, \"y.$\": \"$.y\"}, \"End\": true}"));
        for (String name : new String[] {"states", "1x", "a-b", "x".repeat(81)}) {
            String text = machine("{\"Type\": \"Pass\", \"Assign\": {\"" + name + "\": 1}, \"End\": true}");
            only(text, SCHEMA_VALIDATION_FAILED, "/States/S/Assign/" + name, "\"" + name + "\"",
                    "Invalid variable name: '" + name + "'");
        }
    }

    @Test
    void jsonataDelimiters() {
        valid(jsonata("{\"Type\": \"Pass\", \"Output\": {\"a\": \"{% $states.input.a %}\", \"b\": [\"plain\"]}, \"Assign\": {\"v\": \"{% 1 %}\"}, \"End\": true}"));
        // AWS keeps a string with characters around the delimiters as a literal (recorded: " {% states.input %} ").
        valid(jsonata("{\"Type\": \"Pass\", \"Output\": {\"a\": [\" {% $x %} \", \"x %}\"]}, \"End\": true}"));
        String trailing = jsonata("{\"Type\": \"Pass\", \"Output\": {\"a\": [\"{% $x %} \"]}, \"End\": true}");
        only(trailing, INVALID_JSONATA_EXPRESSION, "/States/S/Output/a/0", "\"{%",
                "The JSONata expression '{% $x %} ' must end with '%}' with no characters after it");
        String unclosed = jsonata("{\"Type\": \"Wait\", \"Seconds\": \"{% $x\", \"End\": true}");
        var found = Check.diagnostics(unclosed);
        Check.assertDiagnostic(unclosed, Check.at(found, "/States/S/Seconds"), INVALID_JSONATA_EXPRESSION,
                "/States/S/Seconds", "\"Seconds\"",
                "The JSONata expression '{% $x' must end with '%}' with no characters after it");
        String empty = jsonata("{\"Type\": \"Pass\", \"Output\": \"{%  %}\", \"End\": true}");
        only(empty, INVALID_JSONATA_EXPRESSION, "/States/S/Output", "\"Output\"", "The JSONata expression is empty");
    }

    @Test
    void jsonataExpressionStandsForAnIntegerField() {
        valid(jsonata("{\"Type\": \"Task\", \"Resource\": \"arn:aws:states:::lambda:invoke\", \"TimeoutSeconds\": \"{% $t %}\", \"End\": true}"));
        String text = machine("{\"Type\": \"Task\", \"Resource\": \"arn:aws:states:::lambda:invoke\", \"TimeoutSeconds\": \"{% $t %}\", \"End\": true}");
        only(text, SCHEMA_VALIDATION_FAILED, "/States/S/TimeoutSeconds", "\"TimeoutSeconds\"", "Expected value of type [INTEGER]");
    }

    @Test
    void retriersAndErrorNamesHaveTheirTypes() {
        String retrier = task("\"Retry\": [\"States.ALL\"]");
        only(retrier, SCHEMA_VALIDATION_FAILED, "/States/S/Retry/0", "\"States.ALL\"", "Expected value of type [OBJECT]");
        String name = task("\"Catch\": [{\"ErrorEquals\": [42], \"Next\": \"S\"}]");
        only(name, SCHEMA_VALIDATION_FAILED, "/States/S/Catch/0/ErrorEquals/0", "42", "Expected value of type [STRING]");
        String list = task("\"Retry\": {\"ErrorEquals\": [\"A\"]}");
        only(list, SCHEMA_VALIDATION_FAILED, "/States/S/Retry", "\"Retry\"", "Expected value of type [ARRAY]");
    }

    @Test
    void intrinsicsNestAtMostTenLevels() {
        String ten = "States.ArrayLength(".repeat(9) + "States.Array(1)" + ")".repeat(9);
        valid(task("\"Parameters\": {\"n.$\": \"" + ten + "\"}"));
        String eleven = "States.ArrayLength(" + ten + ")";
        var found = Check.diagnostics(task("\"Parameters\": {\"n.$\": \"" + eleven + "\"}"));
        org.junit.jupiter.api.Assertions.assertEquals(1, found.size(), Check.describe(found));
        org.junit.jupiter.api.Assertions.assertEquals("/States/S/Parameters/n.$", found.get(0).pointer());
        org.junit.jupiter.api.Assertions.assertTrue(found.get(0).message().startsWith("Invalid intrinsic function call '"
                + eleven + "': intrinsic functions may be nested at most 10 levels deep"), found.get(0).message());
    }

    @Test
    void resultPathMayNotWriteIntoAVariableOrTheContext() {
        String variable = task("\"ResultPath\": \"$x.y\"");
        only(variable, SCHEMA_VALIDATION_FAILED, "/States/S/ResultPath", "\"ResultPath\"",
                "The value '$x.y' is not a valid Reference Path");
        String context = task("\"Catch\": [{\"ErrorEquals\": [\"A\"], \"ResultPath\": \"$$.Execution\", \"Next\": \"S\"}]");
        only(context, SCHEMA_VALIDATION_FAILED, "/States/S/Catch/0/ResultPath", "\"ResultPath\"",
                "The value '$$.Execution' is not a valid Reference Path");
    }

    @Test
    void jsonPathAssignKeysCollideAfterStrippingTheSuffix() {
        String text = machine("{\"Type\": \"Pass\", \"Assign\": {\"x\": 1, \"x.$\": \"$.x\"}, \"End\": true}");
        only(text, SCHEMA_VALIDATION_FAILED, "/States/S/Assign/x.$", "\"x.$\"", "The field 'x' appears twice in Assign");
    }

    @Test
    void assignIsAnObjectEvenInJsonataAsTheRunRequires() {
        // a JSONata state gives expressions as Assign's values, never the whole Assign (found by fuzzing: the run refused these)
        only(jsonata("{\"Type\": \"Pass\", \"Assign\": \"{% {'x': 1} %}\", \"End\": true}"), SCHEMA_VALIDATION_FAILED,
                "/States/S/Assign", "\"Assign\"", "Expected value of type [OBJECT]");
        only(jsonata("{\"Type\": \"Task\", \"Resource\": \"arn:aws:states:::lambda:invoke\", \"End\": true, "
                + "\"Catch\": [{\"ErrorEquals\": [\"States.ALL\"], \"Next\": \"S\", \"Assign\": \"{% {} %}\"}]}"),
                SCHEMA_VALIDATION_FAILED, "/States/S/Catch/0/Assign", "\"Assign\"", "Expected value of type [OBJECT]");
        String choice = "{\"StartAt\": \"S\", \"States\": {\"E\": {\"Type\": \"Succeed\"}, \"S\": {\"Type\": \"Choice\", "
                + "\"Default\": \"E\", \"Choices\": [{\"Variable\": \"$.a\", \"IsPresent\": true, \"Next\": \"E\", \"Assign\": %s}]}}}";
        for (String value : new String[] {"5", "null", "true", "\"x\"", "[]", "\"$.a\""}) {
            only(choice.formatted(value), SCHEMA_VALIDATION_FAILED, "/States/S/Choices/0/Assign", "\"Assign\"",
                    "Expected value of type [OBJECT]");
        }
        valid(choice.formatted("{\"x.$\": \"$.a\"}"));
    }

    @Test
    void credentialsNameTheRoleToAssume() {
        // AWS's recorded answer to Credentials without RoleArn
        only(task("\"Credentials\": {}"), SCHEMA_VALIDATION_FAILED, "/States/S/Credentials", "\"Credentials\"",
                "The field 'RoleArn' is required but was missing");
        valid(task("\"Credentials\": {\"RoleArn\": \"arn:aws:iam::123456789012:role/r\"}"));
        valid(task("\"Credentials\": {\"RoleArn.$\": \"$.role\"}"));
    }
}
