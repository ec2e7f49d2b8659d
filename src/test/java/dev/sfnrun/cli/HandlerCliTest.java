package dev.sfnrun.cli;

import static dev.sfnrun.cli.CliRun.assertOneLineError;
import static dev.sfnrun.cli.CliRun.file;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sfnrun.query.Json;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --task NAME=python:FILE:FUNCTION} / {@code node:FILE:EXPORT} through the CLI, with real python3 and node. */
class HandlerCliTest {
    private static final String TUTORIAL = "definitions/api-error-handling.asl.json";
    private static final String PYTHON = "MockAPIFunction=python:definitions/functions/mock_api.py:lambda_handler";
    private static final String NODE = "MockAPIFunction=node:definitions/functions/mock_api.mjs:handler";

    @TempDir
    Path dir;

    @Test
    void theTutorialThroughThePythonFunctionMatchesTheBuiltIn() throws Exception {
        for (String code : new String[] {"200", "429", "503", "999"}) {
            JsonNode builtin = report("--input", "inputs/" + code + ".json");
            JsonNode python = report("--input", "inputs/" + code + ".json", "--task", PYTHON);
            assertEquals(builtin.get("status"), python.get("status"), code);
            assertEquals(builtin.get("error"), python.get("error"), code);
            assertEquals(builtin.get("cause"), python.get("cause"), code);
            assertEquals(builtin.get("output"), python.get("output"), code);
            assertEquals(shape(builtin), shape(python), code);
        }
    }

    @Test
    void theNodeFunctionFailsWithNodesErrorShape() throws Exception {
        JsonNode report = report("--input", "inputs/503.json", "--task", NODE);
        assertEquals("ServerUnavailable", report.get("error").asText());
        JsonNode failed = events(report, "LambdaFunctionFailed").get(0).get("lambdaFunctionFailedEventDetails");
        assertEquals("ServerUnavailableException", failed.get("error").asText());
        JsonNode cause = Json.parse(failed.get("cause").asText());
        assertEquals("ServerUnavailableException", cause.get("errorType").asText());
        assertEquals("503 Server Unavailable", cause.get("errorMessage").asText());
        assertEquals("ServerUnavailableException: 503 Server Unavailable", cause.get("trace").get(0).asText());
        assertEquals("SUCCEEDED", report("--input", "inputs/200.json", "--task", NODE).get("status").asText());
    }

    @Test
    void theHandlersOutputIsInTheJsonReportAndUnderVerboseEventsNeverInTheResult() throws Exception {
        file(dir, "loud.py", "print('module loaded')\ndef handler(event, context):\n    print('got', event)\n    return 7\n");
        String definition = file(dir, "m.asl.json", "{\"StartAt\":\"T\",\"States\":{\"T\":{\"Type\":\"Task\","
                + "\"Resource\":\"arn:aws:lambda:us-east-1:123456789012:function:Loud:prod\",\"End\":true}}}");
        String binding = "Loud=python:" + dir.resolve("loud.py") + ":handler";
        CliRun json = CliRun.run(definition, "--input-json", "{\"a\":1}", "--task", binding, "--output", "json");
        assertEquals(0, json.code(), json.err());
        JsonNode succeeded = events(json.report(), "LambdaFunctionSucceeded").get(0);
        assertEquals("module loaded\ngot {'a': 1}\n", succeeded.get("logs").asText());
        assertEquals("7", json.report().get("output").asText());

        CliRun verbose = CliRun.run(definition, "--input-json", "{\"a\":1}", "--task", binding, "--verbose");
        assertEquals(0, verbose.code(), verbose.err());
        assertTrue(verbose.out().contains("LambdaFunctionSucceeded    T                        7\n        output: 7\n"
                + "        logs:\n        | module loaded\n        | got {'a': 1}\n"), verbose.out());
        CliRun plain = CliRun.run(definition, "--input-json", "{\"a\":1}", "--task", binding);
        assertFalse(plain.out().contains("module loaded"), plain.out());
        assertEquals("", plain.err());
    }

    @Test
    void logTypeTailReturnsWhatTheHandlerPrintedAsLambdaDoes() throws Exception {
        file(dir, "tail.py", "def handler(event, context):\n    print('working on', event['n'])\n    return 'done'\n");
        String definition = file(dir, "tail.asl.json", "{\"StartAt\":\"T\",\"States\":{\"T\":{\"Type\":\"Task\","
                + "\"Resource\":\"arn:aws:states:::lambda:invoke\",\"Parameters\":{\"FunctionName\":\"Tail\","
                + "\"LogType\":\"Tail\",\"Payload.$\":\"$\"},\"End\":true}}}");
        CliRun run = CliRun.run(definition, "--input-json", "{\"n\":3}", "--task",
                "Tail=python:" + dir.resolve("tail.py") + ":handler", "--output", "json");
        assertEquals(0, run.code(), run.err());
        JsonNode output = dev.sfnrun.query.Json.parse(run.report().get("output").asText()); // as AWS gives it: text
        assertEquals("done", output.get("Payload").asText());
        String log = new String(java.util.Base64.getDecoder().decode(output.get("LogResult").asText()),
                java.nio.charset.StandardCharsets.UTF_8);
        String requestId = output.at("/SdkResponseMetadata/RequestId").asText();
        assertEquals("START RequestId: " + requestId + " Version: $LATEST\nworking on 3\nEND RequestId: " + requestId
                + "\nREPORT RequestId: " + requestId + "\n", log);
    }

