package dev.sfnrun.definition.validate;

import static dev.sfnrun.definition.validate.Check.only;
import static dev.sfnrun.definition.validate.Check.valid;
import static dev.sfnrun.definition.validate.DiagnosticCode.INVALID_RESOURCE;
import static dev.sfnrun.definition.validate.DiagnosticCode.SCHEMA_VALIDATION_FAILED;

import org.junit.jupiter.api.Test;

class StateChecksTest {

    /** A one-state machine whose state is {@code {"Type": ..., <fields>}}. */
    static String machine(String state) {
        return "{\"StartAt\": \"S\", \"States\": {\"S\": " + state + "}}";
    }

    static String jsonata(String state) {
        return "{\"QueryLanguage\": \"JSONata\", \"StartAt\": \"S\", \"States\": {\"S\": " + state + "}}";
    }

    @Test
    void fieldNotSupportedByTheStateType() {
        valid(machine("{\"Type\": \"Pass\", \"Result\": 1, \"End\": true}"));
        String text = machine("{\"Type\": \"Succeed\", \"Result\": 1}");
        only(text, SCHEMA_VALIDATION_FAILED, "/States/S/Result", "\"Result\"", "Field 'Result' is not supported");
    }

    @Test
    void unknownStateType() {
        String text = machine("{\"Type\": \"Sleep\", \"End\": true}");
        only(text, SCHEMA_VALIDATION_FAILED, "/States/S/Type", "\"Type\"",
                "The field 'Type' should have one of these values: [Task, Wait, Pass, Succeed, Fail, Choice, Parallel, Map]");
    }

    @Test
    void taskNeedsAResource() {
        String text = machine("{\"Type\": \"Task\", \"End\": true}");
        only(text, SCHEMA_VALIDATION_FAILED, "/States/S", "\"S\": {", "These fields are required: [Resource]");
    }

    @Test
    void resourceMustBeAnArn() {
        valid(machine("{\"Type\": \"Task\", \"Resource\": \"arn:aws:lambda:us-east-1:123456789012:function:f\", \"End\": true}"));
        String text = machine("{\"Type\": \"Task\", \"Resource\": \"my-function\", \"End\": true}");
        only(text, INVALID_RESOURCE, "/States/S/Resource", "\"Resource\"",
                "Value is not a valid resource ARN: my-function");
    }

    @Test
    void jsonPathFieldInAJsonataState() {
        valid(jsonata("{\"Type\": \"Pass\", \"Output\": 1, \"End\": true}"));
        String text = jsonata("{\"Type\": \"Pass\", \"InputPath\": \"$.a\", \"End\": true}");
        only(text, SCHEMA_VALIDATION_FAILED, "/States/S/InputPath", "\"InputPath\"",
                "The QueryLanguage is set to 'JSONata', but field 'InputPath' is only supported for the 'JSONPath' QueryLanguage");
    }

    @Test
    void jsonataFieldInAJsonPathState() {
        String text = machine("{\"Type\": \"Pass\", \"Output\": 1, \"End\": true}");
        only(text, SCHEMA_VALIDATION_FAILED, "/States/S/Output", "\"Output\"",
                "The QueryLanguage is set to 'JSONPath', but field 'Output' is only supported for the 'JSONata' QueryLanguage");
    }

    @Test
    void stateMayOptIntoJsonataButNotOutOfIt() {
        valid(machine("{\"Type\": \"Pass\", \"QueryLanguage\": \"JSONata\", \"Output\": 1, \"End\": true}"));
        String text = jsonata("{\"Type\": \"Pass\", \"QueryLanguage\": \"JSONPath\", \"End\": true}");
        only(text, SCHEMA_VALIDATION_FAILED, "/States/S", "\"S\": {",
                "'QueryLanguage' can not be 'JSONPath' if set to 'JSONata' for whole state machine");
    }

    @Test
    void valueTypesAreChecked() {
        String text = machine("{\"Type\": \"Pass\", \"End\": \"yes\"}");
        var found = Check.diagnostics(text);
        Check.assertDiagnostic(text, Check.at(found, "/States/S"), SCHEMA_VALIDATION_FAILED, "/States/S", "\"S\": {",
                "These fields are required: [Next or End]");
        Check.assertDiagnostic(text, Check.at(found, "/States/S/End"), SCHEMA_VALIDATION_FAILED, "/States/S/End", "\"End\"",
                "Expected value of type [BOOLEAN]");
    }

