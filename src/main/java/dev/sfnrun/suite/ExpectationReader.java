package dev.sfnrun.suite;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sfnrun.definition.graph.FlowGraph;
import dev.sfnrun.engine.ExecutionStatus;
import dev.sfnrun.history.EventType;
import dev.sfnrun.query.Json;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** A test case's {@code expect} object read into {@link Expectation}s, each key checked against the machine. */
final class ExpectationReader {
    static final Set<String> EXPECT_KEYS = Set.of("status", "output", "outputContains", "error", "cause",
            "causeMatches", "path", "pathContains", "visits", "events", "noEvents", "stateOutput", "maxTransitions",
            "duration");

    private ExpectationReader() {
    }

    /** The expectations of a case's {@code expect} object; what is wrong with them is reported to {@code where}. */
    static List<Expectation> read(ObjectNode expect, String at, String key, SuiteMachine machine, Where where) {
        where.keys(at, expect, EXPECT_KEYS, key);
        List<Expectation> out = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = expect.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String name = field.getKey();
            JsonNode value = field.getValue();
            String here = at + "/" + LocatedDocument.escape(name);
            String k = key + "." + name;
            switch (name) {
                case "status" -> {
                    try {
                        out.add(new Expectations.Status(ExecutionStatus.valueOf(value.asText(""))));
                    } catch (IllegalArgumentException e) {
                        where.error(here, k, "expected SUCCEEDED, FAILED, TIMED_OUT or ABORTED, not " + Json.compact(value));
                    }
                }
                case "output", "outputContains" -> out.add(new Expectations.Output(value, name.equals("outputContains")));
                case "error" -> {
                    if (where.isText(value, here, k)) {
                        out.add(new Expectations.Error(value.asText()));
                    }
                }
                case "cause" -> {
                    if (where.isText(value, here, k)) {
                        out.add(new Expectations.Cause(value.asText(), null));
                    }
                }
                case "causeMatches" -> {
                    if (where.isText(value, here, k)) {
                        try {
                            out.add(new Expectations.Cause(value.asText(), Pattern.compile(value.asText())));
                        } catch (PatternSyntaxException e) {
                            where.error(here, k, "not a regular expression: " + e.getDescription());
                        }
                    }
                }
                case "path", "pathContains" -> {
                    List<String> states = where.texts(value, here, k);
                    for (int i = 0; i < states.size(); i++) {
                        String state = states.get(i);
                        FlowGraph.Node node = machine.graph().byId().get(state);
                        if (node == null || !node.scope().isEmpty()) {
                            FlowGraph.Node nested = machine.nodeNamed(state);
                            where.error(here + "/" + i, k, nested != null && !nested.scope().isEmpty()
                                    ? "'" + state + "' is nested ('" + nested.id() + "'); " + name
                                    + " lists top-level states (use visits for nested ones)"
                                    : "the machine has no state '" + state + "'" + Suggestions.state(machine, state));
                        }
                    }
                    out.add(new Expectations.Path(states, name.equals("pathContains")));
                }
                case "visits" -> {
                    Map<String, Integer> counts = new LinkedHashMap<>();
                    if (!value.isObject()) {
                        where.error(here, k, "expected an object of state → count");
                        break;
                    }
                    value.fields().forEachRemaining(entry -> {
                        String state = entry.getKey();
                        String p = here + "/" + LocatedDocument.escape(state);
                        if (knownId(machine, state, p, k, where)) {
                            if (!entry.getValue().canConvertToInt() || !entry.getValue().isIntegralNumber()
                                    || entry.getValue().asInt() < 0) {
                                where.error(p, k + "." + state, "expected a count (0 or more), not " + Json.compact(entry.getValue()));
                            } else {
                                counts.put(state, entry.getValue().asInt());
                            }
                        }
                    });
                    out.add(new Expectations.Visits(counts));
                }
                case "events", "noEvents" -> {
                    List<String> types = where.texts(value, here, k);
                    for (int i = 0; i < types.size(); i++) {
                        try {
                            EventType.valueOf(types.get(i));
                        } catch (IllegalArgumentException e) {
                            where.error(here + "/" + i, k, "'" + types.get(i) + "' is not an event type (such as TaskStateEntered, ExecutionFailed)");
                        }
                    }
                    out.add(name.equals("events") ? new Expectations.Events(types) : new Expectations.NoEvents(types));
                }
                case "stateOutput" -> {
                    Map<String, JsonNode> outputs = new LinkedHashMap<>();
                    if (!value.isObject()) {
                        where.error(here, k, "expected an object of state → output");
                        break;
                    }
                    value.fields().forEachRemaining(entry -> {
                        if (knownId(machine, entry.getKey(), here + "/" + LocatedDocument.escape(entry.getKey()), k, where)) {
                            outputs.put(entry.getKey(), entry.getValue());
                        }
                    });
                    out.add(new Expectations.StateOutput(outputs));
                }
                case "maxTransitions" -> {
                    if (!value.isIntegralNumber() || !value.canConvertToInt() || value.asInt() < 0) {
                        where.error(here, k, "expected a whole number, not " + Json.compact(value));
                    } else {
                        out.add(new Expectations.MaxTransitions(value.asInt()));
                    }
                }
                case "duration" -> {
                    Expectations.DurationBounds bounds = value.isTextual() ? Expectations.DurationBounds.parse(value.asText()) : null;
                    if (bounds == null) {
                        where.error(here, k, "expected bounds of ISO-8601 durations such as \"PT1M..PT2M\", \"PT30S..\" or \"..PT5M\", not "
                                + Json.compact(value));
                    } else {
                        out.add(bounds);
                    }
                }
                default -> {
                    // reported by keys()
                }
            }
        }
        return out;
    }

    private static boolean knownId(SuiteMachine machine, String state, String at, String key, Where where) {
        if (machine.graph().byId().containsKey(state)) {
            return true;
        }
        FlowGraph.Node named = machine.nodeNamed(state);
        where.error(at, key + "." + state, named != null
                ? "nested states are named by their path: '" + named.id() + "'"
                : "the machine has no state '" + state + "'" + Suggestions.state(machine, state));
        return false;
    }
}
