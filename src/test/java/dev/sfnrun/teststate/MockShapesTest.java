package dev.sfnrun.teststate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.sfnrun.query.Json;
import org.junit.jupiter.api.Test;

/** Mocked results checked against the AWS service models, per fieldValidationMode. */
class MockShapesTest {
    static String refusal(String resource, String result, String mode) {
        return assertThrows(TestStateException.class, () -> MockShapes.check(resource, Json.parse(result), mode)).getMessage();
    }

    @Test
    void resourcesNameTheirServiceOperation() {
        assertArrayEquals(new String[] {"sqs", "SendMessage"}, MockShapes.operation("arn:aws:states:::sqs:sendMessage"));
        assertArrayEquals(new String[] {"s3", "GetObject"}, MockShapes.operation("arn:aws:states:::aws-sdk:s3:getObject"));
        assertArrayEquals(new String[] {"stepfunctions", "DescribeExecution"},
                MockShapes.operation("arn:aws:states:::states:startExecution.sync:2"));
        assertNull(MockShapes.operation("arn:aws:lambda:us-east-1:123456789012:function:f"));
    }

    @Test
    void strictChecksTypesLimitsEnumsAndRequiredFields() {
        String prefix = "Mock result schema validation error: ";
        assertEquals(prefix + "Field 'StatusCode' must be a number",
                refusal("arn:aws:states:::lambda:invoke", "{\"StatusCode\": \"200\"}", "STRICT"));
        assertEquals(prefix + "Field 'MessageId' must be a string",
                refusal("arn:aws:states:::sqs:sendMessage", "{\"MessageId\": 5}", "STRICT"));
        assertEquals(prefix + "Field 'Failures' must be an array",
                refusal("arn:aws:states:::ecs:runTask", "{\"Failures\": {}}", "STRICT"));
        assertEquals(prefix + "Field 'StorageClass' is not an expected value",
                refusal("arn:aws:states:::aws-sdk:s3:getObject", "{\"StorageClass\": \"Papyrus\"}", "PRESENT"));
        assertEquals(prefix + "Required field 'ExecutionArn' is missing",
                refusal("arn:aws:states:::states:startExecution", "{}", "STRICT"));
        assertEquals(prefix + "Field 'CapacityUnits' must be a number",
                refusal("arn:aws:states:::dynamodb:getItem", "{\"ConsumedCapacity\": {\"CapacityUnits\": \"1\"}}", "STRICT"));
        assertEquals(prefix + "Field 'MessageId' must be a string",
                refusal("arn:aws:states:::sns:publish", "{\"MessageId\": true}", "STRICT"));
    }

    @Test
    void presentAndNoneAreLaxer() throws Exception {
        MockShapes.check("arn:aws:states:::states:startExecution", Json.parse("{}"), "PRESENT");
        MockShapes.check("arn:aws:states:::states:startExecution", Json.parse("{\"StartDate\": true}"), "NONE");
        MockShapes.check("arn:aws:states:::events:putEvents", Json.parse("{\"unknown\": 1}"), "STRICT");
        MockShapes.check("arn:aws:states:::lambda:invoke", Json.parse("{\"Payload\": {\"any\": [1]}}"), "STRICT");
        MockShapes.check("arn:aws:states:::sqs:sendMessage.waitForTaskToken", Json.parse("{\"MessageId\": 5}"), "STRICT");
    }
}
