package dev.sfnrun.suite;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sfnrun.engine.ExecutionResult;
import dev.sfnrun.query.Json;
import java.util.List;

/** The one machine-readable report of {@code --output json}. */
public final class JsonRunReport {
    private JsonRunReport() {
    }

    /**
     * {"passed", "failed", "skipped", "cases": [{suite, name, result, virtualSeconds, realSeconds, status, error,
     * cause, output, path, failures: [{expectation, message}]}], "coverage"?, "coverageShortfalls"?}.
     */
    public static ObjectNode of(List<CaseResult> results, Coverage coverage, List<String> shortfalls) {
        ObjectNode root = Json.object();
        root.put("passed", TextReport.count(results, CaseResult.Verdict.PASS));
        root.put("failed", TextReport.count(results, CaseResult.Verdict.FAIL));
        root.put("skipped", TextReport.count(results, CaseResult.Verdict.SKIP));
        ArrayNode cases = root.putArray("cases");
        for (CaseResult result : results) {
            ObjectNode item = cases.addObject();
            item.put("suite", result.suite().file());
            item.put("name", result.testCase().name());
            item.put("result", result.verdict().name());
            if (result.verdict() == CaseResult.Verdict.SKIP) {
                continue;
            }
            item.put("virtualSeconds", result.virtual().toNanos() / 1e9);
            item.put("realSeconds", result.real().toNanos() / 1e9);
            if (result.outcome() != null) {
                ExecutionResult execution = result.outcome().result();
                item.put("status", execution.status().name());
                if (execution.output() != null) {
                    item.set("output", execution.output());
                }
                if (execution.error() != null) {
                    item.put("error", execution.error());
                }
                if (execution.cause() != null) {
                    item.put("cause", execution.cause());
                }
                ArrayNode path = item.putArray("path");
                result.outcome().path().forEach(path::add);
            }
            ArrayNode failures = item.putArray("failures");
            for (CaseResult.Failure failure : result.failures()) {
                failures.addObject().put("expectation", failure.key()).put("message", failure.message());
            }
            if (result.failingEvent() != null) {
                item.put("failingEvent", result.failingEvent());
            }
        }
        if (coverage != null) {
            root.set("coverage", CoverageReport.json(coverage).get("machines"));
        }
        if (shortfalls != null && !shortfalls.isEmpty()) {
            ArrayNode list = root.putArray("coverageShortfalls");
            shortfalls.forEach(list::add);
        }
        return root;
    }
}
