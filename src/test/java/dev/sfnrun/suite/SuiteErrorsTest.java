package dev.sfnrun.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every suite error: named by file, line and key, exit 2, nothing run, never a stack trace. */
class SuiteErrorsTest {
    @TempDir
    Path dir;

    private SuiteFixture.Run errors(String suite) throws Exception {
        SuiteFixture fixture = new SuiteFixture(dir);
        Path file = fixture.write("bad.sfn-test.yaml", suite);
        SuiteFixture.Run run = fixture.test(file.toString());
        assertEquals(2, run.exit(), run.out() + run.err());
        assertEquals("", run.out(), "nothing ran");
        assertFalse(run.err().contains("\tat "), run.err());
        assertTrue(run.err().contains("; nothing ran"), run.err());
        return run;
    }

    private void hasLine(SuiteFixture.Run run, String line) {
        String prefix = dir.resolve("bad.sfn-test.yaml") + ":";
        assertTrue(run.err().lines().anyMatch(l -> l.equals(prefix + line)), "no line '" + prefix + line + "' in:\n" + run.err());
    }

    @Test
    void unknownKeysOfSuiteCaseAndExpect() throws Exception {
        SuiteFixture.Run run = errors("""
                definition: tutorial.asl.json
                tiemScale: 0
                cases:
                  - name: a
                    inptu: {}
                    expect:
                      statsu: SUCCEEDED
                """);
        hasLine(run, "2: tiemScale: unknown key (did you mean 'timeScale'?)");
        hasLine(run, "5: cases[0].inptu: unknown key (did you mean 'input'?)");
        hasLine(run, "7: cases[0].expect.statsu: unknown key (did you mean 'status'?)");
        assertTrue(run.err().contains("3 suite errors; nothing ran"), run.err());
    }

    @Test
    void missingFilesAndDirectories() throws Exception {
        Files.createDirectory(dir.resolve("adir"));
        SuiteFixture.Run run = errors("""
                definition: nowhere.asl.json
                cases:
                  - name: a
                """);
        assertTrue(run.err().startsWith(dir.resolve("bad.sfn-test.yaml") + ":1: definition: nowhere.asl.json: no such file"), run.err());
        run = errors("""
                definition: adir
                cases: [{name: a}]
                """);
        hasLine(run, "1: definition: adir: is a directory, not a file");
        run = errors("""
                definition: tutorial.asl.json
                mockConfig: mocks.json
                cases:
                  - name: a
                    inputFile: adir
                  - name: b
                    inputFile: missing.json
                """);
        hasLine(run, "2: mockConfig: mocks.json: no such file (looked in " + dir + ")");
        hasLine(run, "5: cases[0].inputFile: adir: is a directory, not a file");
        hasLine(run, "7: cases[1].inputFile: missing.json: no such file (looked in " + dir + ")");
    }

    @Test
    void stateNamesTheMachineDoesNotHave() throws Exception {
        SuiteFixture.Run run = errors("""
                definition: flow.asl.json
                cases:
                  - name: a
                    mocks:
                      Wrok: {Return: 1}
                      Route: {Return: 1}
                    expect:
                      path: [Route, Double]
                      pathContains: [Nowhere]
                      visits: {Double: 1, Each/Double: 2}
                      stateOutput: {Bothh: 1}
                """);
        hasLine(run, "5: cases[0].mocks.Wrok: the machine has no state 'Wrok' (did you mean 'Work'?)");
        hasLine(run, "6: cases[0].mocks.Route: 'Route' is a Choice state; only Task states are mocked");
        hasLine(run, "8: cases[0].expect.path: 'Double' is nested ('Each/Double'); path lists top-level states (use visits for nested ones)");
        hasLine(run, "9: cases[0].expect.pathContains: the machine has no state 'Nowhere'");
        hasLine(run, "10: cases[0].expect.visits.Double: nested states are named by their path: 'Each/Double'");
        hasLine(run, "11: cases[0].expect.stateOutput.Bothh: the machine has no state 'Bothh' (did you mean 'Both'?)");
    }

