package dev.sfnrun.engine;

import static dev.sfnrun.engine.Runs.first;
import static dev.sfnrun.engine.Runs.json;
import static dev.sfnrun.engine.Runs.run;
import static dev.sfnrun.engine.Runs.task;
import static dev.sfnrun.engine.Runs.types;
import static dev.sfnrun.history.EventType.ExecutionFailed;
import static dev.sfnrun.history.EventType.ExecutionStarted;
import static dev.sfnrun.history.EventType.ExecutionSucceeded;
import static dev.sfnrun.history.EventType.LambdaFunctionFailed;
import static dev.sfnrun.history.EventType.LambdaFunctionScheduled;
import static dev.sfnrun.history.EventType.LambdaFunctionStarted;
import static dev.sfnrun.history.EventType.LambdaFunctionSucceeded;
import static dev.sfnrun.history.EventType.TaskFailed;
import static dev.sfnrun.history.EventType.TaskScheduled;
import static dev.sfnrun.history.EventType.TaskStarted;
import static dev.sfnrun.history.EventType.TaskStateEntered;
import static dev.sfnrun.history.EventType.TaskStateExited;
import static dev.sfnrun.history.EventType.TaskSucceeded;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.sfnrun.history.EventType;
import dev.sfnrun.query.Json;
import dev.sfnrun.task.TaskFailure;
import dev.sfnrun.task.load.TaskRegistry;
import dev.sfnrun.testtasks.Crash;
import dev.sfnrun.testtasks.Echo;
import dev.sfnrun.testtasks.Flaky;
import dev.sfnrun.testtasks.Plain;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Resources bound to task functions: which events, results and errors each kind of resource gives. */
class TaskResourcesTest {
    private static TaskRegistry registry() {
        return new TaskRegistry().bind("Echo", new Echo()).bind("Plain", new Plain());
    }

    @Test
    void lambdaArnWithAliasResolvesByFunctionNameAndWritesLambdaEvents() {
        ExecutionResult result = run(task("arn:aws:lambda:us-east-1:123456789012:function:Echo:prod", ""),
                "{\"a\":1}", registry());
        assertEquals(ExecutionStatus.SUCCEEDED, result.status());
        assertEquals(json("{\"a\":1}"), result.output());
        assertEquals(List.of(ExecutionStarted, TaskStateEntered, LambdaFunctionScheduled, LambdaFunctionStarted,
                LambdaFunctionSucceeded, TaskStateExited, ExecutionSucceeded), types(result));
        assertEquals("arn:aws:lambda:us-east-1:123456789012:function:Echo:prod",
                first(result, LambdaFunctionScheduled).detail("resource"));
    }

    @Test
    void everyLambdaFormResolvesToTheFunctionName() {
        for (String resource : List.of("Echo", "Echo:1", "123456789012:function:Echo",
                "arn:aws:lambda:eu-west-1:111111111111:function:Echo:$LATEST")) {
            assertEquals(ExecutionStatus.SUCCEEDED, run(task(resource, ""), "[1]", registry()).status(), resource);
        }
    }

    @Test
    void aFunctionBoundToNameAndQualifierWinsOverTheName() {
        TaskRegistry registry = registry().bind("Echo:v2", (input, context) -> TextNode.valueOf("v2"));
        assertEquals(TextNode.valueOf("v2"),
                run(task("arn:aws:lambda:us-east-1:123456789012:function:Echo:v2", ""), "{}", registry).output());
        assertEquals(json("{}"),
                run(task("arn:aws:lambda:us-east-1:123456789012:function:Echo:v1", ""), "{}", registry).output());
    }

    @Test
    void theContextNamesTheCall() {
        ExecutionResult result = run(task("Plain", ""), "{}", registry());
        assertEquals(json("{\"state\":\"T\",\"execution\":\"exec-1\",\"resource\":\"Plain\",\"attempt\":1,"
                + "\"hasToken\":false}"), result.output());
    }

