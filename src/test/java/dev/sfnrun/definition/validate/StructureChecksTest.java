package dev.sfnrun.definition.validate;

import static dev.sfnrun.definition.validate.Check.only;
import static dev.sfnrun.definition.validate.Check.valid;
import static dev.sfnrun.definition.validate.DiagnosticCode.DUPLICATE_LABEL_NAME;
import static dev.sfnrun.definition.validate.DiagnosticCode.DUPLICATE_STATE_NAME;
import static dev.sfnrun.definition.validate.DiagnosticCode.INVALID_LABEL_NAME;
import static dev.sfnrun.definition.validate.DiagnosticCode.INVALID_STATE_NAME;
import static dev.sfnrun.definition.validate.DiagnosticCode.MISSING_END_STATE;
import static dev.sfnrun.definition.validate.DiagnosticCode.MISSING_TRANSITION_TARGET;
import static dev.sfnrun.definition.validate.DiagnosticCode.SCHEMA_VALIDATION_FAILED;

import org.junit.jupiter.api.Test;

class StructureChecksTest {

    @Test
    void minimalMachineIsValid() {
        valid("""
                {"Comment": "c", "StartAt": "A", "States": {"A": {"Type": "Pass", "Next": "B"}, "B": {"Type": "Succeed"}}}
                """);
    }

    @Test
    void emptyObjectNeedsStatesAndStartAt() {
        only("{}", SCHEMA_VALIDATION_FAILED, "", "{", "These fields are required: [States, StartAt]");
    }

    @Test
    void unknownTopLevelField() {
        String text = """
                {"StartAt": "A", "Bogus": 1, "States": {"A": {"Type": "Succeed"}}}
                """;
        only(text, SCHEMA_VALIDATION_FAILED, "/Bogus", "\"Bogus\"", "Field 'Bogus' is not supported");
    }

    @Test
    void missingNextTarget() {
        String text = """
                {"StartAt": "A", "States": {
                  "A": {"Type": "Pass", "Next": "Nope"},
                  "B": {"Type": "Succeed"}}}
                """;
        var found = Check.diagnostics(text);
        Check.assertDiagnostic(text, found.get(0), MISSING_TRANSITION_TARGET, "/States/A/Next", "\"Next\"",
                "Missing 'Next' target: Nope");
        Check.assertDiagnostic(text, found.get(1), MISSING_TRANSITION_TARGET, "/States/B", "\"B\"",
                "State \"B\" is not reachable.");
    }

    @Test
    void startAtMustNameAState() {
        String text = """
                {"StartAt": "X", "States": {"A": {"Type": "Succeed"}}}
                """;
        var found = Check.diagnostics(text);
        Check.assertDiagnostic(text, found.get(0), MISSING_TRANSITION_TARGET, "/StartAt", "\"StartAt\"",
                "Missing 'Next' target: X");
    }

    @Test
    void unreachableStateIsReported() {
        String text = """
                {"StartAt": "A", "States": {
                  "A": {"Type": "Succeed"},
                  "B": {"Type": "Pass", "Parameters": {"Next": "A"}, "End": true}}}
                """;
        only(text, MISSING_TRANSITION_TARGET, "/States/B", "\"B\"", "State \"B\" is not reachable.");
    }

    @Test
    void catchAndChoiceTargetsMakeStatesReachable() {
        valid("""
                {"StartAt": "C", "States": {
                  "C": {"Type": "Choice", "Choices": [{"Variable": "$.x", "IsPresent": true, "Next": "T"}], "Default": "F"},
                  "T": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "End": true,
                        "Catch": [{"ErrorEquals": ["States.ALL"], "Next": "F"}]},
                  "F": {"Type": "Fail"}}}
                """);
    }

    @Test
    void machineWithoutTerminalState() {
        String text = """
                {"StartAt": "A", "States": {"A": {"Type": "Pass", "Next": "A"}}}
                """;
        only(text, MISSING_END_STATE, "/States", "\"States\"", "Workflow has no terminal state");
    }

