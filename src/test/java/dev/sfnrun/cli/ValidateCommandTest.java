package dev.sfnrun.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sfnrun.query.Json;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sfn-run validate} and the validation before {@code sfn-run DEFINITION}, run in-process. */
class ValidateCommandTest {

    private static final String VALID = """
            {"StartAt": "A", "States": {"A": {"Type": "Pass", "End": true}}}
            """;
    /** Two errors: no terminal state, and a Next to a state that does not exist (line 3). */
    private static final String INVALID = """
            {"StartAt": "A",
             "States": {
              "A": {"Type": "Pass", "Next": "Nowhere"}}}
            """;
    /** Valid with one warning (NO_PATH). */
    private static final String WARNING = """
            {"StartAt": "A", "States": {"A": {"Type": "Fail", "Cause": "$.cause"}}}
            """;
    /** The parser runs it, but AWS refuses it: B is not reachable. */
    private static final String UNREACHABLE = """
            {"StartAt": "A",
             "States": {
              "A": {"Type": "Pass", "Result": {"ok": true}, "End": true},
              "B": {"Type": "Pass", "End": true}}}
            """;

    @TempDir
    Path dir;

    private record Result(int code, String out, String err) {
    }

    private static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = SfnRun.run(args, new PrintWriter(out, true), new PrintWriter(err, true), false);
        return new Result(code, out.toString(), err.toString());
    }

    private static Result runWithStdin(String stdin, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = SfnRun.run(args, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintWriter(out, true), new PrintWriter(err, true), false);
        return new Result(code, out.toString(), err.toString());
    }

    private String file(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text).toString();
    }

    @Test
    void validFilesExitZeroAndPrintNoDiagnostics() throws IOException {
        Result r = run("validate", file("a.json", VALID), file("b.json", VALID));
        assertEquals(0, r.code(), r.err());
        assertEquals("", r.out());
        assertEquals("2 files checked, 0 invalid: 0 errors, 0 warnings\n", r.err());
    }

    @Test
    void everyFileIsCheckedAndAnErrorExitsOne() throws IOException {
        String bad = file("bad.json", INVALID);
        String good = file("good.json", VALID);
        String bad2 = file("bad2.json", INVALID);
        Result r = run("validate", bad, good, bad2);
        assertEquals(1, r.code());
        for (String name : new String[] {bad, bad2}) {
            assertTrue(r.out().contains(name + ":2:2: error MISSING_END_STATE: Workflow has no terminal state\n"), r.out());
            assertTrue(r.out().contains(name + ":3:25: error MISSING_TRANSITION_TARGET: Missing 'Next' target: Nowhere\n"),
                    r.out());
        }
        assertFalse(r.out().contains(good), r.out());
        assertEquals("3 files checked, 2 invalid: 4 errors, 0 warnings\n", r.err());
    }

    @Test
    void standardInputIsTheFileDash() throws IOException {
        Result r = runWithStdin(INVALID, "validate", "-");
        assertEquals(1, r.code());
        assertTrue(r.out().startsWith("-:2:2: error MISSING_END_STATE: Workflow has no terminal state\n"), r.out());
        assertEquals(0, runWithStdin(VALID, "validate", file("a.json", VALID), "-").code());
    }

    @Test
    void aFileThatCannotBeReadIsADiagnosticAndExitsTwo() throws IOException {
        String missing = dir.resolve("missing.json").toString();
        String good = file("good.json", VALID);
        String bad = file("bad.json", INVALID);
        Result r = run("validate", missing, good, bad);
        assertEquals(2, r.code());
        assertTrue(r.out().startsWith(missing + ":1:1: error MISSING_DESCRIPTION: Cannot read the definition: no such file\n"),
                r.out());
        assertTrue(r.out().contains(bad + ":3:25: error MISSING_TRANSITION_TARGET"), "later files are still checked");
    }

    @Test
    void textThatIsNotJsonExitsTwo() throws IOException {
        String broken = file("broken.json", "{\"StartAt\": \"A\",\n \"States\": {]}");
        Result r = run("validate", broken, file("good.json", VALID));
        assertEquals(2, r.code());
        assertTrue(r.out().startsWith(broken + ":2:13: error INVALID_JSON_DESCRIPTION: Unexpected close marker ']'"), r.out());
        Result empty = run("validate", file("empty.json", "  \n"));
        assertEquals(2, empty.code());
        assertTrue(empty.out().contains(":1:1: error MISSING_DESCRIPTION: "), empty.out());
    }

    @Test
    void jsonOutputListsFilesAndDiagnostics() throws Exception {
        String good = file("good.json", VALID);
        String bad = file("bad.json", INVALID);
        Result r = run("validate", "--output", "json", good, bad);
        assertEquals(1, r.code());
        assertEquals("", r.err());
        JsonNode report = Json.parse(r.out());
        assertEquals(Json.parse("""
                {"valid": false,
                 "files": [{"file": "%s", "valid": true, "errors": 0, "warnings": 0},
                           {"file": "%s", "valid": false, "errors": 2, "warnings": 0}],
                 "diagnostics": [
                   {"severity": "ERROR", "code": "MISSING_END_STATE", "message": "Workflow has no terminal state",
                    "pointer": "/States", "line": 2, "column": 2, "file": "%s"},
                   {"severity": "ERROR", "code": "MISSING_TRANSITION_TARGET", "message": "Missing 'Next' target: Nowhere",
                    "pointer": "/States/A/Next", "line": 3, "column": 25, "file": "%s"}]}
                """.formatted(good, bad, bad, bad)), report);
    }

    @Test
    void warningsPassUnlessStrict() throws IOException {
        String warned = file("warned.json", WARNING);
        Result lenient = run("validate", warned);
        assertEquals(0, lenient.code());
        assertEquals(warned + ":1:51: warning NO_PATH: The value of field 'Cause' looks like a path,"
                + " but the field name does not end with 'Path'\n", lenient.out());
        Result strict = run("validate", "--strict", warned);
        assertEquals(1, strict.code());
        JsonNode json = Json.parse(run("validate", "--strict", "--output", "json", warned).out());
        assertFalse(json.get("valid").asBoolean());
        assertFalse(json.get("files").get(0).get("valid").asBoolean());
    }

    @Test
    void validateNeedsAFile() {
        Result r = run("validate");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("Missing required parameter: 'FILE'"), r.err());
        assertTrue(r.err().contains("sfn-run validate --help"), r.err());
    }

    @Test
    void theTopLevelCommandStillRunsADefinition() throws IOException {
        String definition = file("machine.asl.json", VALID);
        String input = file("input.json", "{\"x\": 1}");
        Result r = run(definition, "--input", input, "--time-scale", "0", "--quiet");
        assertEquals(0, r.code(), r.err());
        assertEquals(Json.parse("{\"x\": 1}").toString(), Json.mapper().readTree(r.out()).toString());
        Result none = run();
        assertEquals(2, none.code());
        assertTrue(none.err().contains("Missing required parameter: 'DEFINITION'"), none.err());
    }

    @Test
    void aRunRefusesAnInvalidDefinitionWithCompilerStyleErrors() throws IOException {
        String definition = file("unreachable.json", UNREACHABLE);
        Result r = run(definition, "--time-scale", "0");
        assertEquals(2, r.code());
        assertEquals("", r.out(), "nothing ran");
        assertEquals(definition + ":4:3: error MISSING_TRANSITION_TARGET: State \"B\" is not reachable.\n"
                + "sfn-run: " + definition + " is not a valid definition (1 error), not running it;"
                + " --no-validate skips these checks\n", r.err());
    }

    @Test
    void aRunPrintsOnlyErrorsNotWarnings() throws IOException {
        Result r = run(file("warned.json", WARNING), "--time-scale", "0", "--quiet");
        assertEquals(1, r.code(), "the Fail state fails the execution, but it ran: " + r.err());
        assertFalse(r.err().contains("NO_PATH"), r.err());
    }

    @Test
    void noValidateSkipsTheChecks() throws IOException {
        String definition = file("unreachable.json", UNREACHABLE);
        Result r = run(definition, "--time-scale", "0", "--quiet", "--no-validate");
        assertEquals(0, r.code(), r.err());
        assertEquals("{\"ok\":true}", Json.mapper().readTree(r.out()).toString());
    }

    @Test
    void parserErrorsAreShownAtTheirLineAndColumn() throws IOException {
        String definition = file("bogus.json", """
                {"StartAt": "A",
                 "States": {
                  "A": {"Type": "Pass", "End": true,
                        "Bogus": 1}}}
                """);
        Result r = run(definition, "--time-scale", "0", "--no-validate");
        assertEquals(2, r.code());
        assertTrue(r.err().startsWith(definition + ":4:9: error: "), r.err());
        assertTrue(r.err().contains("(at /States/A/Bogus)"), r.err());
        Result validated = run(definition, "--time-scale", "0");
        assertEquals(2, validated.code());
        assertTrue(validated.err().startsWith(definition + ":4:9: error SCHEMA_VALIDATION_FAILED: Field 'Bogus' is not supported\n"),
                validated.err());
    }

    @Test
    void manyFilesAreEachReportedInTheOrderGiven() throws IOException {
        String[] args = new String[101];
        args[0] = "validate";
        for (int i = 1; i < args.length; i++) {
            args[i] = file("m" + i + ".json", i % 10 == 0 ? INVALID : UNREACHABLE.replace("\"B\"", "\"B" + i + "\""));
        }
        Result r = run(args);
        assertEquals(1, r.code());
        assertEquals("100 files checked, 100 invalid: 110 errors, 0 warnings\n", r.err());
        String[] lines = r.out().split("\n");
        assertEquals(110, lines.length);
        assertEquals(args[1] + ":4:3: error MISSING_TRANSITION_TARGET: State \"B1\" is not reachable.", lines[0]);
        assertEquals(args[10] + ":2:2: error MISSING_END_STATE: Workflow has no terminal state", lines[9]);
        assertEquals(args[100] + ":3:25: error MISSING_TRANSITION_TARGET: Missing 'Next' target: Nowhere", lines[109]);
    }

    @Test
    void aDirectoryIsAnUnreadableFile() throws IOException {
        Result r = run("validate", dir.toString(), file("good.json", VALID));
        assertEquals(2, r.code());
        assertEquals(dir + ":1:1: error MISSING_DESCRIPTION: Cannot read the definition: is a directory, not a file\n",
                r.out());
        assertEquals("2 files checked, 1 invalid: 1 error, 0 warnings\n", r.err());
    }

    @Test
    void anUnreadableFileIsReportedInJsonToo() throws Exception {
        String missing = dir.resolve("missing.json").toString();
        Result r = run("validate", "--output", "json", missing);
        assertEquals(2, r.code());
        assertEquals(Json.parse("""
                {"valid": false,
                 "files": [{"file": "%s", "valid": false, "errors": 1, "warnings": 0}],
                 "diagnostics": [{"severity": "ERROR", "code": "MISSING_DESCRIPTION",
                   "message": "Cannot read the definition: no such file", "pointer": "", "line": 1, "column": 1,
                   "file": "%s"}]}
                """.formatted(missing, missing)), Json.parse(r.out()));
    }

    @Test
    void aDuplicateKeyIsAnErrorInReadableJson() throws IOException {
        String duplicate = file("dup.json", """
                {"StartAt": "A", "States": {"A": {"Type": "Pass", "End": true,
                  "End": true}}}
                """);
        Result r = run("validate", duplicate);
        assertEquals(1, r.code(), "the text is JSON; AWS refuses it as a definition");
        assertEquals(duplicate + ":2:3: error INVALID_JSON_DESCRIPTION: Duplicate field 'End'\n", r.out());
    }

    @Test
    void standardInputInJsonOutputIsNamedDash() throws Exception {
        Result r = runWithStdin(WARNING, "validate", "--output", "json", "-");
        assertEquals(0, r.code());
        JsonNode report = Json.parse(r.out());
        assertTrue(report.get("valid").asBoolean());
        assertEquals("-", report.get("diagnostics").get(0).get("file").asText());
        assertEquals("NO_PATH", report.get("diagnostics").get(0).get("code").asText());
        assertEquals("WARNING", report.get("diagnostics").get(0).get("severity").asText());
        assertEquals("/States/A/Cause", report.get("diagnostics").get(0).get("pointer").asText());
    }

    @Test
    void aFileThatIsNotUtf8IsUnreadable() throws IOException {
        Path latin1 = Files.write(dir.resolve("latin1.json"), new byte[] {'{', '"', (byte) 0xE9, '"', ':', '1', '}'});
        Result r = run("validate", latin1.toString());
        assertEquals(2, r.code());
        assertEquals(latin1 + ":1:1: error MISSING_DESCRIPTION: Cannot read the definition: not UTF-8 text"
                + " (byte 0xE9 at offset 2, line 1, is not valid UTF-8); sfn-run reads its files as UTF-8: save it in that encoding\n",
                r.out());
    }
}
