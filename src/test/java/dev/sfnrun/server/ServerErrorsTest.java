package dev.sfnrun.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.*;

/** Each error of the API as the AWS SDK for Java v2 sees it (type and AWS's message), and hostile requests over raw HTTP. */
class ServerErrorsTest {
    static SfnServer server;
    static SfnClient sfn;
    static String machine;
    static final String PASS = "{\"StartAt\":\"P\",\"States\":{\"P\":{\"Type\":\"Pass\",\"End\":true}}}";
    static final String WAIT = "{\"StartAt\":\"W\",\"States\":{\"W\":{\"Type\":\"Wait\",\"Seconds\":600,\"End\":true}}}";

    @BeforeAll
    static void start() throws Exception {
        server = SfnServer.start(ServerOptions.defaults().withPort(0).withTimeScale(1), System.err);
        sfn = SdkClients.client(server.port());
        machine = sfn.createStateMachine(b -> b.name("errors").definition(WAIT).roleArn(ServerSdkTest.ROLE)).stateMachineArn();
    }

    @AfterAll
    static void stop() {
        sfn.close();
        server.close();
    }

    static <T extends AwsServiceException> void fails(Class<T> type, String message, Executable call) {
        T error = assertThrows(type, call);
        assertEquals(400, error.statusCode());
        assertEquals(message, error.awsErrorDetails().errorMessage());
    }

    @Test
    void arnsAndMissingResources() {
        fails(InvalidArnException.class, "Invalid Arn: 'Invalid ARN prefix: not_a_valid_arn'",
                () -> sfn.describeStateMachine(b -> b.stateMachineArn("not_a_valid_arn")));
        String missing = "arn:aws:states:eu-west-1:123456789012:stateMachine:nope";
        fails(StateMachineDoesNotExistException.class, "State Machine Does Not Exist: '" + missing + "'",
                () -> sfn.describeStateMachine(b -> b.stateMachineArn(missing)));
        String execution = "arn:aws:states:eu-west-1:123456789012:execution:errors:nope";
        fails(ExecutionDoesNotExistException.class, "Execution Does Not Exist: '" + execution + "'",
                () -> sfn.describeExecution(b -> b.executionArn(execution)));
        fails(InvalidArnException.class, "Invalid Arn: 'Resource type not valid in this context: express'",
                () -> sfn.describeExecution(b -> b.executionArn("arn:aws:states:eu-west-1:123456789012:express:errors:a:b")));
        fails(ActivityDoesNotExistException.class, "Activity Does Not Exist: 'arn:aws:states:eu-west-1:123456789012:activity:none'",
                () -> sfn.describeActivity(b -> b.activityArn("arn:aws:states:eu-west-1:123456789012:activity:none")));
        fails(ResourceNotFoundException.class, "Resource not found: '" + missing + "'",
                () -> sfn.listTagsForResource(b -> b.resourceArn(missing)));
    }

