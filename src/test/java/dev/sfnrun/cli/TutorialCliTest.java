package dev.sfnrun.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sfnrun.query.Json;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The AWS error-handling tutorial's four paths through the whole CLI, in-process. */
class TutorialCliTest {
    static final String DEFINITION = "definitions/api-error-handling.asl.json";

    record Run(int exit, String out, String err) {
        JsonNode json() throws Exception {
            return Json.mapper().readTree(out);
        }
    }

    static Run cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = SfnRun.run(args, new PrintWriter(out, true), new PrintWriter(err, true), false);
        return new Run(exit, out.toString(), err.toString());
    }

    static Run json(String inputFile) {
        return cli(DEFINITION, "--input", inputFile, "--time-scale", "0", "--output", "json");
    }

    static List<String> types(JsonNode report) {
        List<String> types = new ArrayList<>();
        report.get("events").forEach(event -> types.add(event.get("type").asText()));
        return types;
    }

    static Instant at(JsonNode report, int id) {
        return Instant.parse(report.get("events").get(id - 1).get("timestamp").asText());
    }

    @Test
    void path200Succeeds() throws Exception {
        Run run = json("inputs/200.json");
        assertEquals(0, run.exit(), run.err());
        JsonNode report = run.json();
        assertEquals("SUCCEEDED", report.get("status").asText());
        assertEquals("\"The request has succeeded.\"", report.get("output").asText());
        assertTrue(report.get("error").isNull());
        assertEquals(List.of("ExecutionStarted", "TaskStateEntered", "LambdaFunctionScheduled", "LambdaFunctionStarted",
                "LambdaFunctionSucceeded", "TaskStateExited", "PassStateEntered", "PassStateExited", "ExecutionSucceeded"),
                types(report));
        JsonNode succeeded = report.get("events").get(4).get("lambdaFunctionSucceededEventDetails");
        assertEquals("\"200 OK\"", succeeded.get("output").asText());
        JsonNode scheduled = report.get("events").get(2).get("lambdaFunctionScheduledEventDetails");
        assertEquals("arn:aws:lambda:us-east-1:123456789012:function:MockAPIFunction", scheduled.get("resource").asText());
        assertEquals("{\"statuscode\":\"200\"}", scheduled.get("input").asText());
    }

    @Test
    void path503FailsWithTheCatchersError() throws Exception {
        Run run = json("inputs/503.json");
        assertEquals(1, run.exit());
        JsonNode report = run.json();
        assertEquals("FAILED", report.get("status").asText());
        assertEquals("ServerUnavailable", report.get("error").asText());
        assertEquals("The server is currently unable to handle the request.", report.get("cause").asText());
        assertEquals(List.of("ExecutionStarted", "TaskStateEntered", "LambdaFunctionScheduled", "LambdaFunctionStarted",
                "LambdaFunctionFailed", "TaskStateExited", "FailStateEntered", "ExecutionFailed"), types(report));
        JsonNode failed = report.get("events").get(4).get("lambdaFunctionFailedEventDetails");
        assertEquals("ServerUnavailableException", failed.get("error").asText());
        JsonNode lambdaCause = Json.mapper().readTree(failed.get("cause").asText());
        assertEquals("503 Server Unavailable", lambdaCause.get("errorMessage").asText());
        assertEquals("ServerUnavailableException", lambdaCause.get("errorType").asText());
        JsonNode exited = Json.mapper().readTree(report.get("events").get(5).get("stateExitedEventDetails").get("output").asText());
        assertEquals("ServerUnavailableException", exited.get("Error").asText());
        assertEquals(failed.get("cause").asText(), exited.get("Cause").asText());
    }

    @Test
    void path999IsCaughtByStatesAll() throws Exception {
        Run run = json("inputs/999.json");
        assertEquals(1, run.exit());
        JsonNode report = run.json();
        assertEquals("FAILED", report.get("status").asText());
        assertEquals("An error of unknown type occurred", report.get("error").asText());
        assertEquals("Unknown error!", report.get("cause").asText());
        JsonNode failed = report.get("events").get(4).get("lambdaFunctionFailedEventDetails");
        assertEquals("UnknownException", failed.get("error").asText());
        assertEquals("Unknown error", Json.mapper().readTree(failed.get("cause").asText()).get("errorMessage").asText());
    }

    @Test
    void path429RetriesTwiceWithBackoffThenCatchesWaitsAndSucceeds() throws Exception {
        Run run = json("inputs/429.json");
        assertEquals(0, run.exit(), run.err());
        JsonNode report = run.json();
        assertEquals("SUCCEEDED", report.get("status").asText());
        assertEquals("\"The request has succeeded.\"", report.get("output").asText());
        List<String> attempt = List.of("LambdaFunctionScheduled", "LambdaFunctionStarted", "LambdaFunctionFailed");
        List<String> expected = new ArrayList<>(List.of("ExecutionStarted", "TaskStateEntered"));
        expected.addAll(attempt);
        expected.addAll(attempt);
        expected.addAll(attempt);
        expected.addAll(List.of("TaskStateExited", "WaitStateEntered", "WaitStateExited", "PassStateEntered",
                "PassStateExited", "TaskStateEntered", "LambdaFunctionScheduled", "LambdaFunctionStarted",
                "LambdaFunctionSucceeded", "TaskStateExited", "PassStateEntered", "PassStateExited", "ExecutionSucceeded"));
        assertEquals(expected, types(report));
        // Virtual time: the retries come 1 s and 2 s after the failures, the Wait lasts 1 s.
        assertEquals(Duration.ofSeconds(1), Duration.between(at(report, 5), at(report, 6)));
        assertEquals(Duration.ofSeconds(2), Duration.between(at(report, 8), at(report, 9)));
        assertEquals(Duration.ofSeconds(1), Duration.between(at(report, 13), at(report, 14)));
        // The whole run: 4 s of waits plus the task calls' real running time, which virtual time counts too.
        Duration total = Duration.between(Instant.parse(report.get("startDate").asText()),
                Instant.parse(report.get("stopDate").asText()));
        assertTrue(total.compareTo(Duration.ofSeconds(4)) >= 0 && total.compareTo(Duration.ofSeconds(5)) < 0, total.toString());
        // The catcher's output replaced the state input; the Pass set the status code to 200.
        JsonNode caught = Json.mapper().readTree(report.get("events").get(11).get("stateExitedEventDetails").get("output").asText());
        assertEquals("TooManyRequestsException", caught.get("Error").asText());
        JsonNode reentered = Json.mapper().readTree(report.get("events").get(16).get("stateEnteredEventDetails").get("input").asText());
        assertEquals("200", reentered.get("statuscode").asText());
    }

    @Test
    void eventsChainByPreviousEventId() throws Exception {
        JsonNode events = json("inputs/429.json").json().get("events");
        for (int i = 0; i < events.size(); i++) {
            assertEquals(i + 1, events.get(i).get("id").asInt());
        }
        assertEquals(0, events.get(0).get("previousEventId").asInt());
        assertEquals(5, events.get(5).get("previousEventId").asInt());
    }

    @Test
    void textOutputIsPlainWithoutATerminal() {
        Run run = cli(DEFINITION, "--input", "inputs/503.json", "--time-scale", "0");
        assertEquals(1, run.exit());
        assertFalse(run.out().contains("\u001b["), "no colour codes when stdout is not a terminal");
        assertTrue(run.out().contains("LambdaFunctionFailed"), run.out());
        assertTrue(run.out().contains("ServerUnavailableException"), run.out());
        assertTrue(run.out().contains("FAILED"), run.out());
        assertTrue(run.out().contains("The server is currently unable to handle the request."), run.out());
    }

    @Test
    void quietPrintsOnlyTheOutput() {
        Run run = cli(DEFINITION, "--input-json", "{\"statuscode\":\"200\"}", "--time-scale", "0", "--quiet");
        assertEquals(0, run.exit());
        assertEquals("\"The request has succeeded.\"", run.out().strip());
    }

    @Test
    void badInputsExitTwoWithOneLine() {
        Run missing = cli("definitions/no-such-file.asl.json");
        assertEquals(2, missing.exit());
        assertTrue(missing.err().contains("no-such-file.asl.json"), missing.err());
        assertFalse(missing.err().contains("\tat "), "no stack trace");

        Run badInput = cli(DEFINITION, "--input-json", "{not json");
        assertEquals(2, badInput.exit());
        assertFalse(badInput.err().contains("\tat "), "no stack trace");

        Run unbound = cli("src/test/resources/cli/unbound-resource.asl.json");
        assertEquals(2, unbound.exit());
        assertTrue(unbound.err().startsWith("sfn-run: src/test/resources/cli/unbound-resource.asl.json: state 'Call', "
                + "field Resource: no task function is bound to 'arn:aws:lambda:us-east-1:123456789012:function:Nope'"),
                unbound.err());

        Run badOption = cli(DEFINITION, "--no-such-option");
        assertEquals(2, badOption.exit());
        assertTrue(badOption.err().contains("--no-such-option"), badOption.err());
    }
}
