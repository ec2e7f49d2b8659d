package dev.sfnrun.suite;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sfnrun.definition.graph.FlowGraph;
import dev.sfnrun.io.Neutral;
import dev.sfnrun.query.Json;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** Coverage as a text table (uncovered items named), as JSON, and checked against floors. */
public final class CoverageReport {
    private CoverageReport() {
    }

    /** The table: one row per machine, then the states not entered and transitions not taken. */
    public static void print(PrintWriter out, Coverage coverage) {
        List<Coverage.Machine> machines = coverage.machines();
        int width = "Coverage".length();
        for (Coverage.Machine m : machines) {
            width = Math.max(width, Neutral.text(m.machine().shownName()).length());
        }
        out.println(pad("Coverage", width) + "  " + pad("states", 18) + "transitions");
        for (Coverage.Machine m : machines) {
            out.println(pad(Neutral.text(m.machine().shownName()), width) + "  "
                    + pad(fraction(m.statesCovered(), m.states().size()), 18)
                    + fraction(m.transitionsCovered(), m.transitions().size()));
            List<String> states = uncoveredStates(m);
            List<String> transitions = uncoveredTransitions(m);
            if (!states.isEmpty()) {
                out.println("  states not entered:     " + Neutral.text(String.join("; ", states)));
            }
            if (!transitions.isEmpty()) {
                out.println("  transitions not taken:  " + Neutral.text(String.join("; ", transitions)));
            }
        }
        out.flush();
    }

    static String fraction(int covered, int total) {
        return covered + "/" + total + " " + String.format("%.1f%%", Coverage.percent(covered, total));
    }

    private static String pad(String text, int width) {
        return text.length() >= width ? text : text + " ".repeat(width - text.length());
    }

    public static List<String> uncoveredStates(Coverage.Machine m) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < m.states().size(); i++) {
            if (m.stateCount(i) == 0) {
                out.add(m.states().get(i).id());
            }
        }
        return out;
    }

    public static List<String> uncoveredTransitions(Coverage.Machine m) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < m.transitions().size(); i++) {
            if (m.transitionCount(i) == 0) {
                out.add(m.transitions().get(i).describe());
            }
        }
        return out;
    }

    /** {"machines": [{definition, states: {covered, total, percent, items: [...]}, transitions: {...}}]}. */
    public static ObjectNode json(Coverage coverage) {
        ObjectNode root = Json.object();
        ArrayNode machines = root.putArray("machines");
        for (Coverage.Machine m : coverage.machines()) {
            ObjectNode machine = machines.addObject();
            machine.put("definition", m.machine().shownName());
            ObjectNode states = machine.putObject("states");
            states.put("covered", m.statesCovered());
            states.put("total", m.states().size());
            states.put("percent", Coverage.percent(m.statesCovered(), m.states().size()));
            ArrayNode stateItems = states.putArray("items");
            for (int i = 0; i < m.states().size(); i++) {
                FlowGraph.Node node = m.states().get(i);
                ObjectNode item = stateItems.addObject();
                item.put("id", node.id());
                item.put("type", node.type());
                item.put("entered", m.stateCount(i));
                item.put("covered", m.stateCount(i) > 0);
            }
            ObjectNode transitions = machine.putObject("transitions");
            transitions.put("covered", m.transitionsCovered());
            transitions.put("total", m.transitions().size());
            transitions.put("percent", Coverage.percent(m.transitionsCovered(), m.transitions().size()));
            ArrayNode edgeItems = transitions.putArray("items");
            for (int i = 0; i < m.transitions().size(); i++) {
                FlowGraph.Edge edge = m.transitions().get(i);
                ObjectNode item = edgeItems.addObject();
                item.put("from", edge.from());
                item.put("to", FlowGraph.isPseudo(edge.to()) ? null : edge.to());
                item.put("kind", edge.kind().name());
                if (edge.index() >= 0) {
                    item.put("index", edge.index());
                }
                if (!edge.label().isEmpty()) {
                    item.put("label", edge.label());
                }
                item.put("description", edge.describe());
                item.put("taken", m.transitionCount(i));
                item.put("covered", m.transitionCount(i) > 0);
            }
        }
        return root;
    }

    /**
     * The floors a run must reach: {@code states=100,transitions=90}, or one number for both.
     *
     * @throws IllegalArgumentException with a readable message for text that is neither
     */
    public record Floors(double states, double transitions) {
        public static Floors parse(String text) {
            double states = 0;
            double transitions = 0;
            String spec = text.trim();
            if (!spec.contains("=")) {
                double both = percent(spec, text);
                return new Floors(both, both);
            }
            for (String part : spec.split(",")) {
                String[] pair = part.split("=", 2);
                String key = pair[0].trim();
                if (pair.length != 2) {
                    throw new IllegalArgumentException(usage(text));
                }
                double value = percent(pair[1].trim(), text);
                switch (key) {
                    case "states" -> states = value;
                    case "transitions" -> transitions = value;
                    default -> throw new IllegalArgumentException(usage(text));
                }
            }
            return new Floors(states, transitions);
        }

        private static double percent(String value, String text) {
            try {
                double d = Double.parseDouble(value.endsWith("%") ? value.substring(0, value.length() - 1) : value);
                if (!(d >= 0 && d <= 100)) {
                    throw new NumberFormatException();
                }
                return d;
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(usage(text));
            }
        }

        private static String usage(String text) {
            return "--min-coverage '" + text + "': expected states=PERCENT,transitions=PERCENT (for example "
                    + "states=100,transitions=90) or one PERCENT for both, each from 0 to 100";
        }

        /** One line per machine and measure below its floor, naming what is missing; empty when all reach them. */
        public List<String> shortfalls(Coverage coverage) {
            List<String> out = new ArrayList<>();
            for (Coverage.Machine m : coverage.machines()) {
                if (below(m.statesCovered(), m.states().size(), states)) {
                    out.add(m.machine().shownName() + ": states " + fraction(m.statesCovered(), m.states().size())
                            + " is below " + format(states) + "%; not entered: " + String.join("; ", uncoveredStates(m)));
                }
                if (below(m.transitionsCovered(), m.transitions().size(), transitions)) {
                    out.add(m.machine().shownName() + ": transitions " + fraction(m.transitionsCovered(),
                            m.transitions().size()) + " is below " + format(transitions) + "%; not taken: "
                            + String.join("; ", uncoveredTransitions(m)));
                }
            }
            return out;
        }

        /**
         * Whether {@code covered} of {@code total} is below {@code floor} percent: the real ratio, not the
         * percentage shown (cut to one decimal: 2 of 3 shows 66.6% and reaches a floor of 66.65).
         */
        static boolean below(int covered, int total, double floor) {
            return total != 0 && covered * 100.0 / total < floor;
        }

        private static String format(double d) {
            return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
        }
    }
}