    @Test
    void nextAndEndExcludeEachOther() {
        String text = "{\"StartAt\": \"S\", \"States\": {\"S\": {\"Type\": \"Pass\", \"Next\": \"T\", \"End\": true}, \"T\": {\"Type\": \"Succeed\"}}}";
        only(text, SCHEMA_VALIDATION_FAILED, "/States/S/End", "\"End\"", "Fields 'Next' and 'End' are mutually exclusive");
    }

    @Test
    void succeedFailAndChoiceTakeNeitherNextNorEnd() {
        String text = machine("{\"Type\": \"Fail\", \"End\": true}");
        only(text, SCHEMA_VALIDATION_FAILED, "/States/S/End", "\"End\"", "Field 'End' is not supported");
    }

    @Test
    void timeoutsArePositiveAndHeartbeatIsSmaller() {
        valid(machine("{\"Type\": \"Task\", \"Resource\": \"arn:aws:states:::lambda:invoke\", \"TimeoutSeconds\": 10, \"HeartbeatSeconds\": 5, \"End\": true}"));
        String zero = machine("{\"Type\": \"Task\", \"Resource\": \"arn:aws:states:::lambda:invoke\", \"TimeoutSeconds\": 0, \"End\": true}");
        only(zero, SCHEMA_VALIDATION_FAILED, "/States/S/TimeoutSeconds", "\"TimeoutSeconds\"",
                "Value should be between 1 and 99999999");
        String heartbeat = machine("{\"Type\": \"Task\", \"Resource\": \"arn:aws:states:::lambda:invoke\", \"TimeoutSeconds\": 5, \"HeartbeatSeconds\": 5, \"End\": true}");
        only(heartbeat, SCHEMA_VALIDATION_FAILED, "/States/S/HeartbeatSeconds", "\"HeartbeatSeconds\"",
                "HeartbeatSeconds must be smaller than TimeoutSeconds");
    }

    @Test
    void literalAndPathExcludeEachOther() {
        String text = machine("{\"Type\": \"Fail\", \"Error\": \"E\", \"ErrorPath\": \"$.e\"}");
        only(text, SCHEMA_VALIDATION_FAILED, "/States/S/ErrorPath", "\"ErrorPath\"",
                "Fields 'Error' and 'ErrorPath' are mutually exclusive");
    }

    @Test
    void waitHasExactlyOneDuration() {
        valid(machine("{\"Type\": \"Wait\", \"Seconds\": 0, \"End\": true}"));
        String none = machine("{\"Type\": \"Wait\", \"End\": true}");
        only(none, SCHEMA_VALIDATION_FAILED, "/States/S", "\"S\": {",
                "Exactly one of these fields is required: [Seconds, SecondsPath, Timestamp, TimestampPath]");
        String two = machine("{\"Type\": \"Wait\", \"Seconds\": 1, \"TimestampPath\": \"$.t\", \"End\": true}");
        only(two, SCHEMA_VALIDATION_FAILED, "/States/S/TimestampPath", "\"TimestampPath\"",
                "Exactly one of these fields is allowed: [Seconds, SecondsPath, Timestamp, TimestampPath]");
    }

    @Test
    void mapHasExactlyOneProcessor() {
        String processor = "{\"StartAt\": \"I\", \"States\": {\"I\": {\"Type\": \"Succeed\"}}}";
        valid(machine("{\"Type\": \"Map\", \"End\": true, \"Iterator\": " + processor + "}"));
        String none = machine("{\"Type\": \"Map\", \"End\": true}");
        only(none, SCHEMA_VALIDATION_FAILED, "/States/S", "\"S\": {",
                "Exactly one of these fields is required: [ItemProcessor, Iterator]");
    }

