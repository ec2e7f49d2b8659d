package dev.sfnrun.graph;

import dev.sfnrun.definition.graph.FlowGraph;
import dev.sfnrun.definition.graph.FlowGraph.Edge;
import dev.sfnrun.definition.graph.FlowGraph.Kind;
import dev.sfnrun.definition.graph.FlowGraph.Node;
import dev.sfnrun.definition.graph.FlowGraph.Scope;
import java.util.List;
import java.util.Map;

/**
 * A {@link FlowGraph} in Graphviz's DOT language ({@code dot -Tsvg}): states as boxes, Map and
 * Parallel states as clusters whose title node the edges into and out of the state attach to,
 * Catch edges dashed, unreachable states and missing targets dashed and grey or red.
 */
public final class Dot extends TextGraph {
    private Dot(FlowGraph graph, Map<String, List<String>> notes) {
        super(graph, notes);
    }

    public static String of(FlowGraph graph) {
        return of(graph, Map.of());
    }

    /** With {@code notes} (validation problems, by state id; see {@link Problems}) as lines on their states. */
    public static String of(FlowGraph graph, Map<String, List<String>> notes) {
        return new Dot(graph, notes).render();
    }

    private String render() {
        out.append("digraph StateMachine {\n");
        out.append("  compound=true;\n  rankdir=TB;\n");
        out.append("  node [shape=box, style=\"rounded,filled\", fillcolor=\"#eef3fb\", fontname=\"Helvetica\", fontsize=11];\n");
        out.append("  edge [fontname=\"Helvetica\", fontsize=10];\n");
        graph.scope("").ifPresent(scope -> scope(scope, "  "));
        for (Edge edge : graph.edges()) {
            if (edge.kind() == Kind.RETRY) {
                continue;
            }
            List<String> attributes = new java.util.ArrayList<>();
            String from = id(edge.from());
            String to = id(edge.to());
            if (!graph.scopesOf(edge.from()).isEmpty()) {
                attributes.add("ltail=cluster_" + from);
            }
            if (!graph.scopesOf(edge.to()).isEmpty()) {
                attributes.add("lhead=cluster_" + to);
            }
            if (!edge.label().isEmpty()) {
                attributes.add("label=\"" + Escape.dot(edge.kind() == Kind.CATCH ? "Catch: " + edge.label() : edge.label()) + "\"");
            }
            if (edge.kind() == Kind.CATCH) {
                attributes.add("style=dashed, color=\"#c0392b\"");
            }
            out.append("  ").append(from).append(" -> ").append(to);
            if (!attributes.isEmpty()) {
                out.append(" [").append(String.join(", ", attributes)).append(']');
            }
            out.append(";\n");
        }
        out.append("}\n");
        return out.toString();
    }

    private void scope(Scope scope, String indent) {
        String start = FlowGraph.startOf(scope.id());
        out.append(indent).append(id(start)).append(" [label=\"Start\", shape=oval, fillcolor=\"#dddddd\"];\n");
        for (String nodeId : scope.nodes()) {
            Node node = graph.node(nodeId).orElseThrow();
            List<Scope> inner = graph.scopesOf(nodeId);
            String label = node.name() + "\n" + String.join("\n", lines(node));
            String style = !node.reachable() ? ", style=\"rounded,dashed\", fontcolor=\"#888888\""
                    : node.type().equals("Fail") ? ", fillcolor=\"#fde2e2\""
                    : node.type().equals("Succeed") ? ", fillcolor=\"#e3f6e3\"" : "";
            if (inner.isEmpty()) {
                out.append(indent).append(id(nodeId)).append(" [label=\"").append(Escape.dot(label)).append('"')
                        .append(style).append("];\n");
                continue;
            }
            String clusterId = "cluster_" + id(nodeId);
            out.append(indent).append("subgraph ").append(clusterId).append(" {\n");
            out.append(indent).append("  style=\"rounded,dashed\"; color=\"#6b7fa8\";\n");
            out.append(indent).append("  ").append(id(nodeId)).append(" [label=\"").append(Escape.dot(label))
                    .append("\", shape=plaintext, style=\"\"];\n");
            for (Scope child : inner) {
                if (child.branch() >= 0) {
                    out.append(indent).append("  subgraph cluster_").append(id(child.id())).append(" {\n");
                    out.append(indent).append("    label=\"Branch ").append(child.branch() + 1).append("\"; style=dotted;\n");
                    scope(child, indent + "    ");
                    out.append(indent).append("  }\n");
                } else {
                    scope(child, indent + "  ");
                }
            }
            out.append(indent).append("}\n");
        }
        boolean ends = false;
        for (Edge edge : graph.edges()) {
            if (!scope.nodes().contains(edge.from()) && !edge.from().equals(start)) {
                continue;
            }
            if (edge.kind() == Kind.END) {
                ends = true;
            } else if (!edge.exists() && edge.kind() != Kind.RETRY && !hasId(edge.to())) {
                out.append(indent).append(id(edge.to())).append(" [label=\"").append(Escape.dot(edge.to()))
                        .append("\\nmissing\", style=\"rounded,dashed\", color=\"#cc0000\", fontcolor=\"#cc0000\"];\n");
            }
        }
        if (ends) {
            out.append(indent).append(id(FlowGraph.endOf(scope.id())))
                    .append(" [label=\"End\", shape=oval, fillcolor=\"#dddddd\"];\n");
        }
    }
}
