package dev.sfnrun.definition.validate;

import static dev.sfnrun.definition.validate.Check.diagnostics;
import static dev.sfnrun.definition.validate.Check.only;
import static dev.sfnrun.definition.validate.Check.valid;
import static dev.sfnrun.definition.validate.DiagnosticCode.SCHEMA_VALIDATION_FAILED;
import static dev.sfnrun.definition.validate.StateChecksTest.machine;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** What AWS refuses at creation and sfn-run used to accept (and what it accepts that sfn-run used to refuse). */
class AwsRefusalsTest {
    @Test
    void unclosedBracketInAnyPathField() {
        only(machine("{\"Type\": \"Pass\", \"InputPath\": \"$.foo[\", \"End\": true}"), SCHEMA_VALIDATION_FAILED,
                "/States/S/InputPath", "\"InputPath\"", "The path '$.foo[' is not a valid JSONPath: Unclosed bracket");
        only(machine("{\"Type\": \"Pass\", \"Parameters\": {\"a.$\": \"$.x['b[']\", \"c.$\": \"$.y[0\"}, \"End\": true}"),
                SCHEMA_VALIDATION_FAILED, "/States/S/Parameters/c.$", "\"c.$\"",
                "The path '$.y[0' is not a valid JSONPath: Unclosed bracket");
        assertEquals(1, diagnostics(machine("{\"Type\": \"Pass\", \"OutputPath\": \"$['a'][\", \"End\": true}")).size());
        valid(machine("{\"Type\": \"Pass\", \"InputPath\": \"$[?(@.a == '[')]\", \"End\": true}"));
    }

    @Test
    void waitTimestampMustBeRfc3339() {
        only(machine("{\"Type\": \"Wait\", \"Timestamp\": \"2016-12-05 21:29:29Z\", \"End\": true}"),
                SCHEMA_VALIDATION_FAILED, "/States/S/Timestamp", "\"Timestamp\"",
                "String does not match RFC3339 timestamp"); // as AWS answered CreateStateMachine (SFN-API.md)
        assertEquals(1, diagnostics(machine("{\"Type\": \"Wait\", \"Timestamp\": \"2016-03-14t01:59:00Z\", \"End\": true}")).size());
        valid(machine("{\"Type\": \"Wait\", \"Timestamp\": \"2016-03-14T01:59:00+02:00\", \"End\": true}"));
        // in a JSONPath state {% %} is text, and no timestamp (it passed; AWS's recorded test_wait_timestamp_invalid[JSONATA])
        only(machine("{\"Type\": \"Wait\", \"Timestamp\": \"{% '2016-03-14T01:59:00Z' %}\", \"End\": true}"),
                SCHEMA_VALIDATION_FAILED, "/States/S/Timestamp", "\"Timestamp\"", "String does not match RFC3339 timestamp");
    }

    @Test
    void anIllegalEscapeInAnIntrinsicIsAwsRecordedRefusal() {
        // AWS's recorded test_intrinsic_escape (two variants): the field is neither a JSONPath nor a call, at the
        // object that holds it; it was sfn-run's own "Invalid intrinsic function call ..." at the field
        String definition = "{\"StartAt\": \"IntrinsicEscape\", \"States\": {\"IntrinsicEscape\": {\"Type\": \"Pass\","
                + " \"Parameters\": {\"parsed.$\": \"States.StringToJson('{\\\"text\\\":\\\"An \\\\\\\"escaped\\\\\\\" here\\\"}')\"},"
                + " \"End\": true}}}";
        List<Diagnostic> found = diagnostics(definition);
        assertEquals(1, found.size(), found.toString());
        assertEquals(SCHEMA_VALIDATION_FAILED, found.get(0).code());
        assertEquals("/States/IntrinsicEscape/Parameters", found.get(0).pointer());
        assertEquals("The value for the field 'parsed.$' must be a valid JSONPath or a valid intrinsic function call",
                found.get(0).message());
    }

    private static String parallelAssigning(String after) {
        return "{\"StartAt\": \"P\", \"States\": {\"P\": {\"Type\": \"Parallel\", \"Branches\": [{\"StartAt\": \"B\","
                + " \"States\": {\"B\": {\"Type\": \"Pass\", \"Assign\": {\"x\": 1}, \"End\": true}}}],"
                + " \"Catch\": [{\"ErrorEquals\": [\"States.ALL\"], \"Assign\": {\"x\": 2}, \"Next\": \"E\"}], \"End\": true},"
                + " \"E\": {\"Type\": \"Pass\"" + after + ", \"End\": true}}}";
    }

    @Test
    void variableOfTheParallelsOwnCatchMayBeAssignedInItsBranch() {
        valid(parallelAssigning(""));
        only(parallelAssigning(", \"Assign\": {\"x\": 3}"), SCHEMA_VALIDATION_FAILED,
                "/States/P/Branches/0/States/B/Assign/x", "\"x\": 1", "Variable 'x' is already assigned in an outer scope");
    }
}
