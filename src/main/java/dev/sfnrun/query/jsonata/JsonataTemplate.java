package dev.sfnrun.query.jsonata;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sfnrun.error.StatesError;
import dev.sfnrun.query.EvalContext;
import dev.sfnrun.query.Json;
import dev.sfnrun.query.Nesting;
import dev.sfnrun.query.QuerySyntaxException;
import dev.sfnrun.query.ValueExpr;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The value of a field of a JSONata state, compiled: any JSON value in which every string
 * delimited by {@code {%} and {@code %}} (at any depth) is an expression and every other value a
 * literal. This is the one entry point the engine uses for JSONata fields (Arguments, Output,
 * Assign, Items, ItemSelector, Condition, timeouts, Wait and Fail fields).
 *
 * <p>As a {@link ValueExpr} the argument fills the {@link Role} the field was compiled with:
 * {@code $states.input} for most fields, {@code $states.result} for the top-level Output and
 * Assign of Task, Map and Parallel, {@code $states.errorOutput} for a Catcher's; in the last two
 * cases {@code $states.input} comes from {@link EvalContext#stateInput()}.
 */
public final class JsonataTemplate implements ValueExpr {
    /** What the value passed to {@link #evaluate(JsonNode, EvalContext)} is. */
    public enum Role { INPUT, RESULT, ERROR_OUTPUT }

    /** The type a field requires of its value; checked after evaluation. */
    public enum Expect {
        ANY(null), ARRAY("array"), BOOLEAN("boolean"), STRING("string"), OBJECT("object"),
        POSITIVE_INTEGER("integer"), NON_NEGATIVE_INTEGER("integer"), PERCENTAGE("number"),
        /** Task TimeoutSeconds/HeartbeatSeconds: a positive integer up to AWS's 99999999. */
        SECONDS("integer");

        /** The largest TimeoutSeconds or HeartbeatSeconds (ASL-NOTES §1.3, §11). */
        public static final long MAX_SECONDS = 99_999_999L;

        private final String typeName;

        Expect(String typeName) {
            this.typeName = typeName;
        }
    }

    private final Node root;
    private final String field;
    private final Role role;
    private final Expect expect;
    private final boolean usesResult;
    private final boolean usesErrorOutput;

    private JsonataTemplate(Node root, String field, Role role, Expect expect) {
        this.root = root;
        this.field = field;
        this.role = role;
        this.expect = expect;
        List<JsonataExpression> expressions = new ArrayList<>();
        root.collect(expressions);
        this.usesResult = expressions.stream().anyMatch(JsonataExpression::usesResult);
        this.usesErrorOutput = expressions.stream().anyMatch(JsonataExpression::usesErrorOutput);
    }

    /** Whether {@code text} is an expression: it starts with {@code {%} and ends with {@code %}}, nothing around. */
    public static boolean isExpression(String text) {
        return text.length() >= 4 && text.startsWith("{%") && text.endsWith("%}");
    }

    /** Whether {@code value} is a string holding one expression. */
    public static boolean isExpression(JsonNode value) {
        return value != null && value.isTextual() && isExpression(value.asText());
    }

    public static JsonataTemplate compile(JsonNode value, String field, Role role) {
        return compile(value, field, role, Expect.ANY);
    }

    /**
     * Compiles a field's value; {@code field} names it in messages ("Output", "Choices[0]/Condition").
     * An expression that does not parse is a {@link QuerySyntaxException} naming where it is.
     */
    public static JsonataTemplate compile(JsonNode value, String field, Role role, Expect expect) {
        return new JsonataTemplate(node(value, field), field, role, expect);
    }

    private static Node node(JsonNode value, String path) {
        if (value.isTextual() && isExpression(value.asText())) {
            String text = value.asText();
            try {
                return new Expr(JsonataExpression.compile(text.substring(2, text.length() - 2)), path);
            } catch (QuerySyntaxException e) {
                throw new QuerySyntaxException("The JSONata expression '" + Nesting.quoted(text) + "' in the field '" + path
                        + "' is invalid: " + e.getMessage());
            }
        }
        if (value.isObject()) {
            List<Map.Entry<String, Node>> members = new ArrayList<>();
            boolean constant = true;
            for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> member = it.next();
                Node child = node(member.getValue(), path + "/" + member.getKey());
                constant &= child instanceof Literal;
                members.add(Map.entry(member.getKey(), child));
            }
            return constant ? new Literal(value) : new Obj(List.copyOf(members));
        }
        if (value.isArray()) {
            List<Node> elements = new ArrayList<>();
            boolean constant = true;
            for (int i = 0; i < value.size(); i++) {
                Node child = node(value.get(i), path + "[" + i + "]");
                constant &= child instanceof Literal;
                elements.add(child);
            }
            return constant ? new Literal(value) : new Arr(List.copyOf(elements));
        }
        return new Literal(value);
    }

    public String field() {
        return field;
    }

    public Role role() {
        return role;
    }

    /** Whether any expression reads {@code $states.result}. */
    public boolean usesResult() {
        return usesResult;
    }

    /** Whether any expression reads {@code $states.errorOutput}. */
    public boolean usesErrorOutput() {
        return usesErrorOutput;
    }

    /** Whether the value has no expression at all. */
    public boolean isConstant() {
        return root instanceof Literal;
    }

    @Override
    public JsonNode evaluate(JsonNode value, EvalContext context) {
        return switch (role) {
            case INPUT -> evaluate(value, null, null, context);
            case RESULT -> evaluate(context.stateInput(), value, null, context);
            case ERROR_OUTPUT -> evaluate(context.stateInput(), null, value, context);
        };
    }

    /**
     * The field's value for these {@code $states} members; failures are located
     * {@code States.QueryEvaluationError}s with AWS's cause texts.
     */
    public JsonNode evaluate(JsonNode input, JsonNode result, JsonNode errorOutput, EvalContext context) {
        States states = new States(input, result, errorOutput, context);
        JsonNode value = root.evaluate(states);
        if ((expect == Expect.POSITIVE_INTEGER || expect == Expect.NON_NEGATIVE_INTEGER || expect == Expect.SECONDS)
                && value.isBigInteger()
                && !value.canConvertToLong()) {
            // JSONata's numbers are doubles: a whole number beyond a long is a huge double (saturating), never wrapped
            value = com.fasterxml.jackson.databind.node.DoubleNode.valueOf(value.doubleValue());
        }
        check(value);
        return value;
    }

    private void check(JsonNode value) {
        boolean ok = switch (expect) {
            case ANY -> true;
            case ARRAY -> value.isArray();
            case BOOLEAN -> value.isBoolean();
            case STRING -> value.isTextual();
            case OBJECT -> value.isObject();
            case POSITIVE_INTEGER, NON_NEGATIVE_INTEGER, SECONDS -> value.isNumber() && value.canConvertToExactIntegral();
            case PERCENTAGE -> value.isNumber();
        };
        String subject = root instanceof Expr expr ? "The JSONata expression '" + expr.expression.text()
                + "' specified for the field '" + field + "'" : "The value of the field '" + field + "'";
        if (!ok) {
            throw error(field, subject + " returned an unexpected result type. Expected '" + expect.typeName
                    + "', but was '" + Json.typeName(value) + "' for value: " + Json.compact(value));
        }
        boolean inRange = switch (expect) {
            case POSITIVE_INTEGER -> value.asLong() > 0;
            case SECONDS -> value.asLong() > 0 && value.asLong() <= Expect.MAX_SECONDS;
            case NON_NEGATIVE_INTEGER -> value.asLong() >= 0;
            case PERCENTAGE -> value.asDouble() >= 0 && value.asDouble() <= 100;
            default -> true;
        };
        if (!inRange) {
            String expected = switch (expect) {
                case PERCENTAGE -> "a number from 0 to 100";
                case NON_NEGATIVE_INTEGER -> "a non-negative integer";
                case SECONDS -> value.asLong() > 0 ? "a positive integer no greater than " + Expect.MAX_SECONDS
                        : "a positive integer";
                default -> "a positive integer";
            };
            throw error(field, subject + " returned an invalid value: " + Json.compact(value) + ". Expected "
                    + expected + ".");
        }
    }

    private static StatesError error(String location, String cause) {
        return StatesError.evaluationFailed(cause, location, true);
    }

    @Override
    public String toString() {
        return field;
    }

    /** The value of member {@code name} when this template is an object whose member is written without an expression; else null. */
    public JsonNode literalMember(String name) {
        if (root instanceof Obj obj) {
            for (Map.Entry<String, Node> member : obj.members()) {
                if (member.getKey().equals(name) && member.getValue() instanceof Literal literal) {
                    return literal.value();
                }
            }
        }
        return null;
    }

    private record States(JsonNode input, JsonNode result, JsonNode errorOutput, EvalContext context) {
    }

    private sealed interface Node permits Literal, Expr, Obj, Arr {
        JsonNode evaluate(States states);

        void collect(List<JsonataExpression> into);
    }

    private record Literal(JsonNode value) implements Node {
        public JsonNode evaluate(States states) {
            return value;
        }

        public void collect(List<JsonataExpression> into) {
        }
    }

    private record Expr(JsonataExpression expression, String path) implements Node {
        public JsonNode evaluate(States states) {
            JsonNode value;
            String subject = "The JSONata expression '" + expression.text() + "' specified for the field '" + path + "'";
            try {
                value = expression.evaluate(states.input, states.result, states.errorOutput, states.context);
            } catch (JsonataEvaluationException e) {
                if (e.unsupportedResult()) {
                    throw error(path, subject + " returned an unsupported result type.");
                }
                if (e.getMessage() == null) {
                    throw error(path, subject + " threw an internal error during evaluation.");
                }
                throw error(path, subject + " threw an error during evaluation" + (e.coded() ? ". " : ": ") + e.getMessage());
            }
            if (value == null) {
                throw error(path, subject + " returned nothing (undefined).");
            }
            return value;
        }

        public void collect(List<JsonataExpression> into) {
            into.add(expression);
        }
    }

    private record Obj(List<Map.Entry<String, Node>> members) implements Node {
        public JsonNode evaluate(States states) {
            ObjectNode out = Json.object();
            for (Map.Entry<String, Node> member : members) {
                out.set(member.getKey(), member.getValue().evaluate(states));
            }
            return out;
        }

        public void collect(List<JsonataExpression> into) {
            members.forEach(member -> member.getValue().collect(into));
        }
    }

    private record Arr(List<Node> elements) implements Node {
        public JsonNode evaluate(States states) {
            ArrayNode out = Json.array();
            for (Node element : elements) {
                out.add(element.evaluate(states));
            }
            return out;
        }

        public void collect(List<JsonataExpression> into) {
            elements.forEach(element -> element.collect(into));
        }
    }
}
