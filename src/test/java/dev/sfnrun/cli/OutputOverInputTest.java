package dev.sfnrun.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An output file (--report, graph -o, test --junit / --coverage-json) that is one of the files the
 * command reads is refused before anything runs, and the user's file is left as it was: a report
 * written over the definition would have replaced it.
 */
class OutputOverInputTest {
    private static final String DEFINITION = """
            {"StartAt": "P", "States": {"P": {"Type": "Pass", "End": true}}}""";

    @TempDir
    Path dir;

    private void assertUnchanged(String file, String text) throws Exception {
        assertEquals(text, Files.readString(Path.of(file)));
    }

    @Test
    void aReportOverTheDefinitionOrTheInputIsRefusedAndNothingRuns() throws Exception {
        String definition = CliRun.file(dir, "pass.asl.json", DEFINITION);
        String input = CliRun.file(dir, "in.json", "{\"a\": 1}");
        CliRun.assertOneLineError(CliRun.run(definition, "--report", definition), "--report " + definition
                + ": is the definition; writing there would replace it, so nothing was done: name another file");
        CliRun.assertOneLineError(CliRun.run(definition, "--input", input, "--output", "json", "--report", input),
                "--report " + input + ": is the execution input; writing there would replace it, so nothing was done: "
                        + "name another file");
        assertUnchanged(definition, DEFINITION);
        assertUnchanged(input, "{\"a\": 1}");
    }

    @Test
    void theSameFileUnderAnotherNameOrThroughALinkIsRefusedToo() throws Exception {
        String context = CliRun.file(dir, "context.json", "{}");
        String definition = CliRun.file(dir, "pass.asl.json", DEFINITION);
        Path link = Files.createSymbolicLink(dir.resolve("link.html"), Path.of(context));
        String dotted = dir.resolve(".").resolve("context.json").toString();
        CliRun.assertOneLineError(CliRun.run(definition, "--context", context, "--report", dotted), "--report " + dotted
                + ": is the context file (" + context + "); writing there would replace it, so nothing was done: name another file");
        CliRun.assertOneLineError(CliRun.run(definition, "--context", context, "--report", link.toString()), "--report "
                + link + ": is the context file (" + context + "); writing there would replace it, so nothing was done: "
                + "name another file");
        assertUnchanged(context, "{}");
    }

    @Test
    void aGraphOverItsDefinitionIsRefused() throws Exception {
        String definition = CliRun.file(dir, "pass.asl.json", DEFINITION);
        CliRun.assertOneLineError(CliRun.run("graph", definition, "--format", "svg", "-o", definition), "--output-file "
                + definition + ": is the definition; writing there would replace it, so nothing was done: name another file");
        assertUnchanged(definition, DEFINITION);
    }

    @Test
    void junitOrCoverageOverASuiteFileIsRefusedBeforeAnyCaseRuns() throws Exception {
        String definition = CliRun.file(dir, "pass.asl.json", DEFINITION);
        String suiteText = "definition: pass.asl.json\ncases:\n  - name: a\n    expect: {status: SUCCEEDED}\n";
        String suite = CliRun.file(dir, "pass.sfn-test.yaml", suiteText);
        CliRun.assertOneLineError(CliRun.run("test", suite, "--junit", suite), "--junit " + suite
                + ": is a suite file; writing there would replace it, so nothing was done: name another file");
        CliRun.assertOneLineError(CliRun.run("test", dir.toString(), "--coverage-json", suite), "--coverage-json " + suite
                + ": is a suite file; writing there would replace it, so nothing was done: name another file");
        assertUnchanged(suite, suiteText);
        assertUnchanged(definition, DEFINITION);
    }

    @Test
    void aSuitesDefinitionInputAndTaskCodeAreRefusedToo() throws Exception {
        // the suite's definition and a case's inputFile were replaced by JUnit XML and coverage JSON, exit 0
        String definition = CliRun.file(dir, "pass.asl.json", DEFINITION);
        String input = CliRun.file(dir, "in.json", "{}");
        String handler = CliRun.file(dir, "handler.py", "def handler(e, c):\n    return 1\n");
        String suiteText = "definition: pass.asl.json\ntasks: ['F=python:" + handler + ":handler']\ncases:\n  - name: a\n"
                + "    inputFile: in.json\n    expect: {status: SUCCEEDED}\n";
        String suite = CliRun.file(dir, "pass.sfn-test.yaml", suiteText);
        CliRun.assertOneLineError(CliRun.run("test", suite, "--junit", definition), "--junit " + definition
                + ": is a file of the suite " + suite + "; writing there would replace it, so nothing was done:"
                + " name another file");
        CliRun.assertOneLineError(CliRun.run("test", suite, "--coverage-json", input), "--coverage-json " + input
                + ": is a file of the suite " + suite + "; writing there would replace it, so nothing was done:"
                + " name another file");
        String refused = CliRun.run("test", suite, "--junit", handler).err();
        assertEquals(true, refused.contains(": is the task code of --task F=python:" + handler + ":handler"), refused);
        assertUnchanged(definition, DEFINITION);
        assertUnchanged(input, "{}");
        assertUnchanged(handler, "def handler(e, c):\n    return 1\n");
    }

