package dev.sfnrun.suite;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sfnrun.definition.graph.FlowGraph;
import dev.sfnrun.query.Json;
import dev.sfnrun.task.load.MockedResponse;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A case's {@code mocks}, in Step Functions Local's vocabulary, read into the same
 * {@link MockedResponse}s its mock file gives: per Task state name, either
 * <ul>
 *   <li>a list of responses, the n-th answering the n-th invocation (retries included);</li>
 *   <li>an object of invocation keys, {@code "0"} or a range {@code "1-3"}, each a response; or</li>
 *   <li>one response, answering every invocation;</li>
 * </ul>
 * a response being {@code {Return: value}} or {@code {Throw: {Error: ..., Cause: ...}}}.
 */
final class Mocks {
    private Mocks() {
    }

    static Map<String, MockedResponse> parse(JsonNode mocks, String at, String key, SuiteMachine machine,
                                             Where where) {
        Map<String, MockedResponse> out = new LinkedHashMap<>();
        if (!mocks.isObject()) {
            where.error(at, key, "expected an object of Task state name → responses, not " + Json.typeName(mocks));
            return out;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = mocks.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String state = field.getKey();
            String here = at + "/" + LocatedDocument.escape(state);
            String k = key + "." + state;
            FlowGraph.Node node = machine.nodeNamed(state);
            if (node == null && machine.graph().byId().get(state) != null) {
                node = machine.graph().byId().get(state); // a nested state by its path, as visits names it
            }
            if (node == null) {
                where.error(here, k, "the machine has no state '" + state + "'" + Suggestions.state(machine, state));
                continue;
            }
            if (!node.type().equals("Task")) {
                where.error(here, k, "'" + state + "' is a " + node.type() + " state; only Task states are mocked");
                continue;
            }
            List<MockedResponse.Entry> entries = entries(field.getValue(), here, k, where);
            if (entries != null) {
                out.put(node.name(), new MockedResponse("mocks." + state, List.copyOf(entries)));
            }
        }
        return out;
    }

    private static List<MockedResponse.Entry> entries(JsonNode value, String at, String key, Where where) {
        List<MockedResponse.Entry> entries = new ArrayList<>();
        if (value.isArray()) {
            if (value.isEmpty()) {
                where.error(at, key, "an empty list of responses");
                return null;
            }
            for (int i = 0; i < value.size(); i++) {
                MockedResponse.Entry entry = entry(value.get(i), i, i, at + "/" + i, key + "[" + i + "]", where);
                if (entry == null) {
                    return null;
                }
                entries.add(entry);
            }
            return entries;
        }
        if (!value.isObject() || value.isEmpty()) {
            where.error(at, key, "expected a response ({Return: ...} or {Throw: {Error, Cause}}), a list of them, "
                    + "or an object of invocations (\"0\", \"1-2\") to responses");
            return null;
        }
        if (value.has("Return") || value.has("Throw")) {
            MockedResponse.Entry entry = entry(value, 0, Integer.MAX_VALUE, at, key, where);
            return entry == null ? null : List.of(entry);
        }
        java.util.TreeMap<Integer, String> keys = new java.util.TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String here = at + "/" + LocatedDocument.escape(field.getKey());
            int[] range = range(field.getKey());
            if (range == null) {
                where.error(here, key + "." + field.getKey(), "an invocation key is a number (\"0\") or a range (\"1-2\"), "
                        + "counting from 0, retries included");
                return null;
            }
            // the keys seen so far, by first invocation, do not overlap: only the neighbours can overlap this one
            for (Map.Entry<Integer, String> earlier : java.util.Arrays.asList(keys.floorEntry(range[0]),
                    keys.ceilingEntry(range[0]))) {
                int[] other = earlier == null ? null : range(earlier.getValue());
                if (other != null && range[0] <= other[1] && other[0] <= range[1]) {
                    where.error(here, key + "." + field.getKey(), "invocation " + Math.max(range[0], other[0])
                            + " is also covered by '" + earlier.getValue() + "'; which one answers is ambiguous: "
                            + "give each invocation one entry");
                    return null;
                }
            }
            keys.put(range[0], field.getKey());
            MockedResponse.Entry entry = entry(field.getValue(), range[0], range[1], here, key + "." + field.getKey(), where);
            if (entry == null) {
                return null;
            }
            entries.add(entry);
        }
        return entries;
    }

    private static MockedResponse.Entry entry(JsonNode response, int from, int to, String at, String key,
                                              Where where) {
        if (!response.isObject() || response.has("Return") == response.has("Throw") || response.size() != 1) {
            where.error(at, key, "a response is {Return: value} or {Throw: {Error: ..., Cause: ...}}");
            return null;
        }
        if (response.has("Return")) {
            return new MockedResponse.Entry(from, to, response.get("Return"), null, null);
        }
        JsonNode thrown = response.get("Throw");
        if (!thrown.isObject()) {
            where.error(at + "/Throw", key + ".Throw", "expected {Error: ..., Cause: ...}");
            return null;
        }
        for (Iterator<String> it = thrown.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!name.equals("Error") && !name.equals("Cause")) {
                where.error(at + "/Throw/" + LocatedDocument.escape(name), key + ".Throw." + name, "unknown key (Throw has Error and Cause)");
                return null;
            }
            if (!thrown.get(name).isTextual()) {
                where.error(at + "/Throw/" + name, key + ".Throw." + name, "expected a string");
                return null;
            }
        }
        if (!thrown.has("Error")) {
            where.error(at + "/Throw", key + ".Throw", "Error is required (the error name Retry and Catch match)");
            return null;
        }
        return new MockedResponse.Entry(from, to, null, text(thrown, "Error"), text(thrown, "Cause"));
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null ? null : value.asText();
    }

    private static int[] range(String key) {
        try {
            int dash = key.indexOf('-');
            int from = Integer.parseInt((dash < 0 ? key : key.substring(0, dash)).trim());
            int to = dash < 0 ? from : Integer.parseInt(key.substring(dash + 1).trim());
            return from < 0 || to < from ? null : new int[] {from, to};
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
