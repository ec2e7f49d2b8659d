package dev.sfnrun.cli;

import static dev.sfnrun.cli.CliRun.assertOneLineError;
import static dev.sfnrun.cli.CliRun.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sfnrun.query.Json;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The run options the tutorial tests do not reach: bad values are one line and exit 2; names and the context. */
class RunOptionsTest {
    private static final String PASS = """
            {"StartAt": "Hello", "States": {"Hello": {"Type": "Pass", "Result": "hi", "End": true}}}
            """;

    @TempDir
    Path dir;

    private String file(String name, String text) throws Exception {
        return CliRun.file(dir, name, text);
    }

    @Test
    void aTimeScaleMustBeZeroOrAFiniteNumberNotTooSmall() throws Exception {
        String definition = file("pass.asl.json", PASS);
        for (String scale : new String[] {"Infinity", "NaN", "-1", "1e-300"}) {
            CliRun result = run(definition, "--time-scale", scale);
            assertEquals(ExitCodes.CANNOT_START, result.code(), scale);
            assertTrue(result.err().startsWith("sfn-run: --time-scale must be 0 (virtual time) or a finite number "
                    + "from 0.000001 up, not "), result.err());
        }
        assertEquals(ExitCodes.OK, run(definition, "--time-scale", "0.000001").code());
        assertEquals(ExitCodes.OK, run(definition, "--time-scale", "0").code());
    }

    @Test
    void quietAndVerboseAreRefusedTogether() throws Exception {
        assertOneLineError(run(file("pass.asl.json", PASS), "-q", "-v"),
                "--quiet and --verbose do not go together: choose one");
    }

    @Test
    void namesFollowAwsRules() throws Exception {
        String definition = file("pass.asl.json", PASS);
        assertOneLineError(run(definition, "--name", "nightly run"), "--name 'nightly run': AWS accepts 1 to 80 "
                + "characters and no whitespace, control characters or any of <>{}[]?*\"#%\\^|~`$&,;:/");
        assertEquals(ExitCodes.CANNOT_START, run(definition, "--name", "x".repeat(81)).code());
        assertEquals(ExitCodes.CANNOT_START, run(definition, "--state-machine-name", "a/b").code());
        CliRun ok = run(definition, "--name", "x".repeat(80), "--state-machine-name", "Orders-v2", "--output", "json",
                "--time-scale", "0");
        assertEquals(ExitCodes.OK, ok.code(), ok.err());
        assertTrue(Json.parse(ok.out()).get("executionArn").asText()
                .endsWith(":execution:Orders-v2:" + "x".repeat(80)));
    }

    @Test
    void aRoleArnInTheContextIsTheExecutionsRole() throws Exception {
        String role = "arn:aws:iam::123456789012:role/OrdersRole";
        String definition = file("role.asl.json", """
                {"StartAt": "Who", "States": {"Who": {"Type": "Pass",
                  "Parameters": {"role.$": "$$.Execution.RoleArn"}, "End": true}}}
                """);
        CliRun result = run(definition, "--context", file("context.json", "{\"Execution\": {\"RoleArn\": \"" + role + "\"}}"),
                "--output", "json", "--time-scale", "0");
        JsonNode report = Json.parse(result.out());
        assertEquals("{\"role\":\"" + role + "\"}", report.get("output").asText());
        assertEquals(role, report.get("events").get(0).get("executionStartedEventDetails").get("roleArn").asText());
    }

    @Test
    void reportTimestampsHaveMillisecondsAsAwsWritesThem() throws Exception {
        CliRun result = run(file("pass.asl.json", PASS), "--output", "json", "--time-scale", "0");
        JsonNode report = Json.parse(result.out());
        String pattern = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z";
        assertTrue(report.get("startDate").asText().matches(pattern), report.get("startDate").asText());
        assertTrue(report.get("stopDate").asText().matches(pattern), report.get("stopDate").asText());
        for (JsonNode event : report.get("events")) {
            assertTrue(event.get("timestamp").asText().matches(pattern), event.toString());
        }
    }

