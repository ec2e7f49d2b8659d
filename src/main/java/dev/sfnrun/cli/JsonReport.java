package dev.sfnrun.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sfnrun.engine.ExecutionResult;
import dev.sfnrun.engine.map.MapRunResult;
import dev.sfnrun.history.HistoryEvent;
import dev.sfnrun.history.Payload;
import dev.sfnrun.query.Json;
import dev.sfnrun.query.Timestamps;
import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import java.util.Map;

/**
 * The {@code --output json} report: one object with the execution's result and its events in
 * the shape of AWS's DescribeExecution and GetExecutionHistory (payloads as JSON text).
 */
final class JsonReport {
    private JsonReport() {
    }

    static ObjectNode of(ExecutionResult result) {
        ObjectNode report = header(result);
        ArrayNode events = report.putArray("events");
        for (HistoryEvent event : result.events()) {
            events.add(event(event));
        }
        ArrayNode runs = mapRuns(result);
        if (runs != null) {
            report.set("mapRuns", runs);
        }
        return report;
    }

    /**
     * Writes the report of {@code result} whose events {@code events} kept as they came: the same
     * text as {@link #of}, without ever holding the whole history as one tree or string.
     */
    static void write(Writer out, ExecutionResult result, JsonEvents events) throws IOException {
        String header = Json.compact(header(result));
        out.write(header, 0, header.length() - 1); // without its closing brace
        out.write(",\"events\":[");
        events.copyTo(out);
        out.write(']');
        ArrayNode runs = mapRuns(result);
        if (runs != null) {
            out.write(",\"mapRuns\":");
            out.write(Json.compact(runs));
        }
        out.write('}');
    }

    /** The report's fields before its events. */
    private static ObjectNode header(ExecutionResult result) {
        ObjectNode report = Json.object();
        report.put("status", result.status().name());
        report.put("output", result.output() == null ? null : Json.compact(result.output()));
        report.put("error", result.error());
        report.put("cause", result.cause());
        report.put("startDate", timestamp(result.startDate()));
        report.put("stopDate", timestamp(result.stopDate()));
        report.put("input", result.inputText());
        report.put("executionArn", result.executionArn());
        return report;
    }

    /** The Map Runs of {@code result}, or null for none. */
    private static ArrayNode mapRuns(ExecutionResult result) {
        ArrayNode runs = null;
        if (!result.mapRuns().isEmpty()) {
            runs = Json.NODES.arrayNode();
            for (MapRunResult run : result.mapRuns()) {
                ObjectNode node = runs.addObject();
                node.put("mapRunArn", run.mapRunArn());
                node.put("stateName", run.stateName());
                node.put("status", run.status().name());
                node.putObject("itemCounts").put("total", run.total()).put("succeeded", run.succeeded())
                        .put("failed", run.failed()).put("aborted", run.aborted());
                ArrayNode children = node.putArray("executions");
                for (ExecutionResult child : run.children()) {
                    children.add(of(child));
                }
            }
        }
        return runs;
    }

    static ObjectNode event(HistoryEvent event) {
        ObjectNode node = Json.object();
        node.put("id", event.id());
        node.put("previousEventId", event.previousEventId());
        node.put("timestamp", timestamp(event.timestamp()));
        node.put("type", event.type().name());
        if (!event.details().isEmpty() || event.type().name().startsWith("Execution")) {
            node.set(event.type().detailsKey(), details(event.details()));
        }
        if (event.logs() != null) { // not AWS's: the output of a Python or Node.js handler during the call
            node.put("logs", event.logs());
        }
        return node;
    }

    @SuppressWarnings("unchecked")
    private static ObjectNode details(Map<String, Object> details) {
        ObjectNode node = Json.object();
        details.forEach((key, value) -> {
            if (value instanceof Payload payload) {
                node.put(key, payload.text());
            } else if (value instanceof Map<?, ?> map) {
                node.set(key, details((Map<String, Object>) map));
            } else if (value instanceof Boolean b) {
                node.put(key, b);
            } else if (value instanceof Integer i) {
                node.put(key, i);
            } else if (value instanceof Long l) {
                node.put(key, l);
            } else {
                node.put(key, String.valueOf(value));
            }
        });
        return node;
    }

    private static String timestamp(Instant instant) {
        return instant == null ? null : Timestamps.format(instant);
    }
}
