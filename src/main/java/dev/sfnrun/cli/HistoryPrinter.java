package dev.sfnrun.cli;

import dev.sfnrun.history.EventType;
import dev.sfnrun.history.ExecutionListener;
import dev.sfnrun.history.HistoryEvent;
import dev.sfnrun.history.Payload;
import dev.sfnrun.io.Neutral;
import dev.sfnrun.query.CompactText;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.fusesource.jansi.Ansi;

/**
 * Prints the history as it happens, one line per event: id, time since the start, type, state
 * name and the key detail; coloured by kind when colour is on. {@code --verbose} adds each
 * event's payloads in full.
 */
final class HistoryPrinter implements ExecutionListener {
    private static final int EXCERPT = 60;
    /** The sentence AWS puts before a data error's cause; the line shows what follows it (the state is in its column). */
    private static final Pattern LOCATED = Pattern.compile(
            "^An error occurred while executing the state '.*?' \\(entered at the event id #\\d+\\)\\. ");

    private final PrintWriter out;
    private final boolean colour;
    private final boolean verbose;
    /** Each event's place, by event id (ids are dense from 1); equal places share one instance. */
    private Place[] places = new Place[1024];
    private final Map<Place, Place> shared = new HashMap<>();
    private final CompactText json = new CompactText();
    private Instant start;