    @Test
    void aBindingThatCannotWorkIsOneLineBeforeTheRun() throws Exception {
        assertOneLineError(CliRun.run(TUTORIAL, "--task", "MockAPIFunction=python:nowhere.py:lambda_handler"),
                "--task MockAPIFunction=python:nowhere.py:lambda_handler: nowhere.py: no such file");
        assertOneLineError(CliRun.run(TUTORIAL, "--task", "MockAPIFunction=python:definitions/functions/mock_api.py"),
                "--task MockAPIFunction=python:definitions/functions/mock_api.py: expected NAME=python:FILE:FUNCTION");
        assertOneLineError(CliRun.run(TUTORIAL, "--task", "MockAPIFunction=python:definitions/functions/mock_api.py:nope"),
                "--task MockAPIFunction=python:definitions/functions/mock_api.py:nope: Runtime.HandlerNotFound: "
                        + "Handler 'nope' missing on module 'mock_api'");
        assertOneLineError(CliRun.run(TUTORIAL, "--task", NODE, "--node", dir.resolve("no-node").toString()),
                "--task " + NODE + ": cannot start " + dir.resolve("no-node")
                        + " (error=2, No such file or directory); choose the interpreter with --node PATH");
        file(dir, "bad.py", "def handler(event, context):\n  return (\n");
        String bad = "MockAPIFunction=python:" + dir.resolve("bad.py") + ":handler";
        CliRun syntax = CliRun.run(TUTORIAL, "--task", bad);
        assertEquals(ExitCodes.CANNOT_START, syntax.code());
        assertTrue(syntax.err().startsWith("sfn-run: --task " + bad + ": Runtime.UserCodeSyntaxError: Syntax error in "
                + "module 'bad': "), syntax.err());
        assertEquals(1, syntax.err().lines().count(), syntax.err());
        assertOneLineError(CliRun.run(TUTORIAL, "--max-workers", "0"), "--max-workers must be at least 1, not 0");
        assertOneLineError(CliRun.run(TUTORIAL, "--env", "NOVALUE"), "--env NOVALUE: expected NAME=VALUE");
        assertOneLineError(CliRun.run(TUTORIAL, "--function-timeout", "0"),
                "--function-timeout must be more than 0 and at most 900 seconds (Lambda's limit), not 0.0");
    }

    @Test
    void envAndFunctionTimeoutReachTheHandler() throws Exception {
        file(dir, "env.py", "import os, time\ndef handler(event, context):\n"
                + "    time.sleep(event.get('sleep', 0))\n    return os.environ['GREETING']\n");
        String definition = file(dir, "m.asl.json", "{\"StartAt\":\"T\",\"States\":{\"T\":{\"Type\":\"Task\","
                + "\"Resource\":\"arn:aws:states:::lambda:invoke\",\"Parameters\":{\"FunctionName\":"
                + "\"arn:aws:lambda:us-east-1:123456789012:function:Env\",\"Payload.$\":\"$\"},\"End\":true}}}");
        String binding = "Env=python:" + dir.resolve("env.py") + ":handler";
        CliRun ok = CliRun.run(definition, "--task", binding, "--env", "GREETING=hi", "--output", "json");
        assertEquals(0, ok.code(), ok.err());
        assertEquals("hi", Json.parse(ok.report().get("output").asText()).get("Payload").asText());
        CliRun slow = CliRun.run(definition, "--task", binding, "--env", "GREETING=hi", "--input-json", "{\"sleep\":5}",
                "--function-timeout", "1.5", "--output", "json");
        assertEquals(1, slow.code(), slow.err());
        assertEquals("Sandbox.Timedout", slow.report().get("error").asText());
        assertTrue(slow.report().get("cause").asText().matches("\\{\"errorMessage\":\"RequestId: [0-9a-f-]{36} Error: "
                + "Task timed out after 1.50 seconds\",\"errorType\":\"Sandbox.Timedout\"}"), slow.report().get("cause").asText());
    }

    private static JsonNode report(String... args) throws Exception {
        List<String> all = new ArrayList<>(List.of(TUTORIAL, "--time-scale", "0", "--output", "json"));
        all.addAll(List.of(args));
        CliRun run = CliRun.run(all.toArray(String[]::new));
        assertEquals("", run.err());
        return run.report();
    }

    /** Each event's type and details with request ids and stack traces taken out of causes. */
    private static List<String> shape(JsonNode report) {
        List<String> shape = new ArrayList<>();
        for (JsonNode event : report.get("events")) {
            String text = event.get("type").asText() + " " + event.path("previousEventId").asText();
            for (JsonNode details : event) {
                if (details.isObject()) {
                    text += " " + Json.compact(details)
                            .replaceAll("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", "ID")
                            .replaceAll("stackTrace(\\\\*)\": \\[[^]]*]", "stackTrace$1\": TRACE");
                }
            }
            shape.add(text);
        }
        return shape;
    }

    private static List<JsonNode> events(JsonNode report, String type) {
        List<JsonNode> found = new ArrayList<>();
        report.get("events").forEach(e -> {
            if (e.get("type").asText().equals(type)) {
                found.add(e);
            }
        });
        return found;
    }
}