    @Test
    void distributedMapFieldsAndRanges() {
        String processor = "{\"ProcessorConfig\": {\"Mode\": \"DISTRIBUTED\", \"ExecutionType\": \"EXPRESS\"}, \"StartAt\": \"I\", \"States\": {\"I\": {\"Type\": \"Succeed\"}}}";
        valid(machine("{\"Type\": \"Map\", \"End\": true, \"ItemProcessor\": " + processor
                + ", \"ItemReader\": {\"Resource\": \"arn:aws:states:::s3:getObject\", \"ReaderConfig\": {\"InputType\": \"CSV\", \"CSVHeaderLocation\": \"FIRST_ROW\"}, \"Parameters\": {\"Bucket\": \"b\", \"Key\": \"k\"}},"
                + " \"ItemBatcher\": {\"MaxItemsPerBatch\": 10}, \"ResultWriter\": {\"WriterConfig\": {\"OutputType\": \"JSONL\", \"Transformation\": \"FLATTEN\"}},"
                + " \"ToleratedFailurePercentage\": 12.5, \"MaxConcurrency\": 0}"));
        String percentage = machine("{\"Type\": \"Map\", \"End\": true, \"ItemProcessor\": " + processor
                + ", \"ToleratedFailurePercentage\": 101}");
        only(percentage, SCHEMA_VALIDATION_FAILED, "/States/S/ToleratedFailurePercentage", "\"ToleratedFailurePercentage\"",
                "Value should be between 0 and 100");
        String mode = machine("{\"Type\": \"Map\", \"End\": true, \"ItemProcessor\": {\"ProcessorConfig\": {\"Mode\": \"PARALLEL\"}, \"StartAt\": \"I\", \"States\": {\"I\": {\"Type\": \"Succeed\"}}}}");
        only(mode, SCHEMA_VALIDATION_FAILED, "/States/S/ItemProcessor/ProcessorConfig/Mode", "\"Mode\"",
                "Value should be one of the following: [INLINE, DISTRIBUTED]");
        String batcher = machine("{\"Type\": \"Map\", \"End\": true, \"ItemProcessor\": " + processor
                + ", \"ItemBatcher\": {\"MaxItemsPerBatch\": 1, \"MaxItemsPerBatchPath\": \"$.n\"}}");
        only(batcher, SCHEMA_VALIDATION_FAILED, "/States/S/ItemBatcher/MaxItemsPerBatchPath", "\"MaxItemsPerBatchPath\"",
                "Fields 'MaxItemsPerBatch' and 'MaxItemsPerBatchPath' are mutually exclusive");
    }

    @Test
    void choiceRules() {
        valid(machine("{\"Type\": \"Choice\", \"Choices\": [{\"And\": [{\"Variable\": \"$.a\", \"NumericGreaterThanPath\": \"$.b\"},"
                + " {\"Not\": {\"Variable\": \"$$.Execution.Id\", \"IsNull\": true}}], \"Next\": \"S\"}], \"Default\": \"S\"}")
                .replace("\"Default\": \"S\"}", "\"Default\": \"S\"}, \"E\": {\"Type\": \"Succeed\"}")
                .replace("\"Next\": \"S\"", "\"Next\": \"E\"").replace("\"Default\": \"S\"", "\"Default\": \"E\""));
        String nestedNext = machine("{\"Type\": \"Choice\", \"Choices\": [{\"Not\": {\"Variable\": \"$.a\", \"IsNull\": true, \"Next\": \"S\"}, \"Next\": \"S\"}]}");
        var found = Check.diagnostics(nestedNext);
        Check.assertDiagnostic(nestedNext, Check.at(found, "/States/S/Choices/0/Not/Next"), SCHEMA_VALIDATION_FAILED, "/States/S/Choices/0/Not/Next",
                "\"Next\"", "Field 'Next' is not supported");
        String twoOperators = machine("{\"Type\": \"Choice\", \"Choices\": [{\"Variable\": \"$.a\", \"IsNull\": true, \"IsString\": true, \"Next\": \"S\"}]}");
        found = Check.diagnostics(twoOperators);
        Check.assertDiagnostic(twoOperators, Check.at(found, "/States/S/Choices/0/IsString"), SCHEMA_VALIDATION_FAILED, "/States/S/Choices/0/IsString",
                "\"IsString\"", "A Choice Rule must have exactly one comparison operator, or one of And, Or, Not");
        String operand = machine("{\"Type\": \"Choice\", \"Choices\": [{\"Variable\": \"$.a\", \"NumericEquals\": \"1\", \"Next\": \"S\"}]}");
        found = Check.diagnostics(operand);
        Check.assertDiagnostic(operand, Check.at(found, "/States/S/Choices/0/NumericEquals"), SCHEMA_VALIDATION_FAILED, "/States/S/Choices/0/NumericEquals",
                "\"NumericEquals\"", "Expected value of type [NUMBER]");
        String timestamp = machine("{\"Type\": \"Choice\", \"Choices\": [{\"Variable\": \"$.a\", \"TimestampEquals\": \"2024-13-01T00:00:00Z\", \"Next\": \"S\"}]}");
        found = Check.diagnostics(timestamp);
        Check.assertDiagnostic(timestamp, Check.at(found, "/States/S/Choices/0/TimestampEquals"), SCHEMA_VALIDATION_FAILED,
                "/States/S/Choices/0/TimestampEquals", "\"TimestampEquals\"",
                "The value of the field 'TimestampEquals' must be a timestamp string");
        String noNext = machine("{\"Type\": \"Choice\", \"Choices\": [{\"Variable\": \"$.a\", \"IsNull\": true}]}");
        found = Check.diagnostics(noNext);
        Check.assertDiagnostic(noNext, Check.at(found, "/States/S/Choices/0"), SCHEMA_VALIDATION_FAILED, "/States/S/Choices/0",
                "{\"Variable\"", "These fields are required: [Next]");
    }

