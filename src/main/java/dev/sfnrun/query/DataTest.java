package dev.sfnrun.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.sfnrun.error.StatesError;
import java.util.List;

/**
 * A data-test Choice rule: a {@code Variable} path and one operator with its operand. A Variable
 * (or a {@code ...Path} operand) that matches nothing fails the state with {@code States.Runtime},
 * except under {@code IsPresent}, which is then simply false.
 */
final class DataTest implements ChoiceCondition {
    /** What the rule checks of the value its Variable selects. */
    @FunctionalInterface
    private interface Check {
        boolean test(JsonNode value, JsonNode input, EvalContext context);
    }

    private final JsonPath variable;
    private final ChoiceOperator operator;
    private final Check check;

    private DataTest(JsonPath variable, ChoiceOperator operator, Check check) {
        this.variable = variable;
        this.operator = operator;
        this.check = check;
    }

    /** Compiles a rule whose members, once Next/Comment/Assign/Output are set aside, are {@code fields}. */
    static DataTest compile(JsonNode rule, List<String> fields, String location) {
        JsonNode variableField = rule.get("Variable");
        if (variableField == null) {
            throw invalid(location, "The choice rule has no 'Variable' and no 'And', 'Or' or 'Not'");
        }
        JsonPath variable = path(variableField, "Variable", location);
        ChoiceOperator operator = null;
        for (String field : fields) {
            if (field.equals("Variable")) {
                continue;
            }
            ChoiceOperator named = ChoiceOperator.byField(field);
            if (named == null) {
                throw invalid(location, "The field '" + field + "' is not valid in a choice rule");
            }
            if (operator != null) {
                throw invalid(location, "The choice rule has two comparison operators, '"
                        + operator.field + "' and '" + field + "'");
            }
            operator = named;
        }
        if (operator == null) {
            throw invalid(location, "The choice rule has no comparison operator");
        }
        return new DataTest(variable, operator, check(operator, rule.get(operator.field), location));
    }

    private static Check check(ChoiceOperator operator, JsonNode operand, String location) {
        if (operator.isTypeTest()) {
            if (!operand.isBoolean()) {
                throw mustBe(operator, "true or false", location);
            }
            boolean expected = operand.booleanValue();
            return (value, input, context) -> operator.typeTest(value) == expected;
        }
        if (operator.takesPath()) {
            JsonPath other = path(operand, operator.field, location);
            return (value, input, context) -> operator.compare(value, select(other, input, context));
        }
        if (!operator.type.accepts(operand)) {
            throw mustBe(operator, operator.type.description, location);
        }
        if (operator == ChoiceOperator.STRING_MATCHES) {
            WildcardPattern pattern = WildcardPattern.compile(operand.textValue());
            return (value, input, context) -> value.isTextual() && pattern.matches(value.textValue());
        }
        return (value, input, context) -> operator.compare(value, operand);
    }

    private static JsonPath path(JsonNode field, String name, String location) {
        if (!field.isTextual()) {
            throw invalid(location, "The field '" + name + "' must be a string holding a path");
        }
        try {
            return JsonPath.compile(field.textValue());
        } catch (QuerySyntaxException e) {
            throw invalid(location, "The field '" + name + "' is not a valid path: " + e.getMessage());
        }
    }

    /** A compile error located in the definition, for every kind of rule. */
    static QuerySyntaxException invalid(String location, String message) {
        return new QuerySyntaxException(message + " at " + location);
    }

    private static QuerySyntaxException mustBe(ChoiceOperator operator, String what, String location) {
        return invalid(location, "The value of the field '" + operator.field + "' must be " + what);
    }

    @Override
    public boolean test(JsonNode input, EvalContext context) {
        JsonNode value = operator == ChoiceOperator.IS_PRESENT
                ? lookUp(variable, input, context)
                : select(variable, input, context);
        return check.test(value, input, context);
    }

    /** The value a path selects; a path that matches nothing fails the state as AWS does. */
    private static JsonNode select(JsonPath path, JsonNode input, EvalContext context) {
        JsonNode value = lookUp(path, input, context);
        if (value.isMissingNode()) {
            throw StatesError.runtime("Invalid path '" + path.text()
                    + "': The choice state's condition path references an invalid value.");
        }
        return value;
    }

    /**
     * The value a path selects, or MissingNode when it matches nothing: a definite path that
     * misses, an undefined variable, or an indefinite path without matches (as {@link JsonPath#isPresent}).
     */
    private static JsonNode lookUp(JsonPath path, JsonNode input, EvalContext context) {
        try {
            JsonNode value = path.evaluate(input, context);
            return path.isDefinite() || !value.isEmpty() ? value : MissingNode.getInstance();
        } catch (PathNotFoundException | UndefinedVariableException e) {
            return MissingNode.getInstance();
        }
    }

    @Override
    public String toString() {
        return "{Variable: " + variable + ", " + operator.field + "}";
    }
}
