package dev.sfnrun.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sfnrun.query.Json;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sfn-run test} through the CLI, in-process: the tutorial's suite, options, --init and templates. */
class TestCommandTest {
    @TempDir
    Path dir;

    record Run(int exit, String out, String err) {
    }

    static Run cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = SfnRun.run(args, new PrintWriter(out, true), new PrintWriter(err, true), false);
        return new Run(exit, out.toString(), err.toString());
    }

    private Path tutorial() throws Exception {
        Path file = dir.resolve("api.asl.json");
        Files.copy(Path.of("definitions/api-error-handling.asl.json"), file);
        return file;
    }

    @Test
    void theTutorialSuiteCoversEveryStateAndTransition() throws Exception {
        Path junit = dir.resolve("junit.xml");
        Run run = cli("test", "definitions/", "--junit", junit.toString(), "--min-coverage", "states=100,transitions=100",
                "--coverage");
        assertEquals(0, run.exit(), run.out() + run.err());
        List<String> lines = run.out().lines().toList();
        assertEquals(5, lines.stream().filter(l -> l.startsWith("PASS  definitions/api-error-handling.sfn-test.yaml › ")).count(), run.out());
        assertTrue(run.out().contains("definitions/api-error-handling.asl.json  6/6 100.0%        8/8 100.0%"), run.out());
        assertEquals("5 passed, 0 failed", lines.get(lines.size() - 1));
        assertTrue(Files.readString(junit).contains("tests=\"5\" failures=\"0\""));
    }

    @Test
    void jsonOutputFilterAndParallel() throws Exception {
        Run run = cli("test", "definitions/api-error-handling.sfn-test.yaml", "--output", "json", "--filter", "429|503",
                "--parallel", "1", "--coverage");
        assertEquals(0, run.exit(), run.err());
        JsonNode report = Json.mapper().readTree(run.out());
        assertEquals(2, report.get("passed").asInt());
        assertEquals(3, report.get("skipped").asInt());
        JsonNode cases = report.get("cases");
        assertEquals("SKIP", cases.get(0).get("result").asText());
        assertEquals("PASS", cases.get(1).get("result").asText());
        assertEquals("SUCCEEDED", cases.get(1).get("status").asText());
        assertEquals("\"The request has succeeded.\"", cases.get(1).get("output").toString());
        assertEquals("[\"Call API\",\"Server Unavailable\"]", cases.get(2).get("path").toString());
        assertEquals("ServerUnavailable", cases.get(2).get("error").asText());
        assertEquals(5, report.get("coverage").get(0).get("states").get("covered").asInt());
        assertEquals(1, run.out().lines().count(), "one JSON report, nothing else");
    }

    @Test
    void failFastStopsStartingCases() throws Exception {
        tutorial();
        StringBuilder suite = new StringBuilder("definition: api.asl.json\ncases:\n");
        suite.append("  - {name: first fails, input: {statuscode: \"503\"}, expect: {status: SUCCEEDED}}\n");
        for (int i = 0; i < 20; i++) {
            suite.append("  - {name: later ").append(i).append(", input: {statuscode: \"200\"}}\n");
        }
        Files.writeString(dir.resolve("ff.sfn-test.yaml"), suite);
        Run run = cli("test", dir.toString(), "--fail-fast", "--parallel", "1");
        assertEquals(1, run.exit());
        assertTrue(run.out().startsWith("FAIL  "), run.out());
        assertTrue(run.out().endsWith("0 passed, 1 failed, 20 skipped" + System.lineSeparator()), run.out());
        Run all = cli("test", dir.toString(), "--parallel", "3");
        assertTrue(all.out().endsWith("20 passed, 1 failed" + System.lineSeparator()), all.out());
    }

    @Test
    void initWritesASuiteWhoseCasesFailUntilFilledIn() throws Exception {
        Path definition = tutorial();
        Run run = cli("test", "--init", definition.toString());
        assertEquals(0, run.exit(), run.err());
        Path suite = dir.resolve("api.sfn-test.yaml");
        assertTrue(run.err().contains("wrote " + suite), run.err());
        String text = Files.readString(suite);
        assertTrue(text.contains("definition: \"api.asl.json\""), text);
        assertTrue(text.contains("name: \"Call API → Wait and Try Later (Catch[0]: TooManyRequestsException)\""), text);
        assertTrue(text.contains("Throw: {Error: \"TooManyRequestsException\", Cause: \"TODO: the cause\"}"), text);
        assertTrue(text.contains("Throw: {Error: \"ServerUnavailableException\""), text);
        assertTrue(text.contains("name: \"Call API → Catch All (Catch[2]: States.ALL)\""), text);

        Run tests = cli("test", suite.toString(), "--coverage");
        assertEquals(1, tests.exit(), tests.out() + tests.err());
        assertTrue(tests.out().contains("0 passed, 4 failed"), tests.out());
        assertEquals(4, tests.out().lines().filter(l -> l.contains("todo: placeholder case: ")).count(), tests.out());

        // a case whose placeholder is filled in (the todo line removed) runs on its own merits
        Files.writeString(suite, text.replaceFirst("    todo: \"give an input \\(and Task results\\) of a run that succeeds\"\n"
                + "    input: \\{\\}   # TODO\n", "    input: {statuscode: \"200\"}\n"));
        assertTrue(cli("test", suite.toString()).out().contains("1 passed, 3 failed"));

        Run again = cli("test", "--init", definition.toString());
        assertEquals(2, again.exit());
        assertTrue(again.err().contains(suite + ": already exists; not overwriting it"), again.err());
    }

    @Test
    void initOnChoiceMachineWritesACasePerRule() throws Exception {
        Path definition = dir.resolve("flow.asl.json");
        Files.copy(Path.of("src/test/resources/suite/flow.asl.json"), definition);
        assertEquals(0, cli("test", "--init", definition.toString()).exit());
        String text = Files.readString(dir.resolve("flow.sfn-test.yaml"));
        assertTrue(text.contains("name: \"Route → Each (Choices[0]: $.kind == \\\"map\\\")\""), text);
        assertTrue(text.contains("name: \"Route → Both (Choices[1]: $.kind == \\\"par\\\")\""), text);
        assertTrue(text.contains("\"Work\":\n        Return: \"TODO: the result\""), text);
        Run run = cli("test", dir.resolve("flow.sfn-test.yaml").toString());
        assertEquals(1, run.exit(), run.err());
        assertTrue(run.out().endsWith("0 passed, 5 failed" + System.lineSeparator()), run.out());
    }

    @Test
    void templateSuitesRunTheTemplatesPythonFunction() throws Exception {
        // the template's function is Python code, run by a real python3 worker: its result and its exception's
        // type (what the Catch sees) come from the interpreter
        Files.writeString(dir.resolve("app.py"), """
                import sys
                class OutOfStock(Exception): pass
                def handler(event, context):
                    if event.get("fail"):
                        raise OutOfStock("none left")
                    return {"from": "python", "major": sys.version_info[0], "name": context.function_name}
                """);
        Files.writeString(dir.resolve("template.yaml"), """
                Transform: AWS::Serverless-2016-10-31
                Resources:
                  Stock:
                    Type: AWS::Serverless::Function
                    Properties: {CodeUri: ./, Handler: app.handler, Runtime: python3.11}
                  Orders:
                    Type: AWS::Serverless::StateMachine
                    Properties:
                      Definition:
                        StartAt: Call
                        States:
                          Call:
                            Type: Task
                            Resource: !GetAtt Stock.Arn
                            Catch: [{ErrorEquals: [OutOfStock], Next: Sorry}]
                            End: true
                          Sorry: {Type: Fail, Error: Sorry}
                """);
        Files.writeString(dir.resolve("py.sfn-test.yaml"), """
                template: template.yaml
                stateMachine: Orders
                cases:
                  - name: ok
                    expect: {status: SUCCEEDED, output: {from: python, major: 3, name: Stock}}
                  - name: caught
                    input: {fail: true}
                    expect: {status: FAILED, error: Sorry, path: [Call, Sorry]}
                """);
        Run run = cli("test", dir.resolve("py.sfn-test.yaml").toString());
        assertEquals(0, run.exit(), run.out() + run.err());
        assertTrue(run.out().contains("2 passed, 0 failed"), run.out());
    }

    @Test
    void templateSuites() throws Exception {
        Files.writeString(dir.resolve("template.yaml"), """
                Transform: AWS::Serverless-2016-10-31
                Resources:
                  Orders:
                    Type: AWS::Serverless::StateMachine
                    Properties:
                      Definition:
                        StartAt: Call
                        States:
                          Call:
                            Type: Task
                            Resource: arn:aws:lambda:us-east-1:123456789012:function:MockAPIFunction
                            Next: Done
                          Done:
                            Type: Pass
                            Parameters: {stage: "${Stage}", result.$: "$"}
                            End: true
                """);
        Files.writeString(dir.resolve("t.sfn-test.yaml"), """
                template: template.yaml
                stateMachine: Orders
                substitutions: {Stage: prod}
                cases:
                  - name: ok
                    input: {statuscode: "200"}
                    expect: {output: {stage: prod, result: "200 OK"}}
                """);
        Run run = cli("test", dir.toString(), "--coverage");
        assertEquals(0, run.exit(), run.out() + run.err());
        assertTrue(run.out().contains("template.yaml Orders  2/2 100.0%"), run.out());

        Files.writeString(dir.resolve("t.sfn-test.yaml"), "template: template.yaml\nstateMachine: Order\ncases: [{name: a}]\n");
        Run wrong = cli("test", dir.toString());
        assertEquals(2, wrong.exit());
        assertTrue(wrong.err().contains("t.sfn-test.yaml:1: template: " + dir.resolve("template.yaml")
                + ": no state machine 'Order' in Resources (state machines: Orders)"), wrong.err());
        Files.writeString(dir.resolve("t.sfn-test.yaml"), "template: template.yaml\nstateMachine: Orders\ncases: [{name: a,"
                + " input: {statuscode: '200'}, expect: {output: {stage: '${Stage}', result: 200 OK}}}]\n");
        Run literal = cli("test", dir.toString()); // ${Stage} is not among the template's substitutions: kept, as on AWS
        assertEquals(0, literal.exit(), literal.out() + literal.err());
    }

    @Test
    void reportDirHoldsOneHtmlReportPerFailedCase() throws Exception {
        tutorial();
        Files.writeString(dir.resolve("r.sfn-test.yaml"), """
                definition: api.asl.json
                cases:
                  - {name: passes, input: {statuscode: "200"}}
                  - {name: "fails: 503", input: {statuscode: "503"}, expect: {status: SUCCEEDED}}
                  - {name: "fails: 429", input: {statuscode: "429"}, expect: {maxTransitions: 2}}
                """);
        Path reports = dir.resolve("reports");
        Run run = cli("test", dir.resolve("r.sfn-test.yaml").toString(), "--report-dir", reports.toString());
        assertEquals(1, run.exit(), run.err());
        assertTrue(run.err().contains("2 reports of failed cases in " + reports), run.err());
        List<String> files = new ArrayList<>();
        try (var list = Files.list(reports)) {
            list.forEach(f -> files.add(f.getFileName().toString()));
        }
        files.sort(null);
        assertEquals(List.of("r.sfn-test.yaml-fails_429.html", "r.sfn-test.yaml-fails_503.html"), files);
        String html = Files.readString(reports.resolve("r.sfn-test.yaml-fails_503.html"));
        assertTrue(html.startsWith("<!DOCTYPE html>") || html.startsWith("<!doctype html>"), html.substring(0, 40));
        assertTrue(html.contains("Server Unavailable"), "the report shows the machine");
        assertTrue(html.contains("ServerUnavailable"), "and the error");
    }

    @Test
    void usageErrors() {
        Run run = cli("test", "definitions/", "--parallel", "0");
        assertEquals(2, run.exit());
        assertTrue(run.err().contains("--parallel must be from 1 to 1024, not 0"), run.err());
        run = cli("test", "definitions/", "--filter", "(");
        assertEquals(2, run.exit());
        assertTrue(run.err().contains("--filter '(' is not a regular expression"), run.err());
        run = cli("test", "definitions/", "--junit", "/proc/no/such/dir/x.xml");
        assertEquals(2, run.exit());
        assertTrue(run.err().contains("/proc/no/such/dir/x.xml: cannot write"), run.err());
        assertFalse(run.err().contains("\tat "), run.err());
    }

    @Test
    void aNestedTaskIsMockedByItsNameOrByItsPathAsVisitsNamesIt() throws Exception {
        Files.writeString(dir.resolve("par.asl.json"), """
                {"StartAt": "Par", "States": {"Par": {"Type": "Parallel", "End": true, "Branches": [
                  {"StartAt": "B2", "States": {"B2": {"Type": "Task",
                    "Resource": "arn:aws:lambda:us-east-1:123456789012:function:Nowhere", "End": true}}}]}}}""");
        Path suite = dir.resolve("par.sfn-test.yaml");
        Files.writeString(suite, """
                definition: par.asl.json
                cases:
                  - name: by path
                    mocks: {Par/B2: {Return: 1}}
                    expect: {output: [1], visits: {Par/B2: 1}}
                  - name: by name
                    mocks: {B2: {Return: 2}}
                    expect: {output: [2]}
                """);
        Run run = cli("test", suite.toString());
        assertEquals(0, run.exit(), run.out() + run.err()); // "no state 'Par/B2' (did you mean 'Par/B2'?)" before
        assertTrue(run.out().contains("2 passed, 0 failed"), run.out());
    }

    @Test
    void theStatesOfDistributedMapChildrenAreVisitedAndCovered() throws Exception {
        // their events are in the children's histories, not the parent's: visits said 0 and coverage 50 %
        Files.writeString(dir.resolve("dm.asl.json"), """
                {"StartAt": "M", "States": {"M": {"Type": "Map", "ItemsPath": "$.items", "End": true,
                  "ItemProcessor": {"ProcessorConfig": {"Mode": "DISTRIBUTED", "ExecutionType": "EXPRESS"},
                    "StartAt": "In", "States": {"In": {"Type": "Pass", "End": true}}}}}}""");
        Path suite = dir.resolve("dm.sfn-test.yaml");
        Files.writeString(suite, """
                definition: dm.asl.json
                cases:
                  - name: three children
                    input: {items: [1, 2, 3]}
                    expect: {output: [1, 2, 3], visits: {M: 1, M/In: 3}, stateOutput: {M/In: 3}}
                """);
        Run run = cli("test", suite.toString(), "--min-coverage", "100", "--coverage");
        assertEquals(0, run.exit(), run.out() + run.err());
        assertTrue(run.out().contains("2/2 100.0%        2/2 100.0%"), run.out());
    }
}
