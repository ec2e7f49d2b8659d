package dev.sfnrun.definition.validate;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The fields of one state: the table for its type and language, Next/End, the fields that
 * exclude each other, Wait's one duration, Map's one processor, Task's resource and timeouts.
 */
final class StateChecks {
    private StateChecks() {
    }

    private static final List<String> FLOWING = List.of("Task", "Parallel", "Map", "Pass", "Wait");
    /** Literal and {@code …Path} variants that exclude each other, and Map's two names for the same fields. */
    private static final List<List<String>> EXCLUSIVE = List.of(
            List.of("TimeoutSeconds", "TimeoutSecondsPath"),
            List.of("HeartbeatSeconds", "HeartbeatSecondsPath"),
            List.of("Error", "ErrorPath"),
            List.of("Cause", "CausePath"),
            List.of("MaxConcurrency", "MaxConcurrencyPath"),
            List.of("ToleratedFailurePercentage", "ToleratedFailurePercentagePath"),
            List.of("ToleratedFailureCount", "ToleratedFailureCountPath"),
            List.of("MaxItems", "MaxItemsPath"),
            List.of("MaxItemsPerBatch", "MaxItemsPerBatchPath"),
            List.of("MaxInputBytesPerBatch", "MaxInputBytesPerBatchPath"),
            List.of("Parameters", "ItemSelector"));
    private static final List<String> WAIT_DURATIONS = List.of("Seconds", "SecondsPath", "Timestamp", "TimestampPath");
    private static final List<String> PROCESSORS = List.of("ItemProcessor", "Iterator");
    /** An ItemBatcher batches by count, by size or both: it names at least one limit [DG input-output-itembatcher]. */
    private static final List<String> BATCH_LIMITS = List.of("MaxItemsPerBatch", "MaxItemsPerBatchPath",
            "MaxInputBytesPerBatch", "MaxInputBytesPerBatchPath");
    /** {@code arn:partition:service:region:account:resource}; region and account may be empty (integrations). */
    private static final Pattern ARN = Pattern.compile("arn:[a-z0-9-]+:[a-z0-9-]+:[a-z0-9-]*:[0-9]*:.+");

    static void check(StateContext state, Diagnostics out) {
        ShapeChecks.check(state.node(), state.pointer(), Shapes.STATES.get(state.type()), state.jsonata(), out);
        if (FLOWING.contains(state.type())) {
            nextOrEnd(state, out);
        }
        exclusive(state.node(), state.pointer(), out);
        switch (state.type()) {
            case "Task" -> task(state, out);
            case "Wait" -> {
                exactlyOne(state, WAIT_DURATIONS, out);
                timestamp(state, out);
            }
            case "Map" -> map(state, out);
            case "Parallel" -> parallel(state, out);
            default -> {
            }
        }
    }

    private static void nextOrEnd(StateContext state, Diagnostics out) {
        boolean end = state.node().path("End").asBoolean(false);
        if (end && state.has("Next")) {
            out.schema(state.at("End"), "Fields 'Next' and 'End' are mutually exclusive");
        } else if (!end && !state.has("Next")) {
            out.schema(state.pointer(), "These fields are required: [Next or End]");
        }
    }

    private static void exclusive(JsonNode object, String pointer, Diagnostics out) {
        for (List<String> pair : EXCLUSIVE) {
            if (object.has(pair.get(0)) && object.has(pair.get(1))) {
                out.schema(Pointer.child(pointer, pair.get(1)),
                        "Fields '" + pair.get(0) + "' and '" + pair.get(1) + "' are mutually exclusive");
            }
        }
    }

    private static void exactlyOne(StateContext state, List<String> fields, Diagnostics out) {
        List<String> present = fields.stream().filter(state::has).toList();
        if (present.isEmpty()) {
            out.schema(state.pointer(), "Exactly one of these fields is required: " + fields);
        } else if (present.size() > 1) {
            out.schema(state.at(present.get(1)), "Exactly one of these fields is allowed: " + fields);
        }
    }