    @Test
    void namesDefinitionsAndInputs() {
        fails(InvalidNameException.class, "Invalid Name: 'bad name'",
                () -> sfn.createStateMachine(b -> b.name("bad name").definition(PASS).roleArn(ServerSdkTest.ROLE)));
        InvalidDefinitionException invalid = assertThrows(InvalidDefinitionException.class,
                () -> sfn.createStateMachine(b -> b.name("bad").definition("{\"StartAt\":\"P\"}").roleArn(ServerSdkTest.ROLE)));
        assertTrue(invalid.awsErrorDetails().errorMessage().startsWith("Invalid State Machine Definition: 'SCHEMA_VALIDATION_FAILED: "),
                invalid.awsErrorDetails().errorMessage());
        fails(InvalidDefinitionException.class, "Invalid State Machine Definition: 'SCHEMA_VALIDATION_FAILED: Express state "
                        + "machine does not support '.waitForTaskToken' service integration  at /States/T/Resource'",
                () -> sfn.createStateMachine(b -> b.name("expressToken").type(StateMachineType.EXPRESS).roleArn(ServerSdkTest.ROLE)
                        .definition("{\"StartAt\":\"T\",\"States\":{\"T\":{\"Type\":\"Task\",\"Resource\":"
                                + "\"arn:aws:states:::sqs:sendMessage.waitForTaskToken\",\"End\":true}}}")));
        fails(StateMachineAlreadyExistsException.class, "State Machine Already Exists: '" + machine + "'",
                () -> sfn.createStateMachine(b -> b.name("errors").definition(PASS).roleArn(ServerSdkTest.ROLE)));
        fails(InvalidExecutionInputException.class, "Invalid State Machine Execution Input: 'Unrecognized token 'not': was "
                        + "expecting (JSON String, Number, Array, Object or token 'null', 'true' or 'false')'",
                () -> sfn.startExecution(b -> b.stateMachineArn(machine).input("not json")));
        fails(StateMachineTypeNotSupportedException.class, "This operation is not supported by this type of state machine",
                () -> sfn.startSyncExecution(b -> b.stateMachineArn(machine)));
        fails(MissingRequiredParameterException.class, "Either the definition, the role ARN, the LoggingConfiguration, "
                + "or the TracingConfiguration must be specified", () -> sfn.updateStateMachine(b -> b.stateMachineArn(machine)));
    }

    @Test
    void startExecutionIsIdempotentOnlyWhileRunningWithTheSameInput() {
        StartExecutionResponse first = sfn.startExecution(b -> b.stateMachineArn(machine).name("once").input("{\"a\":1}"));
        StartExecutionResponse again = sfn.startExecution(b -> b.stateMachineArn(machine).name("once").input("{\"a\":1}"));
        assertEquals(first.executionArn(), again.executionArn());
        assertEquals(first.startDate(), again.startDate());
        fails(ExecutionAlreadyExistsException.class, "Execution Already Exists: '" + first.executionArn() + "'",
                () -> sfn.startExecution(b -> b.stateMachineArn(machine).name("once").input("{\"a\":2}")));
        sfn.stopExecution(b -> b.executionArn(first.executionArn()));
        fails(ExecutionAlreadyExistsException.class, "Execution Already Exists: '" + first.executionArn() + "'",
                () -> sfn.startExecution(b -> b.stateMachineArn(machine).name("once").input("{\"a\":1}")));
    }

    @Test
    void constraintsAndTokens() {
        fails(SfnException.class, "1 validation error detected: Value '1001' at 'maxResults' failed to satisfy constraint: "
                + "Member must have value less than or equal to 1000", () -> sfn.listStateMachines(b -> b.maxResults(1001)));
        String longToken = "x".repeat(1025);
        fails(SfnException.class, "1 validation error detected: Value '" + longToken + "' at 'nextToken' failed to satisfy "
                + "constraint: Member must have length less than or equal to 1024", () -> sfn.listStateMachines(b -> b.nextToken(longToken)));
        fails(InvalidTokenException.class, "Invalid Token: 'Invalid token'", () -> sfn.listStateMachines(b -> b.nextToken("bogus")));
        ValidationException enumError = assertThrows(ValidationException.class,
                () -> sfn.listExecutions(b -> b.stateMachineArn(machine).statusFilter("succeeded")));
        assertEquals("1 validation error detected: Value 'succeeded' at 'statusFilter' failed to satisfy constraint: Member "
                + "must satisfy enum value set: [SUCCEEDED, TIMED_OUT, PENDING_REDRIVE, ABORTED, FAILED, RUNNING]",
                enumError.awsErrorDetails().errorMessage());
    }