    @Test
    void lambdaInvokeReturnsAwsIntegrationShape() {
        ExecutionResult result = run(task("arn:aws:states:::lambda:invoke",
                "\"Parameters\":{\"FunctionName\":\"Echo\",\"Payload.$\":\"$\"}"), "{\"n\":12}", registry());
        JsonNode output = result.output();
        assertEquals(json("{\"n\":12}"), output.get("Payload"));
        assertEquals("$LATEST", output.get("ExecutedVersion").asText());
        assertEquals(200, output.get("StatusCode").asInt());
        assertEquals(200, output.at("/SdkHttpMetadata/HttpStatusCode").asInt());
        assertEquals("8", output.at("/SdkHttpMetadata/HttpHeaders/Content-Length").asText());
        assertEquals("8", output.at("/SdkHttpMetadata/AllHttpHeaders/Content-Length/0").asText());
        assertEquals(output.at("/SdkResponseMetadata/RequestId").asText(),
                output.at("/SdkHttpMetadata/HttpHeaders/x-amzn-RequestId").asText());
        assertEquals(List.of(ExecutionStarted, TaskStateEntered, TaskScheduled, TaskStarted, TaskSucceeded,
                TaskStateExited, ExecutionSucceeded), types(result));
        var scheduled = first(result, TaskScheduled);
        assertEquals("lambda", scheduled.detail("resourceType"));
        assertEquals("invoke", scheduled.detail("resource"));
        assertEquals("us-east-1", scheduled.detail("region"));
        assertEquals("{\"FunctionName\":\"Echo\",\"Payload\":{\"n\":12}}", scheduled.detail("parameters"));
        assertEquals("invoke", first(result, TaskStarted).detail("resource"));
    }

    @Test
    void lambdaInvokePayloadRules() {
        String definition = task("arn:aws:states:::lambda:invoke",
                "\"Parameters\":{\"FunctionName.$\":\"$.f\",\"Payload.$\":\"$.p\"}");
        assertEquals(json("{}"), run(definition, "{\"f\":\"Echo\",\"p\":null}", registry()).output().get("Payload"));
        assertEquals(json("0"), run(definition, "{\"f\":\"Echo\",\"p\":\"0\"}", registry()).output().get("Payload"));
        assertEquals(json("{\"x\":true}"),
                run(definition, "{\"f\":\"Echo\",\"p\":\"{\\\"x\\\":true}\"}", registry()).output().get("Payload"));
    }

    @Test
    void lambdaInvokeLogTypeTailAddsLogResult() {
        ExecutionResult result = run(task("arn:aws:states:::lambda:invoke",
                "\"Parameters\":{\"FunctionName\":\"Echo\",\"LogType\":\"Tail\"}"), "{}", registry());
        assertTrue(result.output().get("LogResult").asText().length() > 10);
        assertEquals(result.output().get("LogResult"), result.output().at("/SdkHttpMetadata/HttpHeaders/X-Amz-Log-Result"));
    }

    @Test
    void lambdaInvokeFailureKeepsTheErrorNameAndCompactsTheCause() {
        TaskRegistry registry = registry().bind("Boom", (input, context) -> {
            throw new TaskFailure("Exception", "{\"errorMessage\": \"boom\", \"errorType\": \"Exception\"}");
        });
        ExecutionResult result = run(task("arn:aws:states:::lambda:invoke",
                "\"Parameters\":{\"FunctionName\":\"Boom\"}"), "{}", registry);
        assertEquals("Exception", result.error());
        assertEquals("{\"errorMessage\":\"boom\",\"errorType\":\"Exception\"}", result.cause());
        var failed = first(result, TaskFailed);
        assertEquals("lambda", failed.detail("resourceType"));
        assertEquals("Exception", failed.detail("error"));
        ExecutionResult legacy = run(task("Boom", ""), "{}", registry);
        assertEquals("{\"errorMessage\": \"boom\", \"errorType\": \"Exception\"}", legacy.cause());
        assertEquals(List.of(ExecutionStarted, TaskStateEntered, LambdaFunctionScheduled, LambdaFunctionStarted,
                LambdaFunctionFailed, ExecutionFailed), types(legacy));
    }

    @Test
    void lambdaInvokeOfAnUnknownFunctionAtRunTimeIsResourceNotFound() {
        ExecutionResult result = run(task("arn:aws:states:::lambda:invoke",
                "\"Parameters\":{\"FunctionName.$\":\"$.f\"}"), "{\"f\":\"Nope\"}", registry());
        assertEquals("Lambda.ResourceNotFoundException", result.error());
        assertTrue(result.cause().startsWith("Function not found: arn:aws:lambda:us-east-1:123456789012:function:Nope:$LATEST "
                + "(Service: AWSLambda; Status Code: 404; Error Code: ResourceNotFoundException; Request ID: "), result.cause());
        assertTrue(result.cause().endsWith("; Proxy: null)"));
        assertEquals(TaskFailed, result.events().get(4).type());
    }

