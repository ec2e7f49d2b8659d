package dev.sfnrun.graph;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;

/** Definitions for the graph tests: the tutorial's, and a generated large nested one. */
final class Machines {
    static final ObjectMapper JSON = new ObjectMapper();

    private Machines() {
    }

    static JsonNode tutorial() throws Exception {
        return JSON.readTree(Files.readString(Path.of("definitions/api-error-handling.asl.json")));
    }

    /**
     * About {@code total} states nested {@code depth} deep: each scope is a chain of Task states with
     * Retry and Catch, a Choice with two rules, and (while depth lasts) a Map whose processor and a
     * Parallel whose two branches are scopes of the same kind.
     */
    static ObjectNode large(int total, int depth) {
        int[] budget = {total};
        return scope("s", depth, budget, 12);
    }

    private static ObjectNode scope(String prefix, int depth, int[] budget, int chain) {
        ObjectNode scope = JSON.createObjectNode();
        ObjectNode states = scope.putObject("States");
        scope.put("StartAt", prefix + "_0");
        int n = Math.max(3, Math.min(chain, budget[0]));
        String fail = prefix + "_fail";
        for (int i = 0; i < n; i++) {
            String name = prefix + "_" + i;
            String next = i + 1 < n ? prefix + "_" + (i + 1) : null;
            ObjectNode state = states.putObject(name);
            budget[0]--;
            if (i % 4 == 1 && next != null) {
                state.put("Type", "Choice");
                ArrayNode choices = state.putArray("Choices");
                choices.addObject().put("Variable", "$.n" + i).put("NumericGreaterThan", i).put("Next", next);
                choices.addObject().put("Variable", "$.kind").put("StringEquals", "kind-" + i).put("Next", fail);
                state.put("Default", next);
                continue;
            }
            if (i % 4 == 2 && depth > 1 && budget[0] > 6) {
                state.put("Type", "Map");
                state.set("ItemProcessor", scope(name + "m", depth - 1, budget, chain / 2 + 2));
            } else if (i % 4 == 3 && depth > 1 && budget[0] > 6) {
                state.put("Type", "Parallel");
                ArrayNode branches = state.putArray("Branches");
                branches.add(scope(name + "a", depth - 1, budget, chain / 2 + 1));
                branches.add(scope(name + "b", depth - 1, budget, chain / 2 + 1));
            } else {
                state.put("Type", "Task");
                state.put("Resource", "arn:aws:lambda:us-east-1:123456789012:function:F" + i);
                state.putArray("Retry").addObject().set("ErrorEquals", JSON.createArrayNode().add("States.Timeout"));
            }
            state.putArray("Catch").addObject().put("Next", fail)
                    .set("ErrorEquals", JSON.createArrayNode().add("States.ALL"));
            if (next != null) {
                state.put("Next", next);
            } else {
                state.put("End", true);
            }
        }
        states.putObject(fail).put("Type", "Fail").put("Error", "Failed").put("Cause", "in " + prefix);
        budget[0]--;
        return scope;
    }

    static int count(JsonNode scope) {
        int n = 0;
        for (JsonNode state : scope.path("States")) {
            n++;
            for (JsonNode branch : state.path("Branches")) {
                n += count(branch);
            }
            if (state.has("ItemProcessor")) {
                n += count(state.get("ItemProcessor"));
            }
        }
        return n;
    }

    static int depth(JsonNode scope) {
        int d = 0;
        for (JsonNode state : scope.path("States")) {
            for (JsonNode branch : state.path("Branches")) {
                d = Math.max(d, depth(branch));
            }
            if (state.has("ItemProcessor")) {
                d = Math.max(d, depth(state.get("ItemProcessor")));
            }
        }
        return d + 1;
    }
}
