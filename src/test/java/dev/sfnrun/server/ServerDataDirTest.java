package dev.sfnrun.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;
import software.amazon.awssdk.services.sfn.model.HistoryEventType;
import software.amazon.awssdk.services.sfn.model.Tag;

/** --data-dir across a clean stop: machines, tags, activities and histories kept; a running execution ABORTED. */
class ServerDataDirTest {
    @TempDir
    Path dir;

    @Test
    void stateIsKeptAndRunningExecutionsAreAbortedOnStop() throws Exception {
        ServerOptions options = ServerOptions.defaults().withPort(0).withTimeScale(1).withDataDir(dir);
        String machine;
        String done;
        String waiting;
        String activity;
        List<HistoryEvent> before;
        try (SfnServer server = SfnServer.start(options, System.err); SfnClient sfn = SdkClients.client(server.port())) {
            machine = sfn.createStateMachine(b -> b.name("kept").roleArn(ServerSdkTest.ROLE)
                    .tags(Tag.builder().key("team").value("a").build())
                    .definition("{\"StartAt\":\"C\",\"States\":{\"C\":{\"Type\":\"Choice\",\"Choices\":[{\"Variable\":\"$.wait\","
                            + "\"BooleanEquals\":true,\"Next\":\"W\"}],\"Default\":\"P\"},"
                            + "\"W\":{\"Type\":\"Wait\",\"Seconds\":3600,\"Next\":\"P\"},\"P\":{\"Type\":\"Pass\",\"End\":true}}}"))
                    .stateMachineArn();
            activity = sfn.createActivity(b -> b.name("kept-activity")).activityArn();
            done = sfn.startExecution(b -> b.stateMachineArn(machine).input("{\"wait\":false}")).executionArn();
            waiting = sfn.startExecution(b -> b.stateMachineArn(machine).input("{\"wait\":true}")).executionArn();
            for (int i = 0; i < 200 && sfn.describeExecution(b -> b.executionArn(done)).status() == ExecutionStatus.RUNNING; i++) {
                Thread.sleep(20);
            }
            before = sfn.getExecutionHistory(b -> b.executionArn(done)).events();
        }
        assertTrue(Files.size(dir.resolve(JournalStore.FILE)) > 0);
        try (SfnServer server = SfnServer.start(options, System.err); SfnClient sfn = SdkClients.client(server.port())) {
            assertEquals("team", sfn.listTagsForResource(b -> b.resourceArn(machine)).tags().get(0).key());
            assertEquals("kept-activity", sfn.describeActivity(b -> b.activityArn(activity)).name());
            assertEquals(before, sfn.getExecutionHistory(b -> b.executionArn(done)).events());
            var aborted = sfn.describeExecution(b -> b.executionArn(waiting));
            assertEquals(ExecutionStatus.ABORTED, aborted.status());
            assertEquals("The server stopped while the execution was running", aborted.cause());
            List<HistoryEvent> events = sfn.getExecutionHistory(b -> b.executionArn(waiting)).events();
            assertTrue(events.stream().anyMatch(e -> e.type() == HistoryEventType.WAIT_STATE_ENTERED), events.toString());
            assertEquals(HistoryEventType.EXECUTION_ABORTED, events.get(events.size() - 1).type());
            assertEquals(List.of(done, waiting).size(), sfn.listExecutions(b -> b.stateMachineArn(machine)).executions().size());
        }
    }

