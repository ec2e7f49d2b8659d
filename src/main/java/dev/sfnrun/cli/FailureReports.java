package dev.sfnrun.cli;

import dev.sfnrun.history.Decision;
import dev.sfnrun.history.HistoryEvent;
import dev.sfnrun.report.HtmlReport;
import dev.sfnrun.report.ReportInput;
import dev.sfnrun.report.RunRecorder;
import dev.sfnrun.suite.CaseResult;
import dev.sfnrun.suite.Suite;
import dev.sfnrun.suite.TestCase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code sfn-run test --report-dir DIR}: one self-contained HTML report (the report package's, as
 * {@code --report} writes for a run) per failed case whose execution ran, named after the suite and
 * the case. The suite package records the history and decisions; this joins the two front ends.
 */
final class FailureReports {
    private FailureReports() {
    }

    /**
     * Refuses, before anything runs, a directory where a report a case could get (each case's name, and the
     * numbered names of cases whose names are alike) is a file the suites read, under another name or through
     * a link, as {@link OutputFiles#notOver} refuses {@code --junit} over one.
     */
    static void notOver(String dir, List<Suite> suites, List<OutputFiles.Read> reads) {
        Path at;
        try {
            at = Path.of(dir);
        } catch (RuntimeException e) {
            return; // writing names the problem
        }
        if (!Files.isDirectory(at)) {
            return; // made by the run: nothing in it yet
        }
        Map<String, Integer> alike = new HashMap<>();
        for (Suite suite : suites) {
            for (TestCase testCase : suite.cases()) {
                String base = base(suite, testCase);
                int n = alike.merge(base, 1, Integer::sum);
                String name = n == 1 ? base + ".html" : base + "-" + n + ".html";
                OutputFiles.notOverInDirectory("--report-dir", dir, at.resolve(name).toString(), reads);
            }
        }
    }

    private static String base(Suite suite, TestCase testCase) {
        return safe(Path.of(suite.file()).getFileName() + "-" + testCase.name());
    }

    /**
     * Writes the reports; returns how many. A report that cannot be written is a {@link UsageError} naming it,
     * as is one that would replace a file of {@code reads} (put there while the cases ran).
     */
    static int write(Path dir, List<CaseResult> results, List<OutputFiles.Read> reads) throws IOException {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new UsageError("--report-dir " + dir + ": is not a directory");
        }
        Files.createDirectories(dir);
        Set<String> names = new HashSet<>();
        int written = 0;
        for (CaseResult result : results) {
            if (result.verdict() != CaseResult.Verdict.FAIL || result.outcome() == null) {
                continue;
            }
            RunRecorder recorder = new RunRecorder(result.suite().machine().machine());
            for (HistoryEvent event : result.outcome().events()) {
                recorder.onEvent(event);
            }
            for (Decision decision : result.outcome().decisions()) {
                recorder.onDecision(decision);
            }
            ReportInput input = new ReportInput(result.suite().file() + " › " + result.testCase().name(),
                    result.suite().machine().definition(), result.outcome().result(),
                    ReportInput.clockOf(result.suite().timeScale()));
            String base = base(result.suite(), result.testCase());
            String name = base + ".html";
            for (int n = 2; !names.add(name); n++) {
                name = base + "-" + n + ".html";
            }
            String file = dir.resolve(name).toString();
            OutputFiles.notOverInDirectory("--report-dir", dir.toString(), file, reads);
            OutputFiles.write(file, out -> HtmlReport.write(out, input, recorder));
            written++;
        }
        return written;
    }

    /** A file name of letters, digits, '.', '-' and '_' (at most 120 characters). */
    static String safe(String text) {
        String name = text.replaceAll("[^A-Za-z0-9._-]+", "_");
        return name.length() > 120 ? name.substring(0, 120) : name;
    }
}
