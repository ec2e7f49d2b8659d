package dev.sfnrun.cli;

import static dev.sfnrun.cli.CliRun.assertOneLineError;
import static dev.sfnrun.cli.CliRun.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sfnrun.query.Json;
import dev.sfnrun.testtasks.Echo;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The options that bind resources to code and mocks: --classpath, --task, --mock-config, --test-case. */
class TaskOptionsTest {
    private static final String GREET = """
            {"StartAt": "Greet", "States": {"Greet": {"Type": "Task",
              "Resource": "arn:aws:lambda:us-east-1:123456789012:function:Greet", "End": true}}}
            """;
    private static final String SEND = """
            {"StartAt": "Send", "States": {"Send": {"Type": "Task",
              "Resource": "arn:aws:states:::sqs:sendMessage", "Parameters": {"MessageBody.$": "$"}, "End": true}}}
            """;

    @TempDir
    Path dir;

    private String file(String name, String text) throws Exception {
        return CliRun.file(dir, name, text);
    }

    @Test
    void taskBindsAJavaLambdaHandler() throws Exception {
        CliRun result = run(file("greet.asl.json", GREET), "--input-json", "{\"name\":\"Ada\"}", "--output", "json",
                "--time-scale", "0", "--task", "Greet=dev.sfnrun.testtasks.GreetHandler");
        assertEquals(ExitCodes.OK, result.code(), result.err());
        JsonNode report = result.report();
        assertEquals("SUCCEEDED", report.get("status").asText());
        assertEquals("Hello, Ada!", Json.parse(report.get("output").asText()).get("greeting").asText());
    }

    @Test
    void aFailingHandlerFailsTheExecutionWithTheJavaErrorName() throws Exception {
        CliRun result = run(file("greet.asl.json", GREET), "--output", "json", "--time-scale", "0",
                "--task", "Greet=dev.sfnrun.testtasks.GreetHandler");
        assertEquals(ExitCodes.FAILED, result.code());
        assertEquals("java.lang.IllegalArgumentException", result.report().get("error").asText());
    }

    @Test
    void classpathServicesAreBoundByName() throws Exception {
        Path services = dir.resolve("classes/META-INF/services");
        Files.createDirectories(services);
        Files.writeString(services.resolve("dev.sfnrun.task.TaskFunction"), Echo.class.getName() + "\n");
        String definition = file("echo.asl.json", GREET.replace("function:Greet", "function:Echo"));
        CliRun result = run(definition, "--input-json", "[1,2]", "--output", "json", "--time-scale", "0",
                "--classpath", dir.resolve("classes").toString());
        assertEquals(ExitCodes.OK, result.code(), result.err());
        assertEquals("[1,2]", result.report().get("output").asText());
    }

    @Test
    void anUnboundResourceStopsTheRunBeforeItStarts() throws Exception {
        String definition = file("send.asl.json", SEND);
        CliRun result = run(definition, "--time-scale", "0");
        assertOneLineError(result, definition + ": state 'Send', field Resource: no task function is bound to "
                + "'arn:aws:states:::sqs:sendMessage'. Bind one with --task sqs:sendMessage=your.Class (with --classpath), "
                + "list it under META-INF/services, or answer the state from a mock file (--mock-config FILE --test-case NAME).");
    }

    @Test
    void badBindingsAreOneLineErrors() throws Exception {
        String definition = file("send.asl.json", SEND);
        assertOneLineError(run(definition, "--task", "sqs:sendMessage=com.example.Missing"),
                "--task sqs:sendMessage=com.example.Missing: class com.example.Missing not found (give its jar or classes "
                        + "directory with --classpath)");
        assertOneLineError(run(definition, "--task", "sqs:sendMessage"),
                "--task sqs:sendMessage: expected NAME=fully.qualified.Class");
        assertOneLineError(run(definition, "--classpath", dir.resolve("nope.jar").toString()),
                "--classpath " + dir.resolve("nope.jar") + ": no such file or directory");
        assertOneLineError(run(definition, "--task", "A=" + Echo.class.getName(), "--task", "A=" + Echo.class.getName()),
                "Two task functions are bound to the name 'A': dev.sfnrun.testtasks.Echo and dev.sfnrun.testtasks.Echo");
    }

    @Test
    void aMockFileAnswersTheTestCaseOfTheMachineNamedAfterTheFile() throws Exception {
        String definition = file("orders.asl.json", SEND);
        String mocks = file("MockConfigFile.json", """
                {"StateMachines": {"orders": {"TestCases": {"Sent": {"Send": "SendOk"}, "Down": {"Send": "SendFails"}}}},
                 "MockedResponses": {
                   "SendOk": {"0": {"Return": {"MessageId": "m-1"}}},
                   "SendFails": {"0-9": {"Throw": {"Error": "SQS.AmazonSQSException", "Cause": "down"}}}}}
                """);
        CliRun sent = run(definition, "--output", "json", "--time-scale", "0", "--mock-config", mocks, "--test-case", "Sent");
        assertEquals(ExitCodes.OK, sent.code(), sent.err());
        assertEquals("{\"MessageId\":\"m-1\"}", sent.report().get("output").asText());
        CliRun down = run(definition, "--output", "json", "--time-scale", "0", "--mock-config", mocks, "--test-case", "Down");
        assertEquals(ExitCodes.FAILED, down.code());
        assertEquals("SQS.AmazonSQSException", down.report().get("error").asText());
        assertEquals("down", down.report().get("cause").asText());
        assertOneLineError(run(definition, "--mock-config", mocks, "--test-case", "Up"),
                mocks + ": state machine 'orders' has no test case 'Up' (found: Sent, Down)");
        assertOneLineError(run(definition, "--mock-config", mocks, "--test-case", "Sent", "--state-machine-name", "Shop"),
                mocks + ": no state machine 'Shop' under StateMachines (found: orders); set the name with --state-machine-name");
        assertOneLineError(run(definition, "--mock-config", mocks),
                "--mock-config needs --test-case NAME: the test case whose responses to use");
    }