    /**
     * Where an event stands: the state name printed for it, the name it passes on to events that
     * follow it without naming a state (a Task's resource events, ExecutionFailed), the Map or
     * Parallel state it is one of the life-cycle events of ({@code owner}: the id of that state's
     * Entered event, 0 for none), the Map or Parallel state it runs inside ({@code scope}), and
     * whether the events after it run inside its owner (ParallelStateStarted, MapIterationStarted).
     */
    private record Place(String name, String carry, long owner, long scope, boolean opens) {
        static final Place NONE = new Place("", "", 0, 0, false);
    }

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
        Place place = place(event, placeOf(event.previousEventId()));
        remember(event.id(), place);
        // as String.format("%4d  %9s  %-26s %-24s %s") would write it, without its cost on long histories
        StringBuilder b = new StringBuilder(128);
        pad(b, Long.toString(event.id()), 4, true).append("  ");
        pad(b, elapsed(event.timestamp()), 9, true).append("  ");
        pad(b, event.type().name(), 26, false).append(' ');
        pad(b, place.name(), 24, false).append(' ').append(detail(event));
        String line = b.toString();
        out.println(paint(event.type(), Neutral.text(line.stripTrailing())));
        if (verbose) {
            event.details().forEach((key, value) -> {
                if (value instanceof Payload payload) {
                    out.println("        " + key + ": " + Neutral.text(payload.text()));
                } else if ((key.equals("cause") || key.equals("parameters")) && value instanceof String text) {
                    out.println("        " + key + ": " + Neutral.text(text)); // the line shows only its start
                } else if (key.equals("assignedVariables") && value instanceof Map<?, ?> vars) {
                    vars.forEach((name, v) -> out.println("        $" + Neutral.text(String.valueOf(name)) + " = "
                            + Neutral.text(((Payload) v).text())));
                }
            });
            if (event.logs() != null) { // a handler's output during the call
                out.println("        logs:");
                event.logs().lines().forEach(logLine -> out.println("        | " + Neutral.lines(logLine)));
            }
        }
        // live, yet not one write per event: at once when the last flush is 50 ms old, else within 50 ms
        long now = System.nanoTime();
        if (now - lastFlush >= FLUSH_NANOS) {
            out.flush();
            lastFlush = now;
        } else if (!flushPending) {
            flushPending = true;
            FLUSHER.schedule(this::flushLater, FLUSH_NANOS, java.util.concurrent.TimeUnit.NANOSECONDS);
        }
    }

    private static final long FLUSH_NANOS = 50_000_000;
    /** One daemon thread flushes every printer's last lines. */
    private static final java.util.concurrent.ScheduledExecutorService FLUSHER =
            java.util.concurrent.Executors.newSingleThreadScheduledExecutor(task -> {
                Thread thread = new Thread(task, "sfn-run history flush");
                thread.setDaemon(true);
                return thread;
            });
    private long lastFlush = System.nanoTime() - FLUSH_NANOS;
    private boolean flushPending;

    private synchronized void flushLater() {
        flushPending = false;
        out.flush();
        lastFlush = System.nanoTime();
    }

    /**
     * The place of {@code event}, from the place of the event before it. The life-cycle events of
     * a Map or Parallel state (Started, Succeeded, Failed, MapIteration..., MapRun...) name no
     * state and follow an event of the state's own iterations or branches, so they are put
     * to the Map or Parallel state around that event.
     */
    private Place place(HistoryEvent event, Place previous) {
        EventType type = event.type();
        String name = event.stringDetail("name");
        if (name == null) {
            name = event.stringDetail("state"); // EvaluationFailed
        }
        if (name == null) {
            name = event.stateName();
        }
        if (type == EventType.MapStateEntered || type == EventType.ParallelStateEntered) {
            return new Place(name, name, event.id(), scopeAfter(previous), false);
        }
        if (isLifeCycle(type) && event.stateName() == null) { // a MapStateAborted of a stopped branch names its state
            long owner = previous.owner() != 0 ? previous.owner() : previous.scope();
            Place state = placeOf(owner);
            boolean opens = type == EventType.ParallelStateStarted || type == EventType.MapIterationStarted;
            return new Place(state.name(), state.name(), owner, state.scope(), opens);
        }
        if (type == EventType.MapStateExited || type == EventType.ParallelStateExited) {
            long owner = previous.owner() != 0 ? previous.owner() : previous.scope();
            return new Place(name, "", 0, placeOf(owner).scope(), false);
        }
        String shown = name != null ? name : previous.carry();
        boolean passesOn = !type.isStateExited() && type != EventType.ExecutionStarted;
        return new Place(shown, passesOn ? shown : "", 0, scopeAfter(previous), false);
    }

    /** The Map or Parallel state that the event after one at {@code previous} runs inside. */
    private static long scopeAfter(Place previous) {
        return previous.opens() ? previous.owner() : previous.scope();
    }

    private static boolean isLifeCycle(EventType type) {
        String name = type.name();
        return name.startsWith("MapIteration") || name.startsWith("MapRun")
                || (name.startsWith("MapState") || name.startsWith("ParallelState"))
                && !type.isStateEntered() && !type.isStateExited();
    }

    private String elapsed(Instant at) {
        Duration d = Duration.between(start, at);
        int millis = d.toMillisPart();
        return "+" + d.getSeconds() + "." + (millis < 10 ? "00" : millis < 100 ? "0" : "") + millis + "s";
    }

    private static StringBuilder pad(StringBuilder b, String text, int width, boolean right) {
        int spaces = Math.max(0, width - text.length());
        if (right) {
            b.append(" ".repeat(spaces)).append(text);
        } else {
            b.append(text).append(" ".repeat(spaces));
        }
        return b;
    }

    private Place placeOf(long id) {
        Place place = id > 0 && id < places.length ? places[(int) id] : null;
        return place != null ? place : Place.NONE;
    }

    private void remember(long id, Place place) {
        if (id <= 0 || id > Integer.MAX_VALUE - 8) {
            return;
        }
        if (id >= places.length) {
            places = Arrays.copyOf(places, (int) Math.min(Integer.MAX_VALUE - 8, Math.max(id + 1, 2L * places.length)));
        }
        Place same = shared.putIfAbsent(place, place);
        if (shared.size() > 4096) { // a loop repeats a few places; anything else is not worth sharing
            shared.clear();
        }
        places[(int) id] = same != null ? same : place;
    }

    private String detail(HistoryEvent event) {
        String error = event.stringDetail("error");
        if (error != null) {
            String cause = event.stringDetail("cause");
            return error + (cause == null ? "" : ": " + excerpt(LOCATED.matcher(cause).replaceFirst("")));
        }
        for (String key : new String[] {"output", "input"}) {
            if (event.detail(key) instanceof Payload payload && event.type() != EventType.ExecutionStarted) {
                return excerpt(payload.text(json));
            }
        }
        if (event.detail("parameters") instanceof String parameters) { // TaskScheduled: what the task is sent
            return excerpt(parameters);
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
