package dev.sfnrun.graph;

import dev.sfnrun.definition.graph.FlowGraph;
import java.util.List;
import java.util.Optional;

/**
 * Where each part of a {@link FlowGraph} is drawn: computed by {@link Layouts} (the Eclipse Layout
 * Kernel's layered algorithm), in absolute coordinates with the origin at the top left.
 *
 * @param width  the drawing's width
 * @param height the drawing's height
 * @param shapes states, start and end marks, missing targets, and the Map, Parallel and branch
 *               boxes that hold nested states; a box comes before what it holds
 * @param routes one per drawn edge (Retry clauses are shown on their state, not as edges)
 */
public record GraphLayout(double width, double height, List<Shape> shapes, List<Route> routes) {
    /** What a shape stands for. */
    public enum ShapeKind {
        /** a state without nested states */
        STATE,
        /** a Map or Parallel state: a box holding its processor's states or its branches */
        CLUSTER,
        /** one branch of a Parallel */
        BRANCH,
        /** a scope's start mark */
        START,
        /** a scope's end mark */
        END,
        /** a Next, Default or Catch target that does not exist (invalid definition) */
        MISSING
    }

    /**
     * A box.
     *
     * @param id    the {@link FlowGraph} id (a state's or pseudo-node's; a branch's scope id; a
     *              missing target's id)
     * @param kind  what it stands for
     * @param title its first line (the state's name, "Start", "End", "Branch 1")
     * @param lines further lines (the state's type, its Retry clauses, ...)
     * @param x     left
     * @param y     top
     * @param w     width
     * @param h     height
     */
    public record Shape(String id, ShapeKind kind, String title, List<String> lines, double x, double y, double w,
                        double h) {
        public boolean contains(double px, double py) {
            return px > x && px < x + w && py > y && py < y + h;
        }
    }

    /** An edge label's box and its lines of text. */
    public record Label(List<String> lines, double x, double y, double w, double h) {
    }

    /**
     * An edge as a polyline.
     *
     * @param edge   the edge of the model
     * @param points its bend points, from the source's border to the target's
     * @param label  its label box, if it has a label
     */
    public record Route(FlowGraph.Edge edge, List<double[]> points, Optional<Label> label) {
        /** "from|KIND|index": names the edge in pictures and reports. */
        public String key() {
            return key(edge);
        }

        public static String key(FlowGraph.Edge edge) {
            return edge.from() + "|" + edge.kind() + "|" + edge.index();
        }
    }

    public Optional<Shape> shape(String id) {
        return shapes.stream().filter(s -> s.id().equals(id)).findFirst();
    }
}
