package dev.sfnrun.cli;

import dev.sfnrun.io.Neutral;
import dev.sfnrun.query.Json;
import dev.sfnrun.suite.CaseResult;
import dev.sfnrun.suite.Coverage;
import dev.sfnrun.suite.CoverageReport;
import dev.sfnrun.suite.JUnitXml;
import dev.sfnrun.suite.JsonRunReport;
import dev.sfnrun.suite.Suite;
import dev.sfnrun.suite.SuiteError;
import dev.sfnrun.suite.SuiteException;
import dev.sfnrun.suite.SuiteFiles;
import dev.sfnrun.suite.SuiteInit;
import dev.sfnrun.suite.SuiteLoader;
import dev.sfnrun.suite.SuiteRunner;
import dev.sfnrun.suite.TextReport;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import picocli.CommandLine.Model.CommandSpec;

/** {@code sfn-run test [PATH...]}: runs declarative test suites (see the package dev.sfnrun.suite). */
final class TestCommand implements Callable<Integer> {
    private static final String[] DESCRIPTION = {
        "Runs test suites of cases with mocked Task responses.", "",
        "Suites are *.sfn-test.yaml, *.sfn-test.yml and *.sfn-test.json files. Each case has an input and mocked Task responses, "
                + "runs in this process and is checked against its expectations; prints one line per case and the failures with their diffs, "
                + "and measures state and transition coverage."};
    private static final String[] EXAMPLES = {
        "sfn-run test definitions/",
        "sfn-run test --junit target/sfn-tests.xml --min-coverage states=100,transitions=90",
        "sfn-run test --filter '429' --coverage",
        "sfn-run test --init definitions/api-error-handling.asl.json"};
    private static final String[] FOOTER = {};

    final CommandSpec spec;

    enum Format { text, json }

    TestCommand() {
        spec = Specs.command("test", this, DESCRIPTION, EXAMPLES, FOOTER);
        spec.addPositional(Specs.positional("0..*", "0..*", "PATH", List.class,
                "Suite files, or directories to search for them. Default: the current directory."));
        spec.addOption(Specs.option("--junit", "FILE", String.class, null,
                "Also write the results as JUnit XML (for GitHub Actions, GitLab, Jenkins)."));
        spec.addOption(Specs.option("--parallel", "N", int.class, String.valueOf(Runtime.getRuntime().availableProcessors()),
                "How many cases run at once. Default: the number of cores (${DEFAULT-VALUE})."));
        spec.addOption(Specs.option("--filter", "REGEX", String.class, null,
                "Run only the cases whose SUITE-FILE/CASE-NAME contains a match; the others are skipped."));
        spec.addOption(Specs.flag("Stop starting cases after the first failure.", "--fail-fast"));
        spec.addOption(Specs.option("--output", "FORMAT", Format.class, "text",
                "text (one line per case) or json (one JSON report). Default: ${DEFAULT-VALUE}."));
        spec.addOption(Specs.flag("Print state and transition coverage per machine, naming what was not covered.",
                "--coverage"));
        spec.addOption(Specs.option("--coverage-json", "FILE", String.class, null, "Write the coverage as JSON."));
        spec.addOption(Specs.option("--min-coverage", "FLOORS", String.class, null,
                "Fail (exit 1) below these coverage floors, per machine: states=100,transitions=90, or one PERCENT for both."));
        spec.addOption(Specs.option("--report-dir", "DIR", String.class, null,
                "Write an HTML report (graph, path, timeline, events) of each failed case into DIR."));
        spec.addOption(Specs.option("--init", "DEFINITION", String.class, null,
                "Write a starting suite next to DEFINITION: a happy-path case and one per Catch clause and Choice "
                        + "rule, with placeholders that fail until filled in."));
        Specs.helpOptions(spec);
        Specs.exitCodes(spec, ExitCodes.OK, "every case passed (and coverage reached its floor)",
                ExitCodes.FAILED, "a case failed, or coverage is below --min-coverage",
                ExitCodes.CANNOT_START, "a suite has errors (nothing ran), --filter matches no case, a bad option, "
                        + "or a report file (--junit, --coverage-json, --report-dir) could not be written",
                ExitCodes.NOT_FINISHED, ExitCodes.NOT_FINISHED_HELP);
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<String> paths = Specs.positionalValue(spec);
        String init = Specs.value(spec, "--init");
        try {
            if (init != null) {
                if (paths != null && !paths.isEmpty()) {
                    throw new UsageError("--init writes a suite for one definition; it takes no PATH");
                }
                Path written = SuiteInit.write(Path.of(init));
                err.println("sfn-run: wrote " + written + ": fill in its placeholders (the cases fail until you do), "
                        + "then run: sfn-run test " + written);
                return ExitCodes.OK;
            }
            return runSuites(paths == null ? List.of() : paths, out, err);
        } catch (SuiteException e) {
            for (SuiteError error : e.errors()) {
                err.println(Neutral.text(error.text()));
            }
            int n = e.errors().size();
            err.println("sfn-run: " + n + (n == 1 ? " suite error" : " suite errors") + "; nothing ran");
            return ExitCodes.CANNOT_START;
        }
    }

