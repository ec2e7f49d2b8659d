package dev.sfnrun.definition.graph;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sfnrun.definition.graph.FlowGraph.Edge;
import dev.sfnrun.definition.graph.FlowGraph.Kind;
import dev.sfnrun.definition.graph.FlowGraph.Node;
import dev.sfnrun.definition.graph.FlowGraph.Retry;
import dev.sfnrun.definition.graph.FlowGraph.Scope;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds a {@link FlowGraph} from a definition's JSON. Takes what it finds: a field of the wrong
 * type is left out, not an error (validation reports those), so a picture can be drawn of a
 * machine that does not validate yet. Nesting deeper than {@link #MAX_NESTING} scopes is not
 * followed.
 */
public final class FlowGraphs {
    /** Parallel and Map scopes deeper than this are left out. */
    public static final int MAX_NESTING = 64;

    private final List<Scope> scopes = new ArrayList<>();
    private final List<Node> nodes = new ArrayList<>();
    private final List<Edge> edges = new ArrayList<>();
    private final Set<String> ids = new HashSet<>();

    private FlowGraphs() {
    }

    /** The graph of a definition (an object with StartAt and States). */
    public static FlowGraph of(JsonNode definition) {
        FlowGraphs builder = new FlowGraphs();
        builder.scope(definition, "", "", null, null, -1, 0);
        return new FlowGraph(List.copyOf(builder.scopes), List.copyOf(builder.nodes), List.copyOf(builder.edges));
    }

    /** The id of a state named {@code name} in a scope whose states' ids start with {@code prefix}. */
    static String id(String prefix, String name) {
        return prefix.isEmpty() ? name : prefix + "/" + name;
    }

    private void scope(JsonNode container, String pointer, String scopeId, String prefix, String owner, int branch,
                       int depth) {
        if (container == null || !container.isObject() || depth > MAX_NESTING) {
            return;
        }
        String idPrefix = prefix == null ? "" : prefix;
        JsonNode startAt = container.get("StartAt");
        String start = startAt != null && startAt.isTextual() ? startAt.asText() : null;
        JsonNode states = container.get("States");
        Map<String, JsonNode> byName = new LinkedHashMap<>();
        Map<String, String> idOf = new LinkedHashMap<>();
        if (states != null && states.isObject()) {
            states.fields().forEachRemaining(field -> {
                byName.put(field.getKey(), field.getValue());
                idOf.put(field.getKey(), unique(id(idPrefix, field.getKey())));
            });
        }
        List<String> scopeNodes = new ArrayList<>(idOf.values());
        scopes.add(new Scope(scopeId, owner, branch, start, List.copyOf(scopeNodes)));

        String statesAt = child(pointer, "States");
        List<Edge> scopeEdges = new ArrayList<>();
        String startNode = FlowGraph.startOf(scopeId);
        String endNode = FlowGraph.endOf(scopeId);
        if (start != null) {
            scopeEdges.add(new Edge(startNode, target(idOf, idPrefix, start), Kind.START, -1, "",
                    child(pointer, "StartAt"), idOf.containsKey(start)));
        }
        for (var entry : byName.entrySet()) {
            String id = idOf.get(entry.getKey());
            JsonNode state = entry.getValue();
            String at = child(statesAt, entry.getKey());
            transitions(id, state, at, idOf, idPrefix, endNode, scopeEdges);
        }
        Set<String> reachable = reachable(startNode, scopeEdges);
        for (var entry : byName.entrySet()) {
            String id = idOf.get(entry.getKey());
            JsonNode state = entry.getValue();
            String at = child(statesAt, entry.getKey());
            JsonNode type = state.get("Type");
            nodes.add(new Node(id, entry.getKey(), type != null && type.isTextual() ? type.asText() : "?", at,
                    scopeId, reachable.contains(id), retries(state.get("Retry")), state));
        }
        edges.addAll(scopeEdges);
        for (var entry : byName.entrySet()) {
            String id = idOf.get(entry.getKey());
            JsonNode state = entry.getValue();
            String at = child(statesAt, entry.getKey());
            String type = state.path("Type").asText("");
            if (type.equals("Parallel") && state.path("Branches").isArray()) {
                JsonNode branches = state.get("Branches");
                for (int i = 0; i < branches.size(); i++) {
                    scope(branches.get(i), child(child(at, "Branches"), i), id + "#" + i, id, id, i, depth + 1);
                }
            } else if (type.equals("Map")) {
                String field = state.has("ItemProcessor") ? "ItemProcessor" : "Iterator";
                scope(state.get(field), child(at, field), id, id, id, -1, depth + 1);
            }
        }
    }

    private void transitions(String id, JsonNode state, String at, Map<String, String> idOf, String prefix,
                             String endNode, List<Edge> out) {
        if (!state.isObject()) {
            return;
        }
        String type = state.path("Type").asText("");
        JsonNode next = state.get("Next");
        if (next != null && next.isTextual()) {
            out.add(new Edge(id, target(idOf, prefix, next.asText()), Kind.NEXT, -1, "", child(at, "Next"),
                    idOf.containsKey(next.asText())));
        }
        if (state.path("End").asBoolean(false) || type.equals("Succeed")) {
            out.add(new Edge(id, endNode, Kind.END, -1, "", child(at, type.equals("Succeed") ? "Type" : "End"), true));
        }
        if (type.equals("Choice")) {
            JsonNode choices = state.get("Choices");
            if (choices != null && choices.isArray()) {
                for (int i = 0; i < choices.size(); i++) {
                    JsonNode rule = choices.get(i);
                    JsonNode ruleNext = rule.get("Next");
                    if (ruleNext != null && ruleNext.isTextual()) {
                        out.add(new Edge(id, target(idOf, prefix, ruleNext.asText()), Kind.CHOICE_RULE, i,
                                Labels.condition(rule), child(child(at, "Choices"), i),
                                idOf.containsKey(ruleNext.asText())));
                    }
                }
            }
            JsonNode fallback = state.get("Default");
            if (fallback != null && fallback.isTextual()) {
                out.add(new Edge(id, target(idOf, prefix, fallback.asText()), Kind.CHOICE_DEFAULT, -1, "Default",
                        child(at, "Default"), idOf.containsKey(fallback.asText())));
            }
        }
        JsonNode retry = state.get("Retry");
        if (retry != null && retry.isArray()) {
            List<Retry> clauses = retries(retry);
            for (Retry clause : clauses) {
                out.add(new Edge(id, id, Kind.RETRY, clause.index(), clause.label(),
                        child(child(at, "Retry"), clause.index()), true));
            }
        }
        JsonNode catchers = state.get("Catch");
        if (catchers != null && catchers.isArray()) {
            for (int i = 0; i < catchers.size(); i++) {
                JsonNode catcher = catchers.get(i);
                JsonNode catchNext = catcher.get("Next");
                if (catchNext != null && catchNext.isTextual()) {
                    out.add(new Edge(id, target(idOf, prefix, catchNext.asText()), Kind.CATCH, i,
                            Labels.errors(catcher.get("ErrorEquals")), child(child(at, "Catch"), i),
                            idOf.containsKey(catchNext.asText())));
                }
            }
        }
    }

    private static List<Retry> retries(JsonNode retry) {
        List<Retry> out = new ArrayList<>();
        if (retry == null || !retry.isArray()) {
            return out;
        }
        for (int i = 0; i < retry.size(); i++) {
            JsonNode clause = retry.get(i);
            out.add(new Retry(i, Labels.texts(clause.get("ErrorEquals")),
                    clause.path("MaxAttempts").isIntegralNumber() ? clause.get("MaxAttempts").asInt() : null,
                    clause.path("IntervalSeconds").isNumber() ? clause.get("IntervalSeconds").asDouble() : null,
                    clause.path("BackoffRate").isNumber() ? clause.get("BackoffRate").asDouble() : null,
                    clause.path("MaxDelaySeconds").isIntegralNumber() ? clause.get("MaxDelaySeconds").asInt() : null,
                    clause.path("JitterStrategy").isTextual() ? clause.get("JitterStrategy").asText() : null));
        }
        return out;
    }

    private static Set<String> reachable(String start, List<Edge> edges) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        edges.forEach(e -> out.computeIfAbsent(e.from(), k -> new ArrayList<>()).add(e.to()));
        Set<String> seen = new HashSet<>();
        Deque<String> work = new ArrayDeque<>(List.of(start));
        while (!work.isEmpty()) {
            String id = work.pop();
            if (seen.add(id)) {
                work.addAll(out.getOrDefault(id, List.of()));
            }
        }
        return seen;
    }

    /** The id of a transition's target: the state's id, or the id it would have. */
    private static String target(Map<String, String> idOf, String prefix, String name) {
        String id = idOf.get(name);
        return id != null ? id : id(prefix, name);
    }

    /** The id, made unique (a second state named as another elsewhere gets "~2") so nodes never merge. */
    private String unique(String id) {
        String candidate = id;
        for (int n = 2; !ids.add(candidate); n++) {
            candidate = id + "~" + n;
        }
        return candidate;
    }

    static String child(String pointer, String key) {
        return pointer + "/" + key.replace("~", "~0").replace("/", "~1");
    }

    static String child(String pointer, int index) {
        return pointer + "/" + index;
    }
}