    @Test
    void unboundResourcesAreRefusedBeforeTheRunWithHowToBindThem() {
        var unbound = assertThrows(UnboundResourceException.class, () -> run(task("arn:aws:states:::dynamodb:putItem",
                "\"Parameters\":{\"TableName\":\"t\"}"), "{}", registry()));
        assertEquals("state 'T', field Resource: no task function is bound to 'arn:aws:states:::dynamodb:putItem'. Bind one "
                + "with --task dynamodb:putItem=your.Class (with --classpath), list it under META-INF/services, or answer "
                + "the state from a mock file (--mock-config FILE --test-case NAME).", unbound.getMessage());
        var lambda = assertThrows(UnboundResourceException.class, () -> run(task("arn:aws:states:::lambda:invoke",
                "\"Parameters\":{\"FunctionName\":\"arn:aws:lambda:us-east-1:123456789012:function:Missing\"}"), "{}", registry()));
        assertEquals("Missing", lambda.bindingName());
        var activity = assertThrows(UnboundResourceException.class,
                () -> run(task("arn:aws:states:us-east-1:123456789012:activity:Approve", ""), "{}", registry()));
        assertEquals("Approve", activity.bindingName());
        var jsonata = assertThrows(UnboundResourceException.class, () -> run("{\"QueryLanguage\":\"JSONata\","
                + "\"StartAt\":\"T\",\"States\":{\"T\":{\"Type\":\"Task\",\"Resource\":\"arn:aws:states:::lambda:invoke\","
                + "\"Arguments\":{\"FunctionName\":\"Missing\",\"Payload\":\"{% $states.input %}\"},\"End\":true}}}",
                "{}", registry()));
        assertEquals("Missing", jsonata.bindingName());
    }

    @Test
    void integrationsBindByServiceAndActionWithoutPattern() {
        TaskRegistry registry = registry()
                .bind("dynamodb:putItem", (input, context) -> json("{\"SdkHttpMetadata\":{}}"))
                .bind("aws-sdk:s3:getObject", (input, context) -> TextNode.valueOf("body"));
        ExecutionResult put = run(task("arn:aws:states:::dynamodb:putItem", "\"Parameters\":{\"TableName\":\"t\"}"),
                "{}", registry);
        assertEquals(json("{\"SdkHttpMetadata\":{}}"), put.output());
        assertEquals("dynamodb", first(put, TaskScheduled).detail("resourceType"));
        assertEquals("putItem", first(put, TaskScheduled).detail("resource"));
        ExecutionResult get = run(task("arn:aws:states:::aws-sdk:s3:getObject", ""), "{}", registry);
        assertEquals("aws-sdk:s3", first(get, TaskScheduled).detail("resourceType"));
        assertEquals("getObject", first(get, TaskScheduled).detail("resource"));
    }

    @Test
    void aFunctionBoundToTheFullArnWins() {
        TaskRegistry registry = registry().bind("arn:aws:states:::sqs:sendMessage", (input, context) -> TextNode.valueOf("arn"))
                .bind("sqs:sendMessage", (input, context) -> TextNode.valueOf("name"));
        assertEquals(TextNode.valueOf("arn"), run(task("arn:aws:states:::sqs:sendMessage", ""), "{}", registry).output());
    }

    @Test
    void syncIntegrationsReportTheSubmissionThenTheResult() {
        TaskRegistry registry = registry().bind("states:startExecution", new Echo());
        ExecutionResult result = run(task("arn:aws:states:::states:startExecution.sync:2",
                "\"Parameters\":{\"Input\":{}}"), "{}", registry);
        assertEquals(List.of(ExecutionStarted, TaskStateEntered, TaskScheduled, TaskStarted, EventType.TaskSubmitted,
                TaskSucceeded, TaskStateExited, ExecutionSucceeded), types(result));
        assertEquals("startExecution.sync:2", first(result, TaskScheduled).detail("resource"));
    }

    @Test
    void activitiesWriteActivityEventsAndGetAToken() {
        TaskRegistry registry = registry().bind("Approve", new Plain());
        ExecutionResult result = run(task("arn:aws:states:us-east-1:123456789012:activity:Approve",
                "\"HeartbeatSeconds\":30"), "{}", registry);
        assertEquals(List.of(ExecutionStarted, TaskStateEntered, EventType.ActivityScheduled, EventType.ActivityStarted,
                EventType.ActivitySucceeded, TaskStateExited, ExecutionSucceeded), types(result));
        assertTrue(result.output().get("hasToken").asBoolean());
        assertEquals(30L, ((Number) first(result, EventType.ActivityScheduled).detail("heartbeatInSeconds")).longValue());
    }