    @Test
    void jsonataChoiceRuleNeedsACondition() {
        String ok = "{\"QueryLanguage\": \"JSONata\", \"StartAt\": \"C\", \"States\": {\"C\": {\"Type\": \"Choice\", \"Choices\": [{\"Condition\": \"{% $states.input.a > 1 %}\", \"Next\": \"E\"}], \"Default\": \"E\"}, \"E\": {\"Type\": \"Succeed\"}}}";
        valid(ok);
        String text = ok.replace("\"Condition\": \"{% $states.input.a > 1 %}\", ", "");
        only(text, SCHEMA_VALIDATION_FAILED, "/States/C/Choices/0", "{\"Next\"", "These fields are required: [Condition]");
    }

    @Test
    void parallelNeedsAtLeastOneBranch() {
        valid(machine("{\"Type\": \"Parallel\", \"End\": true, \"Branches\": [{\"StartAt\": \"B\", \"States\": {\"B\": {\"Type\": \"Succeed\"}}}]}"));
        String text = machine("{\"Type\": \"Parallel\", \"End\": true, \"Branches\": []}");
        only(text, SCHEMA_VALIDATION_FAILED, "/States/S/Branches", "\"Branches\"", "Value cannot be empty");
        String notObject = machine("{\"Type\": \"Parallel\", \"End\": true, \"Branches\": [1]}");
        only(notObject, SCHEMA_VALIDATION_FAILED, "/States/S/Branches/0", "1]", "Expected value of type [OBJECT]");
    }

    @Test
    void distributedMapNeedsAnExecutionType() {
        String text = machine("{\"Type\": \"Map\", \"End\": true, \"ItemProcessor\": {\"ProcessorConfig\": {\"Mode\": \"DISTRIBUTED\"},"
                + " \"StartAt\": \"I\", \"States\": {\"I\": {\"Type\": \"Succeed\"}}}}");
        only(text, SCHEMA_VALIDATION_FAILED, "/States/S/ItemProcessor/ProcessorConfig", "\"ProcessorConfig\"",
                "These fields are required: [ExecutionType]");
        valid(text.replace("\"DISTRIBUTED\"", "\"INLINE\""));
        String type = text.replace("\"DISTRIBUTED\"}", "\"DISTRIBUTED\", \"ExecutionType\": \"BATCH\"}");
        only(type, SCHEMA_VALIDATION_FAILED, "/States/S/ItemProcessor/ProcessorConfig/ExecutionType", "\"ExecutionType\"",
                "Value should be one of the following: [STANDARD, EXPRESS]");
    }

