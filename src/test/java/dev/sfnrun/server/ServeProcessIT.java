package dev.sfnrun.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import dev.sfnrun.cli.BuiltExecutable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.HistoryEventType;

/**
 * {@code sfn-run serve} as the built executable: it starts and says where it listens, keeps its
 * state in --data-dir across a {@code kill -9} (the execution that was running is ABORTED after the
 * restart, the finished one is intact), and stops cleanly on SIGTERM.
 */
class ServeProcessIT {
    @TempDir
    static Path dir;
    static Path executable;

    @BeforeAll
    static void assemble() throws IOException {
        executable = BuiltExecutable.assemble(dir.resolve("sfn-run"));
    }

    record Served(Process process, int port, BufferedReader out) {
    }

    static Served serve(Path data) throws Exception {
        return serve(data, null);
    }

    static Served serve(Path data, String javaOptions) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(List.of(executable.toString(), "serve", "--port", "0",
                "--data-dir", data.toString()));
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        if (javaOptions != null) {
            builder.environment().put("SFN_RUN_JAVA_OPTS", javaOptions);
        }
        builder.redirectError(ProcessBuilder.Redirect.INHERIT);
        Process process = builder.start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String line = out.readLine();
        Matcher matcher = Pattern.compile("listening on http://127\\.0\\.0\\.1:(\\d+) ").matcher(String.valueOf(line));
        assertTrue(matcher.find(), String.valueOf(line));
        return new Served(process, Integer.parseInt(matcher.group(1)), out);
    }

    @Test
    void stateSurvivesKillMinus9AndSigtermStopsCleanly() throws Exception {
        Path data = dir.resolve("state");
        Served first = serve(data);
        String quick;
        String slow;
        try (SfnClient sfn = SdkClients.client(first.port())) {
            String machine = sfn.createStateMachine(b -> b.name("kept").roleArn(ServerSdkTest.ROLE).definition(
                    "{\"StartAt\":\"Choose\",\"States\":{\"Choose\":{\"Type\":\"Choice\",\"Choices\":[{\"Variable\":\"$.wait\","
                            + "\"BooleanEquals\":true,\"Next\":\"W\"}],\"Default\":\"P\"},"
                            + "\"W\":{\"Type\":\"Wait\",\"Seconds\":3600,\"Next\":\"P\"},\"P\":{\"Type\":\"Pass\",\"End\":true}}}"))
                    .stateMachineArn();
            quick = sfn.startExecution(b -> b.stateMachineArn(machine).name("quick").input("{\"wait\":false}")).executionArn();
            slow = sfn.startExecution(b -> b.stateMachineArn(machine).name("slow").input("{\"wait\":true}")).executionArn();
            for (int i = 0; i < 200 && sfn.describeExecution(b -> b.executionArn(quick)).status() == ExecutionStatus.RUNNING; i++) {
                Thread.sleep(20);
            }
            assertEquals(ExecutionStatus.SUCCEEDED, sfn.describeExecution(b -> b.executionArn(quick)).status());
        }
        first.process().destroyForcibly(); // SIGKILL
        assertTrue(first.process().waitFor(30, TimeUnit.SECONDS));

        Served second = serve(data);
        try (SfnClient sfn = SdkClients.client(second.port())) {
            assertEquals("kept", sfn.describeStateMachine(b -> b.stateMachineArn(
                    "arn:aws:states:eu-west-1:123456789012:stateMachine:kept")).name());
            var done = sfn.describeExecution(b -> b.executionArn(quick));
            assertEquals(ExecutionStatus.SUCCEEDED, done.status());
            assertEquals("{\"wait\":false}", done.output());
            var events = sfn.getExecutionHistory(b -> b.executionArn(quick)).events();
            assertEquals(HistoryEventType.EXECUTION_SUCCEEDED, events.get(events.size() - 1).type());
            var aborted = sfn.describeExecution(b -> b.executionArn(slow));
            assertEquals(ExecutionStatus.ABORTED, aborted.status());
            var slowEvents = sfn.getExecutionHistory(b -> b.executionArn(slow)).events();
            assertEquals(HistoryEventType.EXECUTION_ABORTED, slowEvents.get(slowEvents.size() - 1).type());
        }
        // SIGTERM (Process.destroy would close the pipes before the last line is read)
        assertEquals(0, new ProcessBuilder("kill", "-TERM", Long.toString(second.process().pid())).start().waitFor());
        assertTrue(second.process().waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, second.process().exitValue());
        assertEquals("sfn-run serve: stopped", second.out().readLine());
    }

    @Test
    void aSecondServerOnTheSameDataDirectoryIsRefused() throws Exception {
        Path data = dir.resolve("shared");
        Served first = serve(data);
        ProcessBuilder builder = new ProcessBuilder(List.of(executable.toString(), "serve", "--port", "0",
                "--data-dir", data.toString()));
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.redirectErrorStream(true);
        Process second = builder.start();
        String said = new String(second.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(second.waitFor(30, TimeUnit.SECONDS));
        assertEquals(2, second.exitValue(), said);
        assertEquals(List.of("sfn-run: cannot serve on 127.0.0.1:0: cannot use the data directory " + data
                + ": it is in use by another sfn-run serve"), said.lines().toList());
        assertEquals(0, new ProcessBuilder("kill", "-TERM", Long.toString(first.process().pid())).start().waitFor());
        assertTrue(first.process().waitFor(30, TimeUnit.SECONDS));
        Served third = serve(data); // the lock went with the first server
        assertEquals(0, new ProcessBuilder("kill", "-TERM", Long.toString(third.process().pid())).start().waitFor());
        assertTrue(third.process().waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, third.process().exitValue());
    }

    @Test
    void aStalledRequestIsCutOffButALongOneIsNot() throws Exception {
        Served served = serve(dir.resolve("stalls"), "-Dsun.net.httpserver.maxReqTime=1");
        try (SfnClient sfn = SdkClients.client(served.port())) {
            String[] stalls = {"POST / HTTP/1.1\r\nHo", // half a request line
                    "POST / HTTP/1.1\r\nHost: x\r\nX-Amz-Target: AWSStepFunctions.ListStateMachines\r\n"
                    + "Content-Length: 10\r\n\r\n{}"}; // a body shorter than said
            for (String stall : stalls) {
                try (java.net.Socket socket = new java.net.Socket("127.0.0.1", served.port())) {
                    socket.setSoTimeout(10_000);
                    socket.getOutputStream().write(stall.getBytes(StandardCharsets.US_ASCII));
                    long before = System.nanoTime();
                    assertEquals(-1, socket.getInputStream().read(), stall); // closed, not answered and not kept
                    long millis = (System.nanoTime() - before) / 1_000_000;
                    assertTrue(millis < 5_000, stall + ": " + millis + " ms");
                }
            }
            // a StartSyncExecution that takes longer than the limit is answered: the limit is on the request's arrival
            String machine = sfn.createStateMachine(b -> b.name("slow").roleArn(ServerSdkTest.ROLE).type("EXPRESS")
                    .definition("{\"StartAt\":\"W\",\"States\":{\"W\":{\"Type\":\"Wait\",\"Seconds\":3,\"End\":true}}}"))
                    .stateMachineArn();
            assertEquals("SUCCEEDED", sfn.startSyncExecution(b -> b.stateMachineArn(machine)).statusAsString());
        } finally {
            assertEquals(0, new ProcessBuilder("kill", "-TERM", Long.toString(served.process().pid())).start().waitFor());
            assertTrue(served.process().waitFor(30, TimeUnit.SECONDS));
        }
    }
}
