package dev.sfnrun.teststate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sfnrun.query.Json;
import dev.sfnrun.task.load.TaskSetup;
import org.junit.jupiter.api.Test;

/** TestState answers per status and inspection level, and its refusals, on the real engine. */
class TestStateRunnerTest {
    static final String ROLE = "arn:aws:iam::123456789012:role/test";
    static final String LAMBDA_TASK = "{\"Type\": \"Task\", \"Resource\": \"arn:aws:states:::lambda:invoke\","
            + " \"Parameters\": {\"FunctionName\": \"f\", \"Payload.$\": \"$\"}, \"ResultSelector\": {\"p.$\": \"$.Payload\"},"
            + " \"ResultPath\": \"$.r\", \"Retry\": [{\"ErrorEquals\": [\"Busy\"], \"IntervalSeconds\": 3, \"MaxAttempts\": 2,"
            + " \"BackoffRate\": 2}], \"Catch\": [{\"ErrorEquals\": [\"States.ALL\"], \"ResultPath\": \"$.err\", \"Next\": \"Recover\"}],"
            + " \"Next\": \"After\"}";

    static ObjectNode request(String definition, String input) {
        ObjectNode request = Json.object();
        request.put("definition", definition);
        if (input != null) {
            request.put("input", input);
        }
        return request;
    }

    static ObjectNode run(ObjectNode request) {
        return new TestStateRunner(TaskSetup.builtinsOnly("StateMachine", "us-east-1", "123456789012")).run(request);
    }

    static JsonNode json(JsonNode text) throws Exception {
        return Json.parse(text.asText());
    }

    static ObjectNode mockResult(String resultText) {
        ObjectNode mock = Json.object();
        mock.put("result", resultText);
        return mock;
    }

    static ObjectNode mockError(String error, String cause) {
        ObjectNode mock = Json.object();
        mock.putObject("errorOutput").put("error", error).put("cause", cause);
        return mock;
    }

    @Test
    void passAtInfoHasOutputAndNoInspection() throws Exception {
        ObjectNode response = run(request("{\"Type\": \"Pass\", \"Parameters\": {\"x.$\": \"$.a\"}, \"Next\": \"B\"}",
                "{\"a\": 7}"));
        assertEquals("SUCCEEDED", response.get("status").asText());
        assertEquals(Json.parse("{\"x\": 7}"), json(response.get("output")));
        assertEquals("B", response.get("nextState").asText());
        assertFalse(response.has("inspectionData"));
    }

    @Test
    void passAtDebugShowsEachDataFlowStep() throws Exception {
        ObjectNode request = request("{\"Type\": \"Pass\", \"InputPath\": \"$.in\", \"Parameters\": {\"v.$\": \"$.v\"},"
                + " \"ResultPath\": \"$.out\", \"End\": true}", "{\"in\": {\"v\": 1}}");
        request.put("inspectionLevel", "DEBUG");
        JsonNode data = run(request).get("inspectionData");
        assertEquals(Json.parse("{\"in\": {\"v\": 1}}"), json(data.get("input")));
        assertEquals(Json.parse("{\"v\": 1}"), json(data.get("afterInputPath")));
        assertEquals(Json.parse("{\"v\": 1}"), json(data.get("afterParameters")));
        assertEquals(Json.parse("{\"in\": {\"v\": 1}, \"out\": {\"v\": 1}}"), json(data.get("afterResultPath")));
        assertFalse(data.has("result"));
    }

    @Test
    void traceShowsTheSameStepsAsDebugForAPassState() {
        String definition = "{\"Type\": \"Pass\", \"Result\": {\"k\": 1}, \"End\": true}";
        ObjectNode debug = request(definition, "{}");
        debug.put("inspectionLevel", "DEBUG");
        ObjectNode trace = request(definition, "{}");
        trace.put("inspectionLevel", "TRACE");
        assertEquals(run(debug).get("inspectionData"), run(trace).get("inspectionData"));
        assertTrue(run(trace).get("inspectionData").has("result"));
    }

    @Test
    void failStateFails() {
        ObjectNode response = run(request("{\"Type\": \"Fail\", \"Error\": \"E\", \"Cause\": \"C\"}", "{}"));
        assertEquals("FAILED", response.get("status").asText());
        assertEquals("E", response.get("error").asText());
        assertEquals("C", response.get("cause").asText());
        assertFalse(response.has("output"));
    }

    @Test
    void choiceNamesTheNextState() {
        ObjectNode response = run(request("{\"Type\": \"Choice\", \"Choices\": [{\"Variable\": \"$.n\", \"NumericGreaterThan\": 5,"
                + " \"Next\": \"Big\"}], \"Default\": \"Small\"}", "{\"n\": 9}"));
        assertEquals("Big", response.get("nextState").asText());
    }