    @Test
    void retriesCallTheFunctionAgainWithTheAttemptNumber() {
        TaskRegistry registry = new TaskRegistry().bind("Flaky", new Flaky());
        ExecutionResult result = run(task("Flaky",
                "\"Retry\":[{\"ErrorEquals\":[\"Busy\"],\"IntervalSeconds\":1,\"MaxAttempts\":3}]"), "{}", registry);
        assertEquals(ExecutionStatus.SUCCEEDED, result.status());
        assertEquals(json("3"), result.output());
        assertEquals(3, types(result).stream().filter(t -> t == LambdaFunctionScheduled).count());
        assertEquals("attempt 1", result.events().get(4).detail("cause"));
    }

    @Test
    void otherExceptionsAreNamedBySimpleClassNameWithAPythonStyleCause() {
        TaskRegistry registry = new TaskRegistry().bind("Bad", (input, context) -> {
            throw new IllegalStateException("no way");
        });
        ExecutionResult result = run(task("Bad", ""), "{}", registry);
        assertEquals("IllegalStateException", result.error());
        JsonNode cause = json(result.cause());
        assertEquals("no way", cause.get("errorMessage").asText());
        assertEquals("IllegalStateException", cause.get("errorType").asText());
    }

    @Test
    void aCrashingFunctionFailsItsTaskLikeACrashingLambdaAndTheRunnerCarriesOn() {
        TaskRegistry registry = registry().bind("Crash", new Crash()).bind("sqs:sendMessage", new Crash());
        ExecutionResult lambda = run(task("Crash", ""), "{}", registry);
        assertEquals("Lambda.Unknown", lambda.error());
        assertTrue(lambda.cause().startsWith("The cause could not be determined because Lambda did not return an error type."),
                lambda.cause());
        assertTrue(lambda.cause().contains("java.lang.StackOverflowError"));
        ExecutionResult sqs = run(task("arn:aws:states:::sqs:sendMessage", ""), "{}", registry);
        assertEquals("States.TaskFailed", sqs.error());
        ExecutionResult after = run(task("Echo", ""), "{\"ok\":true}", registry);
        assertEquals(ExecutionStatus.SUCCEEDED, after.status());
    }

    @Test
    void anOutOfMemoryErrorInALambdaInvokeIsLambdaUnknownAndCanBeCaught() {
        TaskRegistry registry = registry().bind("Hungry", (input, context) -> {
            throw new OutOfMemoryError("Java heap space");
        });
        ExecutionResult result = run("{\"StartAt\":\"T\",\"States\":{\"T\":{\"Type\":\"Task\","
                + "\"Resource\":\"arn:aws:states:::lambda:invoke\",\"Parameters\":{\"FunctionName\":\"Hungry\"},"
                + "\"Catch\":[{\"ErrorEquals\":[\"Lambda.Unknown\"],\"Next\":\"P\"}],\"End\":true},"
                + "\"P\":{\"Type\":\"Pass\",\"End\":true}}}", "{}", registry);
        assertEquals(ExecutionStatus.SUCCEEDED, result.status());
        assertEquals("Lambda.Unknown", result.output().get("Error").asText());
        assertTrue(result.output().get("Cause").asText().contains("java.lang.OutOfMemoryError"));
    }

    @Test
    void resultsOver256KiBExceedTheDataLimit() {
        String big = "a".repeat(262_145);
        TaskRegistry registry = new TaskRegistry().bind("Big", (input, context) -> TextNode.valueOf(big));
        ExecutionResult result = run(task("arn:aws:lambda:us-east-1:123456789012:function:Big", ""), "{}", registry);
        assertEquals("States.DataLimitExceeded", result.error());
        assertEquals("The state/task 'arn:aws:lambda:us-east-1:123456789012:function:Big' returned a result with a size "
                + "exceeding the maximum number of bytes service limit.", result.cause());
        assertEquals(LambdaFunctionFailed, result.events().get(4).type());
    }

    @Test
    void aNullResultIsJsonNull() {
        TaskRegistry registry = new TaskRegistry().bind("Nothing", (input, context) -> null);
        ExecutionResult result = run(task("Nothing", ""), "{}", registry);
        assertEquals(Json.NODES.nullNode(), result.output());
        assertNull(result.error());
    }
}