    @Test
    void noJumpOutOfAParallelBranch() {
        String text = """
                {"StartAt": "P", "States": {
                  "P": {"Type": "Parallel", "End": true, "Branches": [
                    {"StartAt": "In", "States": {"In": {"Type": "Pass", "Next": "Out"}, "Done": {"Type": "Succeed"}}}]},
                  "Out": {"Type": "Succeed"}}}
                """;
        var found = Check.diagnostics(text);
        Check.assertDiagnostic(text, found.get(0), MISSING_TRANSITION_TARGET, "/States/P/Branches/0/States/In/Next",
                "\"Next\": \"Out\"", "Missing 'Next' target: Out");
    }

    @Test
    void noJumpIntoAMapProcessor() {
        String text = """
                {"StartAt": "A", "States": {
                  "A": {"Type": "Pass", "Next": "Inner"},
                  "M": {"Type": "Map", "End": true, "ItemProcessor": {"StartAt": "Inner", "States": {"Inner": {"Type": "Succeed"}}}}}}
                """;
        var found = Check.diagnostics(text);
        Check.assertDiagnostic(text, found.get(0), MISSING_TRANSITION_TARGET, "/States/A/Next", "\"Next\"",
                "Missing 'Next' target: Inner");
    }

    @Test
    void nestedScopeNeedsATerminalState() {
        String text = """
                {"StartAt": "P", "States": {"P": {"Type": "Parallel", "End": true, "Branches": [
                  {"StartAt": "L", "States": {"L": {"Type": "Pass", "Next": "L"}}}]}}}
                """;
        only(text, MISSING_END_STATE, "/States/P/Branches/0/States", "\"States\": {\"L\"",
                "Workflow has no terminal state");
    }

    @Test
    void stateNamesAreUniqueAcrossTheMachine() {
        String text = """
                {"StartAt": "P", "States": {"P": {"Type": "Parallel", "End": true, "Branches": [
                  {"StartAt": "P", "States": {"P": {"Type": "Succeed"}}}]}}}
                """;
        only(text, DUPLICATE_STATE_NAME, "/States/P/Branches/0/States/P", "\"P\": {\"Type\": \"Succeed\"",
                "Duplicate State name: P");
    }

    @Test
    void stateNameLongerThan80Characters() {
        String name = "N".repeat(81);
        String text = "{\"StartAt\": \"" + name + "\", \"States\": {\"" + name + "\": {\"Type\": \"Succeed\"}}}";
        only(text, INVALID_STATE_NAME, "/States/" + name, "\"" + name + "\": ",
                "State name must have between 1 and 80 characters: " + name);
        String ok = "N".repeat(80);
        valid("{\"StartAt\": \"" + ok + "\", \"States\": {\"" + ok + "\": {\"Type\": \"Succeed\"}}}");
    }

    @Test
    void stateNameWithSlashIsEscapedInThePointer() {
        String text = """
                {"StartAt": "a/b", "States": {"a/b": {"Type": "Pass"}}}
                """;
        var found = Check.diagnostics(text);
        Check.assertDiagnostic(text, found.get(1), SCHEMA_VALIDATION_FAILED, "/States/a~1b", "\"a/b\": ",
                "These fields are required: [Next or End]");
    }

    private static final String DISTRIBUTED = """
            {"StartAt": "M1", "States": {
              "M1": {"Type": "Map", "Label": "%s", "Next": "M2", "ItemProcessor": {"ProcessorConfig": {"Mode": "DISTRIBUTED", "ExecutionType": "STANDARD"},
                     "StartAt": "I1", "States": {"I1": {"Type": "Succeed"}}}},
              "M2": {"Type": "Map", "Label": "%s", "End": true, "ItemProcessor": {"ProcessorConfig": {"Mode": "DISTRIBUTED", "ExecutionType": "EXPRESS"},
                     "StartAt": "I2", "States": {"I2": {"Type": "Succeed"}}}}}}
            """;