    @Test
    void mockedTaskSucceedsThroughItsDataFlow() throws Exception {
        ObjectNode request = request(LAMBDA_TASK, "{\"a\": 1}");
        request.set("mock", mockResult("{\"StatusCode\": 200, \"Payload\": {\"ok\": true}}"));
        request.put("inspectionLevel", "DEBUG");
        ObjectNode response = run(request);
        assertEquals("SUCCEEDED", response.get("status").asText());
        assertEquals("After", response.get("nextState").asText());
        assertEquals(Json.parse("{\"a\": 1, \"r\": {\"p\": {\"ok\": true}}}"), json(response.get("output")));
        JsonNode data = response.get("inspectionData");
        assertEquals(Json.parse("{\"FunctionName\": \"f\", \"Payload\": {\"a\": 1}}"), json(data.get("afterParameters")));
        assertEquals(Json.parse("{\"p\": {\"ok\": true}}"), json(data.get("afterResultSelector")));
    }

    @Test
    void retriableErrorReportsTheRetrierAndItsBackoff() {
        ObjectNode request = request(LAMBDA_TASK, "{}");
        request.set("mock", mockError("Busy", "try later"));
        request.put("inspectionLevel", "DEBUG");
        request.putObject("stateConfiguration").put("retrierRetryCount", 1);
        ObjectNode response = run(request);
        assertEquals("RETRIABLE", response.get("status").asText());
        assertEquals("Busy", response.get("error").asText());
        JsonNode details = response.get("inspectionData").get("errorDetails");
        assertEquals(0, details.get("retryIndex").asInt());
        assertEquals(6, details.get("retryBackoffIntervalSeconds").asInt()); // 3 * 2^1
    }

    @Test
    void exhaustedRetrierFallsThroughToTheCatcher() throws Exception {
        ObjectNode request = request(LAMBDA_TASK, "{\"a\": 1}");
        request.set("mock", mockError("Busy", "try later"));
        request.put("inspectionLevel", "TRACE");
        request.putObject("stateConfiguration").put("retrierRetryCount", 2);
        ObjectNode response = run(request);
        assertEquals("CAUGHT_ERROR", response.get("status").asText());
        assertEquals("Recover", response.get("nextState").asText());
        assertEquals(Json.parse("{\"a\": 1, \"err\": {\"Error\": \"Busy\", \"Cause\": \"try later\"}}"),
                json(response.get("output")));
        JsonNode details = response.get("inspectionData").get("errorDetails");
        assertEquals(0, details.get("catchIndex").asInt());
        assertEquals(0, details.get("retryIndex").asInt());
        assertFalse(details.has("retryBackoffIntervalSeconds"));
    }

    @Test
    void jsonataTaskShowsArgumentsAndVariables() throws Exception {
        ObjectNode request = request("{\"Type\": \"Task\", \"QueryLanguage\": \"JSONata\", \"Resource\": \"arn:aws:states:::lambda:invoke\","
                + " \"Arguments\": {\"FunctionName\": \"f\", \"Payload\": \"{% $x %}\"}, \"Assign\": {\"y\": \"{% $states.result.Payload %}\"},"
                + " \"End\": true}", "{}");
        request.put("variables", "{\"x\": 5}");
        request.set("mock", mockResult("{\"Payload\": 6}"));
        request.put("inspectionLevel", "DEBUG");
        JsonNode data = run(request).get("inspectionData");
        assertEquals(Json.parse("{\"FunctionName\": \"f\", \"Payload\": 5}"), json(data.get("afterArguments")));
        assertEquals(Json.parse("{\"x\": 5, \"y\": 6}"), json(data.get("variables")));
        assertFalse(data.has("afterInputPath"));
    }

    @Test
    void mockedMapOverItsToleranceIsCaught() throws Exception {
        ObjectNode request = request("{\"Type\": \"Map\", \"ItemsPath\": \"$.items\", \"ItemProcessor\": {\"ProcessorConfig\":"
                + " {\"Mode\": \"DISTRIBUTED\", \"ExecutionType\": \"STANDARD\"}, \"StartAt\": \"P\", \"States\": {\"P\": {\"Type\": \"Pass\","
                + " \"End\": true}}}, \"ToleratedFailureCount\": 1, \"Catch\": [{\"ErrorEquals\": [\"States.ExceedToleratedFailureThreshold\"],"
                + " \"Next\": \"TooMany\"}], \"End\": true}", "{\"items\": [1, 2, 3]}");
        request.set("mock", mockResult("[1, 2, 3]"));
        request.putObject("stateConfiguration").put("mapIterationFailureCount", 2);
        request.put("inspectionLevel", "DEBUG");
        ObjectNode response = run(request);
        assertEquals("CAUGHT_ERROR", response.get("status").asText());
        assertEquals("States.ExceedToleratedFailureThreshold", response.get("error").asText());
        assertEquals("TooMany", response.get("nextState").asText());
        JsonNode data = response.get("inspectionData");
        assertEquals(1, data.get("toleratedFailureCount").asInt());
        assertEquals(0, data.get("maxConcurrency").asInt());
        assertEquals(Json.parse("[1, 2, 3]"), json(data.get("afterItemsPath")));
    }

