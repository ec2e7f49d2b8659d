package dev.sfnrun.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * More long requests than the server takes at once: each is answered (a result or AWS's throttling
 * error), none is a reset connection, and quick requests are still served meanwhile.
 */
class ServerLimitsTest {
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private static CompletableFuture<HttpResponse<String>> call(int port, String operation, String body) {
        return HTTP.sendAsync(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/"))
                .header("X-Amz-Target", "AWSStepFunctions." + operation)
                .header("Content-Type", "application/x-amz-json-1.0")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void longRequestsBeyondTheirPlacesAreThrottledNotReset() throws Exception {
        ServerOptions options = ServerOptions.defaults().withPort(0).withTimeScale(1)
                .withLimits(new ServerLimits(4, 2, Duration.ofMillis(100), Duration.ofSeconds(60), 100))
                .withLongPoll(Duration.ofSeconds(2));
        try (SfnServer server = SfnServer.start(options, System.err)) {
            int port = server.port();
            String created = call(port, "CreateStateMachine", "{\"name\":\"w\",\"type\":\"EXPRESS\",\"roleArn\":\""
                    + ServerSdkTest.ROLE + "\",\"definition\":\"{\\\"StartAt\\\":\\\"W\\\",\\\"States\\\":{\\\"W\\\":"
                    + "{\\\"Type\\\":\\\"Wait\\\",\\\"Seconds\\\":3,\\\"End\\\":true}}}\"}").get().body();
            String machine = created.replaceAll(".*\"stateMachineArn\":\"([^\"]+)\".*", "$1");
            List<CompletableFuture<HttpResponse<String>>> syncs = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                syncs.add(call(port, "StartSyncExecution", "{\"stateMachineArn\":\"" + machine + "\"}"));
            }
            Thread.sleep(300); // the two that got places are waiting now
            long before = System.nanoTime();
            HttpResponse<String> list = call(port, "ListStateMachines", "{}").get();
            long millis = (System.nanoTime() - before) / 1_000_000;
            assertEquals(200, list.statusCode());
            assertTrue(millis < 1500, "a quick request waited " + millis + " ms"); // not until a Wait of 3 s ends
            Map<String, Integer> answers = new TreeMap<>();
            for (CompletableFuture<HttpResponse<String>> sync : syncs) {
                HttpResponse<String> response = sync.get(); // an exception here is a reset connection
                String what = response.statusCode() == 200
                        ? "200 " + response.body().replaceAll(".*\"status\":\"([A-Z]+)\".*", "$1")
                        : response.statusCode() + " " + response.body();
                answers.merge(what, 1, Integer::sum);
            }
            assertEquals(Map.of("200 SUCCEEDED", 2, "400 {\"__type\":\"com.amazon.coral.availability#ThrottlingException\","
                    + "\"message\":\"Rate exceeded\"}", 4), answers);
        }
    }

    @Test
    void longPollsBeyondTheirPlacesAreAnsweredWithNoTask() throws Exception {
        ServerOptions options = ServerOptions.defaults().withPort(0).withTimeScale(0)
                .withLimits(new ServerLimits(4, 2, Duration.ofMillis(100), Duration.ofSeconds(60), 100))
                .withLongPoll(Duration.ofSeconds(3));
        try (SfnServer server = SfnServer.start(options, System.err)) {
            int port = server.port();
            String activity = call(port, "CreateActivity", "{\"name\":\"a\"}").get().body()
                    .replaceAll(".*\"activityArn\":\"([^\"]+)\".*", "$1");
            String poll = "{\"activityArn\":\"" + activity + "\"}";
            List<CompletableFuture<HttpResponse<String>>> polls = new ArrayList<>();
            polls.add(call(port, "GetActivityTask", poll));
            polls.add(call(port, "GetActivityTask", poll));
            Thread.sleep(300);
            long before = System.nanoTime();
            HttpResponse<String> third = call(port, "GetActivityTask", poll).get();
            long millis = (System.nanoTime() - before) / 1_000_000;
            assertEquals(200, third.statusCode());
            assertEquals("{}", third.body());
            assertTrue(millis < 1000, "the poll over the limit waited " + millis + " ms");
            assertEquals(200, call(port, "DescribeActivity", poll).get().statusCode());
            for (CompletableFuture<HttpResponse<String>> first : polls) {
                assertEquals("{}", first.get().body()); // the long polls end after 3 s with no task
            }
        }
    }

    @Test
    void aClientGoneMidBodyIsNoInternalError() throws Exception {
        java.io.ByteArrayOutputStream log = new java.io.ByteArrayOutputStream();
        try (SfnServer server = SfnServer.start(ServerOptions.defaults().withPort(0),
                new java.io.PrintStream(log, true, java.nio.charset.StandardCharsets.UTF_8))) {
            for (String length : new String[] {"100", "99999999"}) { // a body that was to fit, and one too large
                try (java.net.Socket socket = new java.net.Socket("127.0.0.1", server.port())) {
                    socket.getOutputStream().write(("POST / HTTP/1.1\r\nHost: x\r\nX-Amz-Target: "
                            + "AWSStepFunctions.ListStateMachines\r\nContent-Length: " + length + "\r\n\r\n{\"a\":")
                            .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                    Thread.sleep(100);
                }
            }
            Thread.sleep(500);
            assertEquals(200, call(server.port(), "ListStateMachines", "{}").get().statusCode());
        }
        assertEquals("", log.toString(java.nio.charset.StandardCharsets.UTF_8));
    }
}
