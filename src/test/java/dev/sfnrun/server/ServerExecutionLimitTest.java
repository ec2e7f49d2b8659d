package dev.sfnrun.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.ExecutionDoesNotExistException;
import software.amazon.awssdk.services.sfn.model.ExecutionLimitExceededException;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;

/** A Standard execution needs a thread: with none to be had, StartExecution is refused and nothing is left behind. */
class ServerExecutionLimitTest {
    private static final String WAIT = "{\"StartAt\":\"W\",\"States\":{\"W\":{\"Type\":\"Wait\",\"Seconds\":3600,\"End\":true}}}";
    private static final String LIMIT = "The maximum number of running executions has been reached. "
            + "Running executions must end or be stopped before a new execution can be started.";

    @Test
    void aStartWithNoThreadLeftIsRefusedAndLeavesNoExecution() throws Exception {
        AtomicBoolean exhausted = new AtomicBoolean(true);
        try (SfnServer server = SfnServer.start(ServerOptions.defaults().withPort(0).withTimeScale(1), System.err);
             SfnClient sfn = SdkClients.client(server.port())) {
            server.executions().threadFactory(run -> {
                if (exhausted.get()) {
                    throw new OutOfMemoryError("unable to create native thread: possibly out of memory or process/resource "
                            + "limits reached");
                }
                Thread thread = Executors.defaultThreadFactory().newThread(run);
                thread.setDaemon(true);
                return thread;
            });
            String machine = sfn.createStateMachine(b -> b.name("w").roleArn(ServerSdkTest.ROLE).definition(WAIT))
                    .stateMachineArn();
            ExecutionLimitExceededException refused = assertThrows(ExecutionLimitExceededException.class,
                    () -> sfn.startExecution(b -> b.stateMachineArn(machine).name("t1")));
            assertEquals(400, refused.statusCode());
            assertEquals(LIMIT, refused.awsErrorDetails().errorMessage());
            String arn = machine.replace(":stateMachine:", ":execution:") + ":t1";
            assertThrows(ExecutionDoesNotExistException.class, () -> sfn.describeExecution(b -> b.executionArn(arn)));
            assertTrue(sfn.listExecutions(b -> b.stateMachineArn(machine)).executions().isEmpty());
            exhausted.set(false); // threads again: the retry starts it
            assertEquals(arn, sfn.startExecution(b -> b.stateMachineArn(machine).name("t1")).executionArn());
            assertEquals(ExecutionStatus.RUNNING, sfn.describeExecution(b -> b.executionArn(arn)).status());
        }
    }

    @Test
    void runningExecutionsAreLimited() throws Exception {
        ServerOptions options = ServerOptions.defaults().withPort(0).withTimeScale(1)
                .withLimits(ServerLimits.defaults().withRunningExecutions(2));
        try (SfnServer server = SfnServer.start(options, System.err); SfnClient sfn = SdkClients.client(server.port())) {
            String machine = sfn.createStateMachine(b -> b.name("w").roleArn(ServerSdkTest.ROLE).definition(WAIT))
                    .stateMachineArn();
            String first = sfn.startExecution(b -> b.stateMachineArn(machine).name("a")).executionArn();
            sfn.startExecution(b -> b.stateMachineArn(machine).name("b"));
            // the same start again is the running execution (AWS's idempotency), not refused
            assertEquals(first, sfn.startExecution(b -> b.stateMachineArn(machine).name("a")).executionArn());
            ExecutionLimitExceededException refused = assertThrows(ExecutionLimitExceededException.class,
                    () -> sfn.startExecution(b -> b.stateMachineArn(machine).name("c")));
            assertEquals(LIMIT, refused.awsErrorDetails().errorMessage());
            assertEquals(2, sfn.listExecutions(b -> b.stateMachineArn(machine)).executions().size());
            sfn.stopExecution(b -> b.executionArn(first));
            assertEquals(ExecutionStatus.ABORTED, sfn.describeExecution(b -> b.executionArn(first)).status());
            String third = sfn.startExecution(b -> b.stateMachineArn(machine).name("c")).executionArn();
            assertEquals(ExecutionStatus.RUNNING, sfn.describeExecution(b -> b.executionArn(third)).status());
        }
    }
}
