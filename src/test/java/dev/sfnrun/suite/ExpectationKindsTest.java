package dev.sfnrun.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every expectation kind, once met and once not, with the text of the failure. */
class ExpectationKindsTest {
    @TempDir
    static Path dir;
    static SuiteFixture.Run run;

    private static final String SUITE = """
            definition: tutorial.asl.json
            cases:
              - name: status passes
                input: {statuscode: "200"}
                expect: {status: SUCCEEDED}
              - name: status fails
                input: {statuscode: "503"}
                expect: {status: SUCCEEDED}
              - name: output passes
                input: {statuscode: "200"}
                expect: {output: "The request has succeeded."}
              - name: output fails
                input: {statuscode: "200"}
                mocks: {Call API: {Return: "x"}}
                expect: {output: {a: 1}}
              - name: outputContains passes
                input: {statuscode: "429"}
                mocks: {Call API: {Return: {a: 1, b: {c: [1, 2], d: "x"}, e: true}}}
                expect: {outputContains: "The request has succeeded."}
              - name: error passes
                input: {statuscode: "503"}
                expect: {error: ServerUnavailable}
              - name: error fails
                input: {statuscode: "999"}
                expect: {error: ServerUnavailable}
              - name: cause passes
                input: {statuscode: "503"}
                expect: {cause: The server is currently unable to handle the request.}
              - name: cause fails
                input: {statuscode: "999"}
                expect: {cause: nope}
              - name: causeMatches passes
                input: {statuscode: "999"}
                expect: {causeMatches: "Unknown"}
              - name: causeMatches fails
                input: {statuscode: "999"}
                expect: {causeMatches: "^server"}
              - name: path passes
                input: {statuscode: "999"}
                expect: {path: [Call API, Catch All]}
              - name: path fails
                input: {statuscode: "999"}
                expect: {path: [Call API, OK]}
              - name: pathContains passes
                input: {statuscode: "429"}
                expect: {pathContains: [Wait and Try Later, OK]}
              - name: pathContains fails
                input: {statuscode: "429"}
                expect: {pathContains: [OK, Wait and Try Later]}
              - name: visits passes
                input: {statuscode: "429"}
                expect: {visits: {Call API: 2, OK: 1, Catch All: 0}}
              - name: visits fails
                input: {statuscode: "429"}
                expect: {visits: {Call API: 1}}
              - name: events passes
                input: {statuscode: "429"}
                expect: {events: [ExecutionStarted, LambdaFunctionFailed, WaitStateEntered, ExecutionSucceeded]}
              - name: events fails
                input: {statuscode: "200"}
                expect: {events: [ExecutionStarted, WaitStateEntered]}
              - name: noEvents passes
                input: {statuscode: "200"}
                expect: {noEvents: [LambdaFunctionFailed, ExecutionFailed]}
              - name: noEvents fails
                input: {statuscode: "429"}
                expect: {noEvents: [WaitStateEntered]}
              - name: stateOutput passes
                input: {statuscode: "429"}
                expect: {stateOutput: {Change to 200: {statuscode: "200"}, Call API: "200 OK"}}
              - name: stateOutput fails
                input: {statuscode: "429"}
                expect: {stateOutput: {Change to 200: {statuscode: "201"}, Catch All: "x"}}
              - name: maxTransitions passes
                input: {statuscode: "429"}
                expect: {maxTransitions: 5}
              - name: maxTransitions fails
                input: {statuscode: "429"}
                expect: {maxTransitions: 4}
              - name: duration passes
                input: {statuscode: "429"}
                expect: {duration: "PT4S..PT5S"}
              - name: duration fails
                input: {statuscode: "429"}
                expect: {duration: "..PT3S"}
              - name: every failure is reported
                input: {statuscode: "503"}
                expect: {status: SUCCEEDED, error: X, cause: Y, path: [OK]}
            """;

