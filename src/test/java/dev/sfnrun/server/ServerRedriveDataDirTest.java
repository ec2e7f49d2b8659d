package dev.sfnrun.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;

/** A failed execution redriven after a restart with --data-dir: the journal kept where it stopped (variables, branch results). */
class ServerRedriveDataDirTest {
    @TempDir
    Path dir;

    @Test
    void theResumePointSurvivesARestart() throws Exception {
        ServerOptions options = ServerOptions.defaults().withPort(0).withTimeScale(0).withDataDir(dir);
        String arn;
        java.time.Instant redriveDate;
        try (SfnServer server = SfnServer.start(options, System.err); SfnClient sfn = SdkClients.client(server.port())) {
            ServerRedriveTest.sfn = sfn;
            String machine = sfn.createStateMachine(b -> b.name("redriveKept").roleArn(ServerSdkTest.ROLE).definition(
                    "{\"StartAt\":\"Setup\",\"States\":{"
                            + "\"Setup\":{\"Type\":\"Pass\",\"Assign\":{\"who.$\":\"$.who\"},\"Next\":\"Both\"},"
                            + "\"Both\":{\"Type\":\"Parallel\",\"Branches\":["
                            + "{\"StartAt\":\"Fixed\",\"States\":{\"Fixed\":{\"Type\":\"Pass\",\"Result\":\"kept\",\"End\":true}}},"
                            + "{\"StartAt\":\"Ask\",\"States\":{\"Ask\":{" + ServerRedriveTest.ASK + ",\"End\":true}}}],"
                            + "\"Next\":\"Done\"},"
                            + "\"Done\":{\"Type\":\"Pass\",\"Parameters\":{\"who.$\":\"$who\",\"branches.$\":\"$\"},\"End\":true}}}"))
                    .stateMachineArn();
            arn = sfn.startExecution(b -> b.stateMachineArn(machine).input("{\"who\":\"ann\"}")).executionArn();
            String token = ServerRedriveTest.tokens(arn, 0, 1).get(0);
            sfn.sendTaskFailure(b -> b.taskToken(token).error("Later"));
            assertEquals(ExecutionStatus.FAILED, ServerRedriveTest.await(arn, ExecutionStatus.FAILED).status());
        }
        try (SfnServer server = SfnServer.start(options, System.err); SfnClient sfn = SdkClients.client(server.port())) {
            ServerRedriveTest.sfn = sfn;
            int before = ServerRedriveTest.history(arn).size();
            redriveDate = sfn.redriveExecution(b -> b.executionArn(arn).clientToken("kept")).redriveDate();
            String token = ServerRedriveTest.tokens(arn, before, 1).get(0);
            sfn.sendTaskSuccess(b -> b.taskToken(token).output("\"answered\""));
            var done = ServerRedriveTest.await(arn, ExecutionStatus.SUCCEEDED);
            assertEquals(ExecutionStatus.SUCCEEDED, done.status(), done.error() + " " + done.cause());
            assertEquals(ServerRedriveTest.parse("{\"who\":\"ann\",\"branches\":[\"kept\",\"answered\"]}"),
                    ServerRedriveTest.parse(done.output()));
            assertEquals(1, done.redriveCount());
        }
        try (SfnServer server = SfnServer.start(options, System.err); SfnClient sfn = SdkClients.client(server.port())) {
            // the clientToken was kept too: a retry is answered as the first time, not "Execution is SUCCEEDED ..."
            assertEquals(redriveDate, sfn.redriveExecution(b -> b.executionArn(arn).clientToken("kept")).redriveDate());
            assertEquals(1, sfn.describeExecution(b -> b.executionArn(arn)).redriveCount());
        } finally {
            ServerRedriveTest.sfn = null;
        }
    }
}
