package dev.sfnrun.query;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The condition of a JSONPath Choice rule, compiled: a data test ({@code Variable} and one of the
 * 39 operators) or a boolean expression ({@code And}, {@code Or}, {@code Not}) over nested rules.
 * The {@code Next}, {@code Comment}, {@code Assign} and {@code Output} members belong to the state
 * and are ignored here.
 */
@FunctionalInterface
public interface ChoiceCondition {
    /**
     * Whether the rule holds for the (effective) input. Values of the wrong type make a comparison
     * false; a path that matches nothing (outside {@code IsPresent}) throws a {@code States.Runtime}
     * {@link dev.sfnrun.error.StatesError}.
     */
    boolean test(JsonNode input, EvalContext context);

    /**
     * Compiles a rule; {@code location} names it in messages (e.g. "/States/Check/Choices/0").
     * A malformed rule is a {@link QuerySyntaxException}.
     */
    static ChoiceCondition compile(JsonNode rule, String location) {
        if (rule == null || !rule.isObject()) {
            throw DataTest.invalid(location, "A choice rule must be an object");
        }
        List<String> fields = new ArrayList<>();
        rule.fieldNames().forEachRemaining(fields::add);
        fields.removeAll(Set.of("Next", "Comment", "Assign", "Output"));
        for (String field : fields) {
            if (field.equals("And") || field.equals("Or") || field.equals("Not")) {
                if (fields.size() > 1) {
                    throw DataTest.invalid(location, "The field '" + field + "' cannot be combined with " + fields);
                }
                return compileBoolean(field, rule.get(field), location + "/" + field);
            }
        }
        return DataTest.compile(rule, fields, location);
    }

    private static ChoiceCondition compileBoolean(String operator, JsonNode operand, String location) {
        if (operator.equals("Not")) {
            ChoiceCondition negated = compile(operand, location);
            return (input, context) -> !negated.test(input, context);
        }
        if (!operand.isArray() || operand.isEmpty()) {
            throw DataTest.invalid(location, "The field '" + operator + "' must be a non-empty array of choice rules");
        }
        List<ChoiceCondition> compiled = new ArrayList<>();
        for (int i = 0; i < operand.size(); i++) {
            compiled.add(compile(operand.get(i), location + "/" + i));
        }
        List<ChoiceCondition> all = List.copyOf(compiled);
        if (operator.equals("And")) {
            return (input, context) -> all.stream().allMatch(rule -> rule.test(input, context));
        }
        return (input, context) -> all.stream().anyMatch(rule -> rule.test(input, context));
    }
}
