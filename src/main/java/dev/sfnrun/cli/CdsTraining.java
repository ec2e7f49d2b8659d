package dev.sfnrun.cli;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The training run behind the class-data archive ({@code make build}): the launcher runs this class
 * with {@code -XX:DumpLoadedClassList}, then dumps every class it loaded into a static archive
 * ({@code -Xshare:dump}), parsed and verified, that later runs map instead of reading the jar. So
 * it runs, in one process, the kinds of runs users make: text, quiet, verbose and JSON output,
 * retries and catches, Choice, intrinsics, JSONata and variables, failures, {@code validate},
 * {@code --help} and a bad option. Nothing it prints is kept. Not part of the command line.
 */
final class CdsTraining {
    private static final String TUTORIAL = """
            {"StartAt": "Call API", "States": {
              "Call API": {"Type": "Task", "Resource": "arn:aws:lambda:us-east-1:123456789012:function:MockAPIFunction",
                "Next": "OK",
                "Retry": [{"ErrorEquals": ["TooManyRequestsException"], "IntervalSeconds": 1, "MaxAttempts": 2}],
                "Catch": [{"ErrorEquals": ["TooManyRequestsException"], "Next": "Wait and Try Later"},
                          {"ErrorEquals": ["ServerUnavailableException"], "Next": "Server Unavailable"},
                          {"ErrorEquals": ["States.ALL"], "Next": "Catch All"}]},
              "Wait and Try Later": {"Type": "Wait", "Seconds": 1, "Next": "Change to 200"},
              "Server Unavailable": {"Type": "Fail", "Error": "ServerUnavailable", "Cause": "The server is down."},
              "Catch All": {"Type": "Fail", "Cause": "Unknown error!", "Error": "An error of unknown type occurred"},
              "Change to 200": {"Type": "Pass", "Result": {"statuscode": "200"}, "Next": "Call API"},
              "OK": {"Type": "Pass", "Result": "The request has succeeded.", "End": true}}}
            """;

    private static final String LOOP = """
            {"Comment": "Pass, Choice and intrinsics", "StartAt": "Init", "TimeoutSeconds": 60, "States": {
              "Init": {"Type": "Pass", "Parameters": {"i": 0, "limit.$": "$.limit", "name": "x"}, "Next": "Step"},
              "Step": {"Type": "Pass", "Parameters": {"i.$": "States.MathAdd($.i, 1)", "limit.$": "$.limit",
                "name.$": "States.Format('n-{}', $.i)", "parts.$": "States.StringSplit('a,b', ',')",
                "ctx.$": "$$.Execution.Name"}, "ResultPath": "$", "OutputPath": "$", "Next": "Check"},
              "Check": {"Type": "Choice", "Choices": [
                  {"Variable": "$.i", "NumericLessThanPath": "$.limit", "Next": "Step"},
                  {"And": [{"Variable": "$.name", "IsString": true}, {"Variable": "$.name", "StringMatches": "n-*"}],
                   "Next": "Done"}],
                "Default": "Failed"},
              "Done": {"Type": "Succeed", "OutputPath": "$.name"},
              "Failed": {"Type": "Fail", "Error": "Loop.Failed", "Cause": "no rule matched"}}}
            """;

    private static final String JSONATA = """
            {"QueryLanguage": "JSONata", "StartAt": "Init", "States": {
              "Init": {"Type": "Pass", "Assign": {"i": 0, "names": "{% $states.input.names %}"}, "Next": "Step"},
              "Step": {"Type": "Pass", "Assign": {"i": "{% $i + 1 %}"},
                "Output": "{% {'i': $i, 'note': 'step ' & $string($i), 'upper': $uppercase($join($names, ','))} %}",
                "Next": "Check"},
              "Check": {"Type": "Choice", "Choices": [{"Condition": "{% $i < 3 %}", "Next": "Step"}], "Default": "Each"},
              "Each": {"Type": "Map", "Items": "{% $names %}", "Output": "{% {'count': $count($states.result)} %}",
                "ItemProcessor": {"StartAt": "Greet", "States": {
                  "Greet": {"Type": "Pass", "Output": "{% 'hello ' & $states.input %}", "End": true}}},
                "End": true}}}
            """;