    /** The "Exit codes:" rows of a command's --help: code and meaning (continuation lines joined). */
    private static java.util.Map<Integer, String> helpExitCodes(String... command) {
        String[] args = java.util.stream.Stream.concat(java.util.Arrays.stream(command), java.util.stream.Stream.of("--help"))
                .toArray(String[]::new);
        CliRun help = run(args);
        assertEquals(0, help.code(), help.err());
        String section = help.out().substring(help.out().indexOf("Exit codes:"));
        java.util.Map<Integer, String> codes = new java.util.LinkedHashMap<>();
        Integer last = null;
        for (String line : section.lines().skip(1).toList()) {
            java.util.regex.Matcher row = java.util.regex.Pattern.compile("^  (\\d+)\\s+(.*)").matcher(line);
            if (row.matches()) {
                last = Integer.parseInt(row.group(1));
                codes.put(last, row.group(2));
            } else if (last != null && line.startsWith("    ")) {
                codes.merge(last, " " + line.strip(), String::concat);
            } else {
                break;
            }
        }
        return codes;
    }

    @Test
    void everyCommandsHelpListsExitCodeThreeForAnOutputThatCannotBeWritten() {
        for (String[] command : new String[][] {{}, {"validate"}, {"test"}, {"test-state"}, {"serve"}, {"graph"}}) {
            java.util.Map<Integer, String> codes = helpExitCodes(command);
            String name = String.join(" ", command);
            assertTrue(codes.containsKey(ExitCodes.OK) && codes.containsKey(ExitCodes.CANNOT_START), name + ": " + codes);
            assertTrue(codes.getOrDefault(ExitCodes.NOT_FINISHED, "").contains("standard output could not be written"),
                    name + ": " + codes);
            assertTrue(!codes.get(ExitCodes.CANNOT_START).contains("standard output"), name + ": " + codes);
        }
        assertTrue(helpExitCodes("graph").get(ExitCodes.CANNOT_START).contains("-o file could not be written"));
    }

    @Test
    void helpShowsWholeSummariesAndExamplesThatCopyWhole() {
        String help = run("--help").out();
        String commands = help.substring(help.indexOf("Commands:"), help.indexOf("Exit codes:")).strip();
        java.util.List<String> rows = commands.lines().skip(1).toList();
        assertEquals(java.util.List.of("validate", "test-state", "test", "serve", "graph"),
                rows.stream().map(row -> row.strip().split(" ")[0]).toList(), commands); // one line per command
        rows.forEach(row -> assertTrue(row.endsWith("."), "a whole sentence: " + row));
        assertTrue(help.contains("\n      --task MockAPIFunction=python:definitions/functions/mock_api.py:lambda_handler\n"), help);
        assertTrue(help.contains("\n       sfn-run test-state --definition FILE [OPTIONS]\n"), help);
        assertTrue(help.contains("s3://bucket/key is DIR/bucket/key."), help);
        assertTrue(help.contains("Replaces ${NAME} in the definition's text"), help); // not interpolated to null
        assertTrue(run("test", "--help").out().contains(
                "\n  sfn-run test --junit target/sfn-tests.xml --min-coverage states=100,transitions=90\n"));
        String testState = run("test-state", "--help").out();
        assertTrue(testState.contains("\nTests one state as AWS's TestState API does, offline.\n"), testState);
        assertTrue(testState.contains("\n  sfn-run test-state --definition machine.asl.json --state-name Charge --mock mock.json"
                + " --role-arn R\n"), testState);
    }

    @Test
    void helpIsWrappedToColumnsWhenSet() {
        picocli.CommandLine cli = new picocli.CommandLine(new RunCommand().spec);
        SfnRun.helpWidth(cli, "120");
        assertEquals(120, cli.getUsageHelpWidth());
        SfnRun.helpWidth(cli, "20");
        assertEquals(55, cli.getUsageHelpWidth()); // picocli's smallest
        picocli.CommandLine unset = new picocli.CommandLine(new RunCommand().spec);
        SfnRun.helpWidth(unset, null);
        assertTrue(unset.isUsageHelpAutoWidth()); // the terminal's width, as picocli detects it
    }

