package dev.sfnrun.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sfnrun.definition.graph.FlowGraph;
import dev.sfnrun.definition.graph.FlowGraphs;
import dev.sfnrun.graph.GraphLayout.Label;
import dev.sfnrun.graph.GraphLayout.Route;
import dev.sfnrun.graph.GraphLayout.Shape;
import dev.sfnrun.graph.GraphLayout.ShapeKind;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LayoutsTest {
    @Test
    void tutorialEveryStateAndEdgeIsPlaced() throws Exception {
        FlowGraph graph = FlowGraphs.of(Machines.tutorial());
        GraphLayout layout = Layouts.of(graph);
        for (FlowGraph.Node node : graph.nodes()) {
            Shape shape = layout.shape(node.id()).orElseThrow();
            assertTrue(shape.w() > 0 && shape.h() > 0, node.id());
        }
        long drawn = graph.edges().stream().filter(e -> e.kind() != FlowGraph.Kind.RETRY).count();
        assertEquals(drawn, layout.routes().size());
        Shape call = layout.shape("Call API").orElseThrow();
        assertEquals(List.of("Task", "retry TooManyRequestsException ×2, 1s, backoff 2.0"), call.lines());
        checkClean(layout);
    }

    @Test
    void largeNestedMachineStaysReadable() {
        JsonNode definition = Machines.large(200, 4);
        assertTrue(Machines.count(definition) >= 195, "states: " + Machines.count(definition));
        assertEquals(4, Machines.depth(definition));
        FlowGraph graph = FlowGraphs.of(definition);
        GraphLayout layout = Layouts.of(graph);
        assertEquals(graph.nodes().size(), layout.shapes().stream()
                .filter(s -> s.kind() == ShapeKind.STATE || s.kind() == ShapeKind.CLUSTER).count());
        checkClean(layout);
    }

    /** Edges do not pass through boxes other than their own ends and the boxes around them; labels overlap nothing. */
    static void checkClean(GraphLayout layout) {
        List<String> problems = new ArrayList<>();
        List<Shape> shapes = layout.shapes();
        for (Route route : layout.routes()) {
            Shape from = endShape(shapes, route.points().get(0), route.edge().from());
            Shape to = endShape(shapes, route.points().get(route.points().size() - 1), route.edge().to());
            for (Shape shape : shapes) {
                if (shape == from || shape == to || encloses(shape, from) || encloses(shape, to)) {
                    continue;
                }
                for (int i = 0; i + 1 < route.points().size(); i++) {
                    if (crosses(shape, route.points().get(i), route.points().get(i + 1))) {
                        problems.add(route.edge().describe() + " crosses " + shape.id());
                        break;
                    }
                }
            }
            if (route.label().isPresent()) {
                Label label = route.label().get();
                for (Shape shape : shapes) {
                    boolean box = shape.kind() == ShapeKind.CLUSTER || shape.kind() == ShapeKind.BRANCH;
                    if (!box && overlaps(label.x(), label.y(), label.w(), label.h(), shape.x(), shape.y(), shape.w(), shape.h())) {
                        problems.add("label of " + route.edge().describe() + " overlaps " + shape.id());
                    }
                }
                for (Route other : layout.routes()) {
                    if (other != route && other.label().isPresent()) {
                        Label o = other.label().get();
                        if (overlaps(label.x(), label.y(), label.w(), label.h(), o.x(), o.y(), o.w(), o.h())) {
                            problems.add("label of " + route.edge().describe() + " overlaps that of " + other.edge().describe());
                        }
                    }
                }
            }
        }
        assertTrue(problems.isEmpty(), problems.size() + " problems: " + String.join("\n", problems.subList(0, Math.min(20, problems.size()))));
    }

    private static Shape endShape(List<Shape> shapes, double[] point, String id) {
        return shapes.stream().filter(s -> s.id().equals(id)).reduce((a, b) -> b).orElseThrow(() -> new AssertionError("no shape " + id));
    }

    private static boolean encloses(Shape outer, Shape inner) {
        return outer != inner && inner.x() >= outer.x() && inner.y() >= outer.y()
                && inner.x() + inner.w() <= outer.x() + outer.w() && inner.y() + inner.h() <= outer.y() + outer.h();
    }

    /** Whether the axis-parallel (or any) segment a→b enters the shape's interior (1px inside its border). */
    private static boolean crosses(Shape s, double[] a, double[] b) {
        double minX = Math.min(a[0], b[0]), maxX = Math.max(a[0], b[0]);
        double minY = Math.min(a[1], b[1]), maxY = Math.max(a[1], b[1]);
        return maxX > s.x() + 1 && minX < s.x() + s.w() - 1 && maxY > s.y() + 1 && minY < s.y() + s.h() - 1;
    }

    static boolean overlaps(double x1, double y1, double w1, double h1, double x2, double y2, double w2, double h2) {
        return x1 < x2 + w2 - 0.5 && x2 < x1 + w1 - 0.5 && y1 < y2 + h2 - 0.5 && y2 < y1 + h1 - 0.5;
    }
}
