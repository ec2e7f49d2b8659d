package dev.sfnrun.query.jsonata;

import com.dashjoin.jsonata.Jsonata;
import com.dashjoin.jsonata.Parser.Symbol;
import com.dashjoin.jsonata.SfnRunTreeAccess;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the evaluation hooks need to know of one parsed expression, found once when it is compiled:
 * which nodes are the procedure and the last argument of a function call, and which are the
 * location pattern of a transform; and by which name each call calls its function. Immutable once built, shared by every evaluation.
 */
final class ExpressionTree {
    /** What a node is to the hooks. */
    sealed interface Role permits Procedure, LastArgument, TransformPattern {
    }

    /** The procedure of {@code call}, which has {@code arguments} arguments. */
    record Procedure(Symbol call, int arguments) implements Role {
    }

    /** The last argument of {@code call}. */
    record LastArgument(Symbol call) implements Role {
    }

    /** The location pattern of a transform, evaluated against the copy the transform makes. */
    record TransformPattern() implements Role {
    }

    private static final TransformPattern TRANSFORM_PATTERN = new TransformPattern();

    private final Map<Symbol, Role> roles;
    /** The name each call calls its function by, at the call's position (null where two calls share one). */
    private final Map<Integer, String> callNames;

    private ExpressionTree(Map<Symbol, Role> roles, Map<Integer, String> callNames) {
        this.roles = roles;
        this.callNames = callNames;
    }

    static ExpressionTree of(Jsonata compiled) {
        Map<Symbol, Role> roles = new IdentityHashMap<>();
        Map<Integer, String> callNames = new HashMap<>();
        SfnRunTreeAccess.forEachNode(compiled, node -> {
            String type = SfnRunTreeAccess.type(node);
            if ("function".equals(type) && SfnRunTreeAccess.procedure(node) != null) {
                int position = SfnRunTreeAccess.position(node);
                String name = SfnRunTreeAccess.callName(node);
                callNames.put(position, callNames.containsKey(position) && !Objects.equals(callNames.get(position), name)
                        ? null : name);
                List<Symbol> arguments = SfnRunTreeAccess.arguments(node);
                roles.put(SfnRunTreeAccess.procedure(node), new Procedure(node, arguments.size()));
                if (!arguments.isEmpty()) {
                    roles.put(arguments.get(arguments.size() - 1), new LastArgument(node));
                }
            } else if ("transform".equals(type) && SfnRunTreeAccess.pattern(node) != null) {
                roles.put(SfnRunTreeAccess.pattern(node), TRANSFORM_PATTERN);
            }
        });
        return new ExpressionTree(roles, callNames);
    }

    /**
     * The name by which the call at {@code position} (where the library places an error raised while
     * it runs) calls its function, as jsonata-js names the function in its errors; null when no call
     * is there (a function applied with {@code ~>}), as jsonata-js then says undefined.
     */
    String callName(int position) {
        return callNames.get(position);
    }

    /** The node's role, or null when it has none. */
    Role role(Symbol node) {
        return roles.get(node);
    }

    boolean isEmpty() {
        return roles.isEmpty();
    }
}
