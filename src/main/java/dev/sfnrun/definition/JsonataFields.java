package dev.sfnrun.definition;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sfnrun.query.QuerySyntaxException;
import dev.sfnrun.query.ValueExpr;
import dev.sfnrun.query.jsonata.JsonataTemplate;
import dev.sfnrun.query.jsonata.JsonataTemplate.Expect;
import dev.sfnrun.query.jsonata.JsonataTemplate.Role;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Compiles the fields of JSONata states: Arguments, Output, Assign, Choice rules, Catchers and
 * Fail's Error and Cause. Each value becomes a {@link JsonataTemplate} that knows its field (for
 * AWS's messages) and whether it sees {@code $states.result} or {@code $states.errorOutput}.
 */
final class JsonataFields {
    /** State types whose top-level Output and Assign see the result. */
    private static final Set<String> WITH_RESULT = Set.of("Task", "Map", "Parallel");

    private JsonataFields() {
    }

    static StateCommon common(String name, JsonNode node, String pointer, String type, Transition transition) {
        Role role = WITH_RESULT.contains(type) ? Role.RESULT : Role.INPUT;
        ValueExpr arguments = node.has("Arguments")
                ? template(node, "Arguments", pointer, Role.INPUT, Expect.ANY) : null;
        DataFlow flow = new DataFlow(DataFlow.PathSpec.ROOT, arguments, null, DataFlow.ResultPathSpec.ROOT,
                DataFlow.PathSpec.ROOT);
        Assignment assign = node.has("Assign") ? assignment(node.get("Assign"), pointer + "/Assign", "Assign", role) : null;
        ValueExpr output = node.has("Output") ? template(node, "Output", pointer, role, Expect.ANY) : null;
        String comment = node.has("Comment") ? node.get("Comment").asText() : null;
        return new StateCommon(name, comment, QueryLanguage.JSONATA, transition, flow, assign, output);
    }

    /** The field {@code field} of {@code node}, compiled; {@code $states} members it may not use are load errors. */
    static JsonataTemplate template(JsonNode node, String field, String pointer, Role role, Expect expect) {
        return compile(node.get(field), field, pointer + "/" + DefinitionParser.escape(field), role, expect);
    }

    private static JsonataTemplate compile(JsonNode value, String field, String pointer, Role role, Expect expect) {
        JsonataTemplate template;
        try {
            template = JsonataTemplate.compile(value, field, role, expect);
        } catch (QuerySyntaxException e) {
            throw new DefinitionException(pointer, e.getMessage());
        }
        if (template.usesResult() && role != Role.RESULT) {
            throw new DefinitionException(pointer, "The field '" + field
                    + "' cannot reference '$states.result': it is only available in the Output and Assign"
                    + " of Task, Map and Parallel states");
        }
        if (template.usesErrorOutput() && role != Role.ERROR_OUTPUT) {
            throw new DefinitionException(pointer, "The field '" + field
                    + "' cannot reference '$states.errorOutput': it is only available in the Output and Assign"
                    + " of a Catcher");
        }
        return template;
    }

    /** An Assign field: an object whose keys are variable names. */
    static Assignment assignment(JsonNode value, String pointer, String field, Role role) {
        if (!value.isObject()) {
            throw new DefinitionException(pointer, "Assign must be a JSON object");
        }
        for (Iterator<String> names = value.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!Fields.isVariableName(name)) {
                throw new DefinitionException(pointer + "/" + DefinitionParser.escape(name),
                        "Invalid variable name '" + name + "'");
            }
        }
        return new Assignment(compile(value, field, pointer, role, Expect.OBJECT));
    }

    static ChoiceState.Rule rule(JsonNode rule, String pointer, int index, String next) {
        for (Iterator<String> it = rule.fieldNames(); it.hasNext(); ) {
            String field = it.next();
            if (!Set.of("Condition", "Next", "Comment", "Output", "Assign").contains(field)) {
                throw new DefinitionException(pointer + "/" + DefinitionParser.escape(field), "The field '" + field
                        + "' is not supported for QueryLanguage JSONata");
            }
        }
        JsonNode condition = rule.get("Condition");
        if (condition == null) {
            throw new DefinitionException(pointer, "These fields are required: [Condition]");
        }
        if (!condition.isBoolean() && !JsonataTemplate.isExpression(condition)) {
            throw new DefinitionException(pointer + "/Condition",
                    "Condition must be true, false or a JSONata expression '{% ... %}'");
        }
        String prefix = "Choices[" + index + "]/";
        JsonataTemplate test = compile(condition, prefix + "Condition", pointer + "/Condition", Role.INPUT, Expect.BOOLEAN);
        Assignment assign = rule.has("Assign")
                ? assignment(rule.get("Assign"), pointer + "/Assign", prefix + "Assign", Role.INPUT) : null;
        ValueExpr output = rule.has("Output")
                ? compile(rule.get("Output"), prefix + "Output", pointer + "/Output", Role.INPUT, Expect.ANY) : null;
        return new ChoiceState.Rule((input, context) -> test.evaluate(input, context).booleanValue(), next, assign, output);
    }

    static Catcher catcher(JsonNode node, String pointer, int index, List<String> errors, String next) {
        if (node.has("ResultPath")) {
            throw new DefinitionException(pointer + "/ResultPath",
                    "The field 'ResultPath' is not supported for QueryLanguage JSONata");
        }
        String prefix = "Catch[" + index + "]/";
        Assignment assign = node.has("Assign")
                ? assignment(node.get("Assign"), pointer + "/Assign", prefix + "Assign", Role.ERROR_OUTPUT) : null;
        ValueExpr output = node.has("Output")
                ? compile(node.get("Output"), prefix + "Output", pointer + "/Output", Role.ERROR_OUTPUT, Expect.ANY) : null;
        return new Catcher(errors, next, DataFlow.ResultPathSpec.ROOT, assign, output);
    }

    static FailState fail(StateCommon common, JsonNode node, String pointer) {
        String error = null;
        String cause = null;
        ValueExpr errorExpr = null;
        ValueExpr causeExpr = null;
        if (JsonataTemplate.isExpression(node.get("Error"))) {
            errorExpr = template(node, "Error", pointer, Role.INPUT, Expect.STRING);
        } else if (node.has("Error")) {
            error = node.get("Error").asText();
        }
        if (JsonataTemplate.isExpression(node.get("Cause"))) {
            causeExpr = template(node, "Cause", pointer, Role.INPUT, Expect.STRING);
        } else if (node.has("Cause")) {
            cause = node.get("Cause").asText();
        }
        return new FailState(common, error, errorExpr, "Error", cause, causeExpr, "Cause");
    }
}
