package dev.sfnrun.graph;

import dev.sfnrun.definition.graph.FlowGraph;
import dev.sfnrun.definition.graph.FlowGraph.Edge;
import dev.sfnrun.definition.graph.FlowGraph.Kind;
import dev.sfnrun.definition.graph.FlowGraph.Node;
import dev.sfnrun.definition.graph.FlowGraph.Scope;
import dev.sfnrun.graph.GraphLayout.Label;
import dev.sfnrun.graph.GraphLayout.Route;
import dev.sfnrun.graph.GraphLayout.Shape;
import dev.sfnrun.graph.GraphLayout.ShapeKind;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.elk.alg.layered.options.LayeredMetaDataProvider;
import org.eclipse.elk.alg.layered.options.LayeredOptions;
import org.eclipse.elk.core.RecursiveGraphLayoutEngine;
import org.eclipse.elk.core.data.LayoutMetaDataService;
import org.eclipse.elk.core.math.ElkPadding;
import org.eclipse.elk.core.math.KVector;
import org.eclipse.elk.core.options.CoreOptions;
import org.eclipse.elk.core.options.Direction;
import org.eclipse.elk.core.options.EdgeLabelPlacement;
import org.eclipse.elk.core.options.EdgeRouting;
import org.eclipse.elk.core.options.SizeConstraint;
import org.eclipse.elk.core.util.BasicProgressMonitor;
import org.eclipse.elk.graph.ElkBendPoint;
import org.eclipse.elk.graph.ElkEdge;
import org.eclipse.elk.graph.ElkEdgeSection;
import org.eclipse.elk.graph.ElkLabel;
import org.eclipse.elk.graph.ElkNode;
import org.eclipse.elk.graph.util.ElkGraphUtil;

/**
 * Lays a {@link FlowGraph} out with the Eclipse Layout Kernel's layered algorithm: each scope (the
 * machine, a Map's item processor, a Parallel's branch) is a graph of its own inside the box of
 * the state that holds it, laid out top to bottom with orthogonal edges and the edge labels given
 * room of their own. Only sizes are computed here; every position comes from ELK.
 */
public final class Layouts {
    private static final double PAD = 12;
    private static final double HEADER = 2 * TextSize.LINE + 10;

    static {
        LayoutMetaDataService.getInstance().registerLayoutMetaDataProviders(new LayeredMetaDataProvider());
    }

    private final FlowGraph graph;
    private final Map<String, Node> nodes;
    private final Map<ElkNode, Shape> pending = new LinkedHashMap<>();
    private final Map<ElkEdge, Edge> edges = new LinkedHashMap<>();
    private final Map<ElkEdge, List<String>> labels = new HashMap<>();

    private final Map<String, List<String>> notes;

    private Layouts(FlowGraph graph, Map<String, List<String>> notes) {
        this.graph = graph;
        this.nodes = graph.byId();
        this.notes = notes;
    }

    /** The layout of a graph. */
    public static GraphLayout of(FlowGraph graph) {
        return of(graph, Map.of());
    }

    /** The layout of a graph whose states show {@code notes} (validation problems, by state id) as lines. */
    public static GraphLayout of(FlowGraph graph, Map<String, List<String>> notes) {
        return new Layouts(graph, notes).layout();
    }

    private GraphLayout layout() {
        ElkNode root = ElkGraphUtil.createGraph();
        configure(root, 20);
        graph.scope("").ifPresent(scope -> scope(scope, root));
        new RecursiveGraphLayoutEngine().layout(root, new BasicProgressMonitor());
        List<Shape> shapes = new ArrayList<>();
        List<Route> routes = new ArrayList<>();
        collect(root, 0, 0, shapes, routes);
        return new GraphLayout(root.getWidth(), root.getHeight(), List.copyOf(shapes), List.copyOf(routes));
    }

    private static void configure(ElkNode parent, double padding) {
        parent.setProperty(CoreOptions.ALGORITHM, LayeredOptions.ALGORITHM_ID);
        parent.setProperty(CoreOptions.DIRECTION, Direction.DOWN);
        parent.setProperty(CoreOptions.EDGE_ROUTING, EdgeRouting.ORTHOGONAL);
        parent.setProperty(LayeredOptions.SPACING_NODE_NODE, 28.0);
        parent.setProperty(LayeredOptions.SPACING_NODE_NODE_BETWEEN_LAYERS, 36.0);
        parent.setProperty(LayeredOptions.SPACING_EDGE_NODE, 14.0);
        parent.setProperty(LayeredOptions.SPACING_EDGE_EDGE, 10.0);
        parent.setProperty(LayeredOptions.SPACING_EDGE_LABEL, 4.0);
        parent.setProperty(LayeredOptions.SPACING_EDGE_NODE_BETWEEN_LAYERS, 14.0);
        parent.setProperty(CoreOptions.PADDING, new ElkPadding(padding));
    }

