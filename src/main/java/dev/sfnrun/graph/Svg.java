package dev.sfnrun.graph;

import dev.sfnrun.graph.GraphLayout.Label;
import dev.sfnrun.graph.GraphLayout.Route;
import dev.sfnrun.graph.GraphLayout.Shape;
import dev.sfnrun.graph.GraphLayout.ShapeKind;
import dev.sfnrun.graph.Marks.NodeMark;
import java.util.List;
import java.util.Locale;

/**
 * Draws a {@link GraphLayout} as SVG, with its style inside, so the file stands alone. Each state
 * is a {@code <g class="node ..." data-id="...">}, each edge a {@code <g class="edge ..."
 * data-edge="from|KIND|index">}, so the HTML report's script and CSS can find and colour them.
 */
public final class Svg {
    /** The picture's CSS (also used by the HTML pages around it). */
    public static final String STYLE = """
            .sfn-graph { font-family: "DejaVu Sans", Arial, Helvetica, sans-serif; font-size: 12px; }
            .sfn-graph .node rect { fill: #eef3fb; stroke: #5b6f94; stroke-width: 1.2; }
            .sfn-graph .node text { fill: #1d2635; }
            .sfn-graph .node text.sub { fill: #56607a; font-size: 11px; }
            .sfn-graph .node.type-Choice rect { fill: #fff6e0; stroke: #b38a2e; }
            .sfn-graph .node.type-Wait rect { fill: #f1ecfb; stroke: #7b62b3; }
            .sfn-graph .node.type-Pass rect { fill: #f3f4f6; stroke: #7a8290; }
            .sfn-graph .node.type-Fail rect { fill: #fde8e8; stroke: #c0392b; }
            .sfn-graph .node.type-Succeed rect { fill: #e6f6e6; stroke: #2e8b3d; }
            .sfn-graph .node.pseudo rect { fill: #d9dde5; stroke: #8a93a6; }
            .sfn-graph .node.cluster > rect { fill: #f8f9fc; stroke: #6b7fa8; stroke-dasharray: 6 3; }
            .sfn-graph .node.branch > rect { fill: #ffffff; stroke: #a8b3c8; stroke-dasharray: 2 3; }
            .sfn-graph .node.unreachable rect, .sfn-graph .node.missing rect { stroke-dasharray: 4 3; opacity: .6; }
            .sfn-graph .node.missing rect { stroke: #cc0000; fill: #fff; }
            .sfn-graph .node.invalid rect { stroke: #cc0000; stroke-width: 2.5; }
            .sfn-graph .edge path { fill: none; stroke: #7b8497; stroke-width: 1.2; marker-end: url(#sfn-arrow); }
            .sfn-graph .edge.kind-CATCH path { stroke: #c0392b; stroke-dasharray: 5 3; }
            .sfn-graph .edge .label rect { fill: #ffffff; stroke: #d5d9e2; }
            .sfn-graph .edge .label text { fill: #3b4457; font-size: 11px; }
            .sfn-graph g.node g.badge rect { fill: #2563eb; stroke: none; opacity: 1; }
            .sfn-graph g.node g.badge text { fill: #fff; font-size: 10px; font-weight: bold; }
            .sfn-graph g.node.invalid g.badge rect, .sfn-graph g.node.failed g.badge rect { fill: #dc2626; }
            """;

    private final StringBuilder out = new StringBuilder();

    private Svg() {
    }

    /** The whole {@code <svg>} element. */
    public static String of(GraphLayout layout, Marks marks) {
        return new Svg().render(layout, marks);
    }

    private static String n(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    private String render(GraphLayout layout, Marks marks) {
        out.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"sfn-graph\" width=\"").append(n(layout.width()))
                .append("\" height=\"").append(n(layout.height())).append("\" viewBox=\"0 0 ")
                .append(n(layout.width())).append(' ').append(n(layout.height())).append("\">\n");
        out.append("<style>").append(STYLE).append("</style>\n");
        out.append("<defs><marker id=\"sfn-arrow\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"7\""
                + " markerHeight=\"7\" orient=\"auto-start-reverse\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"#6b7488\"/>"
                + "</marker></defs>\n");
        List<Shape> shapes = layout.shapes();
        for (Shape shape : shapes) {
            if (shape.kind() == ShapeKind.CLUSTER || shape.kind() == ShapeKind.BRANCH) {
                shape(shape, marks.node(shape.id()));
            }
        }
        for (Route route : layout.routes()) {
            route(route, marks.edges().get(route.key()));
        }
        for (Shape shape : shapes) {
            if (shape.kind() != ShapeKind.CLUSTER && shape.kind() != ShapeKind.BRANCH) {
                shape(shape, marks.node(shape.id()));
            }
        }
        out.append("</svg>\n");
        return out.toString();
    }

