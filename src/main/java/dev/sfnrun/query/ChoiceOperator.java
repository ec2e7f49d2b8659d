package dev.sfnrun.query;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.function.IntPredicate;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The 39 data-test operators of a JSONPath Choice rule, each known by the field that names it.
 * A comparison holds only when both sides are of its type; otherwise it is false, never an error.
 */
enum ChoiceOperator {
    STRING_EQUALS("StringEquals", ValueType.STRING, Relation.EQUALS),
    STRING_EQUALS_PATH("StringEqualsPath", ValueType.STRING, Relation.EQUALS),
    STRING_LESS_THAN("StringLessThan", ValueType.STRING, Relation.LESS_THAN),
    STRING_LESS_THAN_PATH("StringLessThanPath", ValueType.STRING, Relation.LESS_THAN),
    STRING_GREATER_THAN("StringGreaterThan", ValueType.STRING, Relation.GREATER_THAN),
    STRING_GREATER_THAN_PATH("StringGreaterThanPath", ValueType.STRING, Relation.GREATER_THAN),
    STRING_LESS_THAN_EQUALS("StringLessThanEquals", ValueType.STRING, Relation.LESS_THAN_EQUALS),
    STRING_LESS_THAN_EQUALS_PATH("StringLessThanEqualsPath", ValueType.STRING, Relation.LESS_THAN_EQUALS),
    STRING_GREATER_THAN_EQUALS("StringGreaterThanEquals", ValueType.STRING, Relation.GREATER_THAN_EQUALS),
    STRING_GREATER_THAN_EQUALS_PATH("StringGreaterThanEqualsPath", ValueType.STRING, Relation.GREATER_THAN_EQUALS),
    /** Compares against a {@link WildcardPattern} rather than by order. */
    STRING_MATCHES("StringMatches", ValueType.STRING, null),

    NUMERIC_EQUALS("NumericEquals", ValueType.NUMERIC, Relation.EQUALS),
    NUMERIC_EQUALS_PATH("NumericEqualsPath", ValueType.NUMERIC, Relation.EQUALS),
    NUMERIC_LESS_THAN("NumericLessThan", ValueType.NUMERIC, Relation.LESS_THAN),
    NUMERIC_LESS_THAN_PATH("NumericLessThanPath", ValueType.NUMERIC, Relation.LESS_THAN),
    NUMERIC_GREATER_THAN("NumericGreaterThan", ValueType.NUMERIC, Relation.GREATER_THAN),
    NUMERIC_GREATER_THAN_PATH("NumericGreaterThanPath", ValueType.NUMERIC, Relation.GREATER_THAN),
    NUMERIC_LESS_THAN_EQUALS("NumericLessThanEquals", ValueType.NUMERIC, Relation.LESS_THAN_EQUALS),
    NUMERIC_LESS_THAN_EQUALS_PATH("NumericLessThanEqualsPath", ValueType.NUMERIC, Relation.LESS_THAN_EQUALS),
    NUMERIC_GREATER_THAN_EQUALS("NumericGreaterThanEquals", ValueType.NUMERIC, Relation.GREATER_THAN_EQUALS),
    NUMERIC_GREATER_THAN_EQUALS_PATH("NumericGreaterThanEqualsPath", ValueType.NUMERIC, Relation.GREATER_THAN_EQUALS),

    BOOLEAN_EQUALS("BooleanEquals", ValueType.BOOLEAN, Relation.EQUALS),
    BOOLEAN_EQUALS_PATH("BooleanEqualsPath", ValueType.BOOLEAN, Relation.EQUALS),

    TIMESTAMP_EQUALS("TimestampEquals", ValueType.TIMESTAMP, Relation.EQUALS),
    TIMESTAMP_EQUALS_PATH("TimestampEqualsPath", ValueType.TIMESTAMP, Relation.EQUALS),
    TIMESTAMP_LESS_THAN("TimestampLessThan", ValueType.TIMESTAMP, Relation.LESS_THAN),
    TIMESTAMP_LESS_THAN_PATH("TimestampLessThanPath", ValueType.TIMESTAMP, Relation.LESS_THAN),
    TIMESTAMP_GREATER_THAN("TimestampGreaterThan", ValueType.TIMESTAMP, Relation.GREATER_THAN),
    TIMESTAMP_GREATER_THAN_PATH("TimestampGreaterThanPath", ValueType.TIMESTAMP, Relation.GREATER_THAN),
    TIMESTAMP_LESS_THAN_EQUALS("TimestampLessThanEquals", ValueType.TIMESTAMP, Relation.LESS_THAN_EQUALS),
    TIMESTAMP_LESS_THAN_EQUALS_PATH("TimestampLessThanEqualsPath", ValueType.TIMESTAMP, Relation.LESS_THAN_EQUALS),
    TIMESTAMP_GREATER_THAN_EQUALS("TimestampGreaterThanEquals", ValueType.TIMESTAMP, Relation.GREATER_THAN_EQUALS),
    TIMESTAMP_GREATER_THAN_EQUALS_PATH("TimestampGreaterThanEqualsPath", ValueType.TIMESTAMP,
            Relation.GREATER_THAN_EQUALS),

