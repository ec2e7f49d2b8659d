package dev.sfnrun.server;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * How {@code sfn-run serve} runs.
 *
 * @param port       0 picks a free port
 * @param timeScale  as the CLI's --time-scale: 1 real time, 0 virtual time
 * @param classpath  --classpath entries; {@code bindings} --task NAME=CLASS bindings
 * @param mockConfig Step Functions Local's mock file (StartExecution picks a test case with {@code arn#TestCase}), or null
 * @param region     the region of ARNs when a request names none in its signature
 * @param dataDir    where state is kept across restarts, or null (memory only)
 * @param longPoll   how long GetActivityTask waits for a task (AWS: 60 s)
 * @param limits     how much it takes on at once
 */
public record ServerOptions(String host, int port, double timeScale, List<String> classpath, List<String> bindings,
                            Path mockConfig, String region, String account, Path dataDir, Duration longPoll,
                            ServerLimits limits) {
    public ServerOptions(String host, int port, double timeScale, List<String> classpath, List<String> bindings,
                         Path mockConfig, String region, String account, Path dataDir, Duration longPoll) {
        this(host, port, timeScale, classpath, bindings, mockConfig, region, account, dataDir, longPoll,
                ServerLimits.defaults());
    }

    public static ServerOptions defaults() {
        return new ServerOptions("127.0.0.1", 8083, 1, List.of(), List.of(), null, "us-east-1", "123456789012", null,
                ActivityOperations.LONG_POLL);
    }

    public ServerOptions withLimits(ServerLimits value) {
        return new ServerOptions(host, port, timeScale, classpath, bindings, mockConfig, region, account, dataDir, longPoll,
                value);
    }

    public ServerOptions withPort(int value) {
        return new ServerOptions(host, value, timeScale, classpath, bindings, mockConfig, region, account, dataDir, longPoll, limits);
    }

    public ServerOptions withTimeScale(double value) {
        return new ServerOptions(host, port, value, classpath, bindings, mockConfig, region, account, dataDir, longPoll, limits);
    }

    public ServerOptions withDataDir(Path value) {
        return new ServerOptions(host, port, timeScale, classpath, bindings, mockConfig, region, account, value, longPoll, limits);
    }

    public ServerOptions withMockConfig(Path value) {
        return new ServerOptions(host, port, timeScale, classpath, bindings, value, region, account, dataDir, longPoll, limits);
    }

    public ServerOptions withLongPoll(Duration value) {
        return new ServerOptions(host, port, timeScale, classpath, bindings, mockConfig, region, account, dataDir, value, limits);
    }
}