    @Test
    void aFileNameAwsWouldRefuseAsANameIsMadeOne() throws Exception {
        // 'a:b$c.asl.json' gave the malformed ARN ...:execution:a:b$c:<uuid>; a 90-character name was kept whole
        String pass = "{\"StartAt\": \"P\", \"States\": {\"P\": {\"Type\": \"Pass\", \"End\": true}}}";
        String[][] cases = {{"a:b$c d.asl.json", "a-b-c-d"}, {"x".repeat(90) + ".asl.json", "x".repeat(80)}, {"ok_1.json", "ok_1"}};
        for (String[] c : cases) {
            CliRun result = run(file(c[0], pass), "--output", "json", "--time-scale", "0");
            assertEquals(ExitCodes.OK, result.code(), result.err());
            String arn = result.report().get("executionArn").asText();
            assertTrue(arn.startsWith("arn:aws:states:us-east-1:123456789012:execution:" + c[1] + ":"), arn);
        }
    }

    @Test
    void aRegionOrAccountThatNoArnCanHoldIsRefused() throws Exception {
        // '--region "us east"' and '--account abc' went into every ARN
        String definition = file("pass.asl.json", "{\"StartAt\": \"P\", \"States\": {\"P\": {\"Type\": \"Pass\", \"End\": true}}}");
        assertOneLineError(run(definition, "--region", "us east"),
                "--region 'us east': not an AWS region name (as us-east-1 or eu-west-2)");
        assertOneLineError(run(definition, "--region", ""), "--region '': not an AWS region name (as us-east-1 or eu-west-2)");
        assertOneLineError(run(definition, "--account", "abc"), "--account 'abc': an AWS account id is 12 digits (as 123456789012)");
        assertOneLineError(run("serve", "--account", "1234"), "--account '1234': an AWS account id is 12 digits (as 123456789012)");
        // serve refuses a mock file it cannot use at its start (it started, and failed at StartExecution)
        String notJson = file("mocks.json", "{\"StateMachines\": ");
        CliRun refused = run("serve", "--port", "0", "--mock-config", notJson);
        assertEquals(ExitCodes.CANNOT_START, refused.code(), refused.err());
        assertTrue(refused.err().startsWith("sfn-run: " + notJson + ": not valid JSON: "), refused.err());
        String array = file("array.json", "[]");
        assertOneLineError(run("serve", "--port", "0", "--mock-config", array),
                array + ": a mock file is a JSON object (with StateMachines and MockedResponses)");
        for (String region : new String[] {"us-gov-west-1", "cn-north-1", "ap-southeast-2"}) {
            assertEquals(ExitCodes.OK, run(definition, "--region", region, "-q").code(), region);
        }
    }

    @Test
    void aTaskThatNeverEndsTimesOutAndTheCommandReturns() throws Exception {
        String definition = file("slow.asl.json", GREET.replace("function:Greet\"", "function:Slow\", \"TimeoutSeconds\": 2"));
        CliRun result = run(definition, "--output", "json", "--time-scale", "0.001",
                "--task", "Slow=dev.sfnrun.testtasks.Stubborn");
        assertEquals(ExitCodes.FAILED, result.code(), result.err());
        assertEquals("States.Timeout", result.report().get("error").asText());
        assertFalse(result.report().has("cause") && !result.report().get("cause").isNull());
        assertTrue(result.out().contains("LambdaFunctionTimedOut"));
    }

    @Test
    void everyUnboundStateIsListedInDefinitionOrder() throws Exception {
        String definition = file("three.asl.json", """
                {"StartAt": "Zeta", "States": {
                  "Zeta": {"Type": "Task", "Resource": "arn:aws:lambda:us-east-1:123456789012:function:Foo", "Next": "Alpha"},
                  "Alpha": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
                            "Parameters": {"FunctionName": "Bar", "Payload.$": "$"}, "Next": "Mid"},
                  "Mid": {"Type": "Task", "Resource": "arn:aws:states:::sqs:sendMessage", "End": true}}}
                """);
        CliRun result = run(definition, "--time-scale", "0");
        assertEquals(ExitCodes.CANNOT_START, result.code());
        String how = "=your.Class (with --classpath), list it under META-INF/services, or answer the state from a mock "
                + "file (--mock-config FILE --test-case NAME).";
        assertEquals(String.join(System.lineSeparator(),
                "sfn-run: " + definition + ": state 'Zeta', field Resource: no task function is bound to "
                        + "'arn:aws:lambda:us-east-1:123456789012:function:Foo'. Bind one with --task Foo" + how,
                "sfn-run: " + definition + ": state 'Alpha', field Parameters.FunctionName: no task function is bound "
                        + "to 'Bar'. Bind one with --task Bar" + how,
                "sfn-run: " + definition + ": state 'Mid', field Resource: no task function is bound to "
                        + "'arn:aws:states:::sqs:sendMessage'. Bind one with --task sqs:sendMessage" + how, ""),
                result.err());
    }
}