    /** The type tests take {@code true} or {@code false}; the missing value is a MissingNode. */
    IS_NULL("IsNull", JsonNode::isNull),
    IS_PRESENT("IsPresent", value -> !value.isMissingNode()),
    IS_NUMERIC("IsNumeric", ValueType.NUMERIC::accepts),
    IS_STRING("IsString", ValueType.STRING::accepts),
    IS_BOOLEAN("IsBoolean", ValueType.BOOLEAN::accepts),
    IS_TIMESTAMP("IsTimestamp", ValueType.TIMESTAMP::accepts);

    private static final Map<String, ChoiceOperator> BY_FIELD = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(op -> op.field, Function.identity()));

    final String field;
    /** The type both sides must have; null for the type tests. */
    final ValueType type;
    /** How the two sides must be ordered; null for StringMatches and the type tests. */
    private final Relation relation;
    /** What a type test checks of the value; null for the other operators. */
    private final Predicate<JsonNode> typeTest;

    ChoiceOperator(String field, ValueType type, Relation relation) {
        this.field = field;
        this.type = type;
        this.relation = relation;
        this.typeTest = null;
    }

    ChoiceOperator(String field, Predicate<JsonNode> typeTest) {
        this.field = field;
        this.type = null;
        this.relation = null;
        this.typeTest = typeTest;
    }

    /** The operator a rule field names, or null. */
    static ChoiceOperator byField(String field) {
        return BY_FIELD.get(field);
    }

    /** Whether the operand is a path to the value to compare with (the {@code ...Path} twins). */
    boolean takesPath() {
        return field.endsWith("Path");
    }

    boolean isTypeTest() {
        return typeTest != null;
    }

    /** The outcome of a type test on a value (MissingNode when the Variable matched nothing). */
    boolean typeTest(JsonNode value) {
        return typeTest.test(value);
    }

    /** The outcome of a comparison: false unless both sides are of the operator's type. */
    boolean compare(JsonNode value, JsonNode operand) {
        return type.accepts(value) && type.accepts(operand) && relation.holds(type.order(value, operand));
    }

    /** The kinds of values the comparisons work on. */
    enum ValueType {
        STRING("a string") {
            @Override
            boolean accepts(JsonNode node) {
                return node.isTextual();
            }

            @Override
            int order(JsonNode a, JsonNode b) {
                return a.textValue().compareTo(b.textValue());
            }
        },
        /** Numbers compare as IEEE-754 doubles, so {@code 0} equals {@code 0.0} (and {@code -0.0}). */
        NUMERIC("a number") {
            @Override
            boolean accepts(JsonNode node) {
                return node.isNumber();
            }

            @Override
            int order(JsonNode a, JsonNode b) {
                double x = a.doubleValue();
                double y = b.doubleValue();
                return x < y ? -1 : x > y ? 1 : 0;
            }
        },
        BOOLEAN("a boolean") {
            @Override
            boolean accepts(JsonNode node) {
                return node.isBoolean();
            }

            @Override
            int order(JsonNode a, JsonNode b) {
                return Boolean.compare(a.booleanValue(), b.booleanValue());
            }
        },
        /** Strings in the {@link Timestamps} format, compared as instants. */
        TIMESTAMP("a timestamp string") {
            @Override
            boolean accepts(JsonNode node) {
                return node.isTextual() && Timestamps.parse(node.textValue()).isPresent();
            }

            @Override
            int order(JsonNode a, JsonNode b) {
                return instant(a).compareTo(instant(b));
            }

            private Instant instant(JsonNode node) {
                return Timestamps.parse(node.textValue()).orElseThrow();
            }
        };

        /** How messages name the type, e.g. "a number". */
        final String description;

        ValueType(String description) {
            this.description = description;
        }

        abstract boolean accepts(JsonNode node);

        /** Negative, zero or positive as {@code a} comes before, with or after {@code b}; both accepted. */
        abstract int order(JsonNode a, JsonNode b);
    }

    private enum Relation {
        EQUALS(order -> order == 0),
        LESS_THAN(order -> order < 0),
        GREATER_THAN(order -> order > 0),
        LESS_THAN_EQUALS(order -> order <= 0),
        GREATER_THAN_EQUALS(order -> order >= 0);

        private final IntPredicate holds;

        Relation(IntPredicate holds) {
            this.holds = holds;
        }

        boolean holds(int order) {
            return holds.test(order);
        }
    }
}