    @Test
    void valuesOfTheWrongKind() throws Exception {
        SuiteFixture.Run run = errors("""
                definition: tutorial.asl.json
                type: FAST
                timeScale: -1
                cases:
                  - name: a
                    input: {}
                    inputFile: x.json
                    expect:
                      status: DONE
                      causeMatches: "(["
                      events: [TaskStateEntered, Bogus]
                      maxTransitions: many
                      duration: PT5S
                      visits: {OK: -1}
                  - name: a
                    testCase: Happy
                    mocks: {Call API: {"x-1": {Return: 1}}}
                """);
        hasLine(run, "2: type: expected STANDARD or EXPRESS, not \"FAST\"");
        hasLine(run, "3: timeScale: expected 0 (virtual time) or a number from 0.000001 up, not -1");
        hasLine(run, "7: cases[0].inputFile: give either 'input' or 'inputFile', not both");
        hasLine(run, "9: cases[0].expect.status: expected SUCCEEDED, FAILED, TIMED_OUT or ABORTED, not \"DONE\"");
        assertTrue(run.err().contains(":10: cases[0].expect.causeMatches: not a regular expression: "), run.err());
        hasLine(run, "11: cases[0].expect.events: 'Bogus' is not an event type (such as TaskStateEntered, ExecutionFailed)");
        hasLine(run, "12: cases[0].expect.maxTransitions: expected a whole number, not \"many\"");
        hasLine(run, "13: cases[0].expect.duration: expected bounds of ISO-8601 durations such as \"PT1M..PT2M\", \"PT30S..\" or \"..PT5M\", not \"PT5S\"");
        hasLine(run, "14: cases[0].expect.visits.OK: expected a count (0 or more), not -1");
        hasLine(run, "15: cases[1].name: a second case named 'a'");
        hasLine(run, "16: cases[1].testCase: needs the suite's 'mockConfig' file");
        assertTrue(run.err().contains(":17: cases[1].mocks.Call API.x-1: an invocation key is a number"), run.err());
    }

    @Test
    void aMockedThrowWithoutError() throws Exception {
        SuiteFixture.Run run = errors("""
                definition: tutorial.asl.json
                cases:
                  - name: a
                    mocks: {Call API: {Throw: {Cause: "no error name"}}}
                  - name: b
                    mocks: {Call API: {"0": {Throw: {Cause: x}}, "1": {Return: 1}}}
                """);
        hasLine(run, "4: cases[0].mocks.Call API.Throw: Error is required (the error name Retry and Catch match)");
        hasLine(run, "6: cases[1].mocks.Call API.0.Throw: Error is required (the error name Retry and Catch match)");
    }

    @Test
    void mockedInvocationsCoveredTwice() throws Exception {
        SuiteFixture.Run run = errors("""
                definition: tutorial.asl.json
                cases:
                  - name: a
                    mocks: {Call API: {"0-2": {Throw: {Error: E}}, "3": {Return: 3}, "2": {Return: 2}}}
                """);
        hasLine(run, "4: cases[0].mocks.Call API.2: invocation 2 is also covered by '0-2'; which one answers is "
                + "ambiguous: give each invocation one entry");
    }

    @Test
    void invalidDefinitionAndUnboundTask() throws Exception {
        Files.writeString(dir.resolve("broken.asl.json"), "{\"StartAt\": \"A\", \"States\": {}}");
        SuiteFixture.Run run = errors("definition: broken.asl.json\ncases: [{name: a}]\n");
        assertTrue(run.err().contains(":1: definition: " + dir.resolve("broken.asl.json") + ":1: not a valid definition: "), run.err());
        run = errors("definition: flow.asl.json\ncases: [{name: a}]\n");
        assertTrue(run.err().contains(":1: definition: state 'Work', field Resource: no task function is bound to "
                + "'arn:aws:lambda:us-east-1:123456789012:function:Work'."), run.err());
        assertTrue(run.err().contains("No case mocks it either"), run.err());
    }

    @Test
    void notASuite() throws Exception {
        hasLine(errors("- just\n- a list\n"), "1: a suite is an object with 'definition' and 'cases', not array");
        hasLine(errors("definition: tutorial.asl.json\n"), "1: cases: missing: a suite lists its cases under 'cases'");
        hasLine(errors("definition: tutorial.asl.json\ncases: []\n"), "2: cases: expected a non-empty list of cases");
        SuiteFixture.Run run = errors("definition: tutorial.asl.json\ncases:\n  - name: [unclosed\n");
        assertTrue(run.err().contains("bad.sfn-test.yaml:3: not valid YAML: while parsing a flow sequence; expected ',' or ']', but got <stream end>"), run.err());
        hasLine(errors(""), "1: is empty");
    }

