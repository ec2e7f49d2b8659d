package dev.sfnrun.definition.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sfnrun.query.Json;
import java.util.List;
import org.junit.jupiter.api.Test;

class ValidationReportTest {

    private static final String BROKEN = """
            {"StartAt": "A",
             "States": {
              "A": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "Next": "Nope",
                    "Retry": [{"ErrorEquals": ["States.ALL", "X"], "MaxAttempts": -1}]},
              "B": {"Type": "Wait", "End": true},
              "C": {"Type": "Succeed", "Next": "A"}}}
            """;

    @Test
    void reportsEveryProblemInOnePassInTextOrder() {
        ValidationReport report = Validator.validateText("broken.json", BROKEN);
        assertTrue(report.hasErrors());
        assertFalse(report.unreadable());
        assertEquals("""
                broken.json:3:71: error MISSING_TRANSITION_TARGET: Missing 'Next' target: Nope
                broken.json:4:36: error SCHEMA_VALIDATION_FAILED: States.ALL must appear alone and at end of list
                broken.json:4:56: error SCHEMA_VALIDATION_FAILED: Value should be between 0 and 99999999
                broken.json:5:3: error SCHEMA_VALIDATION_FAILED: Exactly one of these fields is required: [Seconds, SecondsPath, Timestamp, TimestampPath]
                broken.json:5:3: error MISSING_TRANSITION_TARGET: State "B" is not reachable.
                broken.json:6:3: error MISSING_TRANSITION_TARGET: State "C" is not reachable.
                broken.json:6:28: error SCHEMA_VALIDATION_FAILED: Field 'Next' is not supported
                """, DiagnosticFormatter.text(report));
    }

    @Test
    void jsonFormListsEveryDiagnosticWithItsFile() throws Exception {
        ValidationReport ok = Validator.validateText("ok.json", "{\"StartAt\": \"A\", \"States\": {\"A\": {\"Type\": \"Succeed\"}}}");
        ValidationReport bad = Validator.validateText("-", "{\"StartAt\": \"A\", \"States\": {\"A\": {\"Type\": \"Pass\", \"Next\": \"A\"}}}");
        assertFalse(ok.hasErrors());
        assertEquals(Json.parse("""
                [{"severity": "ERROR", "code": "MISSING_END_STATE", "message": "Workflow has no terminal state",
                  "pointer": "/States", "line": 1, "column": 18, "file": "-"}]
                """), DiagnosticFormatter.json(List.of(ok, bad)));
    }

    @Test
    void unreadableTextIsOneDiagnostic() {
        ValidationReport report = Validator.validateText("x.json", "not json");
        assertTrue(report.unreadable());
        assertEquals("x.json:1:4: error INVALID_JSON_DESCRIPTION: Unrecognized token 'not': was expecting "
                + "(JSON String, Number, Array, Object or token 'null', 'true' or 'false')\n", DiagnosticFormatter.text(report));
    }

    @Test
    void warningsAloneKeepTheReportFreeOfErrors() {
        ValidationReport report = Validator.validateText("w.json",
                "{\"StartAt\": \"A\", \"States\": {\"A\": {\"Type\": \"Fail\", \"Cause\": \"$.c\"}}}");
        assertFalse(report.hasErrors());
        assertTrue(report.hasWarnings());
        assertEquals("w.json:1:51: warning NO_PATH: The value of field 'Cause' looks like a path, but the field name does not end with 'Path'\n",
                DiagnosticFormatter.text(report));
    }

    @Test
    void onlyTextThatIsNotJsonIsUnreadable() {
        assertTrue(Validator.validateText("e.json", "").unreadable());
        assertTrue(Validator.unreadable("d", "is a directory, not a file").unreadable());
        ValidationReport duplicate = Validator.validateText("d.json",
                "{\"StartAt\": \"A\", \"StartAt\": \"A\", \"States\": {\"A\": {\"Type\": \"Succeed\"}}}");
        assertTrue(duplicate.hasErrors());
        assertFalse(duplicate.unreadable(), "duplicate keys are JSON that AWS refuses, not unreadable text");
        assertFalse(Validator.validateText("a.json", "[]").unreadable());
    }
}
