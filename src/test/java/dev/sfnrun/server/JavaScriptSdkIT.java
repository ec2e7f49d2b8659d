package dev.sfnrun.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.StateMachineType;

/**
 * The README's AWS SDK for JavaScript v3 example ({@code src/test/js/start-sync-execution.mjs},
 * {@code disableHostPrefix: true}) run by real {@code node} against the server, with
 * {@code @aws-sdk/client-sfn} installed by npm under target/. Without {@code disableHostPrefix}
 * the same script fails: the SDK calls the {@code sync-} host.
 */
class JavaScriptSdkIT {
    static final String PACKAGE = "@aws-sdk/client-sfn@3.1178.0";
    static final Path SCRIPT = Path.of("src/test/js/start-sync-execution.mjs");
    static final Path DIR = Path.of("target/js-sdk").toAbsolutePath();
    static SfnServer server;

    /** Exit code, standard output, and standard error (node warns there that version 20 is old for the SDK). */
    record Result(int exit, String out, String err) {
        String all() {
            return out + err;
        }
    }

    static Result run(Path dir, Map<String, String> env, long timeoutSeconds, String... command) throws Exception {
        Path err = Files.createTempFile("js-sdk", ".err");
        try {
            ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile())
                    .redirectError(err.toFile());
            builder.environment().putAll(env);
            Process process = builder.start();
            process.getOutputStream().close();
            byte[] out = process.getInputStream().readAllBytes();
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError(String.join(" ", command) + " did not end in " + timeoutSeconds + " s");
            }
            return new Result(process.exitValue(), new String(out, StandardCharsets.UTF_8), Files.readString(err));
        } finally {
            Files.deleteIfExists(err);
        }
    }

    static boolean onPath(String command) {
        try {
            return run(Path.of("."), Map.of(), 30, command, "--version").exit() == 0;
        } catch (Exception e) {
            return false;
        }
    }

    @BeforeAll
    static void install() throws Exception {
        Assumptions.assumeTrue(onPath("npm") && onPath("node"),
                "JavaScriptSdkIT skipped: npm or node is not installed (.ci/run installs nodejs; npm comes with it)");
        Files.createDirectories(DIR);
        if (!Files.isDirectory(DIR.resolve("node_modules/@aws-sdk/client-sfn"))) {
            Result installed = run(DIR, Map.of(), 600, "npm", "install", "--no-audit", "--no-fund", "--loglevel=error",
                    "--prefix", DIR.toString(), PACKAGE);
            assertEquals(0, installed.exit(), "npm install " + PACKAGE + ":\n" + installed.all());
        }
        server = SfnServer.start(ServerOptions.defaults().withPort(0).withTimeScale(0), System.err);
        try (SfnClient sfn = SfnClient.builder().endpointOverride(URI.create("http://127.0.0.1:" + server.port()))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("dummy", "dummy")))
                .build()) {
            sfn.createStateMachine(b -> b.name("tutorial").roleArn(ServerSdkTest.ROLE).type(StateMachineType.EXPRESS)
                    .definition(read(Path.of("definitions/api-error-handling.asl.json"))));
        }
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    static String read(Path path) {
        try {
            return Files.readString(path);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Runs the script (or a changed copy) with node, beside the installed SDK. */
    static Result node(String script) throws Exception {
        Path file = DIR.resolve("start-sync-execution.mjs");
        Files.writeString(file, script);
        List<String> command = new ArrayList<>(List.of("node", file.toString()));
        return run(DIR, Map.of("SFN_ENDPOINT", "http://127.0.0.1:" + server.port()), 120, command.toArray(String[]::new));
    }

    @Test
    void theReadmesExampleRunsStartSyncExecutionWithDisableHostPrefix() throws Exception {
        String script = read(SCRIPT);
        Result result = node(script);
        assertEquals(0, result.exit(), result.all());
        assertEquals("SUCCEEDED \"The request has succeeded.\"", result.out().strip());
        // the README shows exactly this script
        String readme = read(Path.of("README.md"));
        assertTrue(readme.contains("```js\n" + script + "```\n"), "README.md must show " + SCRIPT + " verbatim");
    }

    @Test
    void withoutDisableHostPrefixTheSdkCallsTheSyncHost() throws Exception {
        String script = read(SCRIPT);
        assertTrue(script.contains("disableHostPrefix: true,"));
        Result result = node(script.replace("disableHostPrefix: true,", "disableHostPrefix: false,"));
        assertNotEquals(0, result.exit(), result.all());
        assertTrue(result.err().contains("sync-127.0.0.1"), result.all());
    }
}
