import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The benchmark of `sfn-run serve` (issue 15), run by src/bench/serve-bench: ready time, StartSyncExecution
 * of the tutorial's 200 path with 8 concurrent clients (requests/s, p50/p99), and 10,000 Standard
 * executions started, finished and described, with the server's resident memory.
 */
public class ServeBench {
    static HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    static String endpoint;

    public static void main(String[] args) throws Exception {
        String executable = args[0];
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        int executions = args.length > 2 ? Integer.parseInt(args[2]) : 10_000;
        ProcessBuilder builder = new ProcessBuilder(executable, "serve", "--port", "0", "--time-scale", "0");
        builder.redirectError(ProcessBuilder.Redirect.INHERIT);
        long launched = System.nanoTime();
        Process server = builder.start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
            String line = out.readLine();
            while (line != null && !line.startsWith("sfn-run serve:")) { // the JVM's own notes (JFR, ...)
                line = out.readLine();
            }
            long ready = System.nanoTime();
            Matcher m = Pattern.compile("http://([0-9.]+):(\\d+)").matcher(String.valueOf(line));
            if (!m.find()) {
                throw new IllegalStateException("no ready line: " + line);
            }
            endpoint = "http://127.0.0.1:" + m.group(2) + "/";
            System.out.printf("ready: %.0f ms after launch (process start to the ready line)%n", (ready - launched) / 1e6);
            Thread drain = new Thread(() -> { // what the server says at shutdown must find a reader
                try {
                    out.transferTo(Writer.nullWriter());
                } catch (IOException ignored) {
                    // the server has gone
                }
            });
            drain.setDaemon(true);
            drain.start();

            String tutorial = Files.readString(Path.of("definitions/api-error-handling.asl.json"));
            String express = field(call("CreateStateMachine", "{\"name\":\"bench-express\",\"type\":\"EXPRESS\",\"roleArn\":"
                    + "\"arn:aws:iam::123456789012:role/bench\",\"definition\":" + quote(tutorial) + "}"), "stateMachineArn");
            String sync = "{\"stateMachineArn\":\"" + express + "\",\"input\":\"{\\\"statuscode\\\":\\\"200\\\"}\"}";
            // warm-up
            load(8, 3, sync);
            long cpuBefore = cpuMillis(server.pid());
            List<Long> latencies = load(8, seconds, sync);
            long cpu = cpuMillis(server.pid()) - cpuBefore;
            Collections.sort(latencies);
            System.out.printf("StartSyncExecution (tutorial 200 path), 8 clients, %d s: %.0f requests/s, p50 %.2f ms, p99 %.2f ms%n",
                    seconds, latencies.size() / (double) seconds, latencies.get(latencies.size() / 2) / 1e6,
                    latencies.get((int) (latencies.size() * 0.99)) / 1e6);
            System.out.printf("  server CPU: %.2f ms per request (user+system; what bounds requests/s on an idle machine)%n",
                    cpu / (double) latencies.size());

            String standard = field(call("CreateStateMachine", "{\"name\":\"bench-standard\",\"roleArn\":"
                    + "\"arn:aws:iam::123456789012:role/bench\",\"definition\":" + quote(tutorial) + "}"), "stateMachineArn");
            long start = System.nanoTime();
            List<String> arns = new ArrayList<>();
            for (int i = 0; i < executions; i++) {
                arns.add(field(call("StartExecution", "{\"stateMachineArn\":\"" + standard + "\",\"input\":"
                        + "\"{\\\"statuscode\\\":\\\"" + (i % 2 == 0 ? "200" : "429") + "\\\"}\"}"), "executionArn"));
            }
            int succeeded = 0;
            for (String arn : arns) {
                while (true) {
                    String described = call("DescribeExecution", "{\"executionArn\":\"" + arn + "\"}");
                    if (!described.contains("\"status\":\"RUNNING\"")) {
                        succeeded += described.contains("\"status\":\"SUCCEEDED\"") ? 1 : 0;
                        break;
                    }
                    Thread.sleep(5);
                }
            }
            double took = (System.nanoTime() - start) / 1e9;
            System.out.printf("%d Standard executions started, finished and described in %.1f s (%d SUCCEEDED)%n",
                    executions, took, succeeded);
            String status = Files.readString(Path.of("/proc/" + server.pid() + "/status"));
            System.out.println("server memory: " + memory(status, "VmRSS") + " resident now, " + memory(status, "VmHWM")
                    + " at most (the JVM's own limits: SFN_RUN_JAVA_OPTS)");
        } finally {
            server.destroy();
            server.waitFor();
        }
    }

    /** The process's user+system CPU time so far (clock ticks of 10 ms). */
    static long cpuMillis(long pid) throws Exception {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 10;
    }

    static String memory(String status, String key) {
        Matcher m = Pattern.compile(key + ":\\s+(\\d+) kB").matcher(status);
        return m.find() ? (Long.parseLong(m.group(1)) / 1024) + " MB" : "?";
    }

    static List<Long> load(int clients, int seconds, String body) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long until = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        List<Future<List<Long>>> futures = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            futures.add(pool.submit(() -> {
                List<Long> mine = new ArrayList<>();
                while (System.nanoTime() < until) {
                    long t = System.nanoTime();
                    String answer = call("StartSyncExecution", body);
                    if (!answer.contains("\"status\":\"SUCCEEDED\"")) {
                        throw new IllegalStateException(answer);
                    }
                    mine.add(System.nanoTime() - t);
                }
                return mine;
            }));
        }
        List<Long> all = new ArrayList<>();
        for (Future<List<Long>> f : futures) {
            all.addAll(f.get());
        }
        pool.shutdown();
        return all;
    }

    static String call(String operation, String body) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(endpoint))
                .header("Content-Type", "application/x-amz-json-1.0")
                .header("X-Amz-Target", "AWSStepFunctions." + operation)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(operation + ": " + response.body());
        }
        return response.body();
    }

    static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\":\"([^\"]+)\"").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException(json);
        }
        return m.group(1);
    }

    static String quote(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> out.append(c);
            }
        }
        return out.append('"').toString();
    }
}