    @Test
    void yamlAliasesAreRefusedNotReadAsTheirNames() throws Exception {
        // the YAML parser hands an alias over as the plain string of its name: case b would have run with input "i"
        hasLine(errors("""
                definition: tutorial.asl.json
                cases:
                  - name: a
                    input: &i {statuscode: "200"}
                  - name: b
                    input: *i
                """), "6: not valid YAML: YAML aliases (*i) are not supported: write the value out");
    }

    @Test
    void hostileFiles() throws Exception {
        SuiteFixture fixture = new SuiteFixture(dir);
        // huge: refused by its size before it is read
        Path huge = dir.resolve("huge.sfn-test.yaml");
        try (OutputStream out = Files.newOutputStream(huge)) {
            byte[] block = new byte[1 << 20];
            java.util.Arrays.fill(block, (byte) ' ');
            for (int i = 0; i < 17; i++) {
                out.write(block);
            }
        }
        SuiteFixture.Run run = fixture.test(huge.toString());
        assertEquals(2, run.exit());
        assertTrue(run.err().startsWith(huge + ": is 17825792 bytes; suite files and the files they name are read up to 16777216 bytes"), run.err());
        // deeply nested, YAML and JSON
        Path deep = fixture.write("deep.sfn-test.yaml", "definition: tutorial.asl.json\ncases: " + "[".repeat(100_000));
        run = fixture.test(deep.toString());
        assertEquals(2, run.exit(), run.err());
        assertTrue(run.err().startsWith(deep + ":"), run.err());
        assertTrue(run.err().contains("not valid YAML"), run.err());
        Path deepJson = fixture.write("deep.sfn-test.json", "{\"definition\": \"tutorial.asl.json\", \"cases\": [{\"name\": \"a\", \"input\": "
                + "[".repeat(50_000) + "]".repeat(50_000) + "}]}");
        run = fixture.test(deepJson.toString());
        assertEquals(2, run.exit(), run.err());
        assertTrue(run.err().contains(deepJson + ":1: not valid JSON: "), run.err());
        // not UTF-8
        Path latin = dir.resolve("latin.sfn-test.yaml");
        Files.write(latin, "definition: tutorial.asl.json\ncases: [{name: caf\u00e9}]\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        run = fixture.test(latin.toString());
        assertEquals(2, run.exit());
        assertTrue(run.err().startsWith(latin + ": is not UTF-8 text"), run.err());
        // a directory where a file is expected (a suite name that is a directory is searched, and holds none)
        Files.createDirectory(dir.resolve("empty.sfn-test.yaml"));
        run = fixture.test(dir.resolve("empty.sfn-test.yaml").toString());
        assertEquals(2, run.exit());
        assertTrue(run.err().contains("no suite files (*.sfn-test.yaml, *.sfn-test.yml, *.sfn-test.json) under this directory"), run.err());
        run = fixture.test(dir.resolve("nothing-here").toString());
        assertEquals(2, run.exit());
        assertTrue(run.err().contains("nothing-here: no such file or directory"), run.err());
    }

    @Test
    void errorsOfEveryFileAreReportedTogether() throws Exception {
        SuiteFixture fixture = new SuiteFixture(dir);
        fixture.write("a.sfn-test.yaml", "definition: tutorial.asl.json\ncases: [{name: ok}]\nextra: 1\n");
        fixture.write("sub/b.sfn-test.json", "{\"definition\": \"../flow.asl.json\", \"cases\": [{\"nme\": \"x\"}]}");
        SuiteFixture.Run run = fixture.test(dir.toString());
        assertEquals(2, run.exit());
        List<String> lines = run.err().lines().toList();
        assertEquals(dir.resolve("a.sfn-test.yaml") + ":3: extra: unknown key (known: cases, classpath, context, definition, "
                + "mockConfig, stateMachine, stateMachineName, substitutions, tasks, template, timeScale, type)", lines.get(0));
        assertTrue(lines.get(1).startsWith(dir.resolve("sub/b.sfn-test.json") + ":1: cases[0].nme: unknown key (did you mean 'name'?)"), run.err());
    }
}