    @Test
    void distributedMapNestedObjects() {
        String processor = "{\"ProcessorConfig\": {\"Mode\": \"DISTRIBUTED\", \"ExecutionType\": \"STANDARD\"}, \"StartAt\": \"I\", \"States\": {\"I\": {\"Type\": \"Succeed\"}}}";
        String map = "{\"Type\": \"Map\", \"End\": true, \"ItemProcessor\": " + processor + ", %s}";
        valid(machine(map.formatted("\"ItemReader\": {\"Resource\": \"arn:aws:states:::s3:listObjectsV2\", \"Parameters\": {\"Bucket.$\": \"$.b\"},"
                + " \"ReaderConfig\": {\"MaxItemsPath\": \"$.max\"}}, \"ToleratedFailureCountPath\": \"$.n\", \"Label\": \"run1\"")));
        String reader = machine(map.formatted("\"ItemReader\": {\"ReaderConfig\": {\"InputType\": \"XML\"}}"));
        var found = Check.diagnostics(reader);
        Check.assertDiagnostic(reader, found.get(0), SCHEMA_VALIDATION_FAILED, "/States/S/ItemReader", "\"ItemReader\"",
                "These fields are required: [Resource]");
        Check.assertDiagnostic(reader, found.get(1), SCHEMA_VALIDATION_FAILED, "/States/S/ItemReader/ReaderConfig/InputType",
                "\"InputType\"", "Value should be one of the following: [CSV, JSON, JSONL, PARQUET, MANIFEST]");
        String bytes = machine(map.formatted("\"ItemBatcher\": {\"MaxInputBytesPerBatch\": 262145}"));
        only(bytes, SCHEMA_VALIDATION_FAILED, "/States/S/ItemBatcher/MaxInputBytesPerBatch", "\"MaxInputBytesPerBatch\"",
                "Value should be between 1 and 262144");
        String noLimit = machine(map.formatted("\"ItemBatcher\": {\"BatchInput\": {\"a\": 1}}"));
        only(noLimit, SCHEMA_VALIDATION_FAILED, "/States/S/ItemBatcher", "\"ItemBatcher\"",
                "At least one of these fields is required: [MaxItemsPerBatch, MaxItemsPerBatchPath, MaxInputBytesPerBatch, MaxInputBytesPerBatchPath]");
        valid(machine(map.formatted("\"ItemBatcher\": {\"MaxInputBytesPerBatchPath\": \"$.bytes\"}")));
        String writer = machine(map.formatted("\"ResultWriter\": {\"WriterConfig\": {\"Transformation\": \"ZIP\"}}"));
        only(writer, SCHEMA_VALIDATION_FAILED, "/States/S/ResultWriter/WriterConfig/Transformation", "\"Transformation\"",
                "Value should be one of the following: [NONE, COMPACT, FLATTEN]");
        String count = machine(map.formatted("\"ToleratedFailureCount\": -1"));
        only(count, SCHEMA_VALIDATION_FAILED, "/States/S/ToleratedFailureCount", "\"ToleratedFailureCount\"",
                "Value should be greater than or equal to 0");
        String both = machine(map.formatted("\"ToleratedFailurePercentage\": 5, \"ToleratedFailurePercentagePath\": \"$.p\""));
        only(both, SCHEMA_VALIDATION_FAILED, "/States/S/ToleratedFailurePercentagePath", "\"ToleratedFailurePercentagePath\"",
                "Fields 'ToleratedFailurePercentage' and 'ToleratedFailurePercentagePath' are mutually exclusive");
        String label = machine(map.formatted("\"Label\": 7"));
        only(label, SCHEMA_VALIDATION_FAILED, "/States/S/Label", "\"Label\"", "Expected value of type [STRING]");
    }

    @Test
    void topLevelTimeoutAndVersion() {
        valid("{\"Version\": \"1.0\", \"TimeoutSeconds\": 99999999, \"StartAt\": \"S\", \"States\": {\"S\": {\"Type\": \"Succeed\"}}}");
        String text = "{\"TimeoutSeconds\": 0, \"StartAt\": \"S\", \"States\": {\"S\": {\"Type\": \"Succeed\"}}}";
        only(text, SCHEMA_VALIDATION_FAILED, "/TimeoutSeconds", "\"TimeoutSeconds\"", "Value should be between 1 and 99999999");
        String language = "{\"QueryLanguage\": \"JMESPath\", \"StartAt\": \"S\", \"States\": {\"S\": {\"Type\": \"Succeed\"}}}";
        only(language, SCHEMA_VALIDATION_FAILED, "/QueryLanguage", "\"QueryLanguage\"",
                "Value should be one of the following: [JSONPath, JSONata]");
    }

