package dev.sfnrun.task.load;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sfnrun.io.BoundedFiles;
import dev.sfnrun.query.Json;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Reads Step Functions Local's mock configuration file ({@code MockConfigFile.json}):
 * {@code StateMachines → <name> → TestCases → <test case> → {<state>: <response name>}} and
 * {@code MockedResponses → <response name> → {"0" | "1-2": {"Return": …} | {"Throw": {"Error", "Cause"}}}}.
 */
public final class MockConfig {
    private MockConfig() {
    }

    /** Mocks the states of one test case in {@code registry}. */
    public static void apply(Path file, String stateMachineName, String testCase, TaskRegistry registry) {
        apply(read(file), file.toString(), stateMachineName, testCase, registry);
    }

    /**
     * Reads and checks the file as a whole (readable, JSON, an object, no key twice, every test case
     * of every machine and every response as a run would read it), as a server does at its start
     * rather than at the first execution that names a test case.
     *
     * @throws TaskLoadException naming the file
     */
    public static void check(Path file) {
        JsonNode root = read(file);
        String name = file.toString();
        // every test case of every machine, then every response, as each would be read when a test case names it
        for (Iterator<Map.Entry<String, JsonNode>> machines = root.path("StateMachines").fields(); machines.hasNext(); ) {
            Map.Entry<String, JsonNode> machine = machines.next();
            for (Iterator<String> cases = machine.getValue().path("TestCases").fieldNames(); cases.hasNext(); ) {
                try (TaskRegistry registry = new TaskRegistry()) {
                    apply(root, name, machine.getKey(), cases.next(), registry);
                }
            }
        }
        for (Iterator<Map.Entry<String, JsonNode>> responses = root.path("MockedResponses").fields(); responses.hasNext(); ) {
            Map.Entry<String, JsonNode> response = responses.next();
            if (!response.getValue().isObject()) {
                throw new TaskLoadException(name + ": MockedResponses." + response.getKey() + ": must be an object of "
                        + "invocation keys (\"0\", \"1-2\") to entries");
            }
            response(name, response.getKey(), response.getValue());
        }
    }