    private void shape(Shape shape, NodeMark mark) {
        String kind = switch (shape.kind()) {
            case START, END -> "pseudo";
            case CLUSTER -> "cluster";
            case BRANCH -> "branch";
            case MISSING -> "missing";
            case STATE -> "state";
        };
        String type = shape.lines().isEmpty() ? "" : shape.lines().get(0);
        boolean state = shape.kind() == ShapeKind.STATE || shape.kind() == ShapeKind.CLUSTER;
        out.append("<g class=\"node ").append(kind);
        if (state) {
            out.append(" type-").append(Escape.xml(type));
            if (shape.lines().contains("unreachable")) {
                out.append(" unreachable");
            }
        }
        if (mark != null && mark.classes() != null && !mark.classes().isEmpty()) {
            out.append(' ').append(Escape.xml(mark.classes()));
        }
        out.append("\" data-id=\"").append(Escape.xml(shape.id())).append("\"");
        if (state) {
            out.append(" data-state=\"").append(Escape.xml(shape.title())).append("\"");
        }
        out.append(">");
        StringBuilder tip = new StringBuilder(shape.title());
        shape.lines().forEach(line -> tip.append('\n').append(line));
        if (mark != null && mark.notes() != null) {
            mark.notes().forEach(note -> tip.append('\n').append(note));
        }
        out.append("<title>").append(Escape.xml(tip.toString())).append("</title>");
        double rx = shape.kind() == ShapeKind.START || shape.kind() == ShapeKind.END ? shape.h() / 2 : 6;
        out.append("<rect x=\"").append(n(shape.x())).append("\" y=\"").append(n(shape.y())).append("\" width=\"")
                .append(n(shape.w())).append("\" height=\"").append(n(shape.h())).append("\" rx=\"").append(n(rx))
                .append("\"/>");
        boolean box = shape.kind() == ShapeKind.CLUSTER || shape.kind() == ShapeKind.BRANCH;
        double textX = box ? shape.x() + 10 : shape.x() + shape.w() / 2;
        String anchor = box ? "start" : "middle";
        double y = shape.y() + (shape.kind() == ShapeKind.START || shape.kind() == ShapeKind.END ? 17 : 18);
        out.append("<text x=\"").append(n(textX)).append("\" y=\"").append(n(y)).append("\" text-anchor=\"")
                .append(anchor).append("\" font-weight=\"bold\">").append(Escape.xml(shape.title())).append("</text>");
        for (String line : shape.lines()) {
            y += TextSize.LINE;
            out.append("<text class=\"sub\" x=\"").append(n(textX)).append("\" y=\"").append(n(y))
                    .append("\" text-anchor=\"").append(anchor).append("\">").append(Escape.xml(line)).append("</text>");
        }
        if (mark != null && mark.badge() != null) {
            double w = TextSize.width(mark.badge()) * 0.85 + 10;
            double bx = shape.x() + shape.w() - w + 4;
            double by = shape.y() - 8;
            out.append("<g class=\"badge\"><rect x=\"").append(n(bx)).append("\" y=\"").append(n(by))
                    .append("\" width=\"").append(n(w)).append("\" height=\"16\" rx=\"8\"/><text x=\"")
                    .append(n(bx + w / 2)).append("\" y=\"").append(n(by + 12)).append("\" text-anchor=\"middle\">")
                    .append(Escape.xml(mark.badge())).append("</text></g>");
        }
        out.append("</g>\n");
    }

    private void route(Route route, String classes) {
        out.append("<g class=\"edge kind-").append(route.edge().kind());
        if (classes != null && !classes.isEmpty()) {
            out.append(' ').append(Escape.xml(classes));
        }
        out.append("\" data-edge=\"").append(Escape.xml(route.key())).append("\"><title>")
                .append(Escape.xml(route.edge().describe())).append("</title><path d=\"");
        List<double[]> points = route.points();
        for (int i = 0; i < points.size(); i++) {
            out.append(i == 0 ? "M" : " L").append(n(points.get(i)[0])).append(',').append(n(points.get(i)[1]));
        }
        out.append("\"/>");
        if (route.label().isPresent()) {
            Label label = route.label().get();
            out.append("<g class=\"label\"><rect x=\"").append(n(label.x())).append("\" y=\"").append(n(label.y()))
                    .append("\" width=\"").append(n(label.w())).append("\" height=\"").append(n(label.h()))
                    .append("\" rx=\"3\"/>");
            double y = label.y() + 14;
            for (String line : label.lines()) {
                out.append("<text x=\"").append(n(label.x() + label.w() / 2)).append("\" y=\"").append(n(y))
                        .append("\" text-anchor=\"middle\">").append(Escape.xml(line)).append("</text>");
                y += TextSize.LINE;
            }
            out.append("</g>");
        }
        out.append("</g>\n");
    }
}