    @Test
    void validateStateMachineDefinitionGivesTheValidatorsDiagnostics(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        ValidateStateMachineDefinitionResponse ok = sfn.validateStateMachineDefinition(b -> b.definition(PASS));
        assertEquals(ValidateStateMachineDefinitionResultCode.OK, ok.result());
        assertEquals(List.of(), ok.diagnostics());
        String definition = "{\"StartAt\":\"P\",\"States\":{\"P\":{\"Type\":\"Pass\",\"Next\":\"Nowhere\"}}}";
        ValidateStateMachineDefinitionResponse bad = sfn.validateStateMachineDefinition(b -> b.definition(definition));
        assertEquals(ValidateStateMachineDefinitionResultCode.FAIL, bad.result());
        assertTrue(bad.diagnostics().stream().anyMatch(d -> d.code().equals("MISSING_TRANSITION_TARGET")
                && d.location().equals("/States/P/Next")), bad.toString());
        assertEquals(false, bad.truncated());
        // the same diagnostics as sfn-run validate
        java.nio.file.Path file = dir.resolve("bad.asl.json");
        java.nio.file.Files.writeString(file, definition);
        java.io.StringWriter out = new java.io.StringWriter();
        dev.sfnrun.cli.SfnRun.run(new String[] {"validate", "--output", "json", file.toString()},
                new java.io.PrintWriter(out), new java.io.PrintWriter(new java.io.StringWriter()), false);
        List<String> expected = new java.util.ArrayList<>();
        dev.sfnrun.query.Json.parse(out.toString()).get("diagnostics").forEach(d -> expected.add(
                d.get("severity").asText() + " " + d.get("code").asText() + " " + d.get("message").asText()));
        List<String> actual = sfn.validateStateMachineDefinition(b -> b.definition(definition).severity("WARNING"))
                .diagnostics().stream().map(d -> d.severityAsString() + " " + d.code() + " " + d.message()).toList();
        assertEquals(expected, actual);
        // with type EXPRESS, what an Express workflow cannot have (it said OK; AWS's recorded
        // type_express[ILLEGAL_WFTT], its trailing space kept); the .sync text has a single space before "at"
        String token = "{\"StartAt\":\"SendMessageWithWait\",\"States\":{\"SendMessageWithWait\":{\"Type\":\"Task\","
                + "\"Resource\":\"arn:aws:states:::sqs:sendMessage.waitForTaskToken\",\"End\":true}}}";
        ValidateStateMachineDefinitionResponse express = sfn.validateStateMachineDefinition(b -> b.definition(token)
                .type(StateMachineType.EXPRESS));
        assertEquals(ValidateStateMachineDefinitionResultCode.FAIL, express.result());
        assertEquals(1, express.diagnostics().size());
        assertEquals("SCHEMA_VALIDATION_FAILED", express.diagnostics().get(0).code());
        assertEquals("Express state machine does not support '.waitForTaskToken' service integration ",
                express.diagnostics().get(0).message());
        assertEquals("/States/SendMessageWithWait/Resource", express.diagnostics().get(0).location());
        assertEquals(ValidateStateMachineDefinitionResultCode.OK, sfn.validateStateMachineDefinition(b -> b.definition(token)
                .type(StateMachineType.STANDARD)).result());
        fails(InvalidDefinitionException.class, "Invalid State Machine Definition: 'SCHEMA_VALIDATION_FAILED: Express state "
                        + "machine does not support '.sync' service integration at /States/StartExecution/Resource'",
                () -> sfn.createStateMachine(b -> b.name("expressSync").type(StateMachineType.EXPRESS).roleArn(ServerSdkTest.ROLE)
                        .definition("{\"StartAt\":\"StartExecution\",\"States\":{\"StartExecution\":{\"Type\":\"Task\",\"Resource\":"
                                + "\"arn:aws:states:::states:startExecution.sync\",\"End\":true}}}")));
    }

    // hostile requests over raw HTTP