    /** A literal Wait {@code Timestamp} must be an RFC 3339 time (uppercase T, Z or a numeric offset), as AWS requires. */
    private static void timestamp(StateContext state, Diagnostics out) {
        JsonNode value = state.node().get("Timestamp");
        if (value == null || !value.isTextual()) {
            return;
        }
        String text = value.textValue();
        boolean expression = state.jsonata() && text.startsWith("{%") && text.endsWith("%}"); // a JSONPath state's is text
        if (!expression && dev.sfnrun.query.Timestamps.parse(text).isEmpty()) {
            out.schema(state.at("Timestamp"), "String does not match RFC3339 timestamp"); // AWS's recorded text
        }
    }

    private static void task(StateContext state, Diagnostics out) {
        JsonNode resource = state.get("Resource");
        if (resource != null && resource.isTextual() && !ARN.matcher(resource.asText()).matches()) {
            out.report(DiagnosticCode.INVALID_RESOURCE, state.at("Resource"),
                    "Value is not a valid resource ARN: " + resource.asText());
        } else if (resource != null && resource.isTextual() && OptimizedIntegrations.unrecognized(resource.asText())) {
            out.schema(state.at("Resource"), "The resource provided " + resource.asText() + " is not recognized. The value"
                    + " is not a valid resource ARN, or the resource is not available in this region."); // AWS's text
        }
        JsonNode timeout = state.get("TimeoutSeconds");
        JsonNode heartbeat = state.get("HeartbeatSeconds");
        if (timeout != null && heartbeat != null && timeout.isIntegralNumber() && heartbeat.isIntegralNumber()
                && heartbeat.longValue() >= timeout.longValue()) {
            out.schema(state.at("HeartbeatSeconds"), "HeartbeatSeconds must be smaller than TimeoutSeconds");
        }
    }

    private static void parallel(StateContext state, Diagnostics out) {
        JsonNode branches = state.get("Branches");
        if (branches != null && branches.isArray() && branches.isEmpty()) {
            out.schema(state.at("Branches"), "Value cannot be empty"); // AWS's text
        }
    }

    private static void map(StateContext state, Diagnostics out) {
        exactlyOne(state, PROCESSORS, out);
        for (String processor : PROCESSORS) {
            JsonNode config = state.node().path(processor).path("ProcessorConfig");
            if (config.path("Mode").asText().equals("DISTRIBUTED") && !config.has("ExecutionType")) {
                out.schema(Pointer.child(state.at(processor), "ProcessorConfig"),
                        "These fields are required: [ExecutionType]");
            }
        }
        nested(state, "ItemReader", Shapes.ITEM_READER, out);
        nested(state, "ItemBatcher", Shapes.ITEM_BATCHER, out);
        JsonNode batcher = state.get("ItemBatcher");
        if (batcher != null && batcher.isObject() && BATCH_LIMITS.stream().noneMatch(batcher::has)) {
            out.schema(state.at("ItemBatcher"), "At least one of these fields is required: " + BATCH_LIMITS);
        }
        nested(state, "ResultWriter", Shapes.RESULT_WRITER, out);
        ItemSourceChecks.check(state, out);
        ReaderConfigChecks.check(state, out);
        JsonNode reader = state.node().path("ItemReader").path("ReaderConfig");
        if (reader.isObject()) {
            String at = Pointer.child(state.at("ItemReader"), "ReaderConfig");
            ShapeChecks.check(reader, at, Shapes.READER_CONFIG, state.jsonata(), out);
            exclusive(reader, at, out);
        }
        JsonNode writer = state.node().path("ResultWriter").path("WriterConfig");
        if (writer.isObject()) {
            ShapeChecks.check(writer, Pointer.child(state.at("ResultWriter"), "WriterConfig"), Shapes.WRITER_CONFIG,
                    state.jsonata(), out);
        }
    }

    private static void nested(StateContext state, String field, Shape shape, Diagnostics out) {
        JsonNode object = state.get(field);
        if (object != null && object.isObject()) {
            ShapeChecks.check(object, state.at(field), shape, state.jsonata(), out);
            exclusive(object, state.at(field), out);
        }
    }
}
