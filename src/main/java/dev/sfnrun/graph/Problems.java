package dev.sfnrun.graph;

import dev.sfnrun.definition.graph.FlowGraph;
import dev.sfnrun.definition.validate.Diagnostic;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Validation diagnostics placed on the states they concern, for drawing a definition that does not validate. */
public final class Problems {
    /** The key of the problems that concern no single state. */
    public static final String MACHINE = "";

    private Problems() {
    }

    /**
     * Each diagnostic as "error CODE: message" under the id of the innermost state whose JSON holds
     * the place it points at; the others under {@link #MACHINE}.
     */
    public static Map<String, List<String>> byState(FlowGraph graph, List<Diagnostic> diagnostics) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (Diagnostic diagnostic : diagnostics) {
            String best = MACHINE;
            int length = -1;
            for (FlowGraph.Node node : graph.nodes()) {
                String at = node.pointer();
                boolean inside = diagnostic.pointer().equals(at) || diagnostic.pointer().startsWith(at + "/");
                if (inside && at.length() > length) {
                    best = node.id();
                    length = at.length();
                }
            }
            out.computeIfAbsent(best, k -> new ArrayList<>()).add(text(diagnostic));
        }
        return out;
    }

    static String text(Diagnostic diagnostic) {
        return diagnostic.severity().name().toLowerCase() + " " + diagnostic.code() + ": " + diagnostic.message();
    }

    /** The problems as {@link Marks}: the states marked "invalid" with the problems as notes. */
    public static Marks marks(Map<String, List<String>> problems) {
        Map<String, Marks.NodeMark> nodes = new LinkedHashMap<>();
        problems.forEach((id, notes) -> {
            if (!id.equals(MACHINE)) {
                boolean error = notes.stream().anyMatch(n -> n.startsWith("error"));
                nodes.put(id, new Marks.NodeMark(error ? "invalid" : "warned", "⚠ " + notes.size(), notes));
            }
        });
        return new Marks(nodes, Map.of());
    }

    /** A note shortened to one line of at most 72 characters. */
    static String clip(String note) {
        String line = note.replaceAll("\\s+", " ");
        return line.length() <= 72 ? line : line.substring(0, 71) + "…";
    }
}
