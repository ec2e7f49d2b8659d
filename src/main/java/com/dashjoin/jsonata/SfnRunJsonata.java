package com.dashjoin.jsonata;

import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The library's expression with three steps replaced, as the class path allows (the steps are
 * package-private): a regular expression called on a string ({@code /b/("abc")}) gives jsonata-js's
 * {@code {match, start, end, groups, next}} from {@code regexCall} (the library put the whole match
 * among the groups and had no {@code next}); the {@code &} operator turns each side into a string with sfn-run's
 * {@code $string} (jsonata-js's number formatting), given as {@code stringOf}; and {@code in} compares
 * an object or array by identity, as jsonata-js's {@code ===} does ({@code [1] in [[1]]} is false; the
 * library compared them deeply). The library evaluates
 * on a per-thread instance of the expression; this class keeps that instance one of its own, so every
 * thread's evaluation uses the replaced step. {@code dev.sfnrun.query.jsonata.JsonataExpression} is
 * its only user; an upgrade of the library must keep it compiling.
 */
public final class SfnRunJsonata extends Jsonata {
    private final Function<Object, String> stringOf;
    private final BiFunction<Pattern, String, Object> regexCall;

    public SfnRunJsonata(String expression, Function<Object, String> stringOf,
            BiFunction<Pattern, String, Object> regexCall) {
        super(expression);
        this.stringOf = stringOf;
        this.regexCall = regexCall;
    }

    private SfnRunJsonata(SfnRunJsonata other) {
        super(other);
        this.stringOf = other.stringOf;
        this.regexCall = other.regexCall;
    }

    @Override
    Object applyInner(Object proc, Object args, Object input, Object environment) {
        if (proc instanceof Pattern pattern && args instanceof List<?> list && list.size() == 1
                && list.get(0) instanceof String text) {
            return regexCall.apply(pattern, text);
        }
        return super.applyInner(proc, args, input, environment);
    }

    @Override
    Jsonata getPerThreadInstance() {
        Jsonata instance = current.get();
        if (instance instanceof SfnRunJsonata) {
            return instance; // as the library does: any expression's instance serves this thread
        }
        synchronized (this) {
            SfnRunJsonata copy = new SfnRunJsonata(this);
            current.set(copy);
            return copy;
        }
    }

    @Override
    Object evaluateStringConcat(Object lhs, Object rhs) {
        String left = lhs == null ? "" : stringOf.apply(lhs);
        String right = rhs == null ? "" : stringOf.apply(rhs);
        return (left == null ? "" : left) + (right == null ? "" : right);
    }

    @Override
    Object evaluateIncludesExpression(Object lhs, Object rhs) {
        if (lhs == null || rhs == null) {
            return false;
        }
        List<?> items = rhs instanceof List<?> list ? list : List.of(rhs);
        for (Object item : items) {
            if (lhs instanceof Map || lhs instanceof List || item instanceof Map || item instanceof List) {
                if (item == lhs) {
                    return true;
                }
            } else if (Boolean.TRUE.equals(evaluateEqualityExpression(lhs, item, "="))) {
                return true;
            }
        }
        return false;
    }
}