    @Test
    void mockedParallelUsesTheMockAsItsBranchesResult() throws Exception {
        ObjectNode request = request("{\"Type\": \"Parallel\", \"Branches\": [{\"StartAt\": \"A\", \"States\": {\"A\": {\"Type\": \"Pass\","
                + " \"End\": true}}}], \"ResultPath\": \"$.b\", \"End\": true}", "{\"k\": 1}");
        request.set("mock", mockResult("[{\"x\": 1}]"));
        ObjectNode response = run(request);
        assertEquals(Json.parse("{\"k\": 1, \"b\": [{\"x\": 1}]}"), json(response.get("output")));
    }

    @Test
    void stateOfAWholeMachineIsFoundInsideAMapProcessor() throws Exception {
        ObjectNode request = request("{\"StartAt\": \"M\", \"States\": {\"M\": {\"Type\": \"Map\", \"ItemProcessor\": {\"StartAt\": \"Inner\","
                + " \"States\": {\"Inner\": {\"Type\": \"Pass\", \"Result\": 3, \"End\": true}}}, \"End\": true}}}", "[]");
        request.put("stateName", "Inner");
        ObjectNode response = run(request);
        assertEquals("3", response.get("output").asText());
        assertNull(response.get("nextState"));
    }

    @Test
    void defaultContextIsAnExpressExecutionWithTheRole() throws Exception {
        ObjectNode request = request("{\"Type\": \"Pass\", \"InputPath\": \"$$\", \"End\": true}", "{\"a\": 1}");
        request.put("roleArn", ROLE);
        JsonNode context = json(run(request).get("output"));
        assertTrue(context.at("/Execution/Id").asText().startsWith("arn:aws:states:us-east-1:123456789012:express:"));
        assertEquals(ROLE, context.at("/Execution/RoleArn").asText());
        assertEquals(Json.parse("{\"a\": 1}"), context.at("/Execution/Input"));
        assertEquals("StateName", context.at("/State/Name").asText());
    }

    @Test
    void givenContextIsWhatTheStateSees() throws Exception {
        ObjectNode request = request("{\"Type\": \"Task\", \"Resource\": \"arn:aws:states:::lambda:invoke\","
                + " \"Parameters\": {\"n.$\": \"$$.Execution.Name\"}, \"ResultPath\": null, \"OutputPath\": \"$\", \"End\": true}", "{}");
        request.put("context", "{\"Execution\": {\"Name\": \"mine\"}}");
        request.set("mock", mockResult("{}"));
        request.put("inspectionLevel", "DEBUG");
        assertEquals(Json.parse("{\"n\": \"mine\"}"), json(run(request).get("inspectionData").get("afterParameters")));
    }

    static TestStateException refusal(ObjectNode request) {
        return assertThrows(TestStateException.class, () -> run(request));
    }

    @Test
    void refusals() {
        ObjectNode mockOnPass = request("{\"Type\": \"Pass\", \"End\": true}", "{}");
        mockOnPass.set("mock", mockResult("{}"));
        assertEquals("State type 'Pass' is not supported when a mock is specified", refusal(mockOnPass).getMessage());

        TestStateException unmockedMap = refusal(request("{\"Type\": \"Map\", \"ItemProcessor\": {\"StartAt\": \"P\", \"States\": {\"P\":"
                + " {\"Type\": \"Pass\", \"End\": true}}}, \"End\": true}", "[]"));
        assertEquals("InvalidDefinition", unmockedMap.type());

        TestStateException noRole = refusal(request("{\"Type\": \"Task\", \"Resource\": \"arn:aws:states:::lambda:invoke\","
                + " \"Parameters\": {\"FunctionName\": \"f\"}, \"End\": true}", "{}"));
        assertEquals("ValidationException", noRole.type());
        assertEquals("RoleArn must be specified when testing a Task state", noRole.getMessage());

        ObjectNode notJson = request(LAMBDA_TASK, "{}");
        notJson.set("mock", mockResult("nope"));
        assertEquals("Mocked result must be valid JSON", refusal(notJson).getMessage());

        ObjectNode both = request(LAMBDA_TASK, "{}");
        ObjectNode mock = mockResult("{}");
        mock.putObject("errorOutput").put("error", "E");
        both.set("mock", mock);
        assertEquals("A test mock should have only one of the following fields: [result, errorOutput].",
                refusal(both).getMessage());

        ObjectNode missing = request("{\"StartAt\": \"A\", \"States\": {\"A\": {\"Type\": \"Pass\", \"End\": true}}}", "{}");
        missing.put("stateName", "B");
        assertEquals("State not found in definition", refusal(missing).getMessage());

        ObjectNode badContext = request(LAMBDA_TASK, "{}");
        badContext.set("mock", mockResult("{}"));
        badContext.put("context", "{\"Execution\": {\"Id\": 1}}");
        assertEquals("Invalid Context object provided: Execution.Id must be a string", refusal(badContext).getMessage());

        TestStateException badDefinition = refusal(request("{\"Type\": \"Pas\", \"End\": true}", "{}"));
        assertEquals("InvalidDefinition", badDefinition.type());
        assertTrue(badDefinition.getMessage().startsWith("Invalid State Machine Definition: '"), badDefinition.getMessage());

        TestStateException badInput = refusal(request("{\"Type\": \"Pass\", \"End\": true}", "{oops"));
        assertEquals("InvalidExecutionInput", badInput.type());
    }
}