    private static final String FLOW = """
            definition: flow.asl.json
            cases:
              - name: outputContains passes on nested values
                input: {kind: other, keep: {a: 1, b: [1, {c: 2, d: 3}]}}
                mocks: {Work: {Return: {a: 1, b: [1, {c: 2, d: 3}], extra: true}}}
                expect: {outputContains: {b: [1, {c: 2}]}}
              - name: outputContains fails
                input: {kind: other}
                mocks: {Work: {Return: {a: 1, b: [1, {c: 2, d: 3}]}}}
                expect: {outputContains: {a: 2, b: [1, {c: 2, z: 0}], missing: null}}
              - name: visits of nested states pass
                input: {kind: map, items: [{v: 1}, {v: 2}, {v: 3}]}
                expect: {visits: {Each: 1, Each/Double: 3, Each/Done: 3}, output: [{v: 2}, {v: 4}, {v: 6}]}
              - name: stateOutput of a nested state passes
                input: {kind: par}
                expect: {stateOutput: {Both/Left: "L", Both: ["L", "R"]}}
            """;

    @BeforeAll
    static void runSuites() throws Exception {
        SuiteFixture fixture = new SuiteFixture(dir);
        fixture.write("kinds.sfn-test.yaml", SUITE);
        fixture.write("flow.sfn-test.yml", FLOW);
        run = fixture.test(dir.toString(), "--output", "json", "--parallel", "2");
    }

    private static JsonNode result(String name) throws Exception {
        return run.result(name);
    }

    private static void passes(String name) throws Exception {
        JsonNode result = result(name);
        assertEquals("PASS", result.get("result").asText(), name + ": " + result);
    }

    private static String fails(String name, String kind) throws Exception {
        JsonNode result = result(name);
        assertEquals("FAIL", result.get("result").asText(), name + ": " + result);
        JsonNode failures = result.get("failures");
        assertEquals(1, failures.size(), failures.toString());
        assertEquals(kind, failures.get(0).get("expectation").asText());
        return failures.get(0).get("message").asText();
    }

    @Test
    void exitCodeAndCounts() throws Exception {
        assertEquals(1, run.exit(), run.err());
        JsonNode json = run.json();
        assertEquals(17, json.get("passed").asInt(), run.out());
        assertEquals(15, json.get("failed").asInt());
        assertEquals(0, json.get("skipped").asInt());
    }

    @Test
    void status() throws Exception {
        passes("status passes");
        assertEquals("expected SUCCEEDED, got FAILED", fails("status fails", "status"));
    }

    @Test
    void output() throws Exception {
        passes("output passes");
        String message = fails("output fails", "output");
        assertTrue(message.contains("$: expected {\"a\":1}, got \"The request has succeeded.\""), message);
        assertTrue(message.contains("expected: {\"a\":1}") && message.contains("actual:   \"The request has succeeded.\""), message);
    }

    @Test
    void outputContains() throws Exception {
        passes("outputContains passes");
        passes("outputContains passes on nested values");
        String message = fails("outputContains fails", "outputContains");
        assertTrue(message.startsWith("3 differences"), message);
        assertTrue(message.contains("$.a: expected 2, got 1"), message);
        assertTrue(message.contains("$.b[1].z: missing (expected 0)"), message);
        assertTrue(message.contains("$.missing: missing (expected null)"), message);
    }

    @Test
    void errorAndCause() throws Exception {
        passes("error passes");
        assertEquals("expected \"ServerUnavailable\", got \"An error of unknown type occurred\"", fails("error fails", "error"));
        passes("cause passes");
        assertEquals("expected \"nope\", got \"Unknown error!\"", fails("cause fails", "cause"));
        passes("causeMatches passes");
        assertEquals("expected a match of \"^server\", got \"Unknown error!\"", fails("causeMatches fails", "causeMatches"));
    }

    @Test
    void pathAndPathContains() throws Exception {
        passes("path passes");
        String message = fails("path fails", "path");
        assertTrue(message.contains("differs at step 2"), message);
        assertTrue(message.contains("expected: Call API → OK") && message.contains("actual:   Call API → Catch All"), message);
        passes("pathContains passes");
        message = fails("pathContains fails", "pathContains");
        assertTrue(message.startsWith("'Wait and Try Later' (item 2) not entered in this order"), message);
    }

    @Test
    void visits() throws Exception {
        passes("visits passes");
        assertEquals("'Call API': expected 1, got 2", fails("visits fails", "visits"));
        passes("visits of nested states pass");
    }

