package dev.sfnrun.cli;

import dev.sfnrun.history.EventType;
import dev.sfnrun.history.ExecutionListener;
import dev.sfnrun.history.HistoryEvent;
import dev.sfnrun.history.Payload;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.fusesource.jansi.Ansi;

/**
 * Prints the history as it happens, one line per event: id, time since the start, type, state
 * name and the key detail; coloured by kind when colour is on. {@code --verbose} adds each
 * event's payloads in full.
 */
final class HistoryPrinter implements ExecutionListener {
    private static final int EXCERPT = 60;

    private final PrintWriter out;
    private final boolean colour;
    private final boolean verbose;
    private final Map<Long, String> stateOfEvent = new HashMap<>();
    private Instant start;

    HistoryPrinter(PrintWriter out, boolean colour, boolean verbose) {
        this.out = out;
        this.colour = colour;
        this.verbose = verbose;
    }

    @Override
    public synchronized void onEvent(HistoryEvent event) {
        if (start == null) {
            start = event.timestamp();
        }
        String state = event.stringDetail("name");
        if (state == null || event.type().name().startsWith("MapIteration")) {
            state = state != null ? state : stateOfEvent.getOrDefault(event.previousEventId(), "");
        }
        if (!event.type().isStateExited() && event.type() != EventType.ExecutionStarted) {
            stateOfEvent.put(event.id(), state);
        }
        String line = String.format("%4d  %9s  %-26s %-24s %s", event.id(), elapsed(event.timestamp()),
                event.type().name(), state, detail(event));
        out.println(paint(event.type(), line.stripTrailing()));
        if (verbose) {
            event.details().forEach((key, value) -> {
                if (value instanceof Payload payload) {
                    out.println("        " + key + ": " + payload.text());
                } else if (key.equals("assignedVariables") && value instanceof Map<?, ?> vars) {
                    vars.forEach((name, v) -> out.println("        $" + name + " = " + ((Payload) v).text()));
                }
            });
        }
        out.flush();
    }

    private String elapsed(Instant at) {
        Duration d = Duration.between(start, at);
        return String.format("+%d.%03ds", d.getSeconds(), d.toMillisPart());
    }

    private static String detail(HistoryEvent event) {
        String error = event.stringDetail("error");
        if (error != null) {
            String cause = event.stringDetail("cause");
            return error + (cause == null ? "" : ": " + excerpt(cause));
        }
        for (String key : new String[] {"output", "input"}) {
            if (event.detail(key) instanceof Payload payload && event.type() != EventType.ExecutionStarted) {
                return excerpt(payload.text());
            }
        }
        Object index = event.detail("index");
        if (index != null) {
            return "index " + index;
        }
        Object length = event.detail("length");
        return length == null ? "" : length + " items";
    }

    private static String excerpt(String text) {
        String flat = text.replace('\n', ' ');
        return flat.length() <= EXCERPT ? flat : flat.substring(0, EXCERPT - 1) + "…";
    }

    private String paint(EventType type, String line) {
        if (!colour) {
            return line;
        }
        String name = type.name();
        Ansi.Color color;
        if (name.endsWith("Failed") || name.endsWith("TimedOut") || name.endsWith("Aborted") || name.equals("FailStateEntered")) {
            color = Ansi.Color.RED;
        } else if (name.endsWith("Succeeded")) {
            color = Ansi.Color.GREEN;
        } else if (name.startsWith("Wait") || name.endsWith("Scheduled")) {
            color = Ansi.Color.YELLOW;
        } else if (type.isStateEntered() || type.isStateExited()) {
            color = Ansi.Color.CYAN;
        } else {
            color = Ansi.Color.DEFAULT;
        }
        return Ansi.ansi().fg(color).a(line).reset().toString();
    }
}
