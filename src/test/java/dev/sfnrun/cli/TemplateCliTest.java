package dev.sfnrun.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sfnrun.query.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --template}, YAML definitions and {@code --substitution} through the whole CLI, in-process. */
class TemplateCliTest {
    static final String TUTORIAL = "definitions/tutorial-sam/template.yaml";
    static final String YAML_DEFINITION = "definitions/tutorial-sam/api-error-handling.asl.yaml";
    static final String FUNCTION_ARN = "MockAPIFunctionArn=arn:aws:lambda:us-east-1:123456789012:function:MockAPIFunction";

    @TempDir
    Path dir;

    private static TutorialCliTest.Run cli(String... args) {
        return TutorialCliTest.cli(args);
    }

    private String write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return file.toString();
    }

    @Test
    void tutorialTemplateRunsEachPath() throws Exception {
        TutorialCliTest.Run ok = cli("--template", TUTORIAL, "--input", "inputs/200.json", "--time-scale", "0", "--output", "json");
        assertEquals(0, ok.exit(), ok.err());
        JsonNode report = ok.json();
        assertEquals("\"The request has succeeded.\"", report.get("output").asText());
        JsonNode scheduled = report.get("events").get(2).get("lambdaFunctionScheduledEventDetails");
        assertEquals("arn:aws:lambda:us-east-1:123456789012:function:MockAPIFunction", scheduled.get("resource").asText());
        assertTrue(report.get("executionArn").asText().contains(":execution:ErrorHandlingStateMachine:"),
                report.get("executionArn").asText());
        TutorialCliTest.Run failed = cli("--template", TUTORIAL, "--input", "inputs/503.json", "--time-scale", "0",
                "--output", "json");
        assertEquals(1, failed.exit(), failed.err());
        assertEquals("ServerUnavailable", failed.json().get("error").asText());
        TutorialCliTest.Run other = cli("--template", TUTORIAL, "--state-machine", "ErrorHandlingStateMachine",
                "--input", "inputs/999.json", "--time-scale", "0", "--output", "json");
        assertEquals("An error of unknown type occurred", other.json().get("error").asText());
    }

    @Test
    void theTemplatesWorkflowTypeIsTheRunsUnlessTypeIsGiven() throws Exception {
        String template = write("types.yaml", """
                Transform: AWS::Serverless-2016-10-31
                Resources:
                  Fast:
                    Type: AWS::Serverless::StateMachine
                    Properties:
                      Type: EXPRESS
                      Definition: {StartAt: P, States: {P: {Type: Pass, End: true}}}
                  Slow:
                    Type: AWS::StepFunctions::StateMachine
                    Properties:
                      StateMachineType: STANDARD
                      Definition: {StartAt: P, States: {P: {Type: Pass, End: true}}}
                  Odd:
                    Type: AWS::StepFunctions::StateMachine
                    Properties:
                      StateMachineType: QUICK
                      Definition: {StartAt: P, States: {P: {Type: Pass, End: true}}}
                """);
        TutorialCliTest.Run fast = cli("--template", template, "--state-machine", "Fast", "--time-scale", "0", "--output", "json");
        assertEquals(0, fast.exit(), fast.err());
        assertTrue(fast.json().get("executionArn").asText().contains(":express:Fast:"), fast.json().get("executionArn").asText());
        TutorialCliTest.Run given = cli("--template", template, "--state-machine", "Fast", "--type", "STANDARD",
                "--time-scale", "0", "--output", "json");
        assertTrue(given.json().get("executionArn").asText().contains(":execution:Fast:"), given.json().get("executionArn").asText());
        TutorialCliTest.Run slow = cli("--template", template, "--state-machine", "Slow", "--time-scale", "0", "--output", "json");
        assertTrue(slow.json().get("executionArn").asText().contains(":execution:Slow:"), slow.json().get("executionArn").asText());
        TutorialCliTest.Run odd = cli("--template", template, "--state-machine", "Odd", "--time-scale", "0");
        assertEquals(2, odd.exit());
        assertEquals("sfn-run: " + template + ": Resources.Odd.Properties.StateMachineType: the workflow type must be"
                + " STANDARD or EXPRESS, not 'QUICK'", odd.err().strip());
    }

    @Test
    void regionAndAccountReachTheTemplatesArns() throws Exception {
        TutorialCliTest.Run run = cli("--template", TUTORIAL, "--input", "inputs/200.json", "--time-scale", "0",
                "--output", "json", "--region", "eu-west-1", "--account", "111122223333");
        assertEquals(0, run.exit(), run.err());
        JsonNode scheduled = run.json().get("events").get(2).get("lambdaFunctionScheduledEventDetails");
        assertEquals("arn:aws:lambda:eu-west-1:111122223333:function:MockAPIFunction", scheduled.get("resource").asText());
    }

    @Test
    void validateTemplateChecksEachStateMachine() throws IOException {
        TutorialCliTest.Run ok = cli("validate", "--template", TUTORIAL);
        assertEquals(0, ok.exit(), ok.out() + ok.err());
        assertEquals("1 file checked, 0 invalid: 0 errors, 0 warnings", ok.err().strip());
        String template = write("two.yaml", """
                Resources:
                  Good:
                    Type: AWS::StepFunctions::StateMachine
                    Properties:
                      Definition: {StartAt: A, States: {A: {Type: Pass, End: true}}}
                  Bad:
                    Type: AWS::StepFunctions::StateMachine
                    Properties:
                      Definition:
                        StartAt: A
                        States:
                          A: {Type: Pass, Next: Nowhere}
                """);
        TutorialCliTest.Run bad = cli("validate", "--template", template);
        assertEquals(1, bad.exit(), bad.out() + bad.err());
        assertEquals(template + ":11:9: error MISSING_END_STATE: Workflow has no terminal state\n"
                + template + ":12:27: error MISSING_TRANSITION_TARGET: Missing 'Next' target: Nowhere\n", bad.out());
        assertEquals("2 files checked, 1 invalid: 2 errors, 0 warnings", bad.err().strip());
        TutorialCliTest.Run one = cli("validate", "--template", template, "--state-machine", "Good");
        assertEquals(0, one.exit(), one.out() + one.err());
    }

    @Test
    void validateTemplateThatCannotBeResolved() throws IOException {
        String template = write("bad.yaml", """
                Resources:
                  MyMachine:
                    Type: AWS::StepFunctions::StateMachine
                    Properties:
                      Definition: {StartAt: A, States: {A: {Type: Pass, End: true}}}
                      DefinitionSubstitutions:
                        TableName: !Ref Orders
                """);
        TutorialCliTest.Run run = cli("validate", "--template", template);
        assertEquals(2, run.exit(), run.out() + run.err());
        assertEquals(template + ":7:9: error INVALID_TEMPLATE: Resources.MyMachine.Properties.DefinitionSubstitutions"
                + ".TableName: Ref to 'Orders', which is not a parameter, pseudo parameter or resource of the template",
                run.out().strip());
        TutorialCliTest.Run refused = cli("--template", template, "--time-scale", "0");
        assertEquals(2, refused.exit());
        assertEquals("sfn-run: " + template + ": Resources.MyMachine.Properties.DefinitionSubstitutions.TableName:"
                + " Ref to 'Orders', which is not a parameter, pseudo parameter or resource of the template",
                refused.err().strip());
    }

    @Test
    void aDefinitionStringThatIsNotJsonIsPlacedAtItsProperty() throws IOException {
        // the error was placed at the template's line 2, column 47: the string's own position
        String template = write("string.yaml", """
                AWSTemplateFormatVersion: '2010-09-09'
                Transform: AWS::Serverless-2016-10-31
                Resources:
                  M:
                    Type: AWS::StepFunctions::StateMachine
                    Properties:
                      DefinitionString: |
                        {"StartAt": "A",
                         "States": {"A": {"Type": "Pass", "End": true,}}}
                """);
        TutorialCliTest.Run run = cli("validate", "--template", template);
        assertEquals(2, run.exit(), run.out() + run.err());
        assertEquals(template + ":7:7: error INVALID_TEMPLATE: Resources.M.Properties.DefinitionString: not valid JSON"
                + " at line 2, column 47 of the string: Unexpected character ('}' (code 125)): was expecting"
                + " double-quote to start field name", run.out().strip());
    }

    @Test
    void aMachineThatCannotBeLoadedLeavesTheOthersChecked() throws IOException {
        // only Gamma's INVALID_TEMPLATE was reported, and Alpha's error went unseen
        String template = write("three.yaml", """
                Resources:
                  Alpha:
                    Type: AWS::StepFunctions::StateMachine
                    Properties:
                      Definition: {StartAt: A, States: {A: {Type: Pass, Next: Missing}}}
                  Gamma:
                    Type: AWS::Serverless::StateMachine
                    Properties:
                      DefinitionUri: ./nosuch.asl.json
                """);
        TutorialCliTest.Run run = cli("validate", "--template", template);
        assertEquals(2, run.exit(), run.out() + run.err());
        assertTrue(run.out().contains("error MISSING_TRANSITION_TARGET: Missing 'Next' target: Missing"), run.out());
        assertTrue(run.out().contains("error INVALID_TEMPLATE: Resources.Gamma.Properties.DefinitionUri: "), run.out());
        assertTrue(run.out().contains("nosuch.asl.json: no such file"), run.out());
    }

    @Test
    void yamlDefinitionsRunAndValidateWithLineAndColumn() throws IOException {
        TutorialCliTest.Run run = cli(YAML_DEFINITION, "--substitution", FUNCTION_ARN, "--input", "inputs/429.json",
                "--time-scale", "0", "-q");
        assertEquals(0, run.exit(), run.err());
        assertEquals("\"The request has succeeded.\"", run.out().strip());
        String invalid = write("bad.asl.yaml", "StartAt: A\nStates:\n  A:\n    Type: Pass\n    Next: Nowhere\n");
        TutorialCliTest.Run validate = cli("validate", invalid);
        assertEquals(1, validate.exit());
        assertTrue(validate.out().contains(invalid + ":5:5: error MISSING_TRANSITION_TARGET"), validate.out());
        TutorialCliTest.Run refused = cli(invalid, "--time-scale", "0");
        assertEquals(2, refused.exit());
        assertTrue(refused.err().contains(invalid + ":5:5: error MISSING_TRANSITION_TARGET"), refused.err());
        String broken = write("broken.asl.yml", "StartAt: A\nStates: [1, 2\n");
        TutorialCliTest.Run notYaml = cli(broken, "--time-scale", "0");
        assertEquals(2, notYaml.exit());
        assertTrue(notYaml.err().matches("sfn-run: " + java.util.regex.Pattern.quote(broken)
                + ":\\d+:\\d+: not valid YAML: .*\\s*"), notYaml.err());
        TutorialCliTest.Run validateBroken = cli("validate", broken);
        assertEquals(2, validateBroken.exit());
        assertTrue(validateBroken.out().matches(java.util.regex.Pattern.quote(broken)
                + ":\\d+:\\d+: error INVALID_JSON_DESCRIPTION: not valid YAML: .*\\s*"), validateBroken.out());
    }

    @Test
    void placeholdersAreWarningsInValidateAndRefusedByARun() throws IOException {
        String json = write("cdk.asl.json", """
                {"StartAt": "A", "States": {"A": {"Type": "Task", "Resource": "${LambdaArn}",
                  "Parameters": {"Table": "${TableName}"}, "Next": "Nowhere"}}}
                """);
        TutorialCliTest.Run validate = cli("validate", json);
        assertEquals(1, validate.exit(), validate.out());
        List<String> lines = validate.out().lines().toList();
        assertEquals(4, lines.size(), validate.out());
        assertEquals(json + ":1:18: error MISSING_END_STATE: Workflow has no terminal state", lines.get(0));
        assertEquals(json + ":1:51: warning UNBOUND_PLACEHOLDER: Placeholder ${LambdaArn} has no value (checked as if"
                + " bound); give it with --substitution LambdaArn=VALUE or --substitutions FILE", lines.get(1));
        assertTrue(lines.get(2).startsWith(json + ":2:18: warning UNBOUND_PLACEHOLDER: Placeholder ${TableName}"), lines.get(2));
        assertEquals(json + ":2:44: error MISSING_TRANSITION_TARGET: Missing 'Next' target: Nowhere", lines.get(3));
        assertFalse(validate.out().contains("INVALID_RESOURCE"), validate.out());

        String fixed = write("lambda.asl.json", """
                {"StartAt": "A", "States": {"A": {"Type": "Task", "Resource": "${LambdaArn}", "End": true}}}
                """);
        TutorialCliTest.Run warned = cli("validate", fixed);
        assertEquals(0, warned.exit(), warned.out());
        assertEquals(1, cli("validate", "--strict", fixed).exit());
        TutorialCliTest.Run bound = cli("validate", fixed, "--substitution", "LambdaArn=arn:aws:lambda:us-east-1:1:function:F");
        assertEquals("", bound.out());
        assertEquals(0, bound.exit());
        TutorialCliTest.Run wrong = cli("validate", fixed, "--substitution", "LambdaArn=not-an-arn");
        assertTrue(wrong.out().contains("error INVALID_RESOURCE"), wrong.out());

        TutorialCliTest.Run refused = cli(json, "--time-scale", "0");
        assertEquals(2, refused.exit());
        assertEquals("sfn-run: " + json + ": placeholders without a value: ${LambdaArn}, ${TableName}; give them with"
                + " --substitution NAME=VALUE or --substitutions FILE", refused.err().strip());
    }

    @Test
    void substitutionsReplaceADefinitionFilesTextSoNumbersStayNumbers() throws Exception {
        // '"Seconds": ${Wait}' was not JSON: a run and validate refused what CloudFormation and Terraform accept
        String json = write("wait.asl.json", "{\"StartAt\": \"W\", \"States\": {\"W\": {\"Type\": \"Wait\","
                + " \"Seconds\": ${Wait}, \"End\": true}}}");
        TutorialCliTest.Run run = cli(json, "--substitution", "Wait=3", "--time-scale", "0", "--output", "json");
        assertEquals(0, run.exit(), run.err());
        assertEquals("SUCCEEDED", run.json().get("status").asText());
        assertEquals(3, java.time.Duration.between(java.time.Instant.parse(run.json().get("startDate").asText()),
                java.time.Instant.parse(run.json().get("stopDate").asText())).toSeconds());
        TutorialCliTest.Run validate = cli("validate", json, "--substitution", "Wait=3");
        assertEquals(0, validate.exit(), validate.out());
        TutorialCliTest.Run text = cli("validate", json, "--substitution", "Wait=\"3\"");
        assertTrue(text.out().contains("Expected value of type"), text.out());
    }

    @Test
    void substitutionsFileInJsonOrYaml() throws Exception {
        String yaml = write("subs.yaml", "MockAPIFunctionArn: arn:aws:lambda:us-east-1:123456789012:function:MockAPIFunction\n");
        TutorialCliTest.Run run = cli(YAML_DEFINITION, "--substitutions", yaml, "--input", "inputs/200.json",
                "--time-scale", "0", "--output", "json");
        assertEquals(0, run.exit(), run.err());
        String json = write("subs.json", "{\"MockAPIFunctionArn\": \"arn:aws:lambda:us-east-1:1:function:F\"}");
        TutorialCliTest.Run validate = cli("validate", YAML_DEFINITION, "--substitutions", json);
        assertEquals(0, validate.exit(), validate.out());
        assertEquals("", validate.out());
        String notMap = write("list.json", "[1]");
        TutorialCliTest.Run bad = cli(YAML_DEFINITION, "--substitutions", notMap);
        assertEquals(2, bad.exit());
        assertEquals("sfn-run: " + notMap + ": expected a map of NAME: VALUE substitutions", bad.err().strip());
        TutorialCliTest.Run pair = cli(YAML_DEFINITION, "--substitution", "novalue");
        assertEquals("sfn-run: --substitution novalue: expected NAME=VALUE", pair.err().strip());
    }

    @Test
    void templateOptionsNeedATemplate() {
        TutorialCliTest.Run run = cli(TutorialCliTest.DEFINITION, "--state-machine", "X");
        assertEquals(2, run.exit());
        assertTrue(run.err().startsWith("sfn-run: --state-machine names a state machine of a template"), run.err());
        TutorialCliTest.Run both = cli(TutorialCliTest.DEFINITION, "--template", TUTORIAL);
        assertEquals(2, both.exit());
        assertEquals("sfn-run: give either a DEFINITION file or --template FILE, not both", both.err().strip());
        TutorialCliTest.Run none = cli("validate");
        assertEquals(2, none.exit());
        assertTrue(none.err().startsWith("sfn-run: Missing required parameter: 'FILE'"), none.err());
    }
}