    /** Adds the states of {@code scope} (and its start and end marks) to {@code parent}. */
    private void scope(Scope scope, ElkNode parent) {
        Map<String, ElkNode> here = new HashMap<>();
        String start = FlowGraph.startOf(scope.id());
        here.put(start, leaf(parent, start, ShapeKind.START, "Start", List.of()));
        for (String id : scope.nodes()) {
            Node node = nodes.get(id);
            List<Scope> inner = graph.scopesOf(id);
            List<String> lines = new ArrayList<>(lines(node));
            notes.getOrDefault(id, List.of()).forEach(note -> lines.add("⚠ " + Problems.clip(note)));
            if (inner.isEmpty()) {
                here.put(id, leaf(parent, id, ShapeKind.STATE, node.name(), lines));
                continue;
            }
            ElkNode box = compound(parent, id, ShapeKind.CLUSTER, node.name(), lines);
            here.put(id, box);
            if (node.type().equals("Parallel")) {
                for (Scope branch : inner) {
                    ElkNode branchBox = compound(box, branch.id(), ShapeKind.BRANCH, "Branch " + (branch.branch() + 1),
                            List.of());
                    scope(branch, branchBox);
                }
            } else {
                inner.forEach(processor -> scope(processor, box));
            }
        }
        for (Edge edge : graph.edges()) {
            if (edge.kind() == Kind.RETRY || !here.containsKey(edge.from())) {
                continue;
            }
            ElkNode target = here.get(edge.to());
            if (target == null) {
                target = edge.kind() == Kind.END ? leaf(parent, edge.to(), ShapeKind.END, "End", List.of())
                        : leaf(parent, edge.to(), ShapeKind.MISSING, FlowGraph.displayName(edge.to()),
                                List.of("missing"));
                here.put(edge.to(), target);
            }
            ElkEdge elkEdge = ElkGraphUtil.createSimpleEdge(here.get(edge.from()), target);
            edges.put(elkEdge, edge);
            if (!edge.label().isEmpty()) {
                List<String> text = TextSize.wrap(edge.kind() == Kind.CATCH ? "catch " + edge.label() : edge.label());
                ElkLabel label = ElkGraphUtil.createLabel(String.join("\n", text), elkEdge);
                label.setDimensions(TextSize.widest(text) + 8, text.size() * TextSize.LINE + 4);
                label.setProperty(CoreOptions.EDGE_LABELS_PLACEMENT, EdgeLabelPlacement.CENTER);
                labels.put(elkEdge, text);
            }
        }
    }

    /** The lines under a state's name: its type, Retry clauses, and whether it is unreachable. */
    static List<String> lines(Node node) {
        List<String> lines = new ArrayList<>();
        lines.add(node.type());
        node.retries().forEach(retry -> lines.add(retry.label()));
        if (!node.reachable()) {
            lines.add("unreachable");
        }
        return lines;
    }

    private ElkNode leaf(ElkNode parent, String id, ShapeKind kind, String title, List<String> lines) {
        ElkNode node = ElkGraphUtil.createNode(parent);
        List<String> all = new ArrayList<>(lines);
        all.add(0, title);
        double w = kind == ShapeKind.START || kind == ShapeKind.END ? 56 : Math.max(90, TextSize.widest(all) + 2 * PAD);
        double h = kind == ShapeKind.START || kind == ShapeKind.END ? 26 : all.size() * TextSize.LINE + 14;
        node.setDimensions(w, h);
        pending.put(node, new Shape(id, kind, title, List.copyOf(lines), 0, 0, w, h));
        return node;
    }

    private ElkNode compound(ElkNode parent, String id, ShapeKind kind, String title, List<String> lines) {
        ElkNode node = ElkGraphUtil.createNode(parent);
        configure(node, PAD);
        List<String> all = new ArrayList<>(lines);
        all.add(0, title);
        double header = kind == ShapeKind.BRANCH ? TextSize.LINE + 8 : Math.max(HEADER, all.size() * TextSize.LINE + 10);
        node.setProperty(CoreOptions.PADDING, new ElkPadding(header + PAD, PAD, PAD, PAD));
        node.setProperty(CoreOptions.NODE_SIZE_CONSTRAINTS, EnumSet.of(SizeConstraint.MINIMUM_SIZE));
        node.setProperty(CoreOptions.NODE_SIZE_MINIMUM, new KVector(TextSize.widest(all) + 2 * PAD, header + 40));
        pending.put(node, new Shape(id, kind, title, List.copyOf(lines), 0, 0, 0, 0));
        return node;
    }

    /** Absolute shapes and routes of {@code parent}'s children, whose coordinates are relative to it. */
    private void collect(ElkNode parent, double ox, double oy, List<Shape> shapes, List<Route> routes) {
        for (ElkNode child : parent.getChildren()) {
            Shape shape = pending.get(child);
            double x = ox + child.getX();
            double y = oy + child.getY();
            shapes.add(new Shape(shape.id(), shape.kind(), shape.title(), shape.lines(), x, y, child.getWidth(),
                    child.getHeight()));
            collect(child, x, y, shapes, routes);
        }
        for (ElkEdge elkEdge : parent.getContainedEdges()) {
            Edge edge = edges.get(elkEdge);
            if (edge == null || elkEdge.getSections().isEmpty()) {
                continue;
            }
            ElkEdgeSection section = elkEdge.getSections().get(0);
            List<double[]> points = new ArrayList<>();
            points.add(new double[] {ox + section.getStartX(), oy + section.getStartY()});
            for (ElkBendPoint bend : section.getBendPoints()) {
                points.add(new double[] {ox + bend.getX(), oy + bend.getY()});
            }
            points.add(new double[] {ox + section.getEndX(), oy + section.getEndY()});
            Optional<Label> label = Optional.empty();
            if (!elkEdge.getLabels().isEmpty()) {
                ElkLabel l = elkEdge.getLabels().get(0);
                label = Optional.of(new Label(labels.get(elkEdge), ox + l.getX(), oy + l.getY(), l.getWidth(),
                        l.getHeight()));
            }
            routes.add(new Route(edge, List.copyOf(points), label));
        }
    }
}