    @Test
    void labelsAreValidAndUnique() {
        valid(DISTRIBUTED.formatted("first", "second"));
        String duplicate = DISTRIBUTED.formatted("same", "same");
        only(duplicate, DUPLICATE_LABEL_NAME, "/States/M2/Label", "\"Label\": \"same\", \"End\"",
                "Duplicate Label: same");
        String invalid = DISTRIBUTED.formatted("has space", "ok");
        only(invalid, INVALID_LABEL_NAME, "/States/M1/Label", "\"Label\"",
                "Label must have between 1 and 40 characters and no whitespace, control characters or any of "
                        + "<>{}[]?*\"#%\\^|~`$&,;:/");
    }

    @Test
    void innerScopeMayNotAssignAnOuterVariable() {
        String text = """
                {"StartAt": "A", "States": {
                  "A": {"Type": "Pass", "Assign": {"x": 1}, "Next": "M"},
                  "M": {"Type": "Map", "End": true, "ItemProcessor": {"StartAt": "B", "States": {
                    "B": {"Type": "Pass", "Assign": {"x": 2, "y": 3}, "End": true}}}}}}
                """;
        only(text, SCHEMA_VALIDATION_FAILED, "/States/M/ItemProcessor/States/B/Assign/x", "\"x\": 2",
                "Variable 'x' is already assigned in an outer scope");
    }

    @Test
    void noJumpIntoAParallelBranchByChoiceOrCatch() {
        String text = """
                {"StartAt": "C", "States": {
                  "C": {"Type": "Choice", "Choices": [{"Variable": "$.x", "IsNull": true, "Next": "In"}], "Default": "P"},
                  "P": {"Type": "Parallel", "End": true, "Catch": [{"ErrorEquals": ["States.ALL"], "Next": "In"}], "Branches": [
                    {"StartAt": "In", "States": {"In": {"Type": "Succeed"}}}]}}}
                """;
        var found = Check.diagnostics(text);
        Check.assertDiagnostic(text, Check.at(found, "/States/C/Choices/0/Next"), MISSING_TRANSITION_TARGET,
                "/States/C/Choices/0/Next", "\"Next\": \"In\"", "Missing 'Next' target: In");
        Check.assertDiagnostic(text, Check.at(found, "/States/P/Catch/0/Next"), MISSING_TRANSITION_TARGET,
                "/States/P/Catch/0/Next", "\"Next\": \"In\"}], \"Branches\"", "Missing 'Next' target: In");
        org.junit.jupiter.api.Assertions.assertEquals(2, found.size(), Check.describe(found));
    }

    @Test
    void choiceDefaultInsideAMapProcessorStaysInItsScope() {
        String text = """
                {"StartAt": "M", "States": {
                  "M": {"Type": "Map", "Next": "After", "ItemProcessor": {"StartAt": "C", "States": {
                    "C": {"Type": "Choice", "Choices": [{"Variable": "$.x", "IsNull": true, "Next": "Done"}], "Default": "After"},
                    "Done": {"Type": "Succeed"}}}},
                  "After": {"Type": "Succeed"}}}
                """;
        only(text, MISSING_TRANSITION_TARGET, "/States/M/ItemProcessor/States/C/Default", "\"Default\"",
                "Missing 'Next' target: After");
    }

    @Test
    void unreachableStateInsideABranch() {
        String text = """
                {"StartAt": "P", "States": {"P": {"Type": "Parallel", "End": true, "Branches": [
                  {"StartAt": "A", "States": {"A": {"Type": "Succeed"},
                    "Orphan": {"Type": "Pass", "End": true}}}]}}}
                """;
        only(text, MISSING_TRANSITION_TARGET, "/States/P/Branches/0/States/Orphan", "\"Orphan\"",
                "State \"Orphan\" is not reachable.");
    }

    @Test
    void nextInsideParametersOrResultIsNotATransition() {
        String text = """
                {"StartAt": "A", "States": {
                  "A": {"Type": "Pass", "Result": {"Next": "B"}, "Parameters": {"Next": "B", "Default": "B"}, "End": true},
                  "B": {"Type": "Succeed"}}}
                """;
        only(text, MISSING_TRANSITION_TARGET, "/States/B", "\"B\": {", "State \"B\" is not reachable.");
    }