    static HttpResponse<String> post(String target, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/"))
                .header("Content-Type", "application/x-amz-json-1.0")
                // signed for the SDK client's region, whose machines it lists
                .header("Authorization", "AWS4-HMAC-SHA256 Credential=dummy/20260101/eu-west-1/states/aws4_request,"
                        + " SignedHeaders=host, Signature=0")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (target != null) {
            request.header("X-Amz-Target", target);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static void answers(HttpResponse<String> response, int status, String type) throws Exception {
        assertEquals(status, response.statusCode(), response.body());
        assertEquals("application/x-amz-json-1.0", response.headers().firstValue("Content-Type").orElse(""));
        assertEquals(type, dev.sfnrun.query.Json.parse(response.body()).get("__type").asText(), response.body());
        assertTrue(!response.body().contains("at dev.sfnrun"), response.body());
    }

    @Test
    void hostileRequestsGetAwsErrorsAndTheServerGoesOn() throws Exception {
        answers(post("AWSStepFunctions.NoSuchThing", "{}"), 400, "com.amazon.coral.service#UnknownOperationException");
        answers(post(null, "{}"), 400, "com.amazon.coral.service#UnknownOperationException");
        answers(post("AWSStepFunctions.ListStateMachines", "{not json"), 400, "com.amazon.coral.service#SerializationException");
        answers(post("AWSStepFunctions.ListStateMachines", "[1,2]"), 400, "com.amazon.coral.service#SerializationException");
        answers(post("AWSStepFunctions.ListStateMachines", "{\"maxResults\":\"ten\"}"), 400,
                "com.amazon.coral.service#SerializationException");
        answers(post("AWSStepFunctions.ListStateMachines", "{\"surprise\":\"one\",\"maxResults\":[true]}"), 400,
                "com.amazon.coral.service#SerializationException"); // a known member of the wrong type
        answers(post("AWSStepFunctions.DescribeExecution", "{}"), 400, "com.amazon.coral.validate#ValidationException");
        answers(post("AWSStepFunctions.ListStateMachines", "[".repeat(100_000)), 400,
                "com.amazon.coral.service#SerializationException");
        answers(post("AWSStepFunctions.StartExecution", "{\"stateMachineArn\":\"" + machine + "\",\"input\":\""
                + "x".repeat(300_000) + "\"}"), 400, "com.amazon.coral.validate#ValidationException");
        answers(post("AWSStepFunctions.ListStateMachines", " ".repeat(HttpFront.MAX_BODY + 10)), 413,
                "com.amazon.coral.service#RequestEntityTooLargeException");
        // unknown members are ignored, as AWS's JSON services do (no recorded AWS answer refuses one)
        HttpResponse<String> unknown = post("AWSStepFunctions.ListStateMachines", "{\"surprise\":1,\"maxResults\":1}");
        assertEquals(200, unknown.statusCode(), unknown.body());
        assertTrue(unknown.body().contains("\"stateMachines\":[{"), unknown.body());
        HttpResponse<String> nested = post("AWSStepFunctions.TagResource", "{\"resourceArn\":\"" + machine
                + "\",\"tags\":[{\"key\":\"k\",\"value\":\"v\",\"colour\":\"red\"}]}");
        assertEquals(200, nested.statusCode(), nested.body());
        assertEquals("v", sfn.listTagsForResource(b -> b.resourceArn(machine)).tags().get(0).value());
        HttpResponse<String> empty = post("AWSStepFunctions.ListStateMachines", "");
        assertEquals(200, empty.statusCode());
        assertTrue(empty.body().contains("stateMachines"), empty.body());
        assertEquals("errors", sfn.describeStateMachine(b -> b.stateMachineArn(machine)).name());
    }

    @Test
    void aBodyFramedWronglyIsTheClientsFault() throws Exception {
        // a bad chunk was a 500 InternalFailure naming a Java exception
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("POST / HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-amz-json-1.0\r\n"
                    + "X-Amz-Target: AWSStepFunctions.ListStateMachines\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n{}\r\n0\r\n\r\n")
                    .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            String answer = new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertTrue(answer.startsWith("HTTP/1.1 400"), answer);
            assertTrue(answer.contains("{\"__type\":\"com.amazon.coral.service#SerializationException\",\"message\":"
                    + "\"The request body could not be read: invalid chunk length\"}"), answer);
        }
        assertEquals("errors", sfn.describeStateMachine(b -> b.stateMachineArn(machine)).name());
    }
}
