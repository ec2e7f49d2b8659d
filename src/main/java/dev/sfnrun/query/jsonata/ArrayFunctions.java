package dev.sfnrun.query.jsonata;

import com.dashjoin.jsonata.Jsonata;
import com.dashjoin.jsonata.Utils;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Array functions as jsonata-js 2.0.6 runs them (its source is the reference), where the library's
 * differ: {@code $distinct} gives a sequence (which a single item replaces) only for a sequence, an
 * array stays an array ({@code $distinct(["a","a"])} is {@code ["a"]}, it was {@code "a"}).
 */
final class ArrayFunctions {
    private static final NamedFunction DISTINCT = new NamedFunction("distinct",
            JsonataBuiltins.signature("distinct"), (input, args) -> distinct(args.get(0)));

    private ArrayFunctions() {
    }

    static void register(Jsonata expression) {
        expression.registerFunction("distinct", DISTINCT);
    }

    private static Object distinct(Object arr) {
        if (!(arr instanceof List<?> list) || list.size() <= 1) {
            return arr;
        }
        List<Object> results = Utils.isSequence(list) ? Utils.createSequence() : new ArrayList<>();
        for (Object value : list) {
            boolean includes = false;
            for (Object seen : results) {
                if (deepEquals(value, seen)) {
                    includes = true;
                    break;
                }
            }
            if (!includes) {
                results.add(value);
            }
        }
        return results;
    }

    /** jsonata-js's isDeepEqual: numbers by value, arrays in order, objects by their members in any order. */
    static boolean deepEquals(Object lhs, Object rhs) {
        if (lhs == rhs) {
            return true;
        }
        if (lhs instanceof Number l && rhs instanceof Number r) {
            return l.doubleValue() == r.doubleValue();
        }
        if (lhs instanceof List<?> l && rhs instanceof List<?> r) {
            if (l.size() != r.size()) {
                return false;
            }
            for (int i = 0; i < l.size(); i++) {
                if (!deepEquals(l.get(i), r.get(i))) {
                    return false;
                }
            }
            return true;
        }
        if (lhs instanceof Map<?, ?> l && rhs instanceof Map<?, ?> r) {
            if (!l.keySet().equals(r.keySet())) {
                return false;
            }
            for (Map.Entry<?, ?> member : l.entrySet()) {
                if (!deepEquals(member.getValue(), r.get(member.getKey()))) {
                    return false;
                }
            }
            return true;
        }
        return lhs != null && lhs.equals(rhs);
    }
}