    private int runSuites(List<String> paths, PrintWriter out, PrintWriter err) {
        int parallel = Specs.value(spec, "--parallel");
        if (parallel < 1 || parallel > 1024) {
            throw new UsageError("--parallel must be from 1 to 1024, not " + parallel);
        }
        String filterText = Specs.value(spec, "--filter");
        Pattern filter;
        try {
            filter = filterText == null ? null : Pattern.compile(filterText);
        } catch (PatternSyntaxException e) {
            throw new UsageError("--filter '" + filterText + "' is not a regular expression: " + e.getDescription());
        }
        CoverageReport.Floors floors = null;
        String floorText = Specs.value(spec, "--min-coverage");
        if (floorText != null) {
            try {
                floors = CoverageReport.Floors.parse(floorText);
            } catch (IllegalArgumentException e) {
                throw new UsageError(e.getMessage());
            }
        }
        Format output = Specs.value(spec, "--output");
        boolean showCoverage = Specs.isSet(spec, "--coverage");
        String junit = Specs.value(spec, "--junit");
        String coverageJson = Specs.value(spec, "--coverage-json");

        List<Path> files = SuiteFiles.find(paths);
        List<Suite> suites = new SuiteLoader(TemplateMachines.source()).load(files);
        List<OutputFiles.Read> reads = new ArrayList<>();
        files.forEach(file -> reads.add(new OutputFiles.Read("a suite file", file.toString())));
        for (Suite suite : suites) { // what each suite names: its definition or template, mock file, inputs, task code
            suite.reads().forEach(file -> reads.add(new OutputFiles.Read("a file of the suite " + suite.file(), file.toString())));
            reads.addAll(TaskCodeFiles.of(suite.tasks(), suite.classpath(), suite.handlers().values()));
        }
        OutputFiles.notStdout("--junit", junit);
        OutputFiles.notStdout("--coverage-json", coverageJson);
        OutputFiles.distinct("--junit", junit, "--coverage-json", coverageJson);
        OutputFiles.notOver("--junit", junit, reads);
        OutputFiles.notOver("--coverage-json", coverageJson, reads);
        String reportDir = Specs.value(spec, "--report-dir");
        if (reportDir != null) {
            FailureReports.notOver(reportDir, suites, reads);
        }
        Coverage coverage = new Coverage();
        Instant started = Instant.now();
        boolean text = output == Format.text;
        List<CaseResult> results = SuiteRunner.run(suites, new SuiteRunner.Options(parallel, filter,
                Specs.isSet(spec, "--fail-fast")), coverage, result -> {
                    if (text) {
                        TextReport.printCase(out, result);
                    }
                });
        if (filter != null && !results.isEmpty() && results.stream().allMatch(r -> r.verdict() == CaseResult.Verdict.SKIP)) {
            // a mistyped filter would otherwise pass a CI job that tested nothing
            throw new UsageError("--filter '" + filterText + "' matches none of the " + results.size()
                    + (results.size() == 1 ? " case" : " cases") + " (SUITE-FILE/CASE-NAME): nothing was tested");
        }
        List<String> shortfalls = floors == null ? List.of() : floors.shortfalls(coverage);
        boolean failed = results.stream().anyMatch(r -> r.verdict() == CaseResult.Verdict.FAIL) || !shortfalls.isEmpty();
        if (text) {
            if (showCoverage) {
                out.println();
                CoverageReport.print(out, coverage);
            }
            for (String shortfall : shortfalls) {
                out.println("coverage below the floor: " + shortfall);
            }
            out.println(TextReport.closingLine(results));
        } else {
            out.println(Json.compact(JsonRunReport.of(results, showCoverage || floors != null ? coverage : null,
                    shortfalls)));
        }
        out.flush();
        if (junit != null) {
            OutputFiles.writeBytes(junit, stream -> JUnitXml.write(results, started, stream));
        }
        if (reportDir != null) {
            try {
                int n = FailureReports.write(Path.of(reportDir), results, reads);
                if (n > 0) {
                    err.println("sfn-run: " + n + (n == 1 ? " report" : " reports") + " of failed cases in " + reportDir);
                }
            } catch (UsageError e) {
                throw e;
            } catch (IOException | RuntimeException e) {
                throw new UsageError("--report-dir " + reportDir + ": cannot write: "
                        + (e.getMessage() == null ? e.toString() : e.getMessage()));
            }
        }
        if (coverageJson != null) {
            OutputFiles.writeBytes(coverageJson, stream -> stream.write(Json.pretty(CoverageReport.json(coverage))
                    .concat("\n").getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        }
        return failed ? ExitCodes.FAILED : ExitCodes.OK;
    }
}
