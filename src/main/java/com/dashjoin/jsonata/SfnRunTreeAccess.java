package com.dashjoin.jsonata;

import com.dashjoin.jsonata.Parser.Symbol;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * sfn-run's one read-only window on the parsed tree of the JSONata library (com.dashjoin:jsonata, the
 * version pinned in pom.xml), whose nodes keep their kind and children package-private. sfn-run runs
 * on the class path, where this class shares the library's package; it reads the tree and changes
 * nothing. {@code dev.sfnrun.query.jsonata.ExpressionTree} is its only user.
 */
public final class SfnRunTreeAccess {
    private SfnRunTreeAccess() {
    }

    /** Every node of {@code expression}'s tree, each once, parents before children. */
    public static void forEachNode(Jsonata expression, Consumer<Symbol> action) {
        Set<Symbol> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        visit(expression.ast, seen, action);
    }

    private static void visit(Symbol node, Set<Symbol> seen, Consumer<Symbol> action) {
        if (node == null || !seen.add(node)) {
            return;
        }
        action.accept(node);
        for (Symbol child : new Symbol[] {node.expression, node.procedure, node.body, node.group, node.lhs, node.rhs,
                node.condition, node.then, node._else, node.pattern, node.update, node.delete}) {
            visit(child, seen, action);
        }
        for (List<Symbol> children : List.of(nonNull(node.steps), nonNull(node.arguments), nonNull(node.predicate),
                nonNull(node.stages), nonNull(node.rhsTerms), nonNull(node.terms), nonNull(node.expressions))) {
            for (Symbol child : children) {
                visit(child, seen, action);
            }
        }
        for (List<Symbol[]> pairs : List.of(nonNullPairs(node.lhsObject), nonNullPairs(node.rhsObject))) {
            for (Symbol[] pair : pairs) {
                for (Symbol child : pair) {
                    visit(child, seen, action);
                }
            }
        }
    }

    private static List<Symbol> nonNull(List<Symbol> list) {
        return list == null ? List.of() : list;
    }

    private static List<Symbol[]> nonNullPairs(List<Symbol[]> list) {
        return list == null ? List.of() : list;
    }

    /** The node's kind: "function", "transform", "path", ... */
    public static String type(Symbol node) {
        return node.type;
    }

    /** The procedure of a "function" node (what is called). */
    public static Symbol procedure(Symbol node) {
        return node.procedure;
    }

    /** The arguments of a "function" node. */
    public static List<Symbol> arguments(Symbol node) {
        return nonNull(node.arguments);
    }

    /** The location pattern of a "transform" node ({@code |pattern|update|}). */
    public static Symbol pattern(Symbol node) {
        return node.pattern;
    }

    /**
     * The name a "function" node calls its procedure by, as the library and jsonata-js name it in
     * errors: the variable's name ({@code $join(...)}: "join"), the first step of a path, else null.
     */
    public static String callName(Symbol call) {
        Symbol procedure = call.procedure;
        if (procedure == null) {
            return null;
        }
        Object name = "path".equals(procedure.type) && procedure.steps != null && !procedure.steps.isEmpty()
                ? procedure.steps.get(0).value : procedure.value;
        return name instanceof String s ? s : null;
    }

    /** The node's position in the expression text. */
    public static int position(Symbol node) {
        return node.position;
    }
}
