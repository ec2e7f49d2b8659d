package dev.sfnrun.definition.graph;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A state machine as a graph: every state (nested ones too) as a {@link Node}, every way from one
 * state to another as an {@link Edge} of its kind, and the scopes (the machine, each Parallel branch,
 * each Map item processor) that hold them. Built from the definition's JSON by {@link FlowGraphs},
 * so it exists for definitions that do not validate, as far as they parse. One model serves
 * coverage, pictures and reachability.
 *
 * <p>Ids: a top-level state's id is its name; a nested state's is its path of names,
 * {@code Map/Inner} or {@code Parallel/Inner} (state names are unique in a valid machine, so a
 * Parallel's branch does not appear in the id). Each scope has a start and an end pseudo-node,
 * {@link #startOf} and {@link #endOf}.
 */
public record FlowGraph(List<Scope> scopes, List<Node> nodes, List<Edge> edges) {
    /** Prefix of the id of a scope's start pseudo-node. */
    public static final String START = "(start)";
    /** Prefix of the id of a scope's end pseudo-node. */
    public static final String END = "(end)";

    /**
     * A state.
     *
     * @param id        its path of names
     * @param name      its name
     * @param type      its Type field ("Task", ...; "?" when absent or not text)
     * @param pointer   the JSON pointer of the state in the definition
     * @param scope     the id of the scope holding it
     * @param reachable whether a path leads to it from its scope's StartAt
     * @param retries   its Retry clauses, summarised
     * @param source    the state's JSON
     */
    public record Node(String id, String name, String type, String pointer, String scope, boolean reachable,
                       List<Retry> retries, JsonNode source) {
    }

    /**
     * A Retry clause: {@code maxAttempts} retries (default 3), the first {@code intervalSeconds} after
     * (default 1), each next one {@code backoffRate} times longer (default 2.0).
     */
    public record Retry(int index, List<String> errorEquals, Integer maxAttempts, Double intervalSeconds,
                        Double backoffRate, Integer maxDelaySeconds, String jitterStrategy) {
        /** "retry Boom ×3, 1s, ×2.0": the clause with AWS's defaults filled in. */
        public String label() {
            return "retry " + String.join(", ", errorEquals) + " ×" + (maxAttempts == null ? 3 : maxAttempts) + ", "
                    + Labels.seconds(intervalSeconds == null ? 1.0 : intervalSeconds) + ", backoff "
                    + (backoffRate == null ? 2.0 : backoffRate)
                    + (maxDelaySeconds == null ? "" : ", max " + maxDelaySeconds + "s")
                    + (jitterStrategy == null || jitterStrategy.equals("NONE") ? "" : ", jitter " + jitterStrategy);
        }
    }

    /** The kinds of edge. */
    public enum Kind {
        /** from a scope's start pseudo-node to its StartAt */
        START,
        /** a state's Next */
        NEXT,
        /** a Choice rule ({@code index} in Choices) */
        CHOICE_RULE,
        /** a Choice state's Default */
        CHOICE_DEFAULT,
        /** a Catch clause ({@code index} in Catch) */
        CATCH,
        /** a Retry clause ({@code index} in Retry): from the state back to itself */
        RETRY,
        /** End: true, or a Succeed state, to its scope's end pseudo-node */
        END
    }

    /**
     * A way from one node to another.
     *
     * @param from    the node it leaves (or a start pseudo-node)
     * @param to      the node it enters (or an end pseudo-node); for a target that does not exist
     *                (an invalid definition), the id it would have
     * @param kind    what kind of transition it is
     * @param index   the rule or clause's index in its list; -1 for the other kinds
     * @param label   a short readable form: a Choice rule's condition, a Catch's ErrorEquals, a
     *                Retry's summary, "Default"; empty for Next, Start and End
     * @param pointer the JSON pointer of the field that makes the edge
     * @param exists  false when the target state does not exist
     */
    public record Edge(String from, String to, Kind kind, int index, String label, String pointer, boolean exists) {
        /** "Check → Retry#1" style text naming the edge for people. */
        public String describe() {
            String base = FlowGraph.displayName(from) + " → " + FlowGraph.displayName(to);
            return switch (kind) {
                case CHOICE_RULE -> base + " (Choices[" + index + "]: " + label + ")";
                case CHOICE_DEFAULT -> base + " (Default)";
                case CATCH -> base + " (Catch[" + index + "]: " + label + ")";
                case RETRY -> FlowGraph.displayName(from) + " (Retry[" + index + "]: " + label + ")";
                default -> base;
            };
        }
    }

    /**
     * The machine, a Parallel branch or a Map item processor.
     *
     * @param id      "" for the machine, a Map's id for its processor, {@code Parallel#0} for a branch
     * @param owner   the id of the Map or Parallel state holding it; null for the machine
     * @param branch  the branch index of a Parallel; -1 otherwise
     * @param startAt its StartAt (null when absent)
     * @param nodes   the ids of its states, in the order of the definition
     */
    public record Scope(String id, String owner, int branch, String startAt, List<String> nodes) {
    }

    /** The id of a scope's start pseudo-node. */
    public static String startOf(String scope) {
        return START + scope;
    }

    /** The id of a scope's end pseudo-node. */
    public static String endOf(String scope) {
        return END + scope;
    }

    public static boolean isPseudo(String id) {
        return id.startsWith(START) || id.startsWith(END);
    }

    /** "Start", "End" or the id. */
    public static String displayName(String id) {
        return id.startsWith(START) ? "Start" : id.startsWith(END) ? "End" : id;
    }

    public Optional<Node> node(String id) {
        return nodes.stream().filter(n -> n.id().equals(id)).findFirst();
    }

    public Optional<Scope> scope(String id) {
        return scopes.stream().filter(s -> s.id().equals(id)).findFirst();
    }

    /** The edges leaving a node, in the order of the definition. */
    public List<Edge> edgesFrom(String id) {
        return edges.stream().filter(e -> e.from().equals(id)).toList();
    }

    /** The edge of the given kind and index leaving a node, if the graph has it. */
    public Optional<Edge> edge(String from, Kind kind, int index) {
        return edges.stream().filter(e -> e.from().equals(from) && e.kind() == kind && e.index() == index).findFirst();
    }

    /** The scopes directly inside a node (a Map's processor, a Parallel's branches), in order. */
    public List<Scope> scopesOf(String nodeId) {
        return scopes.stream().filter(s -> nodeId.equals(s.owner())).toList();
    }

    /** Nodes by id. */
    public Map<String, Node> byId() {
        Map<String, Node> map = new java.util.LinkedHashMap<>();
        nodes.forEach(n -> map.put(n.id(), n));
        return map;
    }
}
