package dev.sfnrun.suite;

import dev.sfnrun.io.Neutral;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;

/** The text output: one line per case, the failures of failed ones indented below, and a closing line. */
public final class TextReport {
    private TextReport() {
    }

    /** "PASS  suite › case  (0.000s virtual, 3 ms real)" and, for a failure, its failed expectations. */
    public static void printCase(PrintWriter out, CaseResult result) {
        if (result.verdict() == CaseResult.Verdict.SKIP) {
            return;
        }
        out.println(result.verdict() + "  " + Neutral.text(result.suite().file() + " › " + result.testCase().name()) + "  ("
                + seconds(result.virtual()) + " virtual, " + millis(result.real()) + " real)");
        if (result.verdict() == CaseResult.Verdict.FAIL) {
            for (String line : result.failureText().split("\n")) {
                out.println("    " + Neutral.lines(line)); // causes, outputs and names are data
            }
        }
        out.flush();
    }

    /** "3 passed, 1 failed" and ", 2 skipped" when some were not run. */
    public static String closingLine(List<CaseResult> results) {
        long passed = count(results, CaseResult.Verdict.PASS);
        long failed = count(results, CaseResult.Verdict.FAIL);
        long skipped = count(results, CaseResult.Verdict.SKIP);
        return passed + " passed, " + failed + " failed" + (skipped > 0 ? ", " + skipped + " skipped" : "");
    }

    static long count(List<CaseResult> results, CaseResult.Verdict verdict) {
        return results.stream().filter(r -> r.verdict() == verdict).count();
    }

    /** "4.000s". */
    static String seconds(Duration d) {
        return String.format("%d.%03ds", d.getSeconds(), d.toMillisPart());
    }

    static String millis(Duration d) {
        long micros = d.toNanos() / 1000;
        return micros < 10_000 ? String.format("%.1f ms", micros / 1000.0) : (micros / 1000) + " ms";
    }
}
