package dev.sfnrun.definition.validate;

import static dev.sfnrun.definition.validate.Check.only;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LocatedJsonTest {

    @Test
    void mapsPointersToTheirMemberNames() throws Exception {
        String text = """
                {"StartAt": "A",
                  "States": {
                    "A": {"Type": "Pass", "Retry": [{"ErrorEquals": ["x"]}], "End": true}}}
                """;
        SourceMap map = LocatedJson.parse(text).sourceMap();
        assertEquals(new SourceMap.Position(3, 5), map.position("/States/A"));
        int[] x = Check.position(text, "\"x\"");
        assertEquals(new SourceMap.Position(x[0], x[1]), map.position("/States/A/Retry/0/ErrorEquals/0"));
        assertEquals(new SourceMap.Position(3, 5), map.position("/States/A/Nothing/Here"));
    }

    @Test
    void syntaxErrorIsJacksonsMessageAtItsPlace() {
        String text = "{\"StartAt\": \"A\",\n \"States\": not}";
        // Jackson places the error where it stopped reading: just after the bad token.
        only(text, DiagnosticCode.INVALID_JSON_DESCRIPTION, "", "}",
                "Unrecognized token 'not': was expecting (JSON String, Number, Array, Object or token 'null', 'true' or 'false')");
    }

    @Test
    void emptyTextIsAMissingDescription() {
        only("  \n", DiagnosticCode.MISSING_DESCRIPTION, "", " ", "Definition must be a valid JSON object");
    }

    @Test
    void nonObjectRootIsRejected() {
        only("[1]", DiagnosticCode.SCHEMA_VALIDATION_FAILED, "", "[", "Definition must be a valid JSON object");
    }

    @Test
    void contentAfterTheDocumentIsAnError() {
        String text = "{\"StartAt\": \"A\", \"States\": {\"A\": {\"Type\": \"Succeed\"}}} {}";
        only(text, DiagnosticCode.INVALID_JSON_DESCRIPTION, "", "{}",
                "Unexpected content after the end of the JSON value");
    }

    @Test
    void tooDeeplyNestedTextIsReported() {
        String text = "{\"StartAt\": \"A\", \"Comment\": " + "[".repeat(1001) + "]".repeat(1001) + "}";
        var d = Check.diagnostics(text).get(0);
        assertEquals(DiagnosticCode.TOO_DEEPLY_NESTED, d.code());
        assertEquals(Severity.ERROR, d.severity());
        assertEquals("", d.pointer());
        assertEquals(1, d.line());
        // The outer object is level 1, so the 1000th bracket is the one too many.
        assertEquals(29 + 1000, d.column());
        assertEquals("arrays and objects nested more than 1000 levels deep; sfn-run accepts at most 1000", d.message());
        assertTrue(Validator.validateText("deep.json", text).unreadable());
        // 1000 levels is still fine as JSON.
        String deepest = "{\"StartAt\": \"A\", \"Comment\": " + "[".repeat(999) + "]".repeat(999) + "}";
        assertEquals(DiagnosticCode.SCHEMA_VALIDATION_FAILED, Check.diagnostics(deepest).get(0).code());
    }

    @Test
    void duplicateStateNameKeyIsReportedAtTheSecondOne() {
        String text = """
                {"StartAt": "A", "States": {
                  "A": {"Type": "Succeed"},
                  "A": {"Type": "Succeed"}}}
                """;
        var found = Check.diagnostics(text);
        assertEquals(1, found.size(), Check.describe(found));
        Check.assertDiagnostic(text, found.get(0), DiagnosticCode.DUPLICATE_STATE_NAME, "/States/A",
                "\"A\": {\"Type\": \"Succeed\"}}}", "Duplicate State name: A");
    }

    @Test
    void duplicateFieldIsReported() {
        String text = """
                {"StartAt": "A", "States": {"A": {"Type": "Pass", "End": true,
                  "End": true}}}
                """;
        only(text, DiagnosticCode.INVALID_JSON_DESCRIPTION, "/States/A/End", "\"End\": true}}}",
                "Duplicate field 'End'");
    }
}