    @Test
    void aRunningExecutionsEventsSurviveAKill() throws Exception {
        // the journal as a kill -9 leaves it: copied while the execution waits, then a server started on the copy
        Path live = dir.resolve("live");
        Path crashed = Files.createDirectories(dir.resolve("crashed"));
        String arn;
        List<HistoryEvent> before;
        try (SfnServer server = SfnServer.start(ServerOptions.defaults().withPort(0).withTimeScale(1).withDataDir(live),
                System.err); SfnClient sfn = SdkClients.client(server.port())) {
            String machine = sfn.createStateMachine(b -> b.name("killed").roleArn(ServerSdkTest.ROLE)
                    .definition("{\"StartAt\":\"P\",\"States\":{\"P\":{\"Type\":\"Pass\",\"Next\":\"W\"},"
                            + "\"W\":{\"Type\":\"Wait\",\"Seconds\":3600,\"End\":true}}}")).stateMachineArn();
            arn = sfn.startExecution(b -> b.stateMachineArn(machine)).executionArn();
            List<HistoryEvent> seen = List.of();
            for (int i = 0; i < 200 && seen.stream().noneMatch(e -> e.type() == HistoryEventType.WAIT_STATE_ENTERED); i++) {
                Thread.sleep(20);
                seen = sfn.getExecutionHistory(b -> b.executionArn(arn)).events();
            }
            before = seen;
            Files.copy(live.resolve(JournalStore.FILE), crashed.resolve(JournalStore.FILE));
        }
        assertEquals(4, before.size(), before.toString()); // started, P entered and exited, W entered
        try (SfnServer server = SfnServer.start(ServerOptions.defaults().withPort(0).withDataDir(crashed), System.err);
             SfnClient sfn = SdkClients.client(server.port())) {
            List<HistoryEvent> events = sfn.getExecutionHistory(b -> b.executionArn(arn)).events();
            assertEquals(before, events.subList(0, before.size())); // it was [ExecutionStarted, ExecutionAborted]
            assertEquals(before.size() + 1, events.size());
            assertEquals(HistoryEventType.EXECUTION_ABORTED, events.get(events.size() - 1).type());
            var described = sfn.describeExecution(b -> b.executionArn(arn));
            assertEquals(ExecutionStatus.ABORTED, described.status());
            // it said REDRIVABLE, and a redrive reran W without the run's variables
            assertEquals("NOT_REDRIVABLE", described.redriveStatusAsString());
            assertEquals("Execution was running when the server stopped, and where it stood is not known",
                    described.redriveStatusReason());
            var refused = assertThrows(software.amazon.awssdk.services.sfn.model.ExecutionNotRedrivableException.class,
                    () -> sfn.redriveExecution(b -> b.executionArn(arn)));
            assertEquals("Execution was running when the server stopped, and where it stood is not known",
                    refused.awsErrorDetails().errorMessage());
        }
        // and so it stays after another restart
        try (SfnServer server = SfnServer.start(ServerOptions.defaults().withPort(0).withDataDir(crashed), System.err);
             SfnClient sfn = SdkClients.client(server.port())) {
            assertEquals("NOT_REDRIVABLE", sfn.describeExecution(b -> b.executionArn(arn)).redriveStatusAsString());
        }
    }

    @Test
    void aLineTornByACrashDoesNotSwallowTheNextChange() throws Exception {
        // the next record was glued onto the torn line, and lost at the following restart
        ServerOptions options = ServerOptions.defaults().withPort(0).withDataDir(dir);
        try (SfnServer server = SfnServer.start(options, System.err); SfnClient sfn = SdkClients.client(server.port())) {
            sfn.createActivity(b -> b.name("first"));
        }
        Files.writeString(dir.resolve(JournalStore.FILE), "{\"kind\":\"activity\",\"arn\":\"arn:aws:sta",
                java.nio.file.StandardOpenOption.APPEND);
        try (SfnServer server = SfnServer.start(options, System.err); SfnClient sfn = SdkClients.client(server.port())) {
            sfn.createActivity(b -> b.name("second"));
        }
        try (SfnServer server = SfnServer.start(options, System.err); SfnClient sfn = SdkClients.client(server.port())) {
            List<String> names = sfn.listActivities(b -> { }).activities().stream().map(a -> a.name()).sorted().toList();
            assertEquals(List.of("first", "second"), names);
        }
    }

    @Test
    void aDataDirectoryServesOneServerAtATime() throws Exception {
        ServerOptions options = ServerOptions.defaults().withPort(0).withDataDir(dir);
        try (SfnServer first = SfnServer.start(options, System.err)) {
            var refused = assertThrows(java.io.UncheckedIOException.class, () -> SfnServer.start(options, System.err));
            assertEquals("cannot use the data directory " + dir + ": it is in use by another sfn-run serve",
                    refused.getMessage());
            assertTrue(Files.exists(dir.resolve(JournalStore.LOCK)));
        }
        try (SfnServer again = SfnServer.start(options, System.err); SfnClient sfn = SdkClients.client(again.port())) {
            assertTrue(sfn.listStateMachines(b -> { }).stateMachines().isEmpty());
        }
    }
}
