package dev.sfnrun.query.jsonata;

import com.dashjoin.jsonata.Functions;
import com.dashjoin.jsonata.JException;
import com.dashjoin.jsonata.Jsonata;
import com.dashjoin.jsonata.Utils;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Array functions as jsonata-js 2.0.6 runs them (its source is the reference), where the library's
 * differ: {@code $distinct} gives a sequence (which a single item replaces) only for a sequence, an
 * array stays an array ({@code $distinct(["a","a"])} is {@code ["a"]}, it was {@code "a"});
 * {@code $sort} is jsonata-js's merge sort, stable (items its comparison function does not order keep
 * their order), and sorts only numbers or only strings without one (D3070 otherwise); {@code $sum}
 * adds from left to right as JavaScript does (the library's compensated sum gave 0.6 for 0.1, 0.2
 * and 0.3, where jsonata-js gives 0.6000000000000001).
 */
final class ArrayFunctions {
    private static final NamedFunction DISTINCT = new NamedFunction("distinct",
            JsonataBuiltins.signature("distinct"), (input, args) -> distinct(args.get(0)));

    private static final NamedFunction SORT = new NamedFunction("sort",
            JsonataBuiltins.signature("sort"), (input, args) -> sort(args.get(0), args.size() > 1 ? args.get(1) : null));

    private static final NamedFunction SUM = new NamedFunction("sum",
            JsonataBuiltins.signature("sum"), (input, args) -> sum(args.get(0)));

    private ArrayFunctions() {
    }

    static void register(Jsonata expression) {
        expression.registerFunction("distinct", DISTINCT);
        expression.registerFunction("sort", SORT);
        expression.registerFunction("sum", SUM);
    }

    private static Object sum(Object numbers) {
        if (numbers == null) {
            return null;
        }
        double total = 0;
        for (Object number : (List<?>) numbers) {
            total += ((Number) number).doubleValue();
        }
        return JsonataValues.number(total);
    }

    /** Whether {@code a} goes after {@code b}. */
    private interface Comparison {
        boolean after(Object a, Object b) throws Throwable;
    }

    private static Object sort(Object arr, Object comparator) throws Throwable {
        if (!(arr instanceof List<?> list) || list.size() <= 1) {
            return arr;
        }
        Comparison comp;
        if (comparator == null) {
            if (!Utils.isArrayOfNumbers(list) && !Utils.isArrayOfStrings(list)) {
                throw new JException("D3070", -1);
            }
            comp = (a, b) -> a instanceof Number x ? x.doubleValue() > ((Number) b).doubleValue()
                    : ((String) a).compareTo((String) b) > 0;
        } else {
            comp = (a, b) -> isTruthy(Functions.funcApply(comparator, new ArrayList<>(List.of(a, b))));
        }
        return mergeSort(new ArrayList<>(list), comp);
    }

    private static List<Object> mergeSort(List<Object> array, Comparison comp) throws Throwable {
        if (array.size() <= 1) {
            return array;
        }
        int middle = array.size() / 2;
        List<Object> left = mergeSort(new ArrayList<>(array.subList(0, middle)), comp);
        List<Object> right = mergeSort(new ArrayList<>(array.subList(middle, array.size())), comp);
        List<Object> merged = new ArrayList<>(array.size());
        int l = 0;
        int r = 0;
        while (l < left.size() && r < right.size()) {
            if (comp.after(left.get(l), right.get(r))) {
                merged.add(right.get(r++));
            } else {
                merged.add(left.get(l++));
            }
        }
        merged.addAll(left.subList(l, left.size()));
        merged.addAll(right.subList(r, right.size()));
        return merged;
    }

    /** JavaScript's truthiness, which jsonata-js's merge applies to the comparison's result. */
    private static boolean isTruthy(Object value) {
        if (value == null || value == Jsonata.NULL_VALUE || Boolean.FALSE.equals(value) || "".equals(value)) {
            return false;
        }
        if (value instanceof Number n) {
            double d = n.doubleValue();
            return d != 0 && !Double.isNaN(d);
        }
        return true;
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
