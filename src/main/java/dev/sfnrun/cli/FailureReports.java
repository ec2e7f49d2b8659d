package dev.sfnrun.cli;

import dev.sfnrun.history.Decision;
import dev.sfnrun.history.HistoryEvent;
import dev.sfnrun.report.HtmlReport;
import dev.sfnrun.report.ReportInput;
import dev.sfnrun.report.RunRecorder;
import dev.sfnrun.suite.CaseResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code sfn-run test --report-dir DIR}: one self-contained HTML report (the report package's, as
 * {@code --report} writes for a run) per failed case whose execution ran, named after the suite and
 * the case. The suite package records the history and decisions; this joins the two front ends.
 */
final class FailureReports {
    private FailureReports() {
    }

    /** Writes the reports; returns how many. A report that cannot be written is a {@link UsageError} naming it. */
    static int write(Path dir, List<CaseResult> results) throws IOException {
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
            String base = safe(Path.of(result.suite().file()).getFileName() + "-" + result.testCase().name());
            String name = base + ".html";
            for (int n = 2; !names.add(name); n++) {
                name = base + "-" + n + ".html";
            }
            OutputFiles.write(dir.resolve(name).toString(), out -> HtmlReport.write(out, input, recorder));
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
