package dev.sfnrun.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.sfnrun.cli.TestStateRoute;
import dev.sfnrun.task.load.TaskSetup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.MockErrorOutput;
import software.amazon.awssdk.services.sfn.model.MockInput;
import software.amazon.awssdk.services.sfn.model.TestExecutionStatus;
import software.amazon.awssdk.services.sfn.model.TestStateResponse;

/** TestState through the server (host prefix off, as the SDK needs it): each status, and a refusal. */
class ServerTestStateTest {
    static SfnServer server;
    static SfnClient sfn;
    static final String TASK = "{\"Type\":\"Task\",\"Resource\":\"arn:aws:states:::lambda:invoke\","
            + "\"Parameters\":{\"FunctionName\":\"f\"},\"End\":true";

    @BeforeAll
    static void start() throws Exception {
        server = SfnServer.start(ServerOptions.defaults().withPort(0).withTimeScale(0), System.err);
        TestStateRoute.install(server, TaskSetup.builtinsOnly("StateMachine", "us-east-1", "123456789012"));
        sfn = SdkClients.client(server.port());
    }

    @AfterAll
    static void stop() {
        sfn.close();
        server.close();
    }

    static TestStateResponse failing(String extra) {
        return sfn.testState(b -> b.definition(TASK + extra + "}").roleArn(ServerSdkTest.ROLE).input("{}")
                .mock(MockInput.builder().errorOutput(MockErrorOutput.builder().error("Boom").cause("why").build()).build()));
    }

    @Test
    void eachStatus() {
        TestStateResponse pass = sfn.testState(b -> b.definition("{\"Type\":\"Pass\",\"Result\":{\"a\":1},\"End\":true}")
                .input("{}"));
        assertEquals(TestExecutionStatus.SUCCEEDED, pass.status());
        assertEquals("{\"a\":1}", pass.output());
        TestStateResponse failed = failing("");
        assertEquals(TestExecutionStatus.FAILED, failed.status());
        assertEquals("Boom", failed.error());
        TestStateResponse caught = failing(",\"Catch\":[{\"ErrorEquals\":[\"States.ALL\"],\"Next\":\"Handler\"}]");
        assertEquals(TestExecutionStatus.CAUGHT_ERROR, caught.status());
        assertEquals("Handler", caught.nextState());
        TestStateResponse retriable = failing(",\"Retry\":[{\"ErrorEquals\":[\"Boom\"],\"MaxAttempts\":2}]");
        assertEquals(TestExecutionStatus.RETRIABLE, retriable.status());
        software.amazon.awssdk.services.sfn.model.ValidationException refused = assertThrows(
                software.amazon.awssdk.services.sfn.model.ValidationException.class,
                () -> sfn.testState(b -> b.definition(TASK + "}").input("{}")));
        assertEquals("RoleArn must be specified when testing a Task state", refused.awsErrorDetails().errorMessage());
    }
}