    @Test
    void heartbeatAboveTheTimeoutAndTheLargestTimeout() {
        valid(machine("{\"Type\": \"Task\", \"Resource\": \"arn:aws:states:::lambda:invoke\", \"TimeoutSeconds\": 99999999, \"End\": true}"));
        String big = machine("{\"Type\": \"Task\", \"Resource\": \"arn:aws:states:::lambda:invoke\", \"HeartbeatSeconds\": 100000000, \"End\": true}");
        only(big, SCHEMA_VALIDATION_FAILED, "/States/S/HeartbeatSeconds", "\"HeartbeatSeconds\"", "Value should be between 1 and 99999999");
        String above = machine("{\"Type\": \"Task\", \"Resource\": \"arn:aws:states:::lambda:invoke\", \"TimeoutSeconds\": 5, \"HeartbeatSeconds\": 60, \"End\": true}");
        only(above, SCHEMA_VALIDATION_FAILED, "/States/S/HeartbeatSeconds", "\"HeartbeatSeconds\"",
                "HeartbeatSeconds must be smaller than TimeoutSeconds");
        String wait = machine("{\"Type\": \"Wait\", \"Seconds\": -1, \"End\": true}");
        only(wait, SCHEMA_VALIDATION_FAILED, "/States/S/Seconds", "\"Seconds\"", "Value should be between 0 and 99999999");
    }

    @Test
    void resourceArnsOfEveryKind() {
        for (String arn : new String[] {"arn:aws:states:::lambda:invoke.waitForTaskToken", "arn:aws:states:::aws-sdk:s3:listBuckets",
                "arn:aws:states:us-east-1:123456789012:activity:act", "arn:aws-cn:lambda:cn-north-1:123456789012:function:f:$LATEST",
                "arn:aws:states:::states:startExecution.sync:2"}) {
            valid(machine("{\"Type\": \"Task\", \"Resource\": \"" + arn + "\", \"End\": true}"));
        }
        String empty = machine("{\"Type\": \"Task\", \"Resource\": \"\", \"End\": true}");
        only(empty, INVALID_RESOURCE, "/States/S/Resource", "\"Resource\"", "Value is not a valid resource ARN: ");
        String jsonata = jsonata("{\"Type\": \"Task\", \"Resource\": \"{% $arn %}\", \"End\": true}");
        only(jsonata, INVALID_RESOURCE, "/States/S/Resource", "\"Resource\"", "Value is not a valid resource ARN: {% $arn %}");
    }

    @Test
    void actionsAnOptimizedIntegrationDoesNotHaveAreNotRecognized() {
        // dynamodb:query passed, where AWS refuses the machine (recorded, SFN-API.md)
        for (String arn : new String[] {"arn:aws:states:::dynamodb:putItem", "arn:aws:states:::sqs:sendMessage.waitForTaskToken",
                "arn:aws:states:::aws-sdk:dynamodb:query", "arn:aws:states:::glue:startJobRun.sync", "arn:aws:states:::http:invoke"}) {
            valid(machine("{\"Type\": \"Task\", \"Resource\": \"" + arn + "\", \"End\": true}"));
        }
        for (String arn : new String[] {"arn:aws:states:::dynamodb:query", "arn:aws:states:::dynamodb:putItem.sync",
                "arn:aws:states:::sns:publishBatch", "arn:aws:states:::states:startExecution.sync:3"}) {
            only(machine("{\"Type\": \"Task\", \"Resource\": \"" + arn + "\", \"End\": true}"), SCHEMA_VALIDATION_FAILED,
                    "/States/S/Resource", "\"Resource\"", "The resource provided " + arn + " is not recognized. The value is not"
                            + " a valid resource ARN, or the resource is not available in this region.");
        }
    }