    /** The file's JSON object; an empty file, or JSON of another kind, is refused naming the file. */
    private static JsonNode read(Path file) {
        JsonNode root;
        try {
            String text = BoundedFiles.readText(file, "--mock-config " + file, BoundedFiles.MOCK_BYTES, "a mock file");
            String json = text.startsWith("\uFEFF") ? text.substring(1) : text;
            if (json.isBlank()) {
                throw new TaskLoadException(file + ": empty file, expected a mock file's JSON object");
            }
            refuseRepeatedKeys(json, file);
            root = Json.parse(json);
        } catch (BoundedFiles.FileProblem e) {
            throw new TaskLoadException(e.getMessage());
        } catch (JsonProcessingException e) {
            throw new TaskLoadException(file + ": not valid JSON: " + dev.sfnrun.io.JsonMessages.plain(e)
                    + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ")"));
        }
        if (!(root instanceof com.fasterxml.jackson.databind.node.ObjectNode)) {
            throw new TaskLoadException(file + ": a mock file is a JSON object (with StateMachines and MockedResponses)");
        }
        return root;
    }

    /**
     * A key given twice in one object (the same test case, state or response twice) is an error
     * naming the file, the object and the key: which of the two was meant is ambiguous, and a JSON
     * reader would silently keep the last. Other syntax errors are left to the parse that follows.
     */
    private static void refuseRepeatedKeys(String text, Path file) {
        try (JsonParser parser = Json.FACTORY.createParser(text)) {
            parser.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
            try {
                while (parser.nextToken() != null) {
                    // every token is read: the parser checks each object's keys as it goes
                }
            } catch (JsonParseException e) {
                String message = String.valueOf(e.getOriginalMessage());
                if (message.startsWith("Duplicate field '")) {
                    String key = message.substring("Duplicate field '".length(), message.lastIndexOf('\''));
                    List<String> names = new ArrayList<>();
                    for (JsonStreamContext c = parser.getParsingContext().getParent(); c != null && !c.inRoot();
                         c = c.getParent()) {
                        names.add(0, c.inArray() ? String.valueOf(c.getCurrentIndex()) : c.getCurrentName());
                    }
                    String where = names.isEmpty() ? "the top level" : String.join(".", names);
                    JsonLocation at = e.getLocation();
                    throw new TaskLoadException(file + ": " + where + ": the key '" + key + "' is given twice"
                            + (at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")")
                            + "; which one is meant is ambiguous: keep one");
                }
            }
        } catch (java.io.IOException e) {
            // not JSON: the parse that follows says why
        }
    }

    static void apply(JsonNode root, String file, String stateMachineName, String testCase, TaskRegistry registry) {
        JsonNode machine = root.path("StateMachines").path(stateMachineName);
        if (!machine.isObject()) {
            throw new TaskLoadException(file + ": no state machine '" + stateMachineName + "' under StateMachines"
                    + known(root.path("StateMachines")) + "; set the name with --state-machine-name");
        }
        JsonNode states = machine.path("TestCases").path(testCase);
        if (machine.path("TestCases").has(testCase) && !states.isObject()) {
            throw new TaskLoadException(file + ": StateMachines." + stateMachineName + ".TestCases." + testCase
                    + ": must be an object of state names and MockedResponses names");
        }
        if (!states.isObject()) {
            throw new TaskLoadException(file + ": state machine '" + stateMachineName + "' has no test case '"
                    + testCase + "'" + known(machine.path("TestCases")));
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = states.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> state = it.next();
            if (!state.getValue().isTextual()) {
                throw new TaskLoadException(file + ": StateMachines." + stateMachineName + ".TestCases." + testCase + "."
                        + state.getKey() + ": must be the name of a response under MockedResponses (a string), not "
                        + state.getValue().getNodeType().toString().toLowerCase(java.util.Locale.ROOT));
            }
            String responseName = state.getValue().asText();
            JsonNode response = root.path("MockedResponses").path(responseName);
            if (root.path("MockedResponses").has(responseName) && !response.isObject()) {
                throw new TaskLoadException(file + ": MockedResponses." + responseName + ": must be an object of "
                        + "invocation keys (\"0\", \"1-2\") to entries (test case '"
                        + testCase + "' mocks state '" + state.getKey() + "' with it)");
            }
            if (!response.isObject()) {
                throw new TaskLoadException(file + ": test case '" + testCase + "' mocks state '" + state.getKey()
                        + "' with '" + responseName + "', which is not under MockedResponses");
            }
            registry.mock(state.getKey(), response(file, responseName, response));
        }
    }

    private static MockedResponse response(String file, String name, JsonNode node) {
        List<MockedResponse.Entry> entries = new ArrayList<>();
        java.util.TreeMap<Integer, String> keys = new java.util.TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String where = file + ": MockedResponses." + name + "." + field.getKey();
            int[] range = range(field.getKey(), where);
            // the keys seen so far, by first invocation, do not overlap: only the neighbours can overlap this one
            Map.Entry<Integer, String> below = keys.floorEntry(range[0]);
            Map.Entry<Integer, String> above = keys.ceilingEntry(range[0]);
            for (Map.Entry<Integer, String> earlier : java.util.Arrays.asList(below, above)) {
                if (earlier != null) {
                    int[] other = range(earlier.getValue(), where);
                    if (range[0] <= other[1] && other[0] <= range[1]) {
                        throw new TaskLoadException(where + ": invocation " + Math.max(range[0], other[0])
                                + " is also covered by '" + earlier.getValue() + "'; which one answers is ambiguous: "
                                + "give each invocation one entry");
                    }
                }
            }
            keys.put(range[0], field.getKey());
            JsonNode value = field.getValue();
            if (value.has("Return") == value.has("Throw")) {
                throw new TaskLoadException(where + ": give exactly one of Return and Throw");
            }
            for (Iterator<String> names = value.fieldNames(); names.hasNext(); ) {
                String key = names.next();
                if (!key.equals("Return") && !key.equals("Throw")) {
                    throw new TaskLoadException(where + ": unknown field '" + key + "' (an entry has Return or Throw)");
                }
            }
            if (value.has("Return")) {
                entries.add(new MockedResponse.Entry(range[0], range[1], value.get("Return"), null, null));
            } else {
                JsonNode thrown = value.get("Throw");
                if (!thrown.isObject()) {
                    throw new TaskLoadException(where + ".Throw: must be an object with Error and Cause");
                }
                for (Iterator<String> names = thrown.fieldNames(); names.hasNext(); ) {
                    String key = names.next();
                    if (!key.equals("Error") && !key.equals("Cause")) {
                        throw new TaskLoadException(where + ".Throw: unknown field '" + key + "' (Throw has Error and Cause)");
                    }
                    if (!thrown.get(key).isTextual()) {
                        throw new TaskLoadException(where + ".Throw." + key + ": must be a string");
                    }
                }
                if (!thrown.has("Error")) {
                    throw new TaskLoadException(where + ".Throw: Error is required (the error name Retry and Catch match)");
                }
                entries.add(new MockedResponse.Entry(range[0], range[1], null, text(thrown, "Error"), text(thrown, "Cause")));
            }
        }
        return new MockedResponse(name, List.copyOf(entries));
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static int[] range(String key, String where) {
        try {
            int dash = key.indexOf('-');
            int from = Integer.parseInt((dash < 0 ? key : key.substring(0, dash)).trim());
            int to = dash < 0 ? from : Integer.parseInt(key.substring(dash + 1).trim());
            if (from < 0 || to < from) {
                throw new NumberFormatException();
            }
            return new int[] {from, to};
        } catch (NumberFormatException e) {
            throw new TaskLoadException(where + ": an invocation key is a number (\"0\") or a range (\"1-2\")");
        }
    }

    private static String known(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names.isEmpty() ? "" : " (found: " + String.join(", ", names) + ")";
    }
}