    @Test
    void aLoopWithAWayOutIsFine() {
        valid("""
                {"StartAt": "Work", "States": {
                  "Work": {"Type": "Pass", "Next": "Check"},
                  "Check": {"Type": "Choice", "Choices": [{"Variable": "$.done", "BooleanEquals": false, "Next": "Work"}],
                            "Default": "Done"},
                  "Done": {"Type": "Succeed"}}}
                """);
    }

    @Test
    void aFailStateIsTerminalToo() {
        valid("""
                {"StartAt": "A", "States": {"A": {"Type": "Fail", "Error": "E"}}}
                """);
    }

    @Test
    void emptyStateName() {
        String text = """
                {"StartAt": "", "States": {"": {"Type": "Succeed"}}}
                """;
        only(text, INVALID_STATE_NAME, "/States/", "\"\": {", "State name must have between 1 and 80 characters: ");
    }

    @Test
    void stateNameLengthCountsCharactersNotUtf16Units() {
        String name = "\uD83D\uDE00".repeat(80);
        valid("{\"StartAt\": \"" + name + "\", \"States\": {\"" + name + "\": {\"Type\": \"Succeed\"}}}");
    }

    @Test
    void labelLengthAndCharacters() {
        valid(DISTRIBUTED.formatted("L".repeat(40), "ok"));
        String tooLong = DISTRIBUTED.formatted("L".repeat(41), "ok");
        only(tooLong, INVALID_LABEL_NAME, "/States/M1/Label", "\"Label\"",
                "Label must have between 1 and 40 characters and no whitespace, control characters or any of "
                        + "<>{}[]?*\"#%\\^|~`$&,;:/");
        for (String bad : new String[] {"", "a/b", "a:b", "a$b"}) {
            only(DISTRIBUTED.formatted(bad, "ok"), INVALID_LABEL_NAME, "/States/M1/Label", "\"Label\"",
                    "Label must have between 1 and 40 characters and no whitespace, control characters or any of "
                            + "<>{}[]?*\"#%\\^|~`$&,;:/");
        }
    }

    @Test
    void statesAndStartAtOfABranchAreRequired() {
        String text = """
                {"StartAt": "P", "States": {"P": {"Type": "Parallel", "End": true, "Branches": [{"States": {}}]}}}
                """;
        var found = Check.diagnostics(text);
        Check.assertDiagnostic(text, Check.at(found, "/States/P/Branches/0"), SCHEMA_VALIDATION_FAILED,
                "/States/P/Branches/0", "{\"States\": {}", "These fields are required: [StartAt]");
    }

    @Test
    void everyProblemOfADeepMachineIsFoundInOnePass() {
        String text = """
                {"StartAt": "P", "States": {"P": {"Type": "Parallel", "End": true, "Branches": [
                  {"StartAt": "M", "States": {"M": {"Type": "Map", "End": true, "ItemProcessor": {"StartAt": "T", "States": {
                    "T": {"Type": "Task", "Resource": "nope", "Next": "Gone"}}}}}}]}}}
                """;
        var found = Check.diagnostics(text);
        String t = "/States/P/Branches/0/States/M/ItemProcessor/States/T";
        Check.assertDiagnostic(text, Check.at(found, t + "/Resource"), DiagnosticCode.INVALID_RESOURCE, t + "/Resource",
                "\"Resource\"", "Value is not a valid resource ARN: nope");
        Check.assertDiagnostic(text, Check.at(found, t + "/Next"), MISSING_TRANSITION_TARGET, t + "/Next",
                "\"Next\"", "Missing 'Next' target: Gone");
        Check.assertDiagnostic(text, Check.at(found, "/States/P/Branches/0/States/M/ItemProcessor/States"), MISSING_END_STATE,
                "/States/P/Branches/0/States/M/ItemProcessor/States", "\"States\": {\n    \"T\"", "Workflow has no terminal state");
        org.junit.jupiter.api.Assertions.assertEquals(3, found.size(), Check.describe(found));
    }
}
