package dev.sfnrun.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sfnrun.query.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sfn-run test-state} in-process: files and inline JSON in, AWS's response or refusal out. */
class TestStateCommandTest {
    @TempDir
    Path dir;

    private String file(String name, String text) throws Exception {
        Path path = dir.resolve(name);
        Files.writeString(path, text);
        return path.toString();
    }

    @Test
    void answersWithTheResponseJsonAndExitZero() throws Exception {
        String definition = file("task.json", "{\"Type\": \"Task\", \"Resource\": \"arn:aws:states:::sqs:sendMessage\","
                + " \"Parameters\": {\"QueueUrl\": \"q\", \"MessageBody.$\": \"$.m\"}, \"ResultPath\": \"$.sent\", \"Next\": \"Done\"}");
        String mock = file("mock.json", "{\"result\": \"{\\\"MessageId\\\": \\\"m-1\\\"}\"}");
        TutorialCliTest.Run run = TutorialCliTest.cli("test-state", "--definition", definition, "--input", "{\"m\": \"hi\"}",
                "--mock", mock, "--inspection-level", "DEBUG", "--output", "json");
        assertEquals(0, run.exit(), run.err());
        JsonNode response = run.json();
        assertEquals("SUCCEEDED", response.get("status").asText());
        assertEquals("Done", response.get("nextState").asText());
        assertEquals(Json.parse("{\"m\": \"hi\", \"sent\": {\"MessageId\": \"m-1\"}}"), Json.parse(response.get("output").asText()));
        assertEquals(Json.parse("{\"QueueUrl\": \"q\", \"MessageBody\": \"hi\"}"),
                Json.parse(response.at("/inspectionData/afterParameters").asText()));
    }

    @Test
    void stateOfAMachineWithVariablesAndStateConfiguration() throws Exception {
        String definition = file("machine.json", "{\"QueryLanguage\": \"JSONata\", \"StartAt\": \"A\", \"States\": {\"A\": {\"Type\": \"Pass\","
                + " \"Next\": \"B\"}, \"B\": {\"Type\": \"Task\", \"Resource\": \"arn:aws:states:::lambda:invoke\", \"Arguments\":"
                + " {\"FunctionName\": \"f\", \"Payload\": \"{% $v %}\"}, \"Retry\": [{\"ErrorEquals\": [\"Oops\"], \"MaxAttempts\": 3}],"
                + " \"End\": true}}}");
        String config = file("config.json", "{\"retrierRetryCount\": 2}");
        TutorialCliTest.Run run = TutorialCliTest.cli("test-state", "--definition", definition, "--state-name", "B",
                "--variables", "{\"v\": 1}", "--mock", "{\"errorOutput\": {\"error\": \"Oops\", \"cause\": \"c\"}}",
                "--state-configuration", config, "--inspection-level", "TRACE", "--output", "json");
        assertEquals(0, run.exit(), run.err());
        JsonNode response = run.json();
        assertEquals("RETRIABLE", response.get("status").asText());
        assertEquals(4, response.at("/inspectionData/errorDetails/retryBackoffIntervalSeconds").asInt()); // 1 * 2^2
    }

    @Test
    void refusalIsAwsErrorOnStdoutWithExitTwo() throws Exception {
        String definition = file("succeed.json", "{\"Type\": \"Succeed\"}");
        TutorialCliTest.Run run = TutorialCliTest.cli("test-state", "--definition", definition,
                "--mock", "{\"result\": \"{}\"}", "--output", "json");
        assertEquals(2, run.exit());
        JsonNode exception = run.json().get("exception");
        assertEquals("ValidationException", exception.get("code").asText());
        assertEquals("State type 'Succeed' is not supported when a mock is specified", exception.get("message").asText());
    }

    @Test
    void stateConfigurationIsCheckedAsServeChecksIt() throws Exception {
        // a string count was answered with a range message, and an empty errorCausedByState was accepted
        String definition = file("pass.json", "{\"Type\": \"Pass\", \"End\": true}");
        String[][] cases = {
            {"{\"retrierRetryCount\": \"x\"}", "SerializationException",
                "Expected an integer at 'stateConfiguration.retrierRetryCount'"},
            {"{\"retrierRetryCount\": -1}", "ValidationException", "1 validation error detected: Value '-1' at"
                + " 'stateConfiguration.retrierRetryCount' failed to satisfy constraint: Member must have value greater"
                + " than or equal to 0"},
            {"{\"errorCausedByState\": \"\"}", "ValidationException", "1 validation error detected: Value at"
                + " 'stateConfiguration.errorCausedByState' failed to satisfy constraint: Member must have length greater"
                + " than or equal to 1"},
        };
        for (String[] c : cases) {
            TutorialCliTest.Run run = TutorialCliTest.cli("test-state", "--definition", definition,
                    "--state-configuration", c[0], "--output", "json");
            assertEquals(2, run.exit(), c[0] + run.out() + run.err());
            JsonNode exception = run.json().get("exception");
            assertEquals(c[1], exception.get("code").asText(), c[0]);
            assertEquals(c[2], exception.get("message").asText(), c[0]);
        }
    }

    @Test
    void missingFileIsOneLineOnStderr() {
        TutorialCliTest.Run run = TutorialCliTest.cli("test-state", "--definition", dir.resolve("nope.json").toString());
        assertEquals(2, run.exit());
        assertTrue(run.err().contains("nope.json: no such file"), run.err());
        assertEquals("", run.out());
    }

    @Test
    void anEmptyOrBlankFileIsRefusedNamingIt() throws Exception {
        String state = file("state.json", "{\"Type\": \"Pass\", \"End\": true}");
        String empty = file("empty.json", "");
        String blank = file("blank.json", "\n \n");
        for (String option : new String[] {"--input", "--variables", "--context", "--mock", "--state-configuration"}) {
            for (String name : new String[] {empty, blank}) {
                CliRun.assertOneLineError(CliRun.run("test-state", "--definition", state, option, name),
                        name + ": empty file, expected JSON");
            }
        }
    }

    @Test
    void errorsInMockAndStateConfigurationFilesNameTheFile() throws Exception {
        String state = file("state.json", "{\"Type\": \"Pass\", \"End\": true}");
        String bad = file("bad.json", "{bad");
        String array = file("arr.json", "[1]");
        for (String option : new String[] {"--mock", "--state-configuration"}) {
            CliRun.assertOneLineError(CliRun.run("test-state", "--definition", state, option, bad),
                    bad + ":1:2: invalid JSON: a key must be a string in double quotes, found 'b'");
            CliRun.assertOneLineError(CliRun.run("test-state", "--definition", state, option, array),
                    array + ": " + option + " must be a JSON object");
            CliRun.assertOneLineError(CliRun.run("test-state", "--definition", state, option, "[1]"),
                    option + ": expected a JSON object"); // inline JSON: the option is all there is to name
        }
    }
}