    @Test
    void aReportDirWhoseReportWouldBeASuiteFileThroughALinkOrAHardLinkIsRefusedBeforeAnyCaseRuns() throws Exception {
        // reports/s.sfn-test.yaml-x.html, a link to the suite's definition: --report-dir wrote the failed case's
        // report through it (exit 1), and the next run found HTML for a definition
        String definition = CliRun.file(dir, "m.asl.json", DEFINITION);
        String input = CliRun.file(dir, "in.json", "{}");
        String suiteText = "definition: m.asl.json\ncases:\n  - name: x\n    expect: {status: FAILED}\n"
                + "  - name: y?\n    inputFile: in.json\n    expect: {status: FAILED}\n"
                + "  - name: y!\n    expect: {status: FAILED}\n";
        String suite = CliRun.file(dir, "s.sfn-test.yaml", suiteText);
        Path reports = Files.createDirectories(dir.resolve("reports"));
        Path link = Files.createSymbolicLink(reports.resolve("s.sfn-test.yaml-x.html"), Path.of(definition));
        CliRun.assertOneLineError(CliRun.run("test", suite, "--report-dir", reports.toString()), "--report-dir " + reports
                + ": " + link + " is a file of the suite " + suite + " (" + definition + "); writing there would replace it,"
                + " so nothing was done: remove it or name another directory");
        Files.delete(link);
        // a hard link, under the second name cases 'y?' and 'y!' share (y_, then y_-2)
        Path hard = Files.createLink(reports.resolve("s.sfn-test.yaml-y_-2.html"), Path.of(input));
        CliRun.assertOneLineError(CliRun.run("test", suite, "--report-dir", reports.toString()), "--report-dir " + reports
                + ": " + hard + " is a file of the suite " + suite + " (" + input + "); writing there would replace it,"
                + " so nothing was done: remove it or name another directory");
        assertUnchanged(definition, DEFINITION);
        assertUnchanged(input, "{}");
        assertUnchanged(suite, suiteText);
        Files.delete(hard);
        CliRun written = CliRun.run("test", suite, "--report-dir", reports.toString());
        assertEquals(ExitCodes.FAILED, written.code(), written.err());
        assertEquals(true, Files.readString(reports.resolve("s.sfn-test.yaml-y_-2.html")).startsWith("<!DOCTYPE html>"));
        assertUnchanged(definition, DEFINITION);
    }

    @Test
    void aReportOverTheTaskCodeIsRefused() throws Exception {
        // --report handler.py replaced the Python handler with HTML, exit 0; so did a report over a class file
        String definition = CliRun.file(dir, "pass.asl.json", DEFINITION);
        String handler = CliRun.file(dir, "handler.py", "def handler(e, c):\n    return 1\n");
        Path classes = Files.createDirectories(dir.resolve("classes/pkg"));
        String classFile = CliRun.file(classes, "Task.class", "not really a class");
        CliRun.assertOneLineError(CliRun.run(definition, "--task", "F=python:" + handler + ":handler", "--report", handler),
                "--report " + handler + ": is the task code of --task F=python:" + handler + ":handler; writing there would"
                        + " replace it, so nothing was done: name another file");
        CliRun.assertOneLineError(CliRun.run(definition, "--classpath", dir.resolve("classes").toString(), "--report", classFile),
                "--report " + classFile + ": is in task code on --classpath (" + dir.resolve("classes") + "); writing"
                        + " there would replace it, so nothing was done: name another file");
        assertUnchanged(handler, "def handler(e, c):\n    return 1\n");
        assertUnchanged(classFile, "not really a class");
    }

    @Test
    void aTemplatesDefinitionUriFileIsRefusedForEveryOutput() throws Exception {
        // graph -o, --report, test --junit and --coverage-json replaced the file a template's DefinitionUri names, exit 0
        String definition = CliRun.file(dir, "machine.asl.json", DEFINITION);
        String template = CliRun.file(dir, "template.yaml", "Transform: AWS::Serverless-2016-10-31\nResources:\n  M:\n"
                + "    Type: AWS::Serverless::StateMachine\n    Properties:\n      DefinitionUri: machine.asl.json\n");
        String what = ": is the definition of " + template + " Resources.M (DefinitionUri); writing there would replace it, so nothing was done: name another file";
        CliRun.assertOneLineError(CliRun.run("graph", "--template", template, "-o", definition), "--output-file " + definition + what);
        CliRun.assertOneLineError(CliRun.run("--template", template, "-q", "--report", definition), "--report " + definition + what);
        String suite = CliRun.file(dir, "s.sfn-test.yaml", "template: template.yaml\nstateMachine: M\ncases:\n  - name: a\n"
                + "    expect: {status: SUCCEEDED}\n");
        String ofSuite = ": is a file of the suite " + suite + "; writing there would replace it, so nothing was done:"
                + " name another file";
        CliRun.assertOneLineError(CliRun.run("test", suite, "--junit", definition), "--junit " + definition + ofSuite);
        CliRun.assertOneLineError(CliRun.run("test", suite, "--coverage-json", definition), "--coverage-json " + definition + ofSuite);
        String s3Template = CliRun.file(dir, "cfn.yaml", "Resources:\n  M:\n    Type: AWS::StepFunctions::StateMachine\n"
                + "    Properties:\n      DefinitionS3Location: ./machine.asl.json\n");
        CliRun.assertOneLineError(CliRun.run("--template", s3Template, "-q", "--report", definition), "--report " + definition
                + ": is the definition of " + s3Template + " Resources.M (DefinitionS3Location); writing there would replace it, so nothing was done: name another file");
        assertUnchanged(definition, DEFINITION);
    }

    @Test
    void otherFilesAndDevicesAreWrittenAsBefore() throws Exception {
        String definition = CliRun.file(dir, "pass.asl.json", DEFINITION);
        Path report = dir.resolve("report.html");
        Files.writeString(report, "an older report");
        assertEquals(ExitCodes.OK, CliRun.run(definition, "-q", "--report", report.toString()).code());
        assertEquals("<!DOCTYPE html>", Files.readString(report).substring(0, 15));
        String input = CliRun.file(dir, "in.json", "{}");
        assertEquals(ExitCodes.OK, CliRun.run(definition, "--input", input, "-q", "--report", "/dev/null").code());
    }
}