    private static final String INVALID = """
            {"StartAt": "Missing", "States": {"A": {"Type": "Pass", "Next": "Nowhere"}, "B": {"Type": "Bogus"}}}
            """;

    private CdsTraining() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Files.createTempDirectory("sfn-run-cds");
        try {
            Path tutorial = write(dir, "tutorial.asl.json", TUTORIAL);
            Path loop = write(dir, "loop.asl.json", LOOP);
            Path invalid = write(dir, "invalid.asl.json", INVALID);
            Path jsonata = write(dir, "jsonata.asl.json", JSONATA);
            Path input = write(dir, "input.json", "{\"statuscode\": \"200\"}");
            List<String[]> runs = new ArrayList<>();
            for (String code : new String[] {"200", "429", "503", "999"}) {
                runs.add(new String[] {tutorial.toString(), "--input-json", "{\"statuscode\": \"" + code + "\"}",
                    "--time-scale", "0"});
            }
            runs.add(new String[] {tutorial.toString(), "--input", input.toString()});
            runs.add(new String[] {tutorial.toString(), "--input-json", "{\"statuscode\": \"429\"}", "--time-scale", "0",
                "--output", "json"});
            runs.add(new String[] {tutorial.toString(), "--input-json", "{\"statuscode\": \"503\"}", "--time-scale", "0",
                "--verbose"});
            runs.add(new String[] {loop.toString(), "--input-json", "{\"limit\": 3}", "--type", "EXPRESS", "--quiet"});
            runs.add(new String[] {loop.toString(), "--input-json", "{\"limit\": 3}", "--output", "json"});
            runs.add(new String[] {jsonata.toString(), "--input-json", "{\"names\": [\"a\", \"b\"]}", "--time-scale", "0"});
            runs.add(new String[] {jsonata.toString(), "--input-json", "{\"names\": [\"a\"]}", "--type", "EXPRESS",
                "--quiet", "--report", dir.resolve("report.html").toString()});
            runs.add(new String[] {"validate", tutorial.toString(), loop.toString(), invalid.toString(), jsonata.toString()});
            runs.add(new String[] {"validate", "--output", "json", invalid.toString()});
            runs.add(new String[] {invalid.toString()});
            Path suite = write(dir, "t.sfn-test.yaml", "definition: tutorial.asl.json\ncases:\n"
                    + "  - {name: a, input: {statuscode: \"429\"}, expect: {status: SUCCEEDED, path: [Call API, OK]}}\n"
                    + "  - {name: b, input: {}, mocks: {Call API: {Throw: {Error: X}}}, expect: {error: X, visits: {OK: 0}}}\n");
            runs.add(new String[] {"test", suite.toString(), "--coverage", "--junit", dir.resolve("junit.xml").toString(),
                "--min-coverage", "states=90,transitions=90"});
            runs.add(new String[] {"test", suite.toString(), "--output", "json"});
            // pictures: the report of a run and the SVG of a graph (the layout library is most of their start-up)
            runs.add(new String[] {tutorial.toString(), "--input-json", "{\"statuscode\": \"429\"}", "--time-scale", "0",
                "--quiet", "--report", dir.resolve("report.html").toString()});
            runs.add(new String[] {"graph", tutorial.toString(), "--format", "svg", "-o", dir.resolve("graph.svg").toString()});
            runs.add(new String[] {"--help"});
            runs.add(new String[] {"--no-such-option"});
            for (String[] run : runs) {
                PrintWriter nowhere = new PrintWriter(Writer.nullWriter());
                SfnRun.run(run, new ByteArrayInputStream(new byte[0]), nowhere, nowhere, false);
            }
            PrintWriter nowhere = new PrintWriter(Writer.nullWriter());
            SfnRun.run(new String[] {tutorial.toString(), "--time-scale", "0", "--input-json", "{\"statuscode\": \"200\"}"},
                    new ByteArrayInputStream(new byte[0]), nowhere, nowhere, true);
        } finally {
            for (String name : new String[] {"tutorial.asl.json", "loop.asl.json", "invalid.asl.json", "jsonata.asl.json", "input.json",
                "t.sfn-test.yaml", "junit.xml", "report.html", "graph.svg"}) {
                Files.deleteIfExists(dir.resolve(name));
            }
            Files.deleteIfExists(dir);
        }
    }

    private static Path write(Path dir, String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }
}
