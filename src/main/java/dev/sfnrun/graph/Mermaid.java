package dev.sfnrun.graph;

import dev.sfnrun.definition.graph.FlowGraph;
import dev.sfnrun.definition.graph.FlowGraph.Edge;
import dev.sfnrun.definition.graph.FlowGraph.Kind;
import dev.sfnrun.definition.graph.FlowGraph.Node;
import dev.sfnrun.definition.graph.FlowGraph.Scope;
import java.util.List;
import java.util.Map;

/**
 * A {@link FlowGraph} as a Mermaid flowchart, which GitHub and GitLab render in Markdown as it is:
 * states as boxes (their type and Retry clauses under the name), Map and Parallel states as
 * subgraphs, Catch edges dotted, unreachable states and missing targets dashed.
 */
public final class Mermaid extends TextGraph {
    private Mermaid(FlowGraph graph, Map<String, List<String>> notes) {
        super(graph, notes);
    }

    public static String of(FlowGraph graph) {
        return of(graph, Map.of());
    }

    /** With {@code notes} (validation problems, by state id; see {@link Problems}) as lines on their states. */
    public static String of(FlowGraph graph, Map<String, List<String>> notes) {
        return new Mermaid(graph, notes).render();
    }

    private String render() {
        out.append("flowchart TD\n");
        graph.scope("").ifPresent(scope -> scope(scope, "  "));
        for (Edge edge : graph.edges()) {
            if (edge.kind() == Kind.RETRY) {
                continue;
            }
            String arrow = edge.kind() == Kind.CATCH ? "-." : "--";
            String label = edge.kind() == Kind.CATCH ? "Catch: " + edge.label() : edge.label();
            out.append("  ").append(id(edge.from()));
            if (label.isEmpty()) {
                out.append(edge.kind() == Kind.CATCH ? " -.-> " : " --> ");
            } else {
                out.append(" ").append(arrow).append(" \"")
                        .append(Escape.mermaid(label)).append("\" ").append(edge.kind() == Kind.CATCH ? ".->" : "-->")
                        .append(' ');
            }
            out.append(id(edge.to())).append('\n');
        }
        out.append("  classDef unreachable stroke-dasharray: 5 5,color:#888\n");
        out.append("  classDef missing stroke:#c00,stroke-dasharray: 3 3,color:#c00\n");
        out.append("  classDef failState fill:#fde2e2,stroke:#c33\n");
        out.append("  classDef succeedState fill:#e3f6e3,stroke:#393\n");
        return out.toString();
    }

    private void scope(Scope scope, String indent) {
        String start = FlowGraph.startOf(scope.id());
        out.append(indent).append(id(start)).append("([\"Start\"])\n");
        for (String nodeId : scope.nodes()) {
            Node node = graph.node(nodeId).orElseThrow();
            List<Scope> inner = graph.scopesOf(nodeId);
            String text = "<b>" + Escape.mermaid(node.name()) + "</b><br/>" + String.join("<br/>",
                    lines(node).stream().map(Escape::mermaid).toList());
            if (inner.isEmpty()) {
                out.append(indent).append(id(nodeId)).append("[\"").append(text).append("\"]\n");
            } else {
                out.append(indent).append("subgraph ").append(id(nodeId)).append("[\"").append(text).append("\"]\n");
                out.append(indent).append("  direction TB\n");
                for (Scope child : inner) {
                    if (child.branch() >= 0) {
                        String branchId = id(child.id());
                        out.append(indent).append("  subgraph ").append(branchId).append("[\"Branch ")
                                .append(child.branch() + 1).append("\"]\n");
                        out.append(indent).append("    direction TB\n");
                        scope(child, indent + "    ");
                        out.append(indent).append("  end\n");
                    } else {
                        scope(child, indent + "  ");
                    }
                }
                out.append(indent).append("end\n");
            }
            String type = node.type();
            if (!node.reachable()) {
                out.append(indent).append("class ").append(id(nodeId)).append(" unreachable\n");
            } else if (type.equals("Fail") || type.equals("Succeed")) {
                out.append(indent).append("class ").append(id(nodeId)).append(type.equals("Fail") ? " failState\n" : " succeedState\n");
            }
        }
        boolean ends = false;
        for (Edge edge : graph.edges()) {
            if (!scope.nodes().contains(edge.from()) && !edge.from().equals(start)) {
                continue;
            }
            if (edge.kind() == Kind.END) {
                ends = true;
            } else if (!edge.exists() && edge.kind() != Kind.RETRY && !hasId(edge.to())) {
                out.append(indent).append(id(edge.to())).append("[\"").append(Escape.mermaid(edge.to()))
                        .append("<br/>missing\"]\n");
                out.append(indent).append("class ").append(id(edge.to())).append(" missing\n");
            }
        }
        if (ends) {
            out.append(indent).append(id(FlowGraph.endOf(scope.id()))).append("([\"End\"])\n");
        }
    }
}
