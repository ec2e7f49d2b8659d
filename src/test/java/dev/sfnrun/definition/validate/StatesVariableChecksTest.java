package dev.sfnrun.definition.validate;

import static dev.sfnrun.definition.validate.Check.only;
import static dev.sfnrun.definition.validate.Check.valid;
import static dev.sfnrun.definition.validate.DiagnosticCode.SCHEMA_VALIDATION_FAILED;
import static dev.sfnrun.definition.validate.StateChecksTest.jsonata;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class StatesVariableChecksTest {

    private static final String RESULT_MESSAGE =
            "The variable $states.result is only available in the Output and Assign fields of a Task, Map or Parallel state";
    private static final String ERROR_MESSAGE =
            "The variable $states.errorOutput is only available in the Output and Assign fields of a Catcher";

    private static String task(String fields) {
        return jsonata("{\"Type\": \"Task\", \"Resource\": \"arn:aws:states:::lambda:invoke\", \"End\": true, " + fields + "}");
    }

    @Test
    void resultInTheOutputAndAssignOfATask() {
        valid(task("\"Output\": {\"r\": \"{% $states.result.Payload %}\"}, \"Assign\": {\"v\": \"{% $states.result %}\"},"
                + " \"Arguments\": {\"in\": \"{% $states.input %}\"}"));
    }

    @Test
    void resultInArgumentsIsRefused() {
        String text = task("\"Arguments\": {\"a\": [\"{% $states.result.x %}\"]}");
        only(text, SCHEMA_VALIDATION_FAILED, "/States/S/Arguments/a/0", "\"{% $states", RESULT_MESSAGE);
    }

    @Test
    void resultInAPassStateIsRefused() {
        String text = jsonata("{\"Type\": \"Pass\", \"Output\": \"{% $states.result %}\", \"End\": true}");
        only(text, SCHEMA_VALIDATION_FAILED, "/States/S/Output", "\"Output\"", RESULT_MESSAGE);
    }

    @Test
    void errorOutputOnlyInACatcher() {
        valid(task("\"Catch\": [{\"ErrorEquals\": [\"States.ALL\"], \"Next\": \"S\","
                + " \"Output\": \"{% $states.errorOutput %}\", \"Assign\": {\"e\": \"{% $states.errorOutput.Error %}\"}}]"));
        String text = task("\"Output\": \"{% $states.errorOutput %}\"");
        only(text, SCHEMA_VALIDATION_FAILED, "/States/S/Output", "\"Output\"", ERROR_MESSAGE);
        String inCatcher = task("\"Catch\": [{\"ErrorEquals\": [\"States.ALL\"], \"Next\": \"S\", \"Output\": \"{% $states.result %}\"}]");
        only(inCatcher, SCHEMA_VALIDATION_FAILED, "/States/S/Catch/0/Output", "\"Output\"", RESULT_MESSAGE);
    }

    @Test
    void choiceRulesSeeNeitherResultNorErrorOutput() {
        String text = """
                {"QueryLanguage": "JSONata", "StartAt": "C", "States": {
                  "C": {"Type": "Choice", "Choices": [{"Condition": "{% $states.result.ok %}", "Next": "E"}], "Default": "E"},
                  "E": {"Type": "Succeed"}}}
                """;
        only(text, SCHEMA_VALIDATION_FAILED, "/States/C/Choices/0/Condition", "\"Condition\"", RESULT_MESSAGE);
    }

    @Test
    void literalsAreNotChecked() {
        valid(jsonata("{\"Type\": \"Pass\", \"Output\": {\"s\": \"$states.result\", \"q\": \"{% '$states.result' %}\"}, \"End\": true}"));
    }

    @Test
    void readsFindsTheWholeName() {
        assertTrue(StatesVariableChecks.reads(" $states.result ", "$states.result"));
        assertTrue(StatesVariableChecks.reads("$states.result.a", "$states.result"));
        assertTrue(StatesVariableChecks.reads("$count($states.result)", "$states.result"));
        assertFalse(StatesVariableChecks.reads("$states.resultCount", "$states.result"));
        assertFalse(StatesVariableChecks.reads("\"$states.result\" & 'x'", "$states.result"));
        assertFalse(StatesVariableChecks.reads("'it\\'s $states.result'", "$states.result"));
        assertFalse(StatesVariableChecks.reads("/* $states.result */ 1", "$states.result"));
        assertFalse(StatesVariableChecks.reads("$states.input", "$states.result"));
    }
}
