package dev.sfnrun.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sfnrun.query.Json;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where an execution that did not succeed goes on when it is redriven (AWS's RedriveExecution),
 * as {@link Execution#resumePoint()} gives it: the top-level state that did not finish and the
 * input it had, the workflow variables as they were then, and, for a Parallel or inline Map
 * state, the results of the branches or iterations that had succeeded (null for the others), so
 * that the redriven run ({@link Execution#resume}) reruns only the unsuccessful ones. It also
 * carries what the run continues: the execution's input and start time, the id of its last event
 * (the redriven run's events follow it) and how often it was redriven already.
 *
 * @param childResults per branch or iteration of the state, its output or null; null when the
 *                     state is no Parallel or Map, or none of its branches ran
 */
public record ResumePoint(String stateName, JsonNode stateInput, Map<String, JsonNode> variables,
                          List<JsonNode> childResults, JsonNode executionInput, Instant startTime,
                          long lastEventId, int redriveCount) {
    public ResumePoint {
        variables = Collections.unmodifiableMap(new LinkedHashMap<>(variables));
        childResults = childResults == null ? null : Collections.unmodifiableList(new ArrayList<>(childResults));
    }

    /** The same point for a run whose last event is {@code id} (the run's end was recorded after it). */
    public ResumePoint withLastEventId(long id) {
        return new ResumePoint(stateName, stateInput, variables, childResults, executionInput, startTime, id, redriveCount);
    }

    /** The children's results as an array of {@code size} entries, or null when they do not fit that size. */
    JsonNode[] seeds(int size) {
        if (childResults == null || childResults.size() != size) {
            return null;
        }
        return childResults.toArray(new JsonNode[0]);
    }

    /** This point as JSON (to keep it across restarts); {@link #fromJson} reads it back. */
    public ObjectNode toJson() {
        ObjectNode node = Json.object();
        node.put("stateName", stateName);
        node.set("stateInput", stateInput);
        ObjectNode vars = node.putObject("variables");
        variables.forEach(vars::set);
        if (childResults != null) {
            ArrayNode children = node.putArray("childResults");
            childResults.forEach(child -> children.add(child == null ? null : Json.object().set("output", child)));
        }
        node.set("executionInput", executionInput);
        node.put("startTime", startTime.toString());
        node.put("lastEventId", lastEventId);
        node.put("redriveCount", redriveCount);
        return node;
    }

    public static ResumePoint fromJson(JsonNode node) {
        Map<String, JsonNode> vars = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.path("variables").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            vars.put(entry.getKey(), entry.getValue());
        }
        List<JsonNode> children = null;
        if (node.has("childResults")) {
            children = new ArrayList<>();
            for (JsonNode child : node.get("childResults")) {
                children.add(child.isObject() ? child.get("output") : null);
            }
        }
        return new ResumePoint(node.get("stateName").asText(), node.get("stateInput"), vars, children,
                node.get("executionInput"), Instant.parse(node.get("startTime").asText()),
                node.get("lastEventId").asLong(), node.get("redriveCount").asInt());
    }
}
