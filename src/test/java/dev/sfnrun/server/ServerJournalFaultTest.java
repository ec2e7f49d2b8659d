package dev.sfnrun.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sfnrun.query.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.ExecutionDoesNotExistException;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.SfnException;
import software.amazon.awssdk.services.sfn.model.StateMachineListItem;

/** A journal write that fails (a full disk): nothing half made, no torn line, no stack trace. */
class ServerJournalFaultTest {
    private static final String PASS = "{\"StartAt\":\"P\",\"States\":{\"P\":{\"Type\":\"Pass\",\"End\":true}}}";

    @TempDir
    Path dir;

    /** Writes as a full disk does when {@code full}: part of the bytes, then "No space left on device". */
    private static JournalStore.Writes filling(AtomicBoolean full) {
        return (file, bytes) -> {
            if (!full.get()) {
                file.write(bytes);
                return;
            }
            file.write(bytes, 0, Math.max(1, bytes.length / 2));
            throw new IOException("No space left on device");
        };
    }

    @Test
    void aFailedWriteChangesNothingAndLeavesNoTornLine() throws Exception {
        AtomicBoolean full = new AtomicBoolean();
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        ServerOptions options = ServerOptions.defaults().withPort(0).withTimeScale(0);
        String machine;
        try (SfnServer server = SfnServer.start(options, new PrintStream(log, true, StandardCharsets.UTF_8),
                JournalStore.open(dir, filling(full))); SfnClient sfn = SdkClients.client(server.port())) {
            machine = sfn.createStateMachine(b -> b.name("w").roleArn(ServerSdkTest.ROLE).definition(PASS)).stateMachineArn();
            full.set(true);
            SfnException create = assertThrows(SfnException.class, () -> sfn.createStateMachine(b -> b.name("later")
                    .roleArn(ServerSdkTest.ROLE).definition(PASS)));
            assertEquals(500, create.statusCode());
            assertEquals("InternalFailure", create.awsErrorDetails().errorCode());
            assertEquals("cannot write the journal in the data directory " + dir + ": No space left on device",
                    create.awsErrorDetails().errorMessage());
            assertEquals(List.of("w"), sfn.listStateMachines(b -> { }).stateMachines().stream()
                    .map(StateMachineListItem::name).toList());
            SfnException start = assertThrows(SfnException.class, () -> sfn.startExecution(b -> b.stateMachineArn(machine)
                    .name("e1")));
            assertEquals("InternalFailure", start.awsErrorDetails().errorCode());
            String e1 = machine.replace(":stateMachine:", ":execution:") + ":e1";
            assertThrows(ExecutionDoesNotExistException.class, () -> sfn.describeExecution(b -> b.executionArn(e1)));
            assertTrue(sfn.listExecutions(b -> b.stateMachineArn(machine)).executions().isEmpty());
            String revision = sfn.describeStateMachine(b -> b.stateMachineArn(machine)).revisionId();
            SfnException update = assertThrows(SfnException.class, () -> sfn.updateStateMachine(b -> b.stateMachineArn(machine)
                    .definition(PASS.replace("\"P\"", "\"Q\""))));
            assertEquals("InternalFailure", update.awsErrorDetails().errorCode());
            var described = sfn.describeStateMachine(b -> b.stateMachineArn(machine));
            assertEquals(PASS, described.definition());
            assertEquals(revision, described.revisionId());
            assertThrows(SfnException.class, () -> sfn.tagResource(b -> b.resourceArn(machine)
                    .tags(software.amazon.awssdk.services.sfn.model.Tag.builder().key("k").value("v").build())));
            assertTrue(sfn.listTagsForResource(b -> b.resourceArn(machine)).tags().isEmpty());
            assertWholeLines();

            full.set(false); // space again: the retries succeed, each on a line of its own
            sfn.createStateMachine(b -> b.name("later").roleArn(ServerSdkTest.ROLE).definition(PASS));
            assertEquals(e1, sfn.startExecution(b -> b.stateMachineArn(machine).name("e1")).executionArn());
            awaitEnd(sfn, e1);
            assertWholeLines();
        }
        String text = log.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("sfn-run serve: cannot write the journal in the data directory " + dir
                + ": No space left on device"), text);
        assertFalse(text.contains("internal error"), text);
        try (SfnServer server = SfnServer.start(options.withDataDir(dir), System.err);
             SfnClient sfn = SdkClients.client(server.port())) {
            assertEquals(List.of("w", "later"), sfn.listStateMachines(b -> { }).stateMachines().stream()
                    .map(StateMachineListItem::name).toList());
            String e1 = machine.replace(":stateMachine:", ":execution:") + ":e1";
            assertEquals(ExecutionStatus.SUCCEEDED, sfn.describeExecution(b -> b.executionArn(e1)).status());
        }
    }

    @Test
    void anExecutionsLastWriteFailingIsOneLineNotAStackTrace() throws Exception {
        AtomicBoolean full = new AtomicBoolean();
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        String arn;
        try (SfnServer server = SfnServer.start(ServerOptions.defaults().withPort(0).withTimeScale(1),
                new PrintStream(log, true, StandardCharsets.UTF_8), JournalStore.open(dir, filling(full)));
             SfnClient sfn = SdkClients.client(server.port())) {
            String machine = sfn.createStateMachine(b -> b.name("wait").roleArn(ServerSdkTest.ROLE).definition(
                    "{\"StartAt\":\"W\",\"States\":{\"W\":{\"Type\":\"Wait\",\"Seconds\":1,\"End\":true}}}")).stateMachineArn();
            arn = sfn.startExecution(b -> b.stateMachineArn(machine)).executionArn();
            full.set(true);
            ExecutionStatus status = awaitEnd(sfn, arn);
            assertEquals(ExecutionStatus.FAILED, status);
            assertWholeLines();
        }
        String text = log.toString(StandardCharsets.UTF_8);
        assertEquals(List.of("sfn-run serve: the end of " + arn + " was not kept: cannot write the journal in the data "
                + "directory " + dir + ": No space left on device"), text.lines().toList());
        try (SfnServer server = SfnServer.start(ServerOptions.defaults().withPort(0).withDataDir(dir), System.err);
             SfnClient sfn = SdkClients.client(server.port())) {
            assertEquals(ExecutionStatus.ABORTED, sfn.describeExecution(b -> b.executionArn(arn)).status());
        }
    }

    private static ExecutionStatus awaitEnd(SfnClient sfn, String arn) throws InterruptedException {
        ExecutionStatus status = ExecutionStatus.RUNNING;
        for (int i = 0; i < 250 && status == ExecutionStatus.RUNNING; i++) {
            Thread.sleep(20);
            status = sfn.describeExecution(b -> b.executionArn(arn)).status();
        }
        return status;
    }

    /** Every line of the journal is a whole JSON object, and the file ends with a newline. */
    private void assertWholeLines() throws IOException {
        String text = Files.readString(dir.resolve(JournalStore.FILE), StandardCharsets.UTF_8);
        assertTrue(text.isEmpty() || text.endsWith("\n"), text);
        for (String line : text.split("\n")) {
            if (!line.isEmpty()) {
                assertTrue(Json.parse(line).isObject(), line);
            }
        }
    }

    @Test
    void anExecutionStoppedByTheServersEndIsWrittenAborted() throws Exception {
        // a stop interrupts the execution's thread; the journal must still take its last lines
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        String arn;
        try (SfnServer server = SfnServer.start(ServerOptions.defaults().withPort(0).withTimeScale(1).withDataDir(dir),
                new PrintStream(log, true, StandardCharsets.UTF_8)); SfnClient sfn = SdkClients.client(server.port())) {
            String machine = sfn.createStateMachine(b -> b.name("long").roleArn(ServerSdkTest.ROLE).definition(
                    "{\"StartAt\":\"W\",\"States\":{\"W\":{\"Type\":\"Wait\",\"Seconds\":3600,\"End\":true}}}")).stateMachineArn();
            arn = sfn.startExecution(b -> b.stateMachineArn(machine)).executionArn();
            for (int i = 0; i < 200 && sfn.getExecutionHistory(b -> b.executionArn(arn)).events().size() < 2; i++) {
                Thread.sleep(20);
            }
        }
        assertEquals("", log.toString(StandardCharsets.UTF_8));
        List<String> ends = Files.readAllLines(dir.resolve(JournalStore.FILE)).stream()
                .filter(line -> line.startsWith("{\"kind\":\"execution\"") && line.contains("\"status\":\"ABORTED\""))
                .toList();
        assertEquals(1, ends.size(), String.join("\n", Files.readAllLines(dir.resolve(JournalStore.FILE))));
        assertTrue(ends.get(0).contains("ExecutionAborted"), ends.get(0));
    }
}
