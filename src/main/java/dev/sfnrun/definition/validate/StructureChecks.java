package dev.sfnrun.definition.validate;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sfnrun.definition.ResourceNames;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Walks the scopes of a state machine (the top level, each Parallel branch, each Map processor):
 * state names and labels across the machine, every state's own checks, transitions that stay in
 * their scope, a terminal state per scope, reachability from StartAt, and variables per scope.
 */
final class StructureChecks {
    /** In the order AWS's message lists them. */
    private static final List<String> TYPES = List.of("Task", "Wait", "Pass", "Succeed", "Fail", "Choice",
            "Parallel", "Map");
    private static final int MAX_STATE_NAME = 80;
    private static final int MAX_LABEL = 40;

    private final Diagnostics out;
    private final boolean machineJsonata;
    private final Set<String> stateNames = new HashSet<>();
    private final Set<String> labels = new HashSet<>();

    StructureChecks(Diagnostics out, boolean machineJsonata) {
        this.out = out;
        this.machineJsonata = machineJsonata;
    }

    /** Checks the scope {@code container} (an object with StartAt and States) at {@code pointer}. */
    void scope(JsonNode container, String pointer, Set<String> outerVariables) {
        JsonNode states = container.get("States");
        if (states == null || !states.isObject()) {
            return;
        }
        String statesAt = Pointer.child(pointer, "States");
        // what each state assigns in this scope, and what only its catchers assign (they write here, after its branches)
        Map<String, Set<String>> byState = new LinkedHashMap<>();
        Map<String, Set<String>> byCatchOnly = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = states.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            StateContext state = state(entry.getKey(), Pointer.child(statesAt, entry.getKey()), entry.getValue());
            if (state != null) {
                Map<String, String> names = assigned(state, true);
                names.forEach((name, at) -> {
                    if (outerVariables.contains(name)) {
                        out.schema(at, "Variable '" + name + "' is already assigned in an outer scope");
                    }
                });
                Set<String> catchOnly = new HashSet<>(names.keySet());
                catchOnly.removeAll(assigned(state, false).keySet());
                byState.put(entry.getKey(), names.keySet());
                byCatchOnly.put(entry.getKey(), catchOnly);
            }
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = states.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            // a variable assigned in a Parallel's or Map's own Catch may also be assigned inside it, as AWS accepts
            Set<String> visible = new HashSet<>(outerVariables);
            byState.values().forEach(visible::addAll);
            Set<String> catchOnly = byCatchOnly.getOrDefault(entry.getKey(), Set.of());
            for (String name : catchOnly) {
                boolean elsewhere = outerVariables.contains(name) || byState.entrySet().stream()
                        .anyMatch(e -> !e.getKey().equals(entry.getKey()) && e.getValue().contains(name));
                if (!elsewhere) {
                    visible.remove(name);
                }
            }
            nestedScopes(entry.getValue(), Pointer.child(statesAt, entry.getKey()), visible);
        }
        transitions(container, pointer, states, statesAt);
    }

    /** Runs every check of one state; null when it is too broken to be checked further. */
    private StateContext state(String name, String pointer, JsonNode node) {
        int length = name.codePointCount(0, name.length());
        if (length == 0 || length > MAX_STATE_NAME) {
            out.report(DiagnosticCode.INVALID_STATE_NAME, pointer,
                    "State name must have between 1 and " + MAX_STATE_NAME + " characters: " + name);
        }
        if (!stateNames.add(name)) {
            out.report(DiagnosticCode.DUPLICATE_STATE_NAME, pointer, "Duplicate State name: " + name);
        }
        if (!node.isObject()) {
            out.schema(pointer, "Expected value of type [OBJECT]");
            return null;
        }
        JsonNode type = node.get("Type");
        if (type == null) {
            out.schema(pointer, "These fields are required: [Type]");
            return null;
        }
        if (!TYPES.contains(type.asText()) || !type.isTextual()) {
            out.schema(Pointer.child(pointer, "Type"), "The field 'Type' should have one of these values: " + TYPES); // AWS's text
            return null;
        }
        String language = node.path("QueryLanguage").asText("");
        if (machineJsonata && language.equals("JSONPath")) {
            out.schema(pointer, "'QueryLanguage' can not be 'JSONPath' if set to 'JSONata' for whole state machine");
        }
        boolean jsonata = language.equals("JSONata") || machineJsonata && !language.equals("JSONPath");
        StateContext state = new StateContext(name, pointer, node, type.asText(), jsonata);
        StateChecks.check(state, out);
        ErrorHandlingChecks.check(state, out);
        DataFlowChecks.check(state, out);
        if (state.type().equals("Choice")) {
            ChoiceChecks.check(state, out);
        }
        if (jsonata) {
            JsonataChecks.check(state, out);
            StatesVariableChecks.check(state, out);
        }
        label(state);
        return state;
    }

    private void label(StateContext state) {
        JsonNode label = state.get("Label");
        if (label == null || !label.isTextual()) {
            return;
        }
        String text = label.asText();
        if (!ResourceNames.isValid(text, MAX_LABEL)) {
            out.report(DiagnosticCode.INVALID_LABEL_NAME, state.at("Label"), "Label must have between 1 and "
                    + MAX_LABEL + " characters and no whitespace, control characters or any of " + ResourceNames.FORBIDDEN);
        } else if (!labels.add(text)) {
            out.report(DiagnosticCode.DUPLICATE_LABEL_NAME, state.at("Label"), "Duplicate Label: " + text);
        }
    }

    /** The variables a state assigns (its Assign, its Choice rules', its catchers' if asked), name to pointer. */
    private static Map<String, String> assigned(StateContext state, boolean withCatchers) {
        Map<String, String> names = new LinkedHashMap<>();
        collect(state.get("Assign"), state.at("Assign"), state.jsonata(), names);
        for (String list : withCatchers ? List.of("Choices", "Catch") : List.of("Choices")) {
            JsonNode entries = state.array(list);
            for (int i = 0; i < entries.size(); i++) {
                String at = Pointer.child(Pointer.child(state.at(list), i), "Assign");
                collect(entries.get(i).get("Assign"), at, state.jsonata(), names);
            }
        }
        return names;
    }

    private static void collect(JsonNode assign, String pointer, boolean jsonata, Map<String, String> names) {
        if (assign == null || !assign.isObject()) {
            return;
        }
        assign.fieldNames().forEachRemaining(key -> names.putIfAbsent(
                !jsonata && key.endsWith(".$") ? key.substring(0, key.length() - 2) : key, Pointer.child(pointer, key)));
    }

    private void nestedScopes(JsonNode state, String pointer, Set<String> variables) {
        JsonNode branches = StateContext.array(state, "Branches");
        for (int i = 0; state.path("Type").asText().equals("Parallel") && i < branches.size(); i++) {
            nestedScope(branches.get(i), Pointer.child(Pointer.child(pointer, "Branches"), i), Shapes.BRANCH, variables);
        }
        for (String processor : List.of("ItemProcessor", "Iterator")) {
            if (state.path("Type").asText().equals("Map") && state.has(processor)) {
                nestedScope(state.get(processor), Pointer.child(pointer, processor), Shapes.PROCESSOR, variables);
            }
        }
    }

    private void nestedScope(JsonNode container, String pointer, Shape shape, Set<String> variables) {
        if (!container.isObject()) {
            out.schema(pointer, "Expected value of type [OBJECT]");
            return;
        }
        ShapeChecks.check(container, pointer, shape, machineJsonata, out);
        JsonNode config = container.get("ProcessorConfig");
        if (config != null && config.isObject()) {
            ShapeChecks.check(config, Pointer.child(pointer, "ProcessorConfig"), Shapes.PROCESSOR_CONFIG,
                    machineJsonata, out);
        }
        scope(container, pointer, variables);
    }

    private void transitions(JsonNode container, String pointer, JsonNode states, String statesAt) {
        JsonNode startAt = container.get("StartAt");
        if (startAt != null && startAt.isTextual() && !states.has(startAt.asText())) {
            missingTarget(startAt.asText(), Pointer.child(pointer, "StartAt"));
        }
        boolean terminal = false;
        for (Iterator<Map.Entry<String, JsonNode>> it = states.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            JsonNode state = entry.getValue();
            String type = state.path("Type").asText();
            terminal |= type.equals("Succeed") || type.equals("Fail") || state.path("End").asBoolean(false);
            targets(state, Pointer.child(statesAt, entry.getKey())).forEach((at, target) -> {
                if (!states.has(target)) {
                    missingTarget(target, at);
                }
            });
        }
        if (!terminal) {
            out.report(DiagnosticCode.MISSING_END_STATE, statesAt, "Workflow has no terminal state");
        } else if (startAt != null && startAt.isTextual()) {
            reachability(states, statesAt, startAt.asText());
        }
    }

    private void missingTarget(String target, String at) {
        out.report(DiagnosticCode.MISSING_TRANSITION_TARGET, at, "Missing 'Next' target: " + target);
    }

    private void reachability(JsonNode states, String statesAt, String startAt) {
        Set<String> reached = new HashSet<>();
        Deque<String> pending = new ArrayDeque<>();
        if (states.has(startAt)) {
            reached.add(startAt);
            pending.add(startAt);
        }
        while (!pending.isEmpty()) {
            String name = pending.poll();
            for (String target : targets(states.get(name), "").values()) {
                if (states.has(target) && reached.add(target)) {
                    pending.add(target);
                }
            }
        }
        states.fieldNames().forEachRemaining(name -> {
            if (!reached.contains(name)) {
                out.report(DiagnosticCode.MISSING_TRANSITION_TARGET, Pointer.child(statesAt, name),
                        "State \"" + name + "\" is not reachable.");
            }
        });
    }

    /** The transitions out of a state, pointer of the field to target name: Next, Default, rule and catcher Next. */
    private static Map<String, String> targets(JsonNode state, String pointer) {
        Map<String, String> targets = new LinkedHashMap<>();
        for (String field : List.of("Next", "Default")) {
            if (state.path(field).isTextual()) {
                targets.put(Pointer.child(pointer, field), state.get(field).asText());
            }
        }
        for (String list : List.of("Choices", "Catch")) {
            JsonNode entries = StateContext.array(state, list);
            for (int i = 0; i < entries.size(); i++) {
                if (entries.get(i).path("Next").isTextual()) {
                    targets.put(Pointer.child(Pointer.child(Pointer.child(pointer, list), i), "Next"),
                            entries.get(i).get("Next").asText());
                }
            }
        }
        return targets;
    }
}