    @Test
    void eventsAndNoEvents() throws Exception {
        passes("events passes");
        assertTrue(fails("events fails", "events").startsWith("'WaitStateEntered' (item 2) does not occur in this order"));
        passes("noEvents passes");
        assertEquals("found #13 WaitStateEntered", fails("noEvents fails", "noEvents"));
    }

    @Test
    void stateOutput() throws Exception {
        passes("stateOutput passes");
        passes("stateOutput of a nested state passes");
        String message = fails("stateOutput fails", "stateOutput");
        assertTrue(message.contains("'Change to 200':") && message.contains("$.statuscode: expected \"201\", got \"200\""), message);
        assertTrue(message.contains("'Catch All': no output (the state never exited)"), message);
    }

    @Test
    void maxTransitionsAndDuration() throws Exception {
        passes("maxTransitions passes");
        assertEquals("expected at most 4 states entered, got 5", fails("maxTransitions fails", "maxTransitions"));
        passes("duration passes");
        assertTrue(fails("duration fails", "duration").startsWith("expected ..PT3S, got 4."));
    }

    @Test
    void everyFailedExpectationIsReportedWithThePathAndFailingEvent() throws Exception {
        JsonNode result = result("every failure is reported");
        List<String> kinds = new java.util.ArrayList<>();
        result.get("failures").forEach(f -> kinds.add(f.get("expectation").asText()));
        assertEquals(List.of("status", "error", "cause", "path"), kinds);
        assertEquals("FAILED", result.get("status").asText());
        assertTrue(result.get("failingEvent").asText().startsWith("#5 LambdaFunctionFailed (Call API): ServerUnavailableException: "),
                result.toString());
    }

    @Test
    void emptyListsCheckNothingSoTheCaseStillExpectsSuccess() throws Exception {
        // a case whose only expectation was an empty list or object passed for a FAILED run: it counted as an
        // expectation and switched off the implied status: SUCCEEDED while checking nothing
        SuiteFixture fixture = new SuiteFixture(java.nio.file.Files.createDirectories(dir.resolve("empty")));
        fixture.write("m.asl.json", "{\"StartAt\":\"F\",\"States\":{\"F\":{\"Type\":\"Fail\",\"Error\":\"Boom\"}}}");
        fixture.write("s.sfn-test.yaml", """
                definition: m.asl.json
                cases:
                  - name: bare
                  - name: empty expect
                    expect: {}
                  - name: empty events
                    expect: {events: []}
                  - name: empty noEvents
                    expect: {noEvents: []}
                  - name: empty visits
                    expect: {visits: {}}
                  - name: empty pathContains
                    expect: {pathContains: []}
                  - name: empty stateOutput and events
                    expect: {stateOutput: {}, events: []}
                  - name: empty path means no state entered
                    expect: {path: []}
                  - name: with a status of its own
                    expect: {status: FAILED, events: []}
                  - name: with an error of its own
                    expect: {error: Boom, visits: {}}
                """);
        SuiteFixture.Run empty = fixture.test(fixture.path("s.sfn-test.yaml"), "--output", "json");
        assertEquals(1, empty.exit(), empty.err());
        for (String name : List.of("bare", "empty expect", "empty events", "empty noEvents", "empty visits",
                "empty pathContains", "empty stateOutput and events")) {
            JsonNode result = empty.result(name);
            assertEquals("FAIL", result.get("result").asText(), name + ": " + result);
            JsonNode failures = result.get("failures");
            assertEquals(1, failures.size(), name + ": " + failures);
            assertEquals("status", failures.get(0).get("expectation").asText(), name);
            assertEquals("expected SUCCEEDED, got FAILED", failures.get(0).get("message").asText(), name);
        }
        JsonNode path = empty.result("empty path means no state entered");
        assertEquals("FAIL", path.get("result").asText());
        assertEquals("path", path.get("failures").get(0).get("expectation").asText());
        assertEquals(1, path.get("failures").size(), path.toString());
        assertEquals("PASS", empty.result("with a status of its own").get("result").asText());
        assertEquals("PASS", empty.result("with an error of its own").get("result").asText());
    }
}
