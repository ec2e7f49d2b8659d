package dev.sfnrun.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;

/** Step Functions Local's mock convention: --mock-config and StartExecution with stateMachineArn#TestCase. */
class ServerMockConfigTest {
    static SfnServer server;
    static SfnClient sfn;
    static String machine;

    @BeforeAll
    static void start() throws Exception {
        server = SfnServer.start(ServerOptions.defaults().withPort(0).withTimeScale(0)
                .withMockConfig(Path.of("definitions/order-tasks.mocks.json")), System.err);
        sfn = SdkClients.client(server.port());
        machine = sfn.createStateMachine(b -> b.name("order-tasks").roleArn(ServerSdkTest.ROLE)
                .definition(read("definitions/order-tasks.asl.json"))).stateMachineArn();
    }

    static String read(String file) {
        try {
            return Files.readString(Path.of(file));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @AfterAll
    static void stop() {
        sfn.close();
        server.close();
    }

    static DescribeExecutionResponse run(String testCase) throws InterruptedException {
        String arn = sfn.startExecution(b -> b.stateMachineArn(machine + "#" + testCase)
                .input(read("inputs/order.json"))).executionArn();
        long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        DescribeExecutionResponse described;
        do {
            Thread.sleep(20);
            described = sfn.describeExecution(b -> b.executionArn(arn));
        } while (described.status() == ExecutionStatus.RUNNING && System.nanoTime() < until);
        return described;
    }

    @Test
    void eachExecutionAnswersFromItsTestCase() throws Exception {
        DescribeExecutionResponse happy = run("HappyPath");
        assertEquals(ExecutionStatus.SUCCEEDED, happy.status());
        assertEquals("{\"id\":\"o-17\",\"quantity\":3,\"valid\":true,\"stock\":{\"Attributes\":{\"stock\":{\"N\":\"7\"}}},"
                + "\"approval\":{\"approvedBy\":\"ops\"}}", happy.output());
        assertEquals(machine, happy.stateMachineArn());
        DescribeExecutionResponse rejected = run("Rejected");
        assertEquals(ExecutionStatus.FAILED, rejected.status());
        assertEquals("OrderRejected", rejected.error());
        assertThrows(software.amazon.awssdk.services.sfn.model.ValidationException.class, () -> run("NoSuchCase"));
    }
}
