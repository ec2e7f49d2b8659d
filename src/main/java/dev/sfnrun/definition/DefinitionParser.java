package dev.sfnrun.definition;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sfnrun.definition.DataFlow.PathSpec;
import dev.sfnrun.definition.DataFlow.ResultPathSpec;
import dev.sfnrun.query.ChoiceCondition;
import dev.sfnrun.query.Intrinsics;
import dev.sfnrun.query.JsonPath;
import dev.sfnrun.query.PayloadTemplate;
import dev.sfnrun.query.QuerySyntaxException;
import dev.sfnrun.query.ReferencePath;
import dev.sfnrun.query.ValueExpr;
import dev.sfnrun.query.jsonata.JsonataTemplate;
import dev.sfnrun.query.jsonata.JsonataTemplate.Expect;
import dev.sfnrun.query.jsonata.JsonataTemplate.Role;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns a definition's JSON tree into a {@link StateMachine}, compiling every path, template and
 * intrinsic call once. Problems are {@link DefinitionException}s carrying the JSON pointer of the
 * field at fault.
 */
public final class DefinitionParser {
    private final QueryLanguage machineLanguage;

    private DefinitionParser(QueryLanguage machineLanguage) {
        this.machineLanguage = machineLanguage;
    }

    public static StateMachine parse(JsonNode root) {
        if (root == null || !root.isObject()) {
            throw new DefinitionException("", "Definition must be a valid JSON object");
        }
        Fields.checkAllowed(root, "", Fields.TOP_LEVEL);
        QueryLanguage language = QueryLanguage.JSONPATH;
        if (root.has("QueryLanguage")) {
            language = QueryLanguage.fromAsl(root.get("QueryLanguage").asText());
            if (language == null || !root.get("QueryLanguage").isTextual()) {
                throw new DefinitionException("/QueryLanguage", "QueryLanguage must be \"JSONPath\" or \"JSONata\"");
            }
        }
        DefinitionParser parser = new DefinitionParser(language);
        StateGraph graph = parser.graph(root, "");
        Integer timeout = null;
        if (root.has("TimeoutSeconds")) {
            timeout = parser.positiveInt(root, "TimeoutSeconds", "");
        }
        String comment = root.has("Comment") ? root.get("Comment").asText() : null;
        return new StateMachine(graph, language, timeout, comment);
    }