    @Test
    void choiceRuleFieldsOfTheOtherLanguage() {
        String jsonPath = "{\"StartAt\": \"C\", \"States\": {\"C\": {\"Type\": \"Choice\", \"Choices\": [%s], \"Default\": \"E\"}, \"E\": {\"Type\": \"Succeed\"}}}";
        String condition = jsonPath.formatted("{\"Variable\": \"$.a\", \"IsNull\": true, \"Condition\": true, \"Next\": \"E\"}");
        only(condition, SCHEMA_VALIDATION_FAILED, "/States/C/Choices/0/Condition", "\"Condition\"",
                "The QueryLanguage is set to 'JSONPath', but field 'Condition' is only supported for the 'JSONata' QueryLanguage");
        String jsonata = "{\"QueryLanguage\": \"JSONata\", " + jsonPath.substring(1);
        String variable = jsonata.formatted("{\"Condition\": true, \"Variable\": \"$.a\", \"Next\": \"E\"}");
        only(variable, SCHEMA_VALIDATION_FAILED, "/States/C/Choices/0/Variable", "\"Variable\"",
                "The QueryLanguage is set to 'JSONata', but field 'Variable' is only supported for the 'JSONPath' QueryLanguage");
        String and = jsonata.formatted("{\"Condition\": true, \"And\": [], \"Next\": \"E\"}");
        only(and, SCHEMA_VALIDATION_FAILED, "/States/C/Choices/0/And", "\"And\"",
                "The QueryLanguage is set to 'JSONata', but field 'And' is only supported for the 'JSONPath' QueryLanguage");
    }

    @Test
    void choiceNeedsRulesAndBooleanOperatorsNeedOperands() {
        String empty = "{\"StartAt\": \"S\", \"States\": {\"S\": {\"Type\": \"Choice\", \"Choices\": [], \"Default\": \"E\"}, \"E\": {\"Type\": \"Succeed\"}}}";
        only(empty, SCHEMA_VALIDATION_FAILED, "/States/S/Choices", "\"Choices\"", "Choices must contain at least one rule");
        String and = "{\"StartAt\": \"C\", \"States\": {\"C\": {\"Type\": \"Choice\", \"Choices\": [{\"And\": [], \"Next\": \"E\"}]}, \"E\": {\"Type\": \"Succeed\"}}}";
        only(and, SCHEMA_VALIDATION_FAILED, "/States/C/Choices/0/And", "\"And\"", "Expected a non-empty array of Choice Rules");
        String noVariable = and.replace("\"And\": []", "\"StringEquals\": \"x\"");
        only(noVariable, SCHEMA_VALIDATION_FAILED, "/States/C/Choices/0", "{\"StringEquals\"", "These fields are required: [Variable]");
        String badVariable = and.replace("\"And\": []", "\"Variable\": \"a\", \"IsNull\": true");
        only(badVariable, SCHEMA_VALIDATION_FAILED, "/States/C/Choices/0/Variable", "\"Variable\"", "The path 'a' must start with '$'");
    }

    @Test
    void aStateMustBeAnObjectWithAType() {
        String notObject = "{\"StartAt\": \"S\", \"States\": {\"S\": \"Pass\", \"E\": {\"Type\": \"Succeed\"}}}";
        var found = Check.diagnostics(notObject);
        Check.assertDiagnostic(notObject, Check.at(found, "/States/S"), SCHEMA_VALIDATION_FAILED, "/States/S", "\"S\": ",
                "Expected value of type [OBJECT]");
        String noType = machine("{\"End\": true}");
        only(noType, SCHEMA_VALIDATION_FAILED, "/States/S", "\"S\": ", "These fields are required: [Type]");
    }

    @Test
    void variableBelongsToTheComparisonNotToAndOrNot() {
        String text = "{\"StartAt\": \"C\", \"States\": {\"C\": {\"Type\": \"Choice\", \"Choices\": [{\"Variable\": \"$.a\","
                + " \"Not\": {\"Variable\": \"$.a\", \"IsNull\": true}, \"Next\": \"E\"}]}, \"E\": {\"Type\": \"Succeed\"}}}";
        only(text, SCHEMA_VALIDATION_FAILED, "/States/C/Choices/0/Variable", "\"Variable\"", "Field 'Variable' is not supported");
        String item = text.replace("\"Variable\": \"$.a\", \"Not\": {\"Variable\": \"$.a\", \"IsNull\": true}", "\"Or\": [true]");
        only(item, SCHEMA_VALIDATION_FAILED, "/States/C/Choices/0/Or/0", "true", "Expected value of type [OBJECT]");
    }
}