    @Test
    void inlineJsonStdinAndDashOutputsAreNamedPlainly() throws Exception {
        // '1 2' quoted Jackson's DeserializationFeature; '' was an "empty file"; "- --input -" said "-: empty file";
        // --report - and --junit - wrote a file named "-"
        String definition = CliRun.file(dir, "pass.asl.json", "{\"StartAt\": \"P\", \"States\": {\"P\": {\"Type\": \"Pass\", \"End\": true}}}");
        assertOneLineError(run(definition, "--input-json", "1 2"),
                "--input-json:1:3: invalid JSON: another value follows the first: the text must hold one JSON value");
        assertOneLineError(run(definition, "--input-json", " "), "--input-json: empty, expected JSON");
        assertOneLineError(run("-", "--input", "-"),
                "stdin (-) can be read once: give the definition, --input and --context but one of them as -, the others as files");
        assertOneLineError(run(definition, "--report", "-"),
                "--report -: this output is a file of its own (stdout carries the command's output): name a file");
        String suite = CliRun.file(dir, "pass.sfn-test.yaml", "definition: pass.asl.json\ncases:\n  - name: a\n    expect: {status: SUCCEEDED}\n");
        assertOneLineError(run("test", suite, "--junit", "-"),
                "--junit -: this output is a file of its own (stdout carries the command's output): name a file");
        assertTrue(!java.nio.file.Files.exists(Path.of("-")));
    }

    @Test
    void otherNamesOfStdoutAndOneFileForTwoOutputsAreRefused() throws Exception {
        // --report /dev/stdout wrote the HTML into the history on stdout; --junit x --coverage-json x wrote the
        // JUnit XML, then replaced it with the coverage
        String definition = CliRun.file(dir, "pass.asl.json", "{\"StartAt\": \"P\", \"States\": {\"P\": {\"Type\": \"Pass\", \"End\": true}}}");
        for (String stdout : List.of("/dev/stdout", "/dev/fd/1", "/proc/self/fd/1", "/dev/../dev/stdout")) {
            assertOneLineError(run(definition, "--report", stdout), "--report " + stdout
                    + ": this output is a file of its own (stdout carries the command's output): name a file");
        }
        String suite = CliRun.file(dir, "pass.sfn-test.yaml", "definition: pass.asl.json\ncases:\n  - name: a\n    expect: {status: SUCCEEDED}\n");
        assertOneLineError(run("test", suite, "--coverage-json", "/dev/stdout"), "--coverage-json /dev/stdout"
                + ": this output is a file of its own (stdout carries the command's output): name a file");
        String out = dir.resolve("out.xml").toString();
        String dotted = dir.resolve(".").resolve("out.xml").toString();
        assertOneLineError(run("test", suite, "--junit", out, "--coverage-json", dotted), "--junit " + out
                + " and --coverage-json " + dotted + ": the same file; each output needs a file of its own, so nothing was"
                + " done: name another file");
        assertTrue(!java.nio.file.Files.exists(Path.of(out)));
        java.nio.file.Files.writeString(Path.of(out), "older");
        Path link = java.nio.file.Files.createSymbolicLink(dir.resolve("link.json"), Path.of(out));
        assertOneLineError(run("test", suite, "--junit", out, "--coverage-json", link.toString()), "--junit " + out
                + " and --coverage-json " + link + ": the same file; each output needs a file of its own, so nothing was"
                + " done: name another file");
        assertEquals("older", java.nio.file.Files.readString(Path.of(out)));
        assertEquals(0, run("test", suite, "--junit", out, "--coverage-json", dir.resolve("c.json").toString()).code());
    }
}