    private StateGraph graph(JsonNode node, String pointer) {
        JsonNode states = node.get("States");
        JsonNode startAt = node.get("StartAt");
        if (states == null || startAt == null) {
            List<String> missing = new ArrayList<>();
            if (states == null) {
                missing.add("States");
            }
            if (startAt == null) {
                missing.add("StartAt");
            }
            throw new DefinitionException(pointer, "These fields are required: " + missing);
        }
        if (!states.isObject()) {
            throw new DefinitionException(pointer + "/States", "States must be an object");
        }
        if (!startAt.isTextual()) {
            throw new DefinitionException(pointer + "/StartAt", "StartAt must be a string");
        }
        Map<String, State> parsed = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = states.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            parsed.put(entry.getKey(), state(entry.getKey(), entry.getValue(), pointer + "/States/" + escape(entry.getKey())));
        }
        if (!parsed.containsKey(startAt.asText())) {
            throw new DefinitionException(pointer + "/StartAt", "Missing 'Next' target: " + startAt.asText());
        }
        for (State state : parsed.values()) {
            checkTargets(state, parsed, pointer + "/States/" + escape(state.name()));
        }
        return new StateGraph(startAt.asText(), java.util.Collections.unmodifiableMap(parsed)); // in definition order
    }

    private static void checkTargets(State state, Map<String, State> scope, String pointer) {
        List<String> targets = new ArrayList<>();
        if (state.common().transition() != null && !state.common().transition().isEnd()) {
            targets.add(state.common().transition().next());
        }
        if (state instanceof ChoiceState choice) {
            choice.choices().forEach(rule -> targets.add(rule.next()));
            if (choice.defaultState() != null) {
                targets.add(choice.defaultState());
            }
        }
        state.catchers().forEach(catcher -> targets.add(catcher.next()));
        for (String target : targets) {
            if (!scope.containsKey(target)) {
                throw new DefinitionException(pointer, "Missing 'Next' target: " + target);
            }
        }
    }

    private State state(String name, JsonNode node, String pointer) {
        if (!node.isObject()) {
            throw new DefinitionException(pointer, "A state must be a JSON object");
        }
        if (name.length() > 80) {
            throw new DefinitionException(pointer, "State name '" + name + "' is longer than 80 characters");
        }
        JsonNode type = node.get("Type");
        if (type == null) {
            throw new DefinitionException(pointer, "These fields are required: [Type]");
        }
        String typeName = type.asText();
        Set<String> allowed = Fields.forType(typeName);
        if (allowed == null) {
            throw new DefinitionException(pointer + "/Type", "Unknown state type '" + typeName
                    + "' (one of Task, Pass, Choice, Wait, Succeed, Fail, Parallel, Map)");
        }
        Fields.checkAllowed(node, pointer, allowed);
        QueryLanguage language = stateLanguage(node, pointer);
        Fields.checkLanguage(node, pointer, language);
        StateCommon common = common(name, node, pointer, typeName, language);
        return switch (typeName) {
            case "Task" -> task(common, node, pointer);
            case "Pass" -> new PassState(common, node.get("Result"));
            case "Choice" -> choice(common, node, pointer);
            case "Wait" -> waitState(common, node, pointer);
            case "Succeed" -> new SucceedState(common);
            case "Fail" -> fail(common, node, pointer);
            case "Parallel" -> parallel(common, node, pointer);
            case "Map" -> map(common, node, pointer);
            default -> throw new IllegalStateException(typeName);
        };
    }

    /** The query language of a state already checked by {@link #stateLanguage}. */
    private QueryLanguage language(JsonNode node) {
        return node.has("QueryLanguage") ? QueryLanguage.fromAsl(node.get("QueryLanguage").asText()) : machineLanguage;
    }

    private QueryLanguage stateLanguage(JsonNode node, String pointer) {
        if (!node.has("QueryLanguage")) {
            return machineLanguage;
        }
        QueryLanguage language = QueryLanguage.fromAsl(node.get("QueryLanguage").asText());
        if (language == null) {
            throw new DefinitionException(pointer + "/QueryLanguage", "QueryLanguage must be \"JSONPath\" or \"JSONata\"");
        }
        if (machineLanguage == QueryLanguage.JSONATA && language == QueryLanguage.JSONPATH) {
            throw new DefinitionException(pointer,
                    "'QueryLanguage' can not be 'JSONPath' if set to 'JSONata' for whole state machine");
        }
        return language;
    }

    private StateCommon common(String name, JsonNode node, String pointer, String type, QueryLanguage language) {
        Transition transition = transition(node, pointer, type);
        if (language == QueryLanguage.JSONATA) {
            return JsonataFields.common(name, node, pointer, type, transition);
        }
        DataFlow flow = new DataFlow(
                pathSpec(node, "InputPath", pointer),
                node.has("Parameters") && !type.equals("Map") ? template(node, "Parameters", pointer) : null,
                node.has("ResultSelector") ? template(node, "ResultSelector", pointer) : null,
                resultPath(node.get("ResultPath"), pointer + "/ResultPath"),
                pathSpec(node, "OutputPath", pointer));
        Assignment assign = node.has("Assign") ? assignment(node.get("Assign"), pointer + "/Assign") : null;
        String comment = node.has("Comment") ? node.get("Comment").asText() : null;
        return new StateCommon(name, comment, language, transition, flow, assign, null);
    }

    private static Transition transition(JsonNode node, String pointer, String type) {
        boolean terminal = type.equals("Choice") || type.equals("Succeed") || type.equals("Fail");
        JsonNode next = node.get("Next");
        JsonNode end = node.get("End");
        if (terminal) {
            return null;
        }
        if (next != null && end != null) {
            throw new DefinitionException(pointer, "A state may not have both 'Next' and 'End'");
        }
        if (next != null) {
            if (!next.isTextual()) {
                throw new DefinitionException(pointer + "/Next", "Next must be a state name");
            }
            return new Transition(next.asText());
        }
        if (end == null || !end.isBoolean() || !end.asBoolean()) {
            throw new DefinitionException(pointer, "State must have either 'Next' or 'End': true");
        }
        return Transition.END;
    }

    private static PathSpec pathSpec(JsonNode node, String field, String pointer) {
        JsonNode value = node.get(field);
        if (value == null) {
            return PathSpec.ROOT;
        }
        if (value.isNull()) {
            return PathSpec.NULL;
        }
        return new PathSpec(path(value, pointer + "/" + field), false);
    }

    static JsonPath path(JsonNode value, String pointer) {
        if (!value.isTextual()) {
            throw new DefinitionException(pointer, "The value must be a JSONPath string");
        }
        try {
            return JsonPath.compile(value.asText());
        } catch (QuerySyntaxException e) {
            throw new DefinitionException(pointer, e.getMessage());
        }
    }

    private static ResultPathSpec resultPath(JsonNode value, String pointer) {
        if (value == null) {
            return ResultPathSpec.ROOT;
        }
        if (value.isNull()) {
            return ResultPathSpec.DISCARD;
        }
        if (!value.isTextual()) {
            throw new DefinitionException(pointer, "ResultPath must be a Reference Path string or null");
        }
        try {
            return new ResultPathSpec(ReferencePath.compile(value.asText()), false);
        } catch (QuerySyntaxException e) {
            throw new DefinitionException(pointer, e.getMessage());
        }
    }

    static ValueExpr template(JsonNode node, String field, String pointer) {
        JsonNode value = node.get(field);
        try {
            return PayloadTemplate.compile(value, field);
        } catch (QuerySyntaxException e) {
            throw new DefinitionException(pointer + "/" + field, e.getMessage());
        }
    }

    private static Assignment assignment(JsonNode value, String pointer) {
        if (!value.isObject()) {
            throw new DefinitionException(pointer, "Assign must be a JSON object");
        }
        for (Iterator<String> names = value.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            String variable = name.endsWith(".$") ? name.substring(0, name.length() - 2) : name;
            if (!Fields.isVariableName(variable)) {
                throw new DefinitionException(pointer + "/" + escape(name), "Invalid variable name '" + variable + "'");
            }
        }
        try {
            return new Assignment(PayloadTemplate.compile(value, "Assign"));
        } catch (QuerySyntaxException e) {
            throw new DefinitionException(pointer, e.getMessage());
        }
    }

    private TaskState task(StateCommon common, JsonNode node, String pointer) {
        JsonNode resource = node.get("Resource");
        if (resource == null || !resource.isTextual()) {
            throw new DefinitionException(pointer, "These fields are required: [Resource]");
        }
        boolean jsonata = common.queryLanguage() == QueryLanguage.JSONATA;
        boolean timeoutExpr = jsonata && JsonataTemplate.isExpression(node.get("TimeoutSeconds"));
        boolean heartbeatExpr = jsonata && JsonataTemplate.isExpression(node.get("HeartbeatSeconds"));
        Integer timeout = node.has("TimeoutSeconds") && !timeoutExpr ? positiveInt(node, "TimeoutSeconds", pointer) : null;
        Integer heartbeat = node.has("HeartbeatSeconds") && !heartbeatExpr
                ? positiveInt(node, "HeartbeatSeconds", pointer) : null;
        ValueExpr timeoutPath = node.has("TimeoutSecondsPath")
                ? path(node.get("TimeoutSecondsPath"), pointer + "/TimeoutSecondsPath")
                : timeoutExpr ? JsonataFields.template(node, "TimeoutSeconds", pointer, Role.INPUT, Expect.SECONDS)
                : null;
        ValueExpr heartbeatPath = node.has("HeartbeatSecondsPath")
                ? path(node.get("HeartbeatSecondsPath"), pointer + "/HeartbeatSecondsPath")
                : heartbeatExpr ? JsonataFields.template(node, "HeartbeatSeconds", pointer, Role.INPUT,
                        Expect.SECONDS)
                : null;
        exclusive(node, pointer, "TimeoutSeconds", "TimeoutSecondsPath");
        exclusive(node, pointer, "HeartbeatSeconds", "HeartbeatSecondsPath");
        if (timeout != null && heartbeat != null && heartbeat >= timeout) {
            throw new DefinitionException(pointer + "/HeartbeatSeconds", "HeartbeatSeconds must be smaller than TimeoutSeconds");
        }
        ValueExpr credentials = !node.has("Credentials") ? null : jsonata
                ? JsonataFields.template(node, "Credentials", pointer, Role.INPUT, Expect.ANY)
                : template(node, "Credentials", pointer);
        return new TaskState(common, resource.asText(), common.dataFlow().parameters(), timeout, timeoutPath, heartbeat, heartbeatPath,
                credentials, retriers(node, pointer), catchers(node, pointer));
    }

    private ChoiceState choice(StateCommon common, JsonNode node, String pointer) {
        JsonNode choices = node.get("Choices");
        if (choices == null || !choices.isArray() || choices.isEmpty()) {
            throw new DefinitionException(pointer, "Choices must be a non-empty array");
        }
        List<ChoiceState.Rule> rules = new ArrayList<>();
        for (int i = 0; i < choices.size(); i++) {
            JsonNode rule = choices.get(i);
            String rulePointer = pointer + "/Choices/" + i;
            JsonNode next = rule.get("Next");
            if (next == null || !next.isTextual()) {
                throw new DefinitionException(rulePointer, "These fields are required: [Next]");
            }
            if (common.queryLanguage() == QueryLanguage.JSONATA) {
                rules.add(JsonataFields.rule(rule, rulePointer, i, next.asText()));
                continue;
            }
            ChoiceCondition condition;
            try {
                condition = ChoiceCondition.compile(rule, rulePointer);
            } catch (QuerySyntaxException e) {
                throw new DefinitionException(rulePointer, e.getMessage());
            }
            Assignment assign = rule.has("Assign") ? assignment(rule.get("Assign"), rulePointer + "/Assign") : null;
            rules.add(new ChoiceState.Rule(condition::test, next.asText(), assign, null));
        }
        JsonNode defaultState = node.get("Default");
        return new ChoiceState(common, List.copyOf(rules), defaultState == null ? null : defaultState.asText());
    }

    private WaitState waitState(StateCommon common, JsonNode node, String pointer) {
        int count = 0;
        for (String field : List.of("Seconds", "SecondsPath", "Timestamp", "TimestampPath")) {
            count += node.has(field) ? 1 : 0;
        }
        if (count != 1) {
            throw new DefinitionException(pointer,
                    "A Wait state must have exactly one of Seconds, SecondsPath, Timestamp, TimestampPath");
        }
        boolean jsonata = common.queryLanguage() == QueryLanguage.JSONATA;
        ValueExpr secondsExpr = null;
        ValueExpr timestampExpr = null;
        if (jsonata && JsonataTemplate.isExpression(node.get("Seconds"))) {
            secondsExpr = JsonataFields.template(node, "Seconds", pointer, Role.INPUT, Expect.NON_NEGATIVE_INTEGER);
        }
        if (jsonata && JsonataTemplate.isExpression(node.get("Timestamp"))) {
            timestampExpr = JsonataFields.template(node, "Timestamp", pointer, Role.INPUT, Expect.ANY);
        }
        Long seconds = null;
        if (node.has("Seconds") && secondsExpr == null) {
            JsonNode value = node.get("Seconds");
            if (!value.canConvertToExactIntegral() || value.asLong() < 0 || value.asLong() > 99999999) {
                throw new DefinitionException(pointer + "/Seconds", "Seconds must be an integer from 0 to 99999999");
            }
            seconds = value.asLong();
        }
        JsonPath secondsPath = node.has("SecondsPath") ? path(node.get("SecondsPath"), pointer + "/SecondsPath") : null;
        JsonPath timestampPath = node.has("TimestampPath")
                ? path(node.get("TimestampPath"), pointer + "/TimestampPath") : null;
        String timestamp = node.has("Timestamp") && timestampExpr == null ? node.get("Timestamp").asText() : null;
        return new WaitState(common, seconds, secondsExpr, secondsPath, timestamp, timestampExpr, timestampPath);
    }

    private FailState fail(StateCommon common, JsonNode node, String pointer) {
        exclusive(node, pointer, "Error", "ErrorPath");
        exclusive(node, pointer, "Cause", "CausePath");
        if (common.queryLanguage() == QueryLanguage.JSONATA) {
            return JsonataFields.fail(common, node, pointer);
        }
        String error = node.has("Error") ? node.get("Error").asText() : null;
        String cause = node.has("Cause") ? node.get("Cause").asText() : null;
        ValueExpr errorExpr = node.has("ErrorPath") ? pathOrIntrinsic(node.get("ErrorPath"), pointer + "/ErrorPath") : null;
        ValueExpr causeExpr = node.has("CausePath") ? pathOrIntrinsic(node.get("CausePath"), pointer + "/CausePath") : null;
        return new FailState(common, error, errorExpr, "ErrorPath", cause, causeExpr, "CausePath");
    }

    private static ValueExpr pathOrIntrinsic(JsonNode value, String pointer) {
        if (!value.isTextual()) {
            throw new DefinitionException(pointer, "The value must be a path or an intrinsic function call");
        }
        String text = value.asText();
        if (text.startsWith("$")) {
            return path(value, pointer);
        }
        try {
            return Intrinsics.compile(text);
        } catch (QuerySyntaxException e) {
            throw new DefinitionException(pointer, e.getMessage());
        }
    }

    private ParallelState parallel(StateCommon common, JsonNode node, String pointer) {
        JsonNode branches = node.get("Branches");
        if (branches == null || !branches.isArray() || branches.isEmpty()) {
            throw new DefinitionException(pointer, "Branches must be a non-empty array");
        }
        List<StateGraph> graphs = new ArrayList<>();
        for (int i = 0; i < branches.size(); i++) {
            String branchPointer = pointer + "/Branches/" + i;
            Fields.checkAllowed(branches.get(i), branchPointer, Fields.BRANCH);
            graphs.add(graph(branches.get(i), branchPointer));
        }
        ValueExpr parameters = common.queryLanguage() == QueryLanguage.JSONATA ? common.dataFlow().parameters()
                : node.has("Parameters") ? template(node, "Parameters", pointer) : null;
        return new ParallelState(common, List.copyOf(graphs), parameters, retriers(node, pointer), catchers(node, pointer));
    }

    private MapState map(StateCommon common, JsonNode node, String pointer) {
        String processorField = node.has("ItemProcessor") ? "ItemProcessor" : "Iterator";
        if (node.has("ItemProcessor") == node.has("Iterator")) {
            throw new DefinitionException(pointer, "A Map state must have exactly one of ItemProcessor and Iterator");
        }
        if (node.has("ItemSelector") && node.has("Parameters")) {
            throw new DefinitionException(pointer, "A Map state may not have both ItemSelector and Parameters");
        }
        JsonNode processorNode = node.get(processorField);
        String processorPointer = pointer + "/" + processorField;
        Fields.checkAllowed(processorNode, processorPointer, Fields.PROCESSOR);
        StateGraph processor = graph(processorNode, processorPointer);
        JsonNode config = processorNode.path("ProcessorConfig");
        String mode = config.path("Mode").asText("INLINE");
        String executionType = config.path("ExecutionType").asText(null);
        boolean jsonata = common.queryLanguage() == QueryLanguage.JSONATA;
        ValueExpr items = node.has("ItemsPath") ? path(node.get("ItemsPath"), pointer + "/ItemsPath")
                : node.has("Items") ? JsonataFields.template(node, "Items", pointer, Role.INPUT, Expect.ARRAY) : null;
        String selectorField = node.has("ItemSelector") ? "ItemSelector" : "Parameters";
        ValueExpr selector = !node.has(selectorField) ? null : jsonata
                ? JsonataFields.template(node, selectorField, pointer, Role.INPUT, Expect.ANY)
                : template(node, selectorField, pointer);
        Integer maxConcurrency = null;
        ValueExpr maxConcurrencyExpr = null;
        if (jsonata && JsonataTemplate.isExpression(node.get("MaxConcurrency"))) {
            maxConcurrencyExpr = JsonataFields.template(node, "MaxConcurrency", pointer, Role.INPUT,
                    Expect.NON_NEGATIVE_INTEGER);
        } else if (node.has("MaxConcurrency")) {
            JsonNode value = node.get("MaxConcurrency");
            if (!value.canConvertToExactIntegral() || value.asInt() < 0) {
                throw new DefinitionException(pointer + "/MaxConcurrency", "MaxConcurrency must be a non-negative integer");
            }
            maxConcurrency = value.asInt();
        }
        exclusive(node, pointer, "MaxConcurrency", "MaxConcurrencyPath");
        ValueExpr maxConcurrencyPath = node.has("MaxConcurrencyPath")
                ? path(node.get("MaxConcurrencyPath"), pointer + "/MaxConcurrencyPath") : maxConcurrencyExpr;
        return new MapState(common, processor, mode, executionType, items, selector, maxConcurrency, maxConcurrencyPath,
                retriers(node, pointer), catchers(node, pointer),
                "DISTRIBUTED".equals(mode) ? MapConfigParser.distributed(node, pointer, executionType, jsonata) : null, node);
    }

    private List<Retrier> retriers(JsonNode node, String pointer) {
        JsonNode retry = node.get("Retry");
        if (retry == null) {
            return List.of();
        }
        if (!retry.isArray()) {
            throw new DefinitionException(pointer + "/Retry", "Retry must be an array");
        }
        List<Retrier> retriers = new ArrayList<>();
        for (int i = 0; i < retry.size(); i++) {
            String at = pointer + "/Retry/" + i;
            JsonNode r = retry.get(i);
            Fields.checkAllowed(r, at, Fields.RETRIER);
            List<String> errors = errorEquals(r, at, i == retry.size() - 1);
            double interval = number(r, "IntervalSeconds", at, Retrier.DEFAULT_INTERVAL_SECONDS, 1, 99999999, true);
            int maxAttempts = (int) number(r, "MaxAttempts", at, Retrier.DEFAULT_MAX_ATTEMPTS, 0, 99999999, true);
            double backoff = number(r, "BackoffRate", at, Retrier.DEFAULT_BACKOFF_RATE, 1, Double.MAX_VALUE, false);
            Double maxDelay = r.has("MaxDelaySeconds") ? number(r, "MaxDelaySeconds", at, 0, 1, 31622400, true) : null;
            Retrier.JitterStrategy jitter = Retrier.JitterStrategy.NONE;
            if (r.has("JitterStrategy")) {
                String value = r.get("JitterStrategy").asText();
                if (!value.equals("FULL") && !value.equals("NONE")) {
                    throw new DefinitionException(at + "/JitterStrategy", "JitterStrategy must be FULL or NONE");
                }
                jitter = Retrier.JitterStrategy.valueOf(value);
            }
            retriers.add(new Retrier(errors, interval, maxAttempts, backoff, maxDelay, jitter));
        }
        return List.copyOf(retriers);
    }

    private List<Catcher> catchers(JsonNode node, String pointer) {
        JsonNode catchField = node.get("Catch");
        if (catchField == null) {
            return List.of();
        }
        if (!catchField.isArray()) {
            throw new DefinitionException(pointer + "/Catch", "Catch must be an array");
        }
        List<Catcher> catchers = new ArrayList<>();
        for (int i = 0; i < catchField.size(); i++) {
            String at = pointer + "/Catch/" + i;
            JsonNode c = catchField.get(i);
            Fields.checkAllowed(c, at, Fields.CATCHER);
            List<String> errors = errorEquals(c, at, i == catchField.size() - 1);
            JsonNode next = c.get("Next");
            if (next == null || !next.isTextual()) {
                throw new DefinitionException(at, "These fields are required: [Next]");
            }
            if (language(node) == QueryLanguage.JSONATA) {
                catchers.add(JsonataFields.catcher(c, at, i, errors, next.asText()));
                continue;
            }
            Assignment assign = c.has("Assign") ? assignment(c.get("Assign"), at + "/Assign") : null;
            catchers.add(new Catcher(errors, next.asText(), resultPath(c.get("ResultPath"), at + "/ResultPath"), assign, null));
        }
        return List.copyOf(catchers);
    }

    private static List<String> errorEquals(JsonNode node, String pointer, boolean last) {
        JsonNode errors = node.get("ErrorEquals");
        if (errors == null || !errors.isArray() || errors.isEmpty()) {
            throw new DefinitionException(pointer, "ErrorEquals must be a non-empty array of error names");
        }
        List<String> names = new ArrayList<>();
        for (int i = 0; i < errors.size(); i++) {
            if (!errors.get(i).isTextual()) {
                throw new DefinitionException(pointer + "/ErrorEquals/" + i, "An error name must be a string");
            }
            names.add(errors.get(i).asText());
        }
        if (names.contains("States.ALL") && (names.size() > 1 || !last)) {
            throw new DefinitionException(pointer + "/ErrorEquals", "States.ALL must appear alone and at end of list");
        }
        return List.copyOf(names);
    }

    private static double number(JsonNode node, String field, String pointer, double fallback, double min, double max,
                                 boolean integral) {
        JsonNode value = node.get(field);
        if (value == null) {
            return fallback;
        }
        if (!value.isNumber() || integral && !value.canConvertToExactIntegral()
                || value.asDouble() < min || value.asDouble() > max) {
            throw new DefinitionException(pointer + "/" + field, field + " must be " + (integral ? "an integer" : "a number")
                    + " from " + format(min) + (max == Double.MAX_VALUE ? " up" : " to " + format(max)));
        }
        return value.asDouble();
    }

    private static String format(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }

    private int positiveInt(JsonNode node, String field, String pointer) {
        return (int) number(node, field, pointer, 0, 1, 99999999, true);
    }

    private static void exclusive(JsonNode node, String pointer, String a, String b) {
        if (node.has(a) && node.has(b)) {
            throw new DefinitionException(pointer, "A state may not have both '" + a + "' and '" + b + "'");
        }
    }

    /** Escapes a JSON pointer segment. */
    static String escape(String segment) {
        return segment.replace("~", "~0").replace("/", "~1");
    }
}
